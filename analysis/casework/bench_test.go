package casework_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkDecideStance measures what an analyst waits for after changing
// one stance in a case of 100,000 statements (a stance on one of 50 claims
// for one statement in twenty): the decision stored with its audit entry,
// then the contradictions of that statement on that claim re-derived and
// saved. Run: go test ./analysis/casework -run '^$' -bench DecideStance
func BenchmarkDecideStance(b *testing.B) {
	ctx := context.Background()
	db := storetest.Open(b)
	c := storetest.NewCase(b, db, "large")
	src := storetest.NewSource(b, db, c.ID, "https://example.org/large", "large", "large")
	var claims []int64
	for i := range 50 {
		cl := &inquest.Claim{CaseID: c.ID, Slug: fmt.Sprintf("claim-%d", i), Text: fmt.Sprintf("Claim %d", i)}
		if err := db.UpsertClaim(ctx, cl); err != nil {
			b.Fatal(err)
		}
		claims = append(claims, cl.ID)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	kinds := []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}
	type stanced struct{ statement, claim int64 }
	var stances []stanced
	created := "2022-06-01T00:00:00.000000Z"
	const n, batch = 100_000, 500
	for start := 1; start <= n; start += batch {
		var rows, stanceRows []string
		var args, stanceArgs []any
		for i := start; i < start+batch && i <= n; i++ {
			rows = append(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, i, c.ID, src.ID, fmt.Sprintf("Speaker %d", rng.IntN(2000)), "words", i*10, i*10+5,
				fmt.Sprintf("2022-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)), "extracted", "suggested", created, created)
			if rng.IntN(20) == 0 {
				s := stanced{int64(i), claims[rng.IntN(len(claims))]}
				stances = append(stances, s)
				stanceRows = append(stanceRows, "(?, ?, ?, ?, ?, ?)")
				stanceArgs = append(stanceArgs, s.statement, s.claim, string(kinds[rng.IntN(3)]), "suggested", created, created)
			}
		}
		if _, err := db.RawExec(ctx, "INSERT INTO statements (id, case_id, source_id, speaker_name, text, start_pos, end_pos, said_on, origin, review, created_at, updated_at) VALUES "+
			strings.Join(rows, ", "), args...); err != nil {
			b.Fatal(err)
		}
		if _, err := db.RawExec(ctx, "INSERT INTO stances (statement_id, claim_id, stance, review, created_at, updated_at) VALUES "+
			strings.Join(stanceRows, ", "), stanceArgs...); err != nil {
			b.Fatal(err)
		}
	}
	svc := casework.New(db)
	if _, err := svc.Analyse(ctx, c, "2026-11-26"); err != nil {
		b.Fatal(err)
	}
	derived := 0
	for i := 0; b.Loop(); i++ {
		s := stances[i%len(stances)]
		out, err := svc.DecideStance(ctx, casework.StanceDecision{StatementID: s.statement, ClaimID: s.claim, Stance: kinds[i%3], By: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		derived += len(out)
	}
	b.ReportMetric(float64(derived)/float64(b.N), "contradictions/op")
	b.ReportMetric(float64(len(stances)), "stances")
}
