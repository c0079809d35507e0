package casework_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// triageCase stores the President's "international terrorists" (supports,
// confirmed) and the Prosecutor General's "They were not there", which the
// engine misread as supporting too, both confirmed.
func triageCase(t *testing.T, db *store.DB) (c *inquest.Case, claim *inquest.Claim, president, prosecutor *inquest.Statement) {
	t.Helper()
	ctx := context.Background()
	c = storetest.NewCase(t, db, "january-events")
	src := storetest.NewSource(t, db, c.ID, "https://example.org/majilis", "m", "Tokayev: terrorists. Asylov: They were not there.")
	claim = &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part in the January events."}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	president = &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: "Kassym-Jomart Tokayev", Text: "international terrorists",
		Start: 0, End: 10, SaidOn: "2022-01-07", Review: inquest.Confirmed}
	prosecutor = &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: "Berik Asylov", Text: "They were not there.",
		Start: 20, End: 40, SaidOn: "2022-03-14", Review: inquest.Confirmed}
	for _, st := range []*inquest.Statement{president, prosecutor} {
		if err := db.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st.ID, ClaimID: claim.ID, Stance: inquest.Supports, Review: inquest.Confirmed}); err != nil {
			t.Fatal(err)
		}
	}
	return c, claim, president, prosecutor
}

// listed renders the contradictions that hold now.
func listed(t *testing.T, db *store.DB, caseID int64) []string {
	t.Helper()
	cs, err := db.Contradictions(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, c := range cs {
		out = append(out, fmt.Sprintf("#%d %s %d>%d %s", c.ID, c.Kind, c.AStatementID, c.BStatementID, c.Status))
	}
	return out
}

func TestDecideStanceReanalysesAndKeepsVerdicts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, claim, president, prosecutor := triageCase(t, db)
		svc := casework.New(db)
		if _, err := svc.Analyse(ctx, c, "2026-11-26"); err != nil {
			t.Fatal(err)
		}
		if got := listed(t, db, c.ID); len(got) != 0 {
			t.Fatalf("two supporting stances contradict: %q", got)
		}
		decide := func(stance inquest.StanceKind, note string) []*inquest.Contradiction {
			t.Helper()
			got, err := svc.DecideStance(ctx, casework.StanceDecision{StatementID: prosecutor.ID, ClaimID: claim.ID, Stance: stance,
				By: "aigerim", Note: note})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}

		// The analyst corrects the stance: the contradiction appears.
		derived := decide(inquest.Denies, "he denies it")
		want := fmt.Sprintf("between %d>%d suggested", president.ID, prosecutor.ID)
		got := listed(t, db, c.ID)
		if len(derived) != 1 || len(got) != 1 || got[0][len(got[0])-len(want):] != want {
			t.Fatalf("after deciding denies: derived %d, listed %q; want one %q", len(derived), got, want)
		}
		id := derived[0].ID
		if err := db.SetContradictionStatus(ctx, id, inquest.ContradictionDismissed, "rhetoric against a finding", "dana"); err != nil {
			t.Fatal(err)
		}

		// Removing the stance removes the contradiction from the list; it is
		// kept, inactive, with its verdict.
		if derived := decide("", "not about foreigners after all"); len(derived) != 0 {
			t.Errorf("after removing the stance, re-analysis derived %d contradictions", len(derived))
		}
		if got := listed(t, db, c.ID); len(got) != 0 {
			t.Errorf("after removing the stance: %q still listed", got)
		}
		kept, err := db.Contradiction(ctx, id)
		if err != nil || kept.Status != inquest.ContradictionDismissed {
			t.Errorf("contradiction %d after removal: %+v, %v; want kept, dismissed", id, kept, err)
		}

		// The stance comes back: the same contradiction, still dismissed, and
		// a full analysis agrees with the incremental one.
		decide(inquest.Denies, "on reflection, he does deny it")
		incremental := listed(t, db, c.ID)
		if want := fmt.Sprintf("#%d between %d>%d dismissed", id, president.ID, prosecutor.ID); !slices.Equal(incremental, []string{want}) {
			t.Errorf("after restoring the stance: %q, want %q", incremental, want)
		}
		if _, err := svc.Analyse(ctx, c, "2026-11-26"); err != nil {
			t.Fatal(err)
		}
		if full := listed(t, db, c.ID); !slices.Equal(full, incremental) {
			t.Errorf("full analysis %q differs from incremental %q", full, incremental)
		}
	})
}

func TestDecideStanceRefusedChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c, claim, _, prosecutor := triageCase(t, db)
		svc := casework.New(db)
		for _, d := range []casework.StanceDecision{
			{StatementID: 9999, ClaimID: claim.ID, Stance: inquest.Denies, By: "dana"},
			{StatementID: prosecutor.ID, ClaimID: claim.ID, Stance: "refutes", By: "dana"},
			{StatementID: prosecutor.ID, ClaimID: claim.ID, Stance: inquest.Denies},
		} {
			if _, err := svc.DecideStance(ctx, d); err == nil {
				t.Errorf("%+v: no error", d)
			}
		}
		if got := listed(t, db, c.ID); len(got) != 0 {
			t.Errorf("refused decisions made contradictions: %q", got)
		}
	})
}
