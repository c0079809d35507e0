package main

import (
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
