package bagit

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a bag: the file (relative to the bag, or
// "" for the bag as a whole) and what is wrong with it.
type Problem struct {
	File    string
	Problem string
}

func (p Problem) String() string {
	if p.File == "" {
		return p.Problem
	}
	return p.File + ": " + p.Problem
}

// ValidationError lists every problem found in a bag.
type ValidationError struct {
	Dir      string
	Problems []Problem
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	if len(e.Problems) == 1 {
		fmt.Fprintf(&b, "bag %s is not valid: %s", e.Dir, e.Problems[0])
		return b.String()
	}
	fmt.Fprintf(&b, "bag %s is not valid (%d problems):", e.Dir, len(e.Problems))
	for i, p := range e.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Bag is a bag that passed Validate.
type Bag struct {
	Dir     string
	Version string
	Info    Info
	// Algorithm is the manifest algorithm of Payload: sha256 when the bag
	// has that manifest, else the strongest other.
	Algorithm string
	// Payload maps each payload path ("data/…") to its checksum, from the
	// manifest and checked against the bytes.
	Payload map[string]string
}

// preference orders the algorithms for Bag.Algorithm.
var preference = []string{"sha256", "sha512", "sha1", "md5"}

// algorithms are the manifest algorithms this package can check. RFC 8493
// requires SHA-256 and SHA-512; MD5 and SHA-1 appear in older bags.
var algorithms = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New,
}

// Validate checks that dir is a complete and valid bag (RFC 8493 §3): a bag
// declaration of a known version in UTF-8; at least one payload manifest;
// every payload file listed in every payload manifest and every listed file
// present with the right checksum; Payload-Oxum, when given, matching the
// payload; every file in a tag manifest present with the right checksum. A
// bag that names files to fetch (fetch.txt) is refused, as are symbolic
// links and other non-regular files in the payload, which could make a
// reader read outside the bag. The error is a *ValidationError naming each
// file and what is wrong.
func Validate(dir string) (*Bag, error) {
	v := &validator{dir: dir, bag: &Bag{Dir: dir, Payload: map[string]string{}}}
	v.run()
	if len(v.problems) > 0 {
		return nil, &ValidationError{Dir: dir, Problems: v.problems}
	}
	return v.bag, nil
}

type validator struct {
	dir      string
	bag      *Bag
	problems []Problem
}

func (v *validator) addf(file, format string, args ...any) {
	v.problems = append(v.problems, Problem{File: file, Problem: fmt.Sprintf(format, args...)})
}

func (v *validator) run() {
	st, err := os.Stat(v.dir)
	if err != nil {
		v.addf("", "cannot read the bag directory: %v", err)
		return
	}
	if !st.IsDir() {
		v.addf("", "%s is not a directory", v.dir)
		return
	}
	v.declaration()
	if _, err := os.Lstat(v.path("fetch.txt")); err == nil {
		v.addf("fetch.txt", "the bag asks for files to be fetched from elsewhere; only complete bags are accepted")
	}
	if st, err := os.Lstat(v.path("data")); err != nil || !st.IsDir() {
		v.addf("data", "payload directory missing")
		return
	}
	payload := v.payloadFiles()
	v.payloadManifests(payload)
	v.bagInfo(payload)
	v.tagManifests()
}

func (v *validator) path(rel string) string { return filepath.Join(v.dir, filepath.FromSlash(rel)) }

// declaration checks bagit.txt.
func (v *validator) declaration() {
	b, err := os.ReadFile(v.path("bagit.txt"))
	if err != nil {
		v.addf("bagit.txt", "bag declaration missing or unreadable: %v", err)
		return
	}
	decl, err := ParseInfo(bytes.NewReader(b))
	if err != nil {
		v.addf("bagit.txt", "%v", err)
		return
	}
	version := decl.Get("BagIt-Version")
	switch version {
	case "1.0", "0.97":
	case "":
		v.addf("bagit.txt", "no BagIt-Version line")
	default:
		v.addf("bagit.txt", "BagIt-Version %q is not supported (want 1.0 or 0.97)", version)
	}
	enc := decl.Get("Tag-File-Character-Encoding")
	if !strings.EqualFold(enc, "UTF-8") {
		v.addf("bagit.txt", "Tag-File-Character-Encoding %q is not supported (want UTF-8)", enc)
	}
	v.bag.Version = version
}

type payloadFile struct {
	size int64
}

// payloadFiles walks data/ and returns every regular file by its bag path.
func (v *validator) payloadFiles() map[string]payloadFile {
	files := map[string]payloadFile{}
	err := filepath.WalkDir(v.path("data"), func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(v.dir, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			v.addf(rel, "cannot read: %v", err)
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			v.addf(rel, "is a symbolic link; a bag's payload must be regular files")
			return nil
		case !d.Type().IsRegular():
			v.addf(rel, "is not a regular file")
			return nil
		}
		info, err := d.Info()
		if err != nil {
			v.addf(rel, "cannot read: %v", err)
			return nil
		}
		files[rel] = payloadFile{size: info.Size()}
		return nil
	})
	if err != nil {
		v.addf("data", "cannot read the payload: %v", err)
	}
	return files
}

// manifests returns the names of the bag's files matching prefix-ALG.txt,
// sorted, with their algorithms.
func (v *validator) manifests(prefix string) (names, algs []string) {
	entries, err := os.ReadDir(v.dir)
	if err != nil {
		v.addf("", "cannot list the bag directory: %v", err)
		return nil, nil
	}
	for _, e := range entries {
		n := e.Name()
		if alg, ok := strings.CutPrefix(n, prefix+"-"); ok && strings.HasSuffix(alg, ".txt") {
			names = append(names, n)
			algs = append(algs, strings.TrimSuffix(alg, ".txt"))
		}
	}
	return names, algs
}

func (v *validator) readManifest(name, alg string) ([]Entry, func() hash.Hash, bool) {
	newHash, ok := algorithms[alg]
	if !ok {
		v.addf(name, "checksum algorithm %q is not supported (use sha256 or sha512)", alg)
		return nil, nil, false
	}
	f, err := os.Open(v.path(name))
	if err != nil {
		v.addf(name, "cannot read: %v", err)
		return nil, nil, false
	}
	defer f.Close()
	entries, err := ParseManifest(f)
	if err != nil {
		v.addf(name, "%v", err)
		return nil, nil, false
	}
	want := newHash().Size() * 2
	good := entries[:0]
	for _, e := range entries {
		if len(e.Checksum) != want {
			v.addf(name, "checksum of %s has %d hex digits; %s has %d", e.Path, len(e.Checksum), alg, want)
			continue
		}
		good = append(good, e)
	}
	return good, newHash, true
}

func (v *validator) payloadManifests(payload map[string]payloadFile) {
	names, algs := v.manifests("manifest")
	if len(names) == 0 {
		v.addf("manifest-sha256.txt", "no payload manifest (manifest-ALG.txt) in the bag")
		return
	}
	// want[path][alg] = checksum; hashing each file once for all algorithms.
	want := map[string]map[string]string{}
	hashes := map[string]func() hash.Hash{}
	for i, name := range names {
		entries, newHash, ok := v.readManifest(name, algs[i])
		if !ok {
			continue
		}
		hashes[algs[i]] = newHash
		listed := map[string]bool{}
		for _, e := range entries {
			if !strings.HasPrefix(e.Path, "data/") {
				v.addf(name, "lists %s, which is outside the payload directory data/", e.Path)
				continue
			}
			listed[e.Path] = true
			if _, ok := payload[e.Path]; !ok {
				v.addf(e.Path, "listed in %s but missing from the bag", name)
				continue
			}
			if want[e.Path] == nil {
				want[e.Path] = map[string]string{}
			}
			want[e.Path][algs[i]] = e.Checksum
		}
		for _, p := range sortedKeys(payload) {
			if !listed[p] {
				v.addf(p, "payload file not listed in %s", name)
			}
		}
	}
	for _, p := range sortedKeys(want) {
		got, err := v.sums(p, want[p], hashes)
		if err != nil {
			v.addf(p, "cannot read: %v", err)
			continue
		}
		for _, alg := range sortedKeys(want[p]) {
			if got[alg] != want[p][alg] {
				v.addf(p, "%s checksum is %s but the manifest says %s: the file has changed", alg, got[alg], want[p][alg])
			}
		}
	}
	for _, alg := range preference {
		if hashes[alg] != nil {
			v.bag.Algorithm = alg
			break
		}
	}
	for p, sums := range want {
		v.bag.Payload[p] = sums[v.bag.Algorithm]
	}
}

// sums hashes one file with every algorithm in algs.
func (v *validator) sums(rel string, algs map[string]string, hashes map[string]func() hash.Hash) (map[string]string, error) {
	f, err := os.Open(v.path(rel))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hs := map[string]hash.Hash{}
	var ws []io.Writer
	for alg := range algs {
		h := hashes[alg]()
		hs[alg] = h
		ws = append(ws, h)
	}
	if _, err := io.Copy(io.MultiWriter(ws...), f); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for alg, h := range hs {
		out[alg] = hex.EncodeToString(h.Sum(nil))
	}
	return out, nil
}

func (v *validator) bagInfo(payload map[string]payloadFile) {
	b, err := os.ReadFile(v.path("bag-info.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return // optional
	}
	if err != nil {
		v.addf("bag-info.txt", "cannot read: %v", err)
		return
	}
	info, err := ParseInfo(bytes.NewReader(b))
	if err != nil {
		v.addf("bag-info.txt", "%v", err)
		return
	}
	v.bag.Info = info
	if !info.Has(LabelPayloadOxum) {
		return
	}
	oxum := info.Get(LabelPayloadOxum)
	octets, streams, ok := parseOxum(oxum)
	if !ok {
		v.addf("bag-info.txt", "Payload-Oxum %q is not OCTETS.FILES", oxum)
		return
	}
	var total int64
	for _, f := range payload {
		total += f.size
	}
	if octets != total || streams != int64(len(payload)) {
		v.addf("bag-info.txt", "Payload-Oxum says %d bytes in %d files, but the payload has %d bytes in %d files",
			octets, streams, total, len(payload))
	}
}

func parseOxum(s string) (octets, streams int64, ok bool) {
	a, b, found := strings.Cut(s, ".")
	if !found {
		return 0, 0, false
	}
	o, err1 := strconv.ParseInt(a, 10, 64)
	n, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || o < 0 || n < 0 {
		return 0, 0, false
	}
	return o, n, true
}

func (v *validator) tagManifests() {
	names, algs := v.manifests("tagmanifest")
	for i, name := range names {
		entries, newHash, ok := v.readManifest(name, algs[i])
		if !ok {
			continue
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Path, "data/") {
				v.addf(name, "lists payload file %s; a tag manifest lists only tag files", e.Path)
				continue
			}
			st, err := os.Lstat(v.path(e.Path))
			if err != nil {
				v.addf(e.Path, "listed in %s but missing from the bag", name)
				continue
			}
			if !st.Mode().IsRegular() {
				v.addf(e.Path, "listed in %s but not a regular file", name)
				continue
			}
			got, err := v.sums(e.Path, map[string]string{algs[i]: ""}, map[string]func() hash.Hash{algs[i]: newHash})
			if err != nil {
				v.addf(e.Path, "cannot read: %v", err)
				continue
			}
			if got[algs[i]] != e.Checksum {
				v.addf(e.Path, "%s checksum is %s but %s says %s: the file has changed", algs[i], got[algs[i]], name, e.Checksum)
			}
		}
	}
}

// ReadFile returns a payload file of a validated bag after checking its bytes
// once more against the manifest, so that a file changed between Validate and
// the read is not taken for the original. name is relative to data/.
func (b *Bag) ReadFile(name string) ([]byte, error) {
	rel := path.Join("data", name)
	want, ok := b.Payload[rel]
	if !ok {
		return nil, fmt.Errorf("bag %s: %s is not in the payload manifest", b.Dir, rel)
	}
	data, err := os.ReadFile(filepath.Join(b.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("bag %s: %w", b.Dir, err)
	}
	h := algorithms[b.Algorithm]()
	h.Write(data)
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return nil, &ValidationError{Dir: b.Dir, Problems: []Problem{{rel, fmt.Sprintf("%s checksum is %s but the manifest says %s: the file has changed", b.Algorithm, got, want)}}}
	}
	return data, nil
}

// Has reports whether the payload holds name (relative to data/).
func (b *Bag) Has(name string) bool {
	_, ok := b.Payload[path.Join("data", name)]
	return ok
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
