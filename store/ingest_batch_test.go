package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// Several documents in one call share transactions but not their fate: each
// is stored with all its suggestions or not at all, a later one sees an
// earlier one's bytes (unchanged) and locator (next version), and the audit
// chain gets each source's entry followed by its stances', in order.
func TestAddSourcesWithSuggestions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		claim := newClaim(t, db, c.ID)
		type doc struct {
			locator, original string
			spanPastText      bool // a suggestion outside the text: refused
		}
		docs := []doc{
			{"file:a.txt", "a1", false},
			{"file:b.txt", "b1", false},
			{"file:c.txt", "c1", true},
			{"file:a.txt", "a1", false}, // the same bytes as the first
			{"file:a.txt", "a2", false}, // a changed copy of the first
			{"file:d.txt", "d1", false},
		}
		var srcs []*inquest.Source
		var originals [][]byte
		var sugs []inquest.Suggestions
		for _, d := range docs {
			src, sug := newSuggested(c.ID, claim.ID, "test-engine/1")
			src.Locator, src.Title = d.locator, d.locator
			if d.spanPastText {
				sug.Questions[0].Question.End = 10_000
			}
			srcs, originals, sugs = append(srcs, src), append(originals, []byte(d.original)), append(sugs, sug)
		}
		before := countAll(t, db)
		created, errs := db.AddSourcesWithSuggestions(ctx, srcs, originals, sugs)

		want := []struct {
			created bool
			version int
			err     string
		}{{true, 1, ""}, {true, 1, ""}, {false, 0, `source "file:c.txt"`}, {false, 1, ""}, {true, 2, ""}, {true, 1, ""}}
		for i, w := range want {
			got := fmt.Sprintf("created %v version %d", created[i], srcs[i].Version)
			if w.err != "" {
				if errs[i] == nil || !strings.Contains(errs[i].Error(), w.err) || inquest.ErrorCode(errs[i]) != inquest.EINVALID {
					t.Errorf("document %d: error %v, want EINVALID naming %s", i, errs[i], w.err)
				}
				continue
			}
			if errs[i] != nil || got != fmt.Sprintf("created %v version %d", w.created, w.version) {
				t.Errorf("document %d: %s, %v; want created %v version %d", i, got, errs[i], w.created, w.version)
			}
		}
		if srcs[3].ID != srcs[0].ID || srcs[4].PreviousID != srcs[0].ID {
			t.Errorf("unchanged copy is source %d, changed copy follows %d; want both %d", srcs[3].ID, srcs[4].PreviousID, srcs[0].ID)
		}
		// Four sources with one statement, stance, figure and question
		// each; the audit log has each source and each stance.
		got := countAll(t, db)
		got.audit -= before.audit
		if want := (counts{4, 4, 4, 4, 4, 8}); got != want {
			t.Errorf("record holds %+v, want %+v", got, want)
		}
		for _, i := range []int{0, 1, 4, 5} {
			stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: srcs[i].ID})
			if err != nil || len(stmts) != 1 || sugs[i].Statements[0].ID != stmts[0].ID {
				t.Errorf("source %d: statements %v (%v); want its one suggestion, with its id filled in", srcs[i].ID, stmts, err)
			}
		}
		entries, err := db.AuditLog(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			if e.Entity == "source" || e.Entity == "stance" {
				actions = append(actions, e.Action)
			}
		}
		wantActions := "source.add stance.add source.add stance.add source.version stance.add source.add stance.add"
		if strings.Join(actions, " ") != wantActions {
			t.Errorf("audit actions %v, want %s", actions, wantActions)
		}
		if bad, err := db.VerifyAudit(ctx); err != nil || bad != 0 {
			t.Errorf("audit chain broken at entry %d (%v)", bad, err)
		}
	})
}
