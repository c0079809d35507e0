package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store/storetest"
)

func TestBuildDemoCase(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	if code, _, stderr := runCLI(t, "", "demo", "--load-only", "--db", dsn); code != 0 {
		t.Fatalf("demo --load-only = %d %s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runCLI(t, "", "build", "--case", "january-events", "--out", out, "--db", dsn)
	if code != 0 {
		t.Fatalf("build = %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "Built january-events into "+out) || !strings.Contains(stdout, "pages a second") {
		t.Errorf("build said %q", stdout)
	}
	for _, f := range []string{"index.html", "cases/january-events/index.html", "cases/january-events/feed.atom",
		"ru/cases/january-events/claims/index.html", "cases/january-events/data/statements.csv"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site lacks %s: %v", f, err)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--out", filepath.Join(t.TempDir(), "x"), "--db", dsn}, "--case"},
		{[]string{"build", "--case", "january-events", "--db", dsn}, "--out"},
		{[]string{"build", "--case", "nope", "--out", filepath.Join(t.TempDir(), "y"), "--db", dsn}, "nope"},
		{[]string{"build", "--case", "january-events", "--out", out, "--db", dsn}, "not empty"},
	} {
		code, _, stderr := runCLI(t, "", tc.args...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v = %d %q, want an error naming %q", tc.args, code, stderr, tc.want)
		}
	}
}
