package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/inquest-project/inquest"
)

// benchRecord is a large case: n statements by 2,000 speakers (a fifth of
// them known people) over 2022, with a stance on one of claims claims for the
// given share of statements.
func benchRecord(n, claims int, share float64) Record {
	rng := rand.New(rand.NewPCG(7, 8))
	r := Record{CaseID: 1, People: testPeople}
	kinds := []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}
	for i := 1; i <= n; i++ {
		sp := rng.IntN(2000)
		s := &inquest.Statement{ID: int64(i), CaseID: 1, SourceID: int64(1 + i/20), Text: "…", Review: inquest.Confirmed,
			SaidOn: inquest.Date(fmt.Sprintf("2022-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)))}
		if sp < 400 {
			s.PersonID = int64(100 + sp)
		} else {
			s.SpeakerName = fmt.Sprintf("Speaker %d", sp)
		}
		r.Statements = append(r.Statements, s)
		if rng.Float64() < share {
			r.Stances = append(r.Stances, &inquest.Stance{StatementID: int64(i), ClaimID: int64(1 + rng.IntN(claims)),
				Stance: kinds[rng.IntN(3)], Review: inquest.Confirmed})
		}
	}
	return r
}

func benchCases() []struct {
	name   string
	claims int
	share  float64
} {
	return []struct {
		name   string
		claims int
		share  float64
	}{
		{"100k-statements-5pct-stanced-50-claims", 50, 0.05},
		{"100k-statements-20pct-stanced-20-claims", 20, 0.20},
	}
}

// BenchmarkReanalyseFull re-derives the whole case after one stance change,
// as a re-analysis without the index would.
func BenchmarkReanalyseFull(b *testing.B) {
	for _, bc := range benchCases() {
		b.Run(bc.name, func(b *testing.B) {
			r := benchRecord(100_000, bc.claims, bc.share)
			n := 0
			for i := 0; b.Loop(); i++ {
				s := r.Stances[i%len(r.Stances)]
				s.Stance = flip(s.Stance)
				n = len(Contradictions(r))
			}
			b.ReportMetric(float64(n), "contradictions")
			b.ReportMetric(float64(len(r.Stances)), "stances")
		})
	}
}

// BenchmarkReanalyseIncremental re-derives only what one stance change can
// affect, on an index built once.
func BenchmarkReanalyseIncremental(b *testing.B) {
	for _, bc := range benchCases() {
		b.Run(bc.name, func(b *testing.B) {
			r := benchRecord(100_000, bc.claims, bc.share)
			ix := NewIndex(r)
			total := 0
			for i := 0; b.Loop(); i++ {
				s := *r.Stances[i%len(r.Stances)]
				s.Stance = flip(s.Stance)
				r.Stances[i%len(r.Stances)] = &s
				total += len(ix.Affected(ix.PutStance(&s)))
			}
			b.ReportMetric(float64(total)/float64(b.N), "affected/op")
			b.ReportMetric(float64(len(r.Stances)), "stances")
		})
	}
}

func flip(k inquest.StanceKind) inquest.StanceKind {
	switch k {
	case inquest.Supports:
		return inquest.Denies
	case inquest.Denies:
		return inquest.Qualifies
	}
	return inquest.Supports
}
