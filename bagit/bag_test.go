package bagit

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// payload is the test bag's content, with names that need RFC 8493's
// percent-encoding and names in other scripts.
var payload = map[string]string{
	"a.txt":                 "hello",
	"sources/1-abc.pdf":     "%PDF-1.4 not really",
	"sources/Токаев.txt":    "Они не были там.",
	"odd/100% sure.txt":     "percent",
	"odd/line\nbreak.txt":   "line feed in the name",
	"odd/carriage\rret.txt": "carriage return in the name",
	"odd/with space/x.json": "{}",
	"empty.txt":             "",
}

func writeBag(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bag")
	w, err := Create(dir, Info{{LabelSourceOrganization, "Example Monitor"}, {LabelExternalDescription, "Test bag"}})
	if err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Date(2026, 3, 14, 23, 0, 0, 0, time.UTC) }
	for name, body := range payload {
		if err := w.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestWriteThenValidate(t *testing.T) {
	dir := writeBag(t)
	bag, err := Validate(dir)
	if err != nil {
		t.Fatalf("Validate: %v", err)
	}
	decl, _ := os.ReadFile(filepath.Join(dir, "bagit.txt"))
	if got, want := string(decl), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"; got != want {
		t.Errorf("bagit.txt = %q, want %q", got, want)
	}
	var octets int
	for _, b := range payload {
		octets += len(b)
	}
	for label, want := range map[string]string{
		LabelSourceOrganization: "Example Monitor",
		LabelBaggingDate:        "2026-03-14",
		LabelPayloadOxum:        strconv.Itoa(octets) + "." + strconv.Itoa(len(payload)),
	} {
		if got := bag.Info.Get(label); got != want {
			t.Errorf("bag-info %s = %q, want %q", label, got, want)
		}
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "manifest-sha256.txt"))
	for _, want := range []string{"data/odd/line%0Abreak.txt", "data/odd/carriage%0Dret.txt", "data/odd/100%25 sure.txt"} {
		if !strings.Contains(string(manifest), want) {
			t.Errorf("manifest lacks encoded path %q:\n%s", want, manifest)
		}
	}
	tags, _ := os.ReadFile(filepath.Join(dir, "tagmanifest-sha256.txt"))
	for _, want := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt"} {
		if !strings.Contains(string(tags), "  "+want+"\n") {
			t.Errorf("tag manifest lacks %s:\n%s", want, tags)
		}
	}
	for name, body := range payload {
		got, err := bag.ReadFile(name)
		if err != nil {
			t.Errorf("ReadFile(%q): %v", name, err)
			continue
		}
		if string(got) != body {
			t.Errorf("ReadFile(%q) = %q, want %q", name, got, body)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".bag.partial-*")); len(leftovers) > 0 {
		t.Errorf("partial directories left behind: %v", leftovers)
	}
}

func TestValidateFindsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   []string // each must appear in the error
	}{
		{"one changed byte", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "data", "sources", "Токаев.txt")
			b, _ := os.ReadFile(p)
			b[0] ^= 1
			must(t, os.WriteFile(p, b, 0o600))
		}, []string{"data/sources/Токаев.txt: sha256 checksum is", "the file has changed"}},
		{"file added to the payload", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "data", "extra.txt"), []byte("x"), 0o600))
		}, []string{"data/extra.txt: payload file not listed in manifest-sha256.txt", "Payload-Oxum says"}},
		{"payload file removed", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "data", "a.txt")))
		}, []string{"data/a.txt: listed in manifest-sha256.txt but missing from the bag"}},
		{"manifest line edited", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "manifest-sha256.txt")
			b, _ := os.ReadFile(p)
			must(t, os.WriteFile(p, []byte(strings.Replace(string(b), "data/a.txt", "data/b.txt", 1)), 0o600))
		}, []string{"data/b.txt: listed in manifest-sha256.txt but missing", "data/a.txt: payload file not listed", "manifest-sha256.txt: sha256 checksum is", "tagmanifest-sha256.txt says"}},
		{"bag-info edited", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "bag-info.txt")
			b, _ := os.ReadFile(p)
			must(t, os.WriteFile(p, []byte(strings.Replace(string(b), "Example Monitor", "Someone Else", 1)), 0o600))
		}, []string{"bag-info.txt: sha256 checksum is"}},
		{"Payload-Oxum wrong", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "bag-info.txt")
			b, _ := os.ReadFile(p)
			must(t, os.WriteFile(p, []byte(strings.Replace(string(b), "Payload-Oxum: ", "Payload-Oxum: 9", 1)), 0o600))
		}, []string{"bag-info.txt: Payload-Oxum says 9"}},
		{"unknown version", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "bagit.txt"), []byte("BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n"), 0o600))
		}, []string{"bagit.txt: BagIt-Version \"2.0\" is not supported"}},
		{"declaration missing", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "bagit.txt")))
		}, []string{"bagit.txt: bag declaration missing"}},
		{"no payload manifest", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "manifest-sha256.txt")))
		}, []string{"no payload manifest"}},
		{"symbolic link in the payload", func(t *testing.T, dir string) {
			must(t, os.Symlink("/etc/passwd", filepath.Join(dir, "data", "passwd")))
		}, []string{"data/passwd: is a symbolic link"}},
		{"fetch.txt", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "fetch.txt"), []byte("http://example.org/x 1 data/x\n"), 0o600))
		}, []string{"fetch.txt: the bag asks for files to be fetched"}},
		{"manifest escapes the bag", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "manifest-sha256.txt")
			b, _ := os.ReadFile(p)
			must(t, os.WriteFile(p, append(b, []byte(sumA+"  data/../../secret\n")...), 0o600))
		}, []string{"manifest-sha256.txt: line", "contains \"..\""}},
		{"second manifest disagrees", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "manifest-md5.txt"), []byte("5d41402abc4b2a76b9719d911017c592  data/a.txt\n"), 0o600))
		}, []string{"data/sources/1-abc.pdf: payload file not listed in manifest-md5.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeBag(t)
			tt.damage(t, dir)
			_, err := Validate(dir)
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Validate = %v, want a *ValidationError", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q:\n%v", want, err)
				}
			}
		})
	}
}

// TestValidateForeignBag checks a bag written by hand the way other tools
// write them: SHA-512 only, CRLF line ends, folded bag-info values, no tag
// manifest.
func TestValidateForeignBag(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bagit.txt":           "BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8\r\n",
		"bag-info.txt":        "Source-Organization: Somewhere\r\nExternal-Description: a long\r\n  description\r\nPayload-Oxum: 5.1\r\n",
		"manifest-sha512.txt": "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043 data/hello.txt\r\n",
		"data/hello.txt":      "hello",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o700))
		must(t, os.WriteFile(p, []byte(body), 0o600))
	}
	bag, err := Validate(dir)
	if err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if got, want := bag.Info.Get(LabelExternalDescription), "a long\ndescription"; got != want {
		t.Errorf("External-Description = %q, want %q", got, want)
	}
	if got, err := bag.ReadFile("hello.txt"); err != nil || string(got) != "hello" {
		t.Errorf("ReadFile = %q, %v", got, err)
	}
}

func TestReadFileNoticesLateChange(t *testing.T) {
	dir := writeBag(t)
	bag, err := Validate(dir)
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "data", "a.txt"), []byte("jello"), 0o600))
	if _, err := bag.ReadFile("a.txt"); err == nil || !strings.Contains(err.Error(), "data/a.txt: sha256 checksum is") {
		t.Errorf("ReadFile after a change: %v", err)
	}
}

func TestCreateRefusesNonEmptyDirAndAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "x"), nil, 0o600))
	if _, err := Create(dir, nil); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Create into a non-empty directory: %v", err)
	}
	target := filepath.Join(t.TempDir(), "bag")
	w, err := Create(target, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t, w.WriteFile("a.txt", []byte("x")))
	if err := w.WriteFile("a.txt", []byte("y")); err == nil {
		t.Error("WriteFile accepted the same name twice")
	}
	w.Abort()
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 0 {
		t.Errorf("after Abort the parent holds %d entries", len(entries))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestManifestsCheckWithSha256sum checks a bag with an independent tool:
// coreutils' sha256sum reads the manifests as they are written.
func TestManifestsCheckWithSha256sum(t *testing.T) {
	tool, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Skip("sha256sum not installed")
	}
	dir := filepath.Join(t.TempDir(), "bag")
	w, err := Create(dir, nil)
	must(t, err)
	must(t, w.WriteFile("sources/1-abc.txt", []byte("Их там не было")))
	must(t, w.WriteFile("sources.json", []byte("[]")))
	must(t, w.Close())
	for _, m := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command(tool, "-c", "--strict", m)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c %s: %v\n%s", m, err, out)
		}
	}
}
