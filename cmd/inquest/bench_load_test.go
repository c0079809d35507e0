package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchLoadCommand(t *testing.T) {
	code, stdout, stderr := runIngestCmd(t, "bench", "load", "--readers", "2", "--writers", "1", "--requests", "60", "--seed", "2", "--duration", "20s")
	if code != 0 {
		t.Fatalf("bench load: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"Load test on sqlite, 127.0.0.1", "reads (HTTP)", "writes (ingest)", "errors 0;", "lost 0;", "verified: true"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr := runIngestCmd(t, "bench", "load", "--duration", "0", "--requests", "0"); code != 2 || !strings.Contains(stderr, "bounded") {
		t.Errorf("unbounded run: exit %d %s", code, stderr)
	}
}

// TestBenchLoadOnCase reads a generated case: public and workspace reads,
// no writers unless asked for, and --analysts only with --case.
func TestBenchLoadOnCase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bench.db")
	if code, stdout, stderr := runIngestCmd(t, "bench", "gen", "--statements", "300", "--db", db); code != 0 {
		t.Fatalf("bench gen: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr := runIngestCmd(t, "bench", "load", "--db", db, "--case", "bench", "--readers", "5", "--requests", "60", "--duration", "60s")
	if code != 0 {
		t.Fatalf("bench load --case: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"case bench", "5 readers, 0 writers", "public: case page", "workspace: ws source page", "peak RSS", "errors 0;"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr := runIngestCmd(t, "bench", "load", "--analysts", "2", "--requests", "10"); code != 2 || !strings.Contains(stderr, "--case") {
		t.Errorf("--analysts without --case: exit %d %s", code, stderr)
	}
	if code, _, stderr := runIngestCmd(t, "bench", "load", "--db", db, "--case", "bench", "--writers", "1", "--requests", "10"); code != 2 || !strings.Contains(stderr, "no writers") {
		t.Errorf("writers on an existing case: exit %d %s", code, stderr)
	}
}
