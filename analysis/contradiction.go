package analysis

import (
	"cmp"
	"slices"

	"github.com/inquest-project/inquest"
)

// Record is the part of a case that contradictions are derived from. Rejected
// stances and stances of rejected statements never count; suggested ones do,
// so that analysts see what the engine's suggestions would imply.
type Record struct {
	CaseID     int64
	Statements []*inquest.Statement
	Stances    []*inquest.Stance
	People     []*inquest.Person
}

// Key identifies a contradiction across re-analyses: the claim and the two
// statements, lower id first, so that a corrected date that swaps which
// statement came first does not make it a new contradiction and lose the
// analysts' verdict.
type Key struct{ Claim, Lo, Hi int64 }

// KeyOf returns the key of c.
func KeyOf(c *inquest.Contradiction) Key {
	lo, hi := c.AStatementID, c.BStatementID
	if lo > hi {
		lo, hi = hi, lo
	}
	return Key{Claim: c.ClaimID, Lo: lo, Hi: hi}
}

// Contradictions derives every contradiction of the record from scratch.
func Contradictions(r Record) []*inquest.Contradiction {
	return NewIndex(r).All()
}

// Carry copies the analysts' verdicts (id, status, note, who and when) from
// stored onto the freshly derived contradictions with the same key, so that a
// dismissed contradiction stays dismissed when the analysis runs again.
func Carry(derived, stored []*inquest.Contradiction) {
	byKey := make(map[Key]*inquest.Contradiction, len(stored))
	for _, s := range stored {
		byKey[KeyOf(s)] = s
	}
	for _, d := range derived {
		if s, ok := byKey[KeyOf(d)]; ok {
			d.ID, d.Status, d.Note, d.DecidedBy, d.DecidedAt = s.ID, s.Status, s.Note, s.DecidedBy, s.DecidedAt
		}
	}
}

// Merge applies an incremental result to a previous full list: it drops the
// previous contradictions within scope, adds now (carrying verdicts over from
// the dropped ones) and returns the list in the order of Contradictions.
func Merge(prev []*inquest.Contradiction, scope Change, now []*inquest.Contradiction) []*inquest.Contradiction {
	var dropped []*inquest.Contradiction
	out := make([]*inquest.Contradiction, 0, len(prev)+len(now))
	for _, c := range prev {
		if scope.Covers(c) {
			dropped = append(dropped, c)
			continue
		}
		out = append(out, c)
	}
	Carry(now, dropped)
	out = append(out, now...)
	sortContradictions(out)
	return out
}

func sortContradictions(cs []*inquest.Contradiction) {
	slices.SortFunc(cs, func(x, y *inquest.Contradiction) int {
		kx, ky := KeyOf(x), KeyOf(y)
		return cmp.Or(cmp.Compare(kx.Claim, ky.Claim), cmp.Compare(kx.Lo, ky.Lo), cmp.Compare(kx.Hi, ky.Hi))
	})
}
