package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestReadPublicChecksAgain: the public record keeps only the keys of a
// case's statements, and a page reads their words when it is rendered.
// What it reads passes the record's rules again, so a statement rejected
// after the record was loaded is not shown even by a page rendered from
// that record (the record itself is dropped on the change, through the
// public-change count; this is the second lock), and nothing is read for
// an id the record does not hold.
func TestReadPublicChecksAgain(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	s := NewServer(db, Options{})
	rec, err := s.loadPublicRecord(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	all, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	var confirmed, other []int64
	for _, st := range all {
		if st.Review == inquest.Confirmed {
			confirmed = append(confirmed, st.ID)
		} else {
			other = append(other, st.ID)
		}
	}
	if len(confirmed) < 2 || len(other) == 0 {
		t.Fatalf("the demo has %d confirmed and %d other statements; the test needs both", len(confirmed), len(other))
	}
	ids := append(append([]int64{}, confirmed...), other...)
	reads, err := s.readPublic(ctx, rec, ids, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(reads.statement) != len(confirmed) {
		t.Fatalf("read %d statements of %d confirmed (and %d not)", len(reads.statement), len(confirmed), len(other))
	}
	for _, id := range other {
		if reads.statement[id] != nil {
			t.Errorf("statement %d, not confirmed, was read for a public page", id)
		}
	}
	for _, st := range reads.statement {
		if st.Note != "" {
			t.Errorf("statement %d carries its analyst's note to a public page", st.ID)
		}
	}

	gone := confirmed[0]
	if err := db.SetStatementReview(ctx, gone, inquest.Rejected, "test"); err != nil {
		t.Fatal(err)
	}
	reads, err = s.readPublic(ctx, rec, confirmed, nil) // the record from before the rejection
	if err != nil {
		t.Fatal(err)
	}
	if reads.statement[gone] != nil {
		t.Errorf("statement %d was rejected, but a page rendered from the earlier record still reads it", gone)
	}
	if len(reads.statement) != len(confirmed)-1 {
		t.Errorf("read %d statements after one of %d was rejected", len(reads.statement), len(confirmed))
	}
}

// TestBulkDownloadStreamed: the statements table of a case larger than
// one read (a thousand statements) comes whole, each public statement once,
// in both formats, and is not kept in the page cache.
func TestBulkDownloadStreamed(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 4000, Seed: 9, Batch: 200})
	if err != nil {
		t.Fatal(err)
	}
	confirmed, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID, Review: inquest.Confirmed})
	if err != nil {
		t.Fatal(err)
	}
	if len(confirmed) <= 1000 {
		t.Fatalf("%d confirmed statements; the test needs more than one read", len(confirmed))
	}
	s := NewServer(db, Options{})
	h := s.Handler()
	for _, ext := range []string{"json", "csv"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/cases/bench/data/statements."+ext, nil))
		if rec.Code != 200 {
			t.Fatalf("statements.%s = %d", ext, rec.Code)
		}
		var ids []string
		if ext == "json" {
			var rows []struct {
				ID json.Number `json:"id"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &rows); err != nil {
				t.Fatalf("statements.json: %v", err)
			}
			for _, r := range rows {
				ids = append(ids, r.ID.String())
			}
		} else {
			recs, err := csv.NewReader(rec.Body).ReadAll()
			if err != nil {
				t.Fatalf("statements.csv: %v", err)
			}
			for _, r := range recs[1:] {
				ids = append(ids, r[0])
			}
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("statements.%s lists statement %s twice", ext, id)
			}
			seen[id] = true
		}
		for _, st := range confirmed {
			if !seen[strconv.FormatInt(st.ID, 10)] {
				t.Fatalf("statements.%s lacks confirmed statement %d (%d rows of %d)", ext, st.ID, len(ids), len(confirmed))
			}
		}
		if len(ids) != len(confirmed) {
			t.Errorf("statements.%s: %d rows, %d confirmed statements", ext, len(ids), len(confirmed))
		}
	}
	cache := s.pageCache()
	cache.mu.Lock()
	defer cache.mu.Unlock()
	for key := range cache.pages {
		if strings.Contains(key, "statements.") {
			t.Errorf("the page cache keeps the bulk download %s", key)
		}
	}
}
