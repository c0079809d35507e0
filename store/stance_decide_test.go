package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// stanceOf returns the stored stance of statement on the case's claim, nil
// when there is none.
func stanceOf(t *testing.T, db *store.DB, caseID, statementID int64) *inquest.Stance {
	t.Helper()
	ss, err := db.Stances(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		if s.StatementID == statementID {
			return s
		}
	}
	return nil
}

func TestDecideStanceRecordsWhoWhenWhy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		st := a.st[1].ID
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st, ClaimID: a.claim.ID, Stance: inquest.Supports, Confidence: 0.7}); err != nil {
			t.Fatal(err)
		}
		if err := db.DecideStance(ctx, st, a.claim.ID, inquest.Denies, "", "aigerim", "he says they were not there"); err != nil {
			t.Fatal(err)
		}
		got := stanceOf(t, db, a.c.ID, st)
		if got.Stance != inquest.Denies || got.Review != inquest.Confirmed || got.DecidedBy != "aigerim" ||
			got.Note != "he says they were not there" || got.DecidedAt.IsZero() {
			t.Errorf("after deciding denies: %+v, want denies, confirmed by aigerim with the note and a time", got)
		}
		log, err := db.AuditLog(ctx, "stance", got.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		last := log[len(log)-1]
		var before, after inquest.Stance
		if err := json.Unmarshal([]byte(last.Before), &before); err != nil {
			t.Fatalf("audit before %q: %v", last.Before, err)
		}
		if err := json.Unmarshal([]byte(last.After), &after); err != nil {
			t.Fatalf("audit after %q: %v", last.After, err)
		}
		if last.Action != "stance.decide" || last.Actor != "aigerim" || before.Stance != inquest.Supports || before.Review != inquest.Suggested ||
			after.Stance != inquest.Denies || after.DecidedBy != "aigerim" {
			t.Errorf("audit entry %s: before %+v after %+v", last.Action, before, after)
		}
		if broken, err := db.VerifyAudit(ctx); err != nil || broken != 0 {
			t.Errorf("audit chain broken at %d (%v)", broken, err)
		}

		// The engine suggesting again does not undo the decision.
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st, ClaimID: a.claim.ID, Stance: inquest.Supports}); err != nil {
			t.Fatal(err)
		}
		if got := stanceOf(t, db, a.c.ID, st); got.Stance != inquest.Denies {
			t.Errorf("a new suggestion overwrote the decision: %+v", got)
		}

		// Removing keeps it, rejected, and a suggestion does not bring it back.
		if err := db.DecideStance(ctx, st, a.claim.ID, "", "", "dana", "not about foreigners"); err != nil {
			t.Fatal(err)
		}
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st, ClaimID: a.claim.ID, Stance: inquest.Denies}); err != nil {
			t.Fatal(err)
		}
		if got := stanceOf(t, db, a.c.ID, st); got.Review != inquest.Rejected || got.DecidedBy != "dana" {
			t.Errorf("after removal and a new suggestion: %+v, want rejected by dana", got)
		}

		// A stance an analyst adds where the engine saw none.
		if err := db.DecideStance(ctx, a.st[2].ID, a.claim.ID, inquest.Supports, inquest.Confirmed, "dana", ""); err != nil {
			t.Fatal(err)
		}
		if got := stanceOf(t, db, a.c.ID, a.st[2].ID); got == nil || got.Stance != inquest.Supports || got.Review != inquest.Confirmed {
			t.Errorf("entered stance: %+v", got)
		}
	})
}

func TestDecideStanceRefusesBadDecisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		other := storetest.NewCase(t, db, "other")
		otherClaim := &inquest.Claim{CaseID: other.ID, Slug: "elsewhere", Text: "Another case's claim"}
		if err := db.UpsertClaim(ctx, otherClaim); err != nil {
			t.Fatal(err)
		}
		st, claim := a.st[0].ID, a.claim.ID
		tests := []struct {
			name      string
			statement int64
			claim     int64
			stance    inquest.StanceKind
			review    inquest.Review
			by        string
			code      string
		}{
			{"nobody decides", st, claim, inquest.Supports, "", " ", inquest.EINVALID},
			{"unknown stance", st, claim, "maybe", "", "dana", inquest.EINVALID},
			{"unknown review", st, claim, inquest.Supports, "perhaps", "dana", inquest.EINVALID},
			{"removal confirmed", st, claim, "", inquest.Confirmed, "dana", inquest.EINVALID},
			{"no such statement", 9999, claim, inquest.Supports, "", "dana", inquest.ENOTFOUND},
			{"no such claim", st, 9999, inquest.Supports, "", "dana", inquest.ENOTFOUND},
			{"claim of another case", st, otherClaim.ID, inquest.Supports, "", "dana", inquest.EINVALID},
			{"nothing to remove", st, claim, "", "", "dana", inquest.ENOTFOUND},
		}
		for _, tt := range tests {
			err := db.DecideStance(ctx, tt.statement, tt.claim, tt.stance, tt.review, tt.by, "")
			if got := inquest.ErrorCode(err); got != tt.code {
				t.Errorf("%s: error %v (code %q), want code %q", tt.name, err, got, tt.code)
			}
		}
		if ss, err := db.Stances(ctx, a.c.ID); err != nil || len(ss) != 0 {
			t.Errorf("refused decisions stored stances: %+v (%v)", ss, err)
		}
	})
}
