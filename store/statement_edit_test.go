package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// Two analysts open the same statement and both save an edit: one edit is
// stored, the other gets a conflict that says to reload; nothing is silently
// overwritten.
func TestUpdateStatementConcurrentEditors(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		c := storetest.NewCase(t, a, "january")
		src := storetest.NewSource(t, a, c.ID, "a.txt", "They were not there.", "They were not there.")
		st := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, Text: "They were not there.", Start: 0, End: 20, SpeakerName: "the Prosecutor General"}
		if err := a.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}

		// Both read the same version, then save at the same moment.
		readA, _ := a.Statement(ctx, st.ID)
		readB, _ := b.Statement(ctx, st.ID)
		editA, editB := *readA, *readB
		editA.SpeakerName, editA.Review = "Berik Asylov", inquest.Confirmed
		editB.SpeakerName, editB.SaidOn = "Gizat Nurdauletov", "2022-03-14"
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, e := range []struct {
			db *store.DB
			s  *inquest.Statement
			by string
		}{{a, &editA, "anna"}, {b, &editB, "boris"}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = e.db.UpdateStatement(store.WithActor(ctx, e.by), e.s, readA.UpdatedAt)
			}()
		}
		wg.Wait()
		won := -1
		for i, err := range errs {
			switch inquest.ErrorCode(err) {
			case "":
				won = i
			case inquest.ECONFLICT:
				if msg := inquest.ErrorMessage(err); !strings.Contains(msg, "changed by someone else") || !strings.Contains(msg, "reload") {
					t.Errorf("conflict message %q does not say what happened and what to do", msg)
				}
			default:
				t.Errorf("editor %d: %v, want success or ECONFLICT", i, err)
			}
		}
		if won == -1 || (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("want exactly one edit stored, got errors %v", errs)
		}
		winner := []*inquest.Statement{&editA, &editB}[won]
		got, _ := b.Statement(ctx, st.ID)
		if got.SpeakerName != winner.SpeakerName || got.SaidOn != winner.SaidOn || got.Review != winner.Review {
			t.Errorf("stored %q %q %q, want the winner's %q %q %q", got.SpeakerName, got.SaidOn, got.Review, winner.SpeakerName, winner.SaidOn, winner.Review)
		}
		if !got.UpdatedAt.Equal(winner.UpdatedAt) || !got.UpdatedAt.After(readA.UpdatedAt) {
			t.Errorf("version after the edit: stored %v, returned %v, read %v", got.UpdatedAt, winner.UpdatedAt, readA.UpdatedAt)
		}
		if got.Text != st.Text || got.Start != st.Start || got.End != st.End {
			t.Error("an edit changed the quotation or its span")
		}

		// The loser reloads and applies the edit on the new version.
		loser := []*inquest.Statement{&editA, &editB}[1-won]
		fresh, _ := a.Statement(ctx, st.ID)
		fresh.Venue = "Majilis"
		fresh.Note = loser.SpeakerName + "?"
		if err := a.UpdateStatement(ctx, fresh, fresh.UpdatedAt); err != nil {
			t.Fatalf("edit after reload: %v", err)
		}
		// A review through the older path also counts as a change.
		stale := fresh.UpdatedAt
		if err := b.SetStatementReview(ctx, st.ID, inquest.Rejected, "carol"); err != nil {
			t.Fatal(err)
		}
		fresh.Venue = "Senate"
		if err := a.UpdateStatement(ctx, fresh, stale); inquest.ErrorCode(err) != inquest.ECONFLICT {
			t.Errorf("edit over a review made since reading: %v, want ECONFLICT", err)
		}
		if err := a.UpdateStatement(ctx, &inquest.Statement{ID: 9999, Review: inquest.Suggested}, stale); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("edit of a missing statement: %v, want ENOTFOUND", err)
		}
		if broken, err := a.VerifyAudit(ctx); broken != 0 || err != nil {
			t.Errorf("audit chain broken at %d (%v) after concurrent edits", broken, err)
		}
	})
}
