package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func init() {
	// -update rewrites golden files; another test file of this package may
	// have defined the flag already.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// runCLI runs the command line in-process, as main does, with stdin and no
// environment, and returns the exit code and both outputs.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// syncBuffer is a buffer a running server may write while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// listingGolden compares got with testdata/NAME, or rewrites it under -update.
func listingGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updatingGolden() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestCaseCreateAndList(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		code, stdout, stderr := runCLI(t, "", "case", "list", "--db", dsn, "--format", "json")
		if code != 0 || strings.TrimSpace(stdout) != "[]" {
			t.Errorf("case list of an empty workspace = %d %q %q, want 0 and []", code, stdout, stderr)
		}
		code, stdout, stderr = runCLI(t, "", "case", "create", "january-events", "--db", dsn, "--title", "January 2022 events", "--public")
		if code != 0 || !strings.Contains(stdout, "created public case january-events") {
			t.Fatalf("case create = %d %q %q", code, stdout, stderr)
		}
		// Flags before the slug work as well as after it.
		if code, _, stderr := runCLI(t, "", "case", "create", "--db", dsn, "--title", "Zhanaozen 2011", "zhanaozen"); code != 0 {
			t.Fatalf("case create zhanaozen = %d %s", code, stderr)
		}

		code, stdout, stderr = runCLI(t, "", "case", "list", "--db", dsn, "--format", "json")
		if code != 0 {
			t.Fatalf("case list = %d %s", code, stderr)
		}
		var cases []map[string]any
		if err := json.Unmarshal([]byte(stdout), &cases); err != nil {
			t.Fatalf("case list --format json is not a JSON array: %v\n%s", err, stdout)
		}
		if len(cases) != 2 {
			t.Fatalf("case list: %d cases, want 2", len(cases))
		}
		for _, c := range cases {
			for _, k := range []string{"slug", "title", "public"} {
				if _, ok := c[k]; !ok {
					t.Errorf("case %v lacks %q", c, k)
				}
			}
		}
		listingGolden(t, "case_list.json", []byte(stdout))

		code, stdout, _ = runCLI(t, "", "case", "list", "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "january-events") || !strings.Contains(stdout, "public") || !strings.Contains(stdout, "Zhanaozen 2011") {
			t.Errorf("case list (text) = %d\n%s", code, stdout)
		}
	})
}

func TestCaseCreateDuplicateSlug(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		if code, _, stderr := runCLI(t, "", "case", "create", "january-events", "--db", dsn, "--title", "First"); code != 0 {
			t.Fatalf("first create = %d %s", code, stderr)
		}
		code, stdout, stderr := runCLI(t, "", "case", "create", "january-events", "--db", dsn, "--title", "Second")
		if code == 0 {
			t.Fatalf("second create with the same slug succeeded: %s", stdout)
		}
		if !strings.Contains(stderr, `"january-events" already exists`) || !strings.Contains(stderr, "inquest case list") {
			t.Errorf("duplicate slug error should name the slug and the next step, got:\n%s", stderr)
		}
		db, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c, err := db.CaseBySlug(context.Background(), "january-events")
		if err != nil || c.Title != "First" {
			t.Errorf("after the failed create the case is %+v, %v; want the first title kept", c, err)
		}
	})
}

func TestCaseCommandErrors(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"case", "create", "no-title"}, 2, "needs a title"},
		{[]string{"case", "create", "Bad Slug", "--title", "T"}, 2, "lower-case letters"},
		{[]string{"case", "create", "--title", "T"}, 2, "exactly one SLUG"},
		{[]string{"case", "list", "--format", "xml"}, 2, `--format "xml"`},
		{[]string{"case", "list", "extra"}, 2, "takes no arguments"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", append(tt.args, "--db", dsn)...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("inquest %s = %d %q, want %d and an error containing %q", strings.Join(tt.args, " "), code, stderr, tt.wantCode, tt.wantErr)
		}
	}
}

func TestGroupUsage(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		want     []string
	}{
		{[]string{"case"}, 2, []string{"inquest case create", "inquest case list"}},
		{[]string{"case", "lst"}, 2, []string{`unknown subcommand "lst"`, "inquest case list"}},
		{[]string{"sources", "-h"}, 0, []string{"inquest sources list", "inquest sources show"}},
		{[]string{"people"}, 2, []string{"inquest people import"}},
		{[]string{"claims"}, 2, []string{"inquest claims import"}},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != tt.wantCode {
			t.Errorf("inquest %s exited %d, want %d", strings.Join(tt.args, " "), code, tt.wantCode)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("inquest %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), w, stderr)
			}
		}
	}
}
