package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// analysisCase is a case with one claim and four statements to contradict.
type analysisCase struct {
	c     *inquest.Case
	claim *inquest.Claim
	st    []*inquest.Statement
}

func newAnalysisCase(t *testing.T, db *store.DB) analysisCase {
	t.Helper()
	ctx := context.Background()
	a := analysisCase{c: storetest.NewCase(t, db, "january-events")}
	src := storetest.NewSource(t, db, a.c.ID, "https://example.org/a", "a", "Tokayev: terrorists. Asylov: They were not there.")
	a.claim = &inquest.Claim{CaseID: a.c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part"}
	if err := db.UpsertClaim(ctx, a.claim); err != nil {
		t.Fatal(err)
	}
	for i, sp := range []string{"Tokayev", "Asylov", "Putin", "Khabar 24"} {
		s := &inquest.Statement{CaseID: a.c.ID, SourceID: src.ID, SpeakerName: sp, Text: "words of " + sp,
			Start: i * 10, End: i*10 + 5, SaidOn: inquest.Date(fmt.Sprintf("2022-0%d-10", i+1)), Review: inquest.Suggested}
		if err := db.AddStatement(ctx, s); err != nil {
			t.Fatal(err)
		}
		a.st = append(a.st, s)
	}
	return a
}

// between returns a derived contradiction between statements i and j.
func (a analysisCase) between(i, j int) *inquest.Contradiction {
	return &inquest.Contradiction{ClaimID: a.claim.ID, Kind: inquest.Between, AStatementID: a.st[i].ID, BStatementID: a.st[j].ID,
		Status: inquest.ContradictionSuggested}
}

// listed renders the case's listed contradictions by statement index.
func (a analysisCase) listed(t *testing.T, db *store.DB) []string {
	t.Helper()
	cs, err := db.Contradictions(context.Background(), a.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	idx := map[int64]int{}
	for i, s := range a.st {
		idx[s.ID] = i
	}
	out := []string{}
	for _, c := range cs {
		s := fmt.Sprintf("%s %d>%d %s", c.Kind, idx[c.AStatementID], idx[c.BStatementID], c.Status)
		if c.Degree != "" {
			s += " " + c.Degree
		}
		if c.Note != "" {
			s += fmt.Sprintf(" %q by %s", c.Note, c.DecidedBy)
		}
		out = append(out, s)
	}
	return out
}

func TestContradictionsKeepVerdictsAcrossReanalysis(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		all := inquest.ContradictionScope{}
		derived := []*inquest.Contradiction{a.between(0, 1), a.between(2, 1)}
		if err := db.SaveContradictions(ctx, a.c.ID, all, derived); err != nil {
			t.Fatal(err)
		}
		if derived[0].ID == 0 || derived[1].ID == 0 || derived[0].ID == derived[1].ID {
			t.Fatalf("ids after save: %d, %d", derived[0].ID, derived[1].ID)
		}
		dismissedID := derived[1].ID
		if err := db.SetContradictionStatus(ctx, dismissedID, inquest.ContradictionDismissed, "Putin speaks of Russia", "aigerim"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetContradictionStatus(ctx, derived[0].ID, inquest.ContradictionConfirmed, "", "aigerim"); err != nil {
			t.Fatal(err)
		}
		for status, want := range map[inquest.ContradictionStatus][]int64{
			inquest.ContradictionConfirmed: {derived[0].ID},
			inquest.ContradictionDismissed: {dismissedID},
		} {
			got, err := db.ContradictionsByStatus(ctx, a.c.ID, status)
			if err != nil || len(got) != len(want) || got[0].ID != want[0] || got[0].Status != status {
				t.Errorf("ContradictionsByStatus(%s) = %v, %v; want ids %v", status, got, err, want)
			}
		}

		steps := []struct {
			name    string
			scope   inquest.ContradictionScope
			derived []*inquest.Contradiction
			want    []string
		}{
			{
				name:    "the same derivation again changes nothing",
				derived: []*inquest.Contradiction{a.between(0, 1), a.between(2, 1)},
				want:    []string{"between 0>1 confirmed", `between 2>1 dismissed "Putin speaks of Russia" by aigerim`},
			},
			{
				name:    "a corrected date swaps A and B: still the same contradiction",
				derived: []*inquest.Contradiction{a.between(0, 1), a.between(1, 2)},
				want:    []string{"between 0>1 confirmed", `between 1>2 dismissed "Putin speaks of Russia" by aigerim`},
			},
			{
				name:    "Putin's stance rejected: re-analysing his statement retires the pair",
				scope:   inquest.ContradictionScope{ClaimID: a.claim.ID, StatementID: a.st[2].ID},
				derived: nil,
				want:    []string{"between 0>1 confirmed"},
			},
			{
				name:    "his stance restored: the pair returns, still dismissed",
				scope:   inquest.ContradictionScope{ClaimID: a.claim.ID, StatementID: a.st[2].ID},
				derived: []*inquest.Contradiction{a.between(2, 1)},
				want:    []string{"between 0>1 confirmed", `between 2>1 dismissed "Putin speaks of Russia" by aigerim`},
			},
			{
				name:  "Khabar's new stance adds one, leaving the rest alone",
				scope: inquest.ContradictionScope{ClaimID: a.claim.ID, StatementID: a.st[3].ID},
				derived: []*inquest.Contradiction{{ClaimID: a.claim.ID, Kind: inquest.Reversal, Degree: "half flip",
					AStatementID: a.st[1].ID, BStatementID: a.st[3].ID}},
				want: []string{"between 0>1 confirmed", "reversal 1>3 suggested half flip", `between 2>1 dismissed "Putin speaks of Russia" by aigerim`},
			},
		}
		for _, step := range steps {
			if err := db.SaveContradictions(ctx, a.c.ID, step.scope, step.derived); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if got := a.listed(t, db); !slices.Equal(got, step.want) {
				t.Errorf("%s:\n got %q\nwant %q", step.name, got, step.want)
			}
		}

		got, err := db.Contradiction(ctx, dismissedID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != inquest.ContradictionDismissed || got.DecidedBy != "aigerim" || got.DecidedAt.IsZero() {
			t.Errorf("Contradiction(%d) = %+v, want dismissed by aigerim with a time", dismissedID, got)
		}
		if broken, err := db.VerifyAudit(ctx); err != nil || broken != 0 {
			t.Errorf("VerifyAudit = %d, %v; want an intact chain", broken, err)
		}
	})
}

func TestSaveContradictionsRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		if err := db.SaveContradictions(ctx, a.c.ID, inquest.ContradictionScope{}, []*inquest.Contradiction{a.between(0, 1)}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name    string
			scope   inquest.ContradictionScope
			derived []*inquest.Contradiction
			code    string
		}{
			{"outside the scope", inquest.ContradictionScope{StatementID: a.st[3].ID}, []*inquest.Contradiction{a.between(0, 1)}, inquest.EINVALID},
			{"a statement against itself", inquest.ContradictionScope{}, []*inquest.Contradiction{a.between(2, 2)}, inquest.EINVALID},
			{"twice", inquest.ContradictionScope{}, []*inquest.Contradiction{a.between(0, 2), a.between(2, 0)}, inquest.EINVALID},
			{"no kind", inquest.ContradictionScope{}, []*inquest.Contradiction{{ClaimID: a.claim.ID, AStatementID: a.st[0].ID, BStatementID: a.st[2].ID}}, inquest.EINVALID},
			{"an unknown statement", inquest.ContradictionScope{}, []*inquest.Contradiction{a.between(0, 1), {ClaimID: a.claim.ID,
				Kind: inquest.Between, AStatementID: a.st[0].ID, BStatementID: 9999}}, inquest.EINVALID},
		}
		for _, tt := range tests {
			err := db.SaveContradictions(ctx, a.c.ID, tt.scope, tt.derived)
			if inquest.ErrorCode(err) != tt.code {
				t.Errorf("%s: error %v, want code %s", tt.name, err, tt.code)
			}
			// Nothing stored is lost or half-written.
			if got, want := a.listed(t, db), []string{"between 0>1 suggested"}; !slices.Equal(got, want) {
				t.Errorf("%s: after the refused save got %q, want %q", tt.name, got, want)
			}
		}
		if err := db.SetContradictionStatus(ctx, 9999, inquest.ContradictionDismissed, "", "aigerim"); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("status of an unknown contradiction: %v, want not found", err)
		}
		cs, _ := db.Contradictions(ctx, a.c.ID)
		if err := db.SetContradictionStatus(ctx, cs[0].ID, "maybe", "", "aigerim"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("status maybe: %v, want invalid", err)
		}
		if err := db.SetContradictionStatus(ctx, cs[0].ID, inquest.ContradictionDismissed, "", " "); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("status without a decider: %v, want invalid", err)
		}
	})
}

func TestMeasuresPartsAndAssignment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		deaths := &inquest.Measure{CaseID: a.c.ID, Slug: "deaths", Name: "deaths"}
		security := &inquest.Measure{CaseID: a.c.ID, Slug: "security-force-deaths", Name: "security-force deaths"}
		for _, m := range []*inquest.Measure{deaths, security} {
			if err := db.UpsertMeasure(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		renamed := &inquest.Measure{CaseID: a.c.ID, Slug: "deaths", Name: "people killed"}
		if err := db.UpsertMeasure(ctx, renamed); err != nil || renamed.ID != deaths.ID {
			t.Fatalf("rename: id %d (want %d), %v", renamed.ID, deaths.ID, err)
		}
		if err := db.UpsertMeasure(ctx, &inquest.Measure{CaseID: a.c.ID, Slug: "Deaths!", Name: "x"}); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("bad slug: %v, want invalid", err)
		}
		ms, err := db.Measures(ctx, a.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, m := range ms {
			names = append(names, m.Slug+"="+m.Name)
		}
		if want := []string{"deaths=people killed", "security-force-deaths=security-force deaths"}; !slices.Equal(names, want) {
			t.Errorf("Measures = %q, want %q", names, want)
		}

		if err := db.SetMeasurePart(ctx, security.ID, deaths.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.SetMeasurePart(ctx, deaths.ID, security.ID); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("a cycle of parts: %v, want invalid", err)
		}
		if err := db.SetMeasurePart(ctx, 9999, deaths.ID); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("an unknown part: %v, want not found", err)
		}
		parts, err := db.MeasureParts(ctx, a.c.ID)
		if err != nil || len(parts) != 1 || parts[security.ID] != deaths.ID {
			t.Errorf("MeasureParts = %v, %v; want %d -> %d", parts, err, security.ID, deaths.ID)
		}

		f := &inquest.Figure{CaseID: a.c.ID, SourceID: a.st[0].SourceID, Text: "225 people", Value: 225, Measure: "deaths", Start: 1, End: 4}
		if err := db.AddFigure(ctx, f); err != nil {
			t.Fatal(err)
		}
		if err := db.AssignFigure(ctx, f.ID, deaths.ID); err != nil {
			t.Fatal(err)
		}
		figs, err := db.Figures(ctx, a.c.ID)
		if err != nil || len(figs) != 1 || figs[0].MeasureID != deaths.ID {
			t.Errorf("after AssignFigure: %v, %v; want measure %d", figs, err, deaths.ID)
		}
		if err := db.AssignFigure(ctx, 9999, deaths.ID); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("an unknown figure: %v, want not found", err)
		}
		other := storetest.NewCase(t, db, "other-case")
		elsewhere := &inquest.Measure{CaseID: other.ID, Slug: "deaths", Name: "deaths"}
		if err := db.UpsertMeasure(ctx, elsewhere); err != nil {
			t.Fatal(err)
		}
		if err := db.AssignFigure(ctx, f.ID, elsewhere.ID); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("a measure of another case: %v, want invalid", err)
		}
		if err := db.SetMeasurePart(ctx, elsewhere.ID, deaths.ID); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("a part in another case: %v, want invalid", err)
		}
	})
}

func TestClaimStancesReadsOneClaim(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		other := &inquest.Claim{CaseID: a.c.ID, Slug: "coup-attempt", Text: "A coup was attempted"}
		if err := db.UpsertClaim(ctx, other); err != nil {
			t.Fatal(err)
		}
		for _, s := range []*inquest.Stance{
			{StatementID: a.st[0].ID, ClaimID: a.claim.ID, Stance: inquest.Supports},
			{StatementID: a.st[1].ID, ClaimID: a.claim.ID, Stance: inquest.Denies, Review: inquest.Rejected},
			{StatementID: a.st[2].ID, ClaimID: other.ID, Stance: inquest.Supports},
			{StatementID: a.st[0].ID, ClaimID: other.ID, Stance: inquest.Qualifies},
		} {
			if err := db.AddStance(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		stances, statements, err := db.ClaimStances(ctx, a.claim.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range stances {
			got = append(got, fmt.Sprintf("stance %d %s %s", s.StatementID, s.Stance, s.Review))
		}
		for _, s := range statements {
			got = append(got, fmt.Sprintf("statement %d %s", s.ID, s.SpeakerName))
		}
		want := []string{
			fmt.Sprintf("stance %d supports suggested", a.st[0].ID),
			fmt.Sprintf("stance %d denies rejected", a.st[1].ID),
			fmt.Sprintf("statement %d Tokayev", a.st[0].ID),
			fmt.Sprintf("statement %d Asylov", a.st[1].ID),
		}
		if !slices.Equal(got, want) {
			t.Errorf("ClaimStances:\n got %q\nwant %q", got, want)
		}
	})
}

func TestSaveContradictionsConcurrently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		// Open the pool's connections first, then start every save at once,
		// so that they race for the same new rows.
		var warm sync.WaitGroup
		for range 16 {
			warm.Go(func() { db.Contradictions(ctx, a.c.ID) })
		}
		warm.Wait()
		start := make(chan struct{})
		errs := make(chan error, 16)
		for range 16 { // sixteen instances re-analyse the same case at once
			go func() {
				<-start
				errs <- db.SaveContradictions(ctx, a.c.ID, inquest.ContradictionScope{}, []*inquest.Contradiction{a.between(0, 1), a.between(2, 1)})
			}()
		}
		close(start)
		for range 16 {
			if err := <-errs; err != nil {
				t.Errorf("concurrent save: %v", err)
			}
		}
		if got, want := a.listed(t, db), []string{"between 0>1 suggested", "between 2>1 suggested"}; !slices.Equal(got, want) {
			t.Errorf("after concurrent saves got %q, want %q", got, want)
		}
	})
}
