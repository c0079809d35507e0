package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

func init() {
	// -update rewrites golden files; another test file of this package may
	// have defined the flag already.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

// TestExtractGolden runs `inquest extract` on two short reports of an
// invented case and compares both output formats with golden files
// (go test -run TestExtractGolden -update rewrites them).
func TestExtractGolden(t *testing.T) {
	dir := filepath.Join("testdata", "extract")
	files := []string{filepath.Join(dir, "report-en.txt"), filepath.Join(dir, "report-ru.txt")}
	for _, format := range []string{"jsonl", "text"} {
		args := append([]string{"--published", "2020-11-10", "--people", filepath.Join(dir, "people.json"),
			"--claims", filepath.Join(dir, "claims.json"), "--format", format}, files...)
		code, out, errs := runExtractCmd(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		golden := filepath.Join(dir, "golden."+format)
		if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
			if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if out != string(want) {
			t.Errorf("%s output differs from %s:\n--- got\n%s\n--- want\n%s", format, golden, out, want)
		}
	}
}
