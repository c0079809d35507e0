package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
)

// randomRecord builds a case with n statements by a handful of people and
// offices, on a few claims, with stances of every kind and review.
func randomRecord(rng *rand.Rand, n, claims int, stanceShare float64) Record {
	r := Record{CaseID: 1, People: testPeople}
	speakers := []struct {
		pid  int64
		name string
	}{{1, "Tokayev"}, {2, "Asylov"}, {3, "Nurdauletov"}, {4, "Putin"}, {0, "Prosecutor General's Office"},
		{0, "Khabar 24"}, {0, "Ministry of Health"}, {0, "the President"}}
	for i := 1; i <= n; i++ {
		sp := speakers[rng.IntN(len(speakers))]
		day := inquest.Date(fmt.Sprintf("2022-%02d-%02d", 1+rng.IntN(6), 1+rng.IntN(28)))
		if rng.IntN(10) == 0 {
			day = ""
		}
		s := st(int64(i), sp.pid, sp.name, day)
		if rng.IntN(20) == 0 {
			s.Review = inquest.Rejected
		}
		r.Statements = append(r.Statements, s)
		if rng.Float64() < stanceShare {
			r.Stances = append(r.Stances, randomStance(rng, int64(i), claims))
		}
	}
	return r
}

func randomStance(rng *rand.Rand, statementID int64, claims int) *inquest.Stance {
	kinds := []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}
	reviews := []inquest.Review{inquest.Suggested, inquest.Confirmed, inquest.Confirmed, inquest.Rejected}
	return &inquest.Stance{StatementID: statementID, ClaimID: int64(1 + rng.IntN(claims)),
		Stance: kinds[rng.IntN(len(kinds))], Review: reviews[rng.IntN(len(reviews))]}
}

// TestIncrementalEqualsFull changes one stance or statement at a time and
// checks that merging the incremental result gives what a full re-analysis
// of the changed record gives, verdicts included.
func TestIncrementalEqualsFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	r := randomRecord(rng, 300, 4, 0.6)
	ix := NewIndex(r)
	current := ix.All()
	if len(current) == 0 {
		t.Fatal("the random case has no contradictions; the test would prove nothing")
	}
	for step := range 400 {
		// An analyst dismisses one contradiction now and then; it must stay so.
		if len(current) > 0 && step%5 == 0 {
			c := current[rng.IntN(len(current))]
			c.Status, c.Note = inquest.ContradictionDismissed, fmt.Sprintf("step %d", step)
		}
		var ch Change
		switch rng.IntN(3) {
		case 0: // a new or changed stance
			s := randomStance(rng, int64(1+rng.IntN(len(r.Statements))), 4)
			r.Stances = replaceStance(r.Stances, s)
			ch = ix.PutStance(s)
		case 1: // a stance rejected
			if len(r.Stances) == 0 {
				continue
			}
			old := r.Stances[rng.IntN(len(r.Stances))]
			s := *old
			s.Review = inquest.Rejected
			r.Stances = replaceStance(r.Stances, &s)
			ch = ix.PutStance(&s)
		case 2: // a statement re-attributed or re-dated
			i := rng.IntN(len(r.Statements))
			s := *r.Statements[i]
			s.PersonID, s.SpeakerName = 0, "Ministry of Health"
			s.SaidOn = "2022-02-02"
			r.Statements[i] = &s
			ch = ix.PutStatement(&s)
		}
		current = Merge(current, ch, ix.Affected(ch))

		full := Contradictions(r)
		Carry(full, current)
		if got, want := render(current), render(full); !slices.Equal(got, want) {
			t.Fatalf("step %d, change %+v:\nincremental %q\nfull        %q", step, ch, got, want)
		}
	}
}

func replaceStance(list []*inquest.Stance, s *inquest.Stance) []*inquest.Stance {
	for i, o := range list {
		if o.StatementID == s.StatementID && o.ClaimID == s.ClaimID {
			out := slices.Clone(list)
			out[i] = s
			return out
		}
	}
	return append(list, s)
}

func render(cs []*inquest.Contradiction) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, fmt.Sprintf("c%d %s %s %s", c.ClaimID, describe(c), c.Status, c.Note))
	}
	return out
}

func TestAffectedStaysInScope(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := randomRecord(rng, 200, 3, 0.8)
	ix := NewIndex(r)
	s := &inquest.Stance{StatementID: 17, ClaimID: 2, Stance: inquest.Denies, Review: inquest.Confirmed}
	ch := ix.PutStance(s)
	for _, c := range ix.Affected(ch) {
		if c.ClaimID != 2 || (c.AStatementID != 17 && c.BStatementID != 17) {
			t.Errorf("Affected(%+v) returned %s on claim %d, outside the change", ch, describe(c), c.ClaimID)
		}
	}
}
