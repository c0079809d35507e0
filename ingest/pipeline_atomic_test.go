package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

const atomicText = "On 14 March 2022 the Prosecutor General told the Majilis: \"They were not there. No foreign terrorists took part in the riots,\" he said.\n\n" +
	"He added that 232 people had died in the January events."

// claimPipeline returns a pipeline on a case with the foreign-terrorists
// claim, whose engine suggests stances on it.
func claimPipeline(t *testing.T, db *store.DB) (*Pipeline, *inquest.Case) {
	t.Helper()
	ctx := context.Background()
	c := storetest.NewCase(t, db, "january")
	claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part in the January events"}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	p, err := NewPipeline(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p, c
}

func countRows(t *testing.T, db *store.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.RawQueryRow(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A failure while storing the suggestions (here a stance on a claim that is
// gone by then, refused by the database in the middle of the transaction)
// stores nothing of the document, and the error names the file; the same
// file then goes in whole.
func TestIngestFailureInSuggestionsRollsBackSource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p, _ := claimPipeline(t, db)
		path := filepath.Join(t.TempDir(), "majilis.txt")
		write(t, path, atomicText)
		doc, err := NewReader(DefaultOptions()).Read(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		good := p.claims["foreign-terrorists"]
		p.claims["foreign-terrorists"] = good + 1000 // a claim id the record does not hold
		src, created, err := p.Ingest(ctx, doc)
		if err == nil {
			t.Fatalf("ingest = %+v, %v; want an error (does the engine still find the stance?)", src, created)
		}
		if !strings.Contains(err.Error(), path) || inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("error %q (%s) does not name %s as invalid", err, inquest.ErrorCode(err), path)
		}
		for _, table := range []string{"sources", "statements", "stances", "figures", "questions", "source_extractions"} {
			if n := countRows(t, db, table); n != 0 {
				t.Errorf("%d rows in %s after the failed ingest, want 0", n, table)
			}
		}
		p.claims["foreign-terrorists"] = good
		src, created, err = p.Ingest(ctx, doc)
		if err != nil || !created {
			t.Fatalf("second ingest: created %v, %v", created, err)
		}
		stmts, _ := db.Statements(ctx, inquest.StatementFilter{SourceID: src.ID})
		if len(stmts) == 0 || countRows(t, db, "stances") == 0 {
			t.Errorf("%d statements, %d stances after the second ingest; want both", len(stmts), countRows(t, db, "stances"))
		}
	})
}

// A source stored without an extraction (by an older version, or without an
// engine) is extracted when its bytes are ingested again, once.
func TestIngestExtractsHeldSourceWithoutExtraction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p, c := claimPipeline(t, db)
		bare, err := NewPipelineWith(ctx, db, c.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "majilis.txt")
		write(t, path, atomicText)
		doc, err := NewReader(DefaultOptions()).Read(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		src, created, err := bare.Ingest(ctx, doc)
		if err != nil || !created {
			t.Fatalf("ingest without an engine: created %v, %v", created, err)
		}
		if n := countRows(t, db, "statements"); n != 0 {
			t.Fatalf("%d statements stored without an engine", n)
		}
		for round := 1; round <= 2; round++ {
			again, created, err := p.Ingest(ctx, doc)
			if err != nil || created || again.ID != src.ID {
				t.Fatalf("round %d: %+v, created %v, %v; want source %d, unchanged", round, again, created, err, src.ID)
			}
			stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: src.ID})
			if err != nil || len(stmts) != 1 || !strings.HasPrefix(stmts[0].Text, "They were not there.") {
				t.Errorf("round %d: statements %+v, %v; want the quotation once", round, stmts, err)
			}
			if n := countRows(t, db, "stances"); n != 1 {
				t.Errorf("round %d: %d stances, want 1", round, n)
			}
		}
	})
}

// A file's locator is "file:" and its path relative to the argument, never
// the absolute path; the same file named through another path to its
// directory is the same locator, and a changed copy is its next version.
func TestIngestLocatorRelativeToArgument(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		p, err := NewPipelineWith(ctx, db, c.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(DefaultOptions())
		dir := t.TempDir()
		write(t, filepath.Join(dir, "toll.txt"), "The death toll is 225.")
		write(t, filepath.Join(dir, "briefing.txt"), "The prosecutor spoke.")
		write(t, filepath.Join(dir, "briefing.meta.json"), `{"url": "https://example.org/briefing"}`)
		// The same directory through a path with a detour in it.
		detour := filepath.Join(dir, "sub")
		if err := os.Mkdir(detour, 0o755); err != nil {
			t.Fatal(err)
		}
		ingestAll := func(arg string) map[string]*inquest.Source {
			got := map[string]*inquest.Source{}
			err := r.Walk(ctx, []string{arg}, func(item string, doc *Document, err error) error {
				if err != nil {
					return err
				}
				src, _, err := p.Ingest(ctx, doc)
				got[filepath.Base(item)] = src
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		first := ingestAll(dir)
		for name, want := range map[string]string{"toll.txt": "file:toll.txt", "briefing.txt": "https://example.org/briefing"} {
			s := first[name]
			if s == nil || s.Locator != want || s.FileName != name || strings.Contains(s.Locator, dir) {
				t.Errorf("%s: locator %q, file name %q; want %q, %q", name, s.Locator, s.FileName, want, name)
			}
		}
		write(t, filepath.Join(dir, "toll.txt"), "The death toll is 238.")
		second := ingestAll(filepath.Join(detour, ".."))
		if s := second["toll.txt"]; s.Version != 2 || s.PreviousID != first["toll.txt"].ID || s.Locator != "file:toll.txt" {
			t.Errorf("changed copy: version %d, previous %d, locator %q; want version 2 of source %d", s.Version, s.PreviousID, s.Locator, first["toll.txt"].ID)
		}
		if s := second["briefing.txt"]; s.ID != first["briefing.txt"].ID {
			t.Errorf("unchanged briefing became source %d, want %d", s.ID, first["briefing.txt"].ID)
		}
		// A file argument is located by its base name.
		doc, err := r.ReadIn(ctx, filepath.Join(dir, "toll.txt"), filepath.Join(dir, "toll.txt"))
		if err != nil || doc.Locator != "file:toll.txt" {
			t.Errorf("file argument: locator %q, %v", doc.Locator, err)
		}
	})
}
