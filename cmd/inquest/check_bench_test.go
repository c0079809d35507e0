package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// largeCase fills a store with a case of n statements by 2,000 speakers over
// 2022, a stance on one of 50 claims for one statement in twenty, and returns
// the case and the stances. Rows go in by the thousand with plain INSERTs:
// the store's one-by-one path with its audit entries would take minutes and
// is not what is measured.
func largeCase(b *testing.B, db *store.DB, n int) (*inquest.Case, []*inquest.Stance) {
	b.Helper()
	ctx := context.Background()
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
	var stances []*inquest.Stance
	const batch = 500
	// Both databases take a timestamp as this text: SQLite stores it, and
	// PostgreSQL parses it into its TIMESTAMPTZ.
	created := "2022-06-01T00:00:00.000000Z"
	for start := 1; start <= n; start += batch {
		var rows, stanceRows []string
		var args, stanceArgs []any
		for i := start; i < start+batch && i <= n; i++ {
			rows = append(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			day := fmt.Sprintf("2022-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
			args = append(args, i, c.ID, src.ID, fmt.Sprintf("Speaker %d", rng.IntN(2000)), "words", i*10, i*10+5, day,
				"extracted", "suggested", created, created)
			if rng.IntN(20) == 0 {
				s := &inquest.Stance{StatementID: int64(i), ClaimID: claims[rng.IntN(len(claims))], Stance: kinds[rng.IntN(3)], Review: inquest.Suggested}
				stances = append(stances, s)
				stanceRows = append(stanceRows, "(?, ?, ?, ?, ?, ?)")
				stanceArgs = append(stanceArgs, s.StatementID, s.ClaimID, string(s.Stance), string(s.Review), created, created)
			}
		}
		q := "INSERT INTO statements (id, case_id, source_id, speaker_name, text, start_pos, end_pos, said_on, origin, review, created_at, updated_at) VALUES " +
			strings.Join(rows, ", ")
		if _, err := db.RawExec(ctx, q, args...); err != nil {
			b.Fatal(err)
		}
		if len(stanceRows) > 0 {
			q := "INSERT INTO stances (statement_id, claim_id, stance, review, created_at, updated_at) VALUES " + strings.Join(stanceRows, ", ")
			if _, err := db.RawExec(ctx, q, stanceArgs...); err != nil {
				b.Fatal(err)
			}
		}
	}
	return c, stances
}

// BenchmarkReanalyseStored measures re-analysis after one stance change in a
// stored case of 100,000 statements: "full" is what `inquest check` does
// (read the case, derive, save), "incremental" reads the changed claim's
// stances only and saves within the change's scope.
func BenchmarkReanalyseStored(b *testing.B) {
	ctx := context.Background()
	db := storetest.Open(b)
	c, stances := largeCase(b, db, 100_000)
	if _, err := check(ctx, db, c.Slug, "2026-11-26"); err != nil {
		b.Fatal(err)
	}
	flip := func(i int) inquest.ContradictionScope {
		s := stances[i%len(stances)]
		next := map[inquest.StanceKind]inquest.StanceKind{inquest.Supports: inquest.Denies, inquest.Denies: inquest.Qualifies, inquest.Qualifies: inquest.Supports}
		s.Stance = next[s.Stance]
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: s.StatementID, ClaimID: s.ClaimID, Stance: s.Stance}); err != nil {
			b.Fatal(err)
		}
		return inquest.ContradictionScope{ClaimID: s.ClaimID, StatementID: s.StatementID}
	}
	cs, err := db.Contradictions(ctx, c.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("full", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			flip(i)
			if _, err := check(ctx, db, c.Slug, "2026-11-26"); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(cs)), "contradictions")
		b.ReportMetric(float64(len(stances)), "stances")
	})
	b.Run("incremental", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := reanalyse(ctx, db, c.ID, flip(i)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(cs)), "contradictions")
		b.ReportMetric(float64(len(stances)), "stances")
	})
}
