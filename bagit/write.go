package bagit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"
)

// Version and Encoding are what this package writes into bagit.txt.
const (
	Version  = "1.0"
	Encoding = "UTF-8"
)

// Writer builds a bag. It writes into a hidden sibling directory and renames
// it into place only when Close succeeds, so that a failed or interrupted
// export never leaves something that looks like a bag.
type Writer struct {
	dir     string // the final directory
	tmp     string // where the bag is built
	info    Info
	entries []Entry
	seen    map[string]bool
	octets  int64
	done    bool
	// Now gives the Bagging-Date when info has none; tests may replace it.
	Now func() time.Time
}

// Create starts a bag that will live at dir, which must not exist or must be
// an empty directory. info is written to bag-info.txt; Close adds
// Bagging-Date (unless info has one), Payload-Oxum and Bag-Size.
func Create(dir string, info Info) (*Writer, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("bag directory %s is not empty; choose a new directory", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("bag directory %s: %w", dir, err)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create bag directory %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".partial-")
	if err != nil {
		return nil, fmt.Errorf("create bag directory %s: %w", dir, err)
	}
	// Evidence bags may hold private material; only the owner reads them
	// until the operator decides otherwise.
	if err := os.Mkdir(filepath.Join(tmp, "data"), 0o700); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("create bag directory %s: %w", dir, err)
	}
	return &Writer{dir: dir, tmp: tmp, info: info, seen: map[string]bool{}, Now: time.Now}, nil
}

// WriteFile adds a payload file. name is slash-separated and relative to
// data/ ("sources/12-ab12.pdf"); it must not be added twice.
func (w *Writer) WriteFile(name string, data []byte) error {
	return w.Copy(name, bytes.NewReader(data))
}

// Copy adds a payload file with the bytes read from r.
func (w *Writer) Copy(name string, r io.Reader) error {
	if w.done {
		return fmt.Errorf("bag %s: add %s after Close", w.dir, name)
	}
	rel := path.Join("data", name)
	if err := checkPath(name); err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	if w.seen[rel] {
		return fmt.Errorf("bag %s: %s added twice", w.dir, rel)
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("bag %s: write %s: %w", w.dir, rel, err)
	}
	w.seen[rel] = true
	w.entries = append(w.entries, Entry{Checksum: hex.EncodeToString(h.Sum(nil)), Path: rel})
	w.octets += n
	return nil
}

// Close writes the tag files and moves the finished bag into place. On error
// nothing is left at the bag's directory.
func (w *Writer) Close() error {
	if w.done {
		return nil
	}
	w.done = true
	if err := w.finish(); err != nil {
		os.RemoveAll(w.tmp)
		return fmt.Errorf("bag %s: %w", w.dir, err)
	}
	return nil
}

// Abort discards a bag that will not be finished.
func (w *Writer) Abort() {
	if !w.done {
		w.done = true
		os.RemoveAll(w.tmp)
	}
}

func (w *Writer) finish() error {
	info := append(Info(nil), w.info...)
	if !info.Has(LabelBaggingDate) {
		info = append(info, Field{LabelBaggingDate, w.Now().UTC().Format("2006-01-02")})
	}
	info = append(info,
		Field{LabelPayloadOxum, strconv.FormatInt(w.octets, 10) + "." + strconv.Itoa(len(w.entries))},
		Field{LabelBagSize, humanSize(w.octets)})

	var tags []Entry
	writeTag := func(name string, write func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := writeSynced(filepath.Join(w.tmp, name), buf.Bytes()); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		tags = append(tags, Entry{Checksum: hex.EncodeToString(sum[:]), Path: name})
		return nil
	}
	if err := writeTag("bagit.txt", func(b io.Writer) error {
		return FormatInfo(b, Info{{"BagIt-Version", Version}, {"Tag-File-Character-Encoding", Encoding}})
	}); err != nil {
		return err
	}
	if err := writeTag("manifest-sha256.txt", func(b io.Writer) error { return FormatManifest(b, w.entries) }); err != nil {
		return err
	}
	if err := writeTag("bag-info.txt", func(b io.Writer) error { return FormatInfo(b, info) }); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := FormatManifest(&buf, tags); err != nil {
		return err
	}
	if err := writeSynced(filepath.Join(w.tmp, "tagmanifest-sha256.txt"), buf.Bytes()); err != nil {
		return err
	}
	// An empty directory at the destination was allowed by Create; rename
	// cannot replace it on every system, so remove it first.
	if err := os.Remove(w.dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("replace %s: %w", w.dir, err)
	}
	return os.Rename(w.tmp, w.dir)
}

func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// humanSize gives Bag-Size in the form RFC 8493 suggests ("260 GB").
func humanSize(n int64) string {
	const unit = 1000
	if n < unit {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
