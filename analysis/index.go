package analysis

import (
	"maps"
	"slices"

	"github.com/inquest-project/inquest"
)

// Index holds a case's stances by claim so that one changed stance or
// statement can be re-analysed without rescanning the case: a contradiction
// depends only on its two statements and their stances, so a change can only
// create or remove the pairs that involve the changed statement on the
// changed claim.
type Index struct {
	caseID     int64
	actors     *Actors
	statements map[int64]*said
	byClaim    map[int64]map[int64]*inquest.Stance // claim -> statement -> stance
	claimsOf   map[int64]map[int64]bool            // statement -> claims it has stances on
}

// said is a statement with its actor worked out once.
type said struct {
	st    *inquest.Statement
	actor Actor
}

// Change names what changed: a stance (ClaimID and StatementID), a statement
// (StatementID only: its speaker, date or review) or a claim (ClaimID only).
// It is also the scope of the contradictions that change can affect, the
// scope in which the store replaces them.
type Change = inquest.ContradictionScope

// NewIndex indexes the record.
func NewIndex(r Record) *Index {
	ix := &Index{
		caseID:     r.CaseID,
		actors:     NewActors(r.People),
		statements: make(map[int64]*said, len(r.Statements)),
		byClaim:    map[int64]map[int64]*inquest.Stance{},
		claimsOf:   map[int64]map[int64]bool{},
	}
	for _, st := range r.Statements {
		ix.PutStatement(st)
	}
	for _, s := range r.Stances {
		ix.PutStance(s)
	}
	return ix
}

// Actors returns the actor resolver the index uses.
func (ix *Index) Actors() *Actors { return ix.actors }

// PutStatement adds or replaces a statement and returns the change to analyse.
func (ix *Index) PutStatement(st *inquest.Statement) Change {
	ix.statements[st.ID] = &said{st: st, actor: ix.actors.OfStatement(st)}
	return Change{StatementID: st.ID}
}

// PutStance adds or replaces the stance of a statement on a claim (a rejected
// stance is kept, and counts for nothing) and returns the change to analyse.
func (ix *Index) PutStance(s *inquest.Stance) Change {
	m := ix.byClaim[s.ClaimID]
	if m == nil {
		m = map[int64]*inquest.Stance{}
		ix.byClaim[s.ClaimID] = m
	}
	m[s.StatementID] = s
	c := ix.claimsOf[s.StatementID]
	if c == nil {
		c = map[int64]bool{}
		ix.claimsOf[s.StatementID] = c
	}
	c[s.ClaimID] = true
	return Change{ClaimID: s.ClaimID, StatementID: s.StatementID}
}

// All derives every contradiction in the index.
func (ix *Index) All() []*inquest.Contradiction {
	var out []*inquest.Contradiction
	for _, claim := range slices.Sorted(maps.Keys(ix.byClaim)) {
		out = append(out, ix.forClaim(claim)...)
	}
	sortContradictions(out)
	return out
}

// Affected re-derives only the contradictions within the scope of ch, as they
// stand after the change. Merge them into the previous list with Merge, or
// store them with the same scope.
func (ix *Index) Affected(ch Change) []*inquest.Contradiction {
	if ch.StatementID == 0 {
		if ch.ClaimID == 0 {
			return ix.All()
		}
		out := ix.forClaim(ch.ClaimID)
		sortContradictions(out)
		return out
	}
	claims := []int64{ch.ClaimID}
	if ch.ClaimID == 0 {
		claims = slices.Sorted(maps.Keys(ix.claimsOf[ch.StatementID]))
	}
	var out []*inquest.Contradiction
	for _, claim := range claims {
		x := ix.active(ix.byClaim[claim][ch.StatementID])
		if x == nil {
			continue
		}
		for _, s := range ix.byClaim[claim] {
			if s.StatementID == ch.StatementID || s.Stance == x.stance.Stance {
				continue
			}
			if y := ix.active(s); y != nil {
				if c := ix.pair(x, y); c != nil {
					out = append(out, c)
				}
			}
		}
	}
	sortContradictions(out)
	return out
}

// stanced is an active stance with its statement.
type stanced struct {
	stance *inquest.Stance
	*said
}

// active returns the stance with its statement if it counts: not rejected, a
// known stance, on a statement that is known and not rejected.
func (ix *Index) active(s *inquest.Stance) *stanced {
	if s == nil || s.Review == inquest.Rejected || !s.Stance.Valid() {
		return nil
	}
	st := ix.statements[s.StatementID]
	if st == nil || st.st.Review == inquest.Rejected {
		return nil
	}
	return &stanced{stance: s, said: st}
}

// forClaim derives the contradictions on one claim. Only stances of different
// kinds can contradict, so it pairs the kinds rather than every two stances.
func (ix *Index) forClaim(claim int64) []*inquest.Contradiction {
	byKind := map[inquest.StanceKind][]*stanced{}
	for _, id := range slices.Sorted(maps.Keys(ix.byClaim[claim])) {
		if x := ix.active(ix.byClaim[claim][id]); x != nil {
			byKind[x.stance.Stance] = append(byKind[x.stance.Stance], x)
		}
	}
	var out []*inquest.Contradiction
	kinds := []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}
	for i, ki := range kinds {
		for _, kj := range kinds[i+1:] {
			for _, x := range byKind[ki] {
				for _, y := range byKind[kj] {
					if c := ix.pair(x, y); c != nil {
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// pair returns the contradiction between two active stances of different
// kinds on one claim, or nil. The same actor (or office) moving between any
// two stances on different days is a reversal with its degree; when either
// day is unknown it counts too, since nothing says it was the same day, and
// the analyst decides. Different actors contradict only when one supports and
// the other denies.
func (ix *Index) pair(x, y *stanced) *inquest.Contradiction {
	if earlier(y.st, x.st) {
		x, y = y, x
	}
	c := &inquest.Contradiction{
		CaseID:       ix.caseID,
		ClaimID:      x.stance.ClaimID,
		AStatementID: x.st.ID,
		BStatementID: y.st.ID,
		Status:       inquest.ContradictionSuggested,
	}
	if x.actor.Same(y.actor) {
		if x.st.SaidOn.Known() && x.st.SaidOn == y.st.SaidOn {
			// One actor saying both on one day is a qualification within a
			// speech, or a misattributed quote, not a change of position.
			return nil
		}
		c.Kind = inquest.Reversal
		c.Degree = string(DegreeOf(x.stance.Stance, y.stance.Stance))
		return c
	}
	if !x.stance.Stance.Opposes(y.stance.Stance) {
		return nil
	}
	c.Kind = inquest.Between
	return c
}

// earlier reports whether a was said before b: by day when both days are
// known and differ, else by statement id, the order the record learnt them.
func earlier(a, b *inquest.Statement) bool {
	if a.SaidOn.Known() && b.SaidOn.Known() && a.SaidOn != b.SaidOn {
		return a.SaidOn < b.SaidOn
	}
	return a.ID < b.ID
}
