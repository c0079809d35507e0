package main

import (
	"context"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit/evidence"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestDemoRoundTrip hands the example case over as a bag, from SQLite into
// a fresh workspace on each backend: every source keeps its SHA-256 and
// text, every statement its span and review, and the workspace verifies.
func TestDemoRoundTrip(t *testing.T) {
	ctx := context.Background()
	from := storetest.Open(t)
	if _, err := demo.Load(ctx, from); err != nil {
		t.Fatalf("demo.Load: %v", err)
	}
	bag := filepath.Join(t.TempDir(), "bag")
	if _, err := evidence.Export(ctx, from, demo.CaseSlug, bag, evidence.ExportOptions{}); err != nil {
		t.Fatalf("Export: %v", err)
	}
	want := caseDigest(t, from, demo.CaseSlug)
	if len(want) < 5 {
		t.Fatalf("the demo has only %d sources and statements", len(want))
	}
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		code, stdout, stderr := runIngestCmd(t, "import", "--db", dsn, "--format", "bagit", bag)
		if code != 0 {
			t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
		}
		to, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer to.Close()
		got := caseDigest(t, to, demo.CaseSlug)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("after the round trip:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if code, stdout, _ := runIngestCmd(t, "verify", "--db", dsn); code != 0 {
			t.Errorf("verify after import: exit %d: %s", code, stdout)
		}
	})
}

// caseDigest lists each source (hashes, size, text hash) and each statement
// (source hash, span, text, review, speaker) of a case, sorted, without ids.
func caseDigest(t *testing.T, db *store.DB, slug string) []string {
	t.Helper()
	ctx := context.Background()
	c, err := db.CaseBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	hashOf := map[int64]string{}
	var out []string
	for _, s := range sources {
		hashOf[s.ID] = s.SHA256
		out = append(out, strings.Join([]string{"source", s.SHA256, s.TextSHA256, s.Locator, s.Title, s.RetrievedAt.UTC().String()}, " "))
	}
	stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		out = append(out, strings.Join([]string{"statement", hashOf[s.SourceID][:12], strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Text, string(s.Review), s.SpeakerName, string(s.SaidOn)}, " "))
	}
	sort.Strings(out)
	return out
}
