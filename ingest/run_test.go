package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// runReport is a short report with a quotation the engine finds, and no
// stance on the case's claim.
func runReport(i int) string {
	return fmt.Sprintf("Report %d\n\nThe Mayor of Almaty said: \"Traffic on Abay Avenue resumed at %d o'clock and the markets opened.\"\n\n"+
		"Residents said the square was quiet on day %d.", i, i%24, i)
}

// runCorpus writes n reports to a new directory.
func runCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		write(t, filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), runReport(i))
	}
	return dir
}

// runItems lists dir as inquest ingest DIR does.
func runItems(t *testing.T, r *Reader, dir string) []Item {
	t.Helper()
	list, err := r.Expand(dir)
	if err != nil {
		t.Fatal(err)
	}
	items := make([]Item, len(list))
	for i, name := range list {
		items[i] = Item{Arg: dir, Name: name}
	}
	return items
}

// Run reads and extracts on several goroutines and stores several
// documents to a transaction, yet reports every document in the order
// given, each only once it is stored with all its suggestions. A file that
// cannot be read, and one the database refuses in the middle of a shared
// transaction, are reported with errors that name them; nothing of them is
// stored, and the documents around them are.
func TestRunKeepsOrderAndStoresEveryDocumentWhole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p, _ := claimPipeline(t, db)
		dir := runCorpus(t, 90)
		tooBig := filepath.Join(dir, "r0010.txt")
		write(t, tooBig, runReport(10)+strings.Repeat(" Padding.", 200))
		refused := filepath.Join(dir, "r0033.txt")
		write(t, refused, atomicText) // its stance names a claim the record does not hold (below)
		dupe := filepath.Join(dir, "r0050.txt")
		write(t, dupe, runReport(7)) // the bytes of r0007.txt
		r := NewReader(Options{MaxSize: 1024})
		items := runItems(t, r, dir)
		good := p.claims["foreign-terrorists"]
		p.claims["foreign-terrorists"] = good + 1000

		var got []Outcome
		err := p.Run(ctx, r, items, RunOptions{Workers: 4, Batch: 16}, func(o Outcome) { got = append(got, o) })
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(items) {
			t.Fatalf("%d outcomes for %d documents", len(got), len(items))
		}
		var first *inquest.Source // of r0007.txt
		created := 0
		var lastID int64
		for i, o := range got {
			if o.Name != items[i].Name {
				t.Fatalf("outcome %d is for %s, want %s: out of order", i, o.Name, items[i].Name)
			}
			switch o.Name {
			case tooBig:
				if o.Err == nil || !strings.Contains(o.Err.Error(), tooBig) || !strings.Contains(o.Err.Error(), "--max-size") {
					t.Errorf("%s: error %v, want one naming it and --max-size", o.Name, o.Err)
				}
				continue
			case refused:
				if o.Err == nil || !strings.Contains(o.Err.Error(), refused) || inquest.ErrorCode(o.Err) != inquest.EINVALID {
					t.Errorf("%s: error %v (%s), want EINVALID naming it", o.Name, o.Err, inquest.ErrorCode(o.Err))
				}
				continue
			case dupe:
				if o.Err != nil || o.Created || first == nil || o.Source.ID != first.ID {
					t.Errorf("%s: %+v; want unchanged, source %v", o.Name, o, first)
				}
				continue
			}
			if o.Err != nil || !o.Created {
				t.Errorf("%s: created %v, %v", o.Name, o.Created, o.Err)
				continue
			}
			if strings.HasSuffix(o.Name, "r0007.txt") {
				first = o.Source
			}
			if o.Source.ID <= lastID {
				t.Errorf("%s: source %d after source %d: stored out of order", o.Name, o.Source.ID, lastID)
			}
			lastID = o.Source.ID
			created++
			stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: o.Source.ID})
			if err != nil || len(stmts) == 0 {
				t.Errorf("%s: %d statements (%v); want its suggestions stored with it", o.Name, len(stmts), err)
			}
			if _, extracted, err := db.HeldSource(ctx, o.Source.CaseID, o.Source.SHA256); err != nil || !extracted {
				t.Errorf("%s: extraction recorded %v (%v)", o.Name, extracted, err)
			}
		}
		if n := countRows(t, db, "sources"); n != int64(created) {
			t.Errorf("%d sources stored, %d reported created", n, created)
		}
		if n := countRows(t, db, "stances"); n != 0 {
			t.Errorf("%d stances stored; the only document with one was refused", n)
		}
		if bad, err := db.VerifyAudit(ctx); err != nil || bad != 0 {
			t.Errorf("audit chain broken at entry %d (%v)", bad, err)
		}

		// The refused document goes in whole once the claim is right.
		p.claims["foreign-terrorists"] = good
		got = got[:0]
		err = p.Run(ctx, r, []Item{{Arg: dir, Name: refused}}, RunOptions{}, func(o Outcome) { got = append(got, o) })
		if err != nil || len(got) != 1 || got[0].Err != nil || !got[0].Created {
			t.Fatalf("second run: %+v, %v", got, err)
		}
		if countRows(t, db, "stances") == 0 {
			t.Error("no stance stored with the refused document on its second run")
		}
	})
}

// Cancelling the context stops the reading; Run stores and reports what was
// read, and returns the context's error. Every document reported is
// stored, and nothing is stored that was not reported.
func TestRunInterruptedStoresOnlyWhatItReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		p, _ := claimPipeline(t, db)
		dir := runCorpus(t, 300)
		r := NewReader(DefaultOptions())
		items := runItems(t, r, dir)
		reported := 0
		err := p.Run(ctx, r, items, RunOptions{Workers: 2, Batch: 4}, func(o Outcome) {
			if o.Err != nil || !o.Created {
				t.Errorf("%s: created %v, %v", o.Name, o.Created, o.Err)
			}
			reported++
			if reported == 3 {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
		if reported < 3 || reported >= len(items) {
			t.Errorf("%d of %d documents reported after cancelling at the third", reported, len(items))
		}
		if n := countRows(t, db, "sources"); n != int64(reported) {
			t.Errorf("%d sources stored, %d reported", n, reported)
		}
		if n := countRows(t, db, "source_extractions"); n != int64(reported) {
			t.Errorf("%d extractions stored, %d sources reported", n, reported)
		}
	})
}
