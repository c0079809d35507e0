package web

import (
	"context"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// The series and conflicts of a large case's figures take seconds of
// processor time to derive (every figure placed, twice: at a million
// statements, 67,000 figures and 3.5 s), and the figures page is never
// cached otherwise. So a derivation that took longer than
// slowDerivation is kept for up to derivationTTL and shared by the
// page's readers meanwhile; the page says when it was derived and offers
// to derive again at once. The list of every figure on the page is read
// afresh on each request all the same. This server's own changes to what
// the series derive from (a figure reviewed, a speaker changed, two
// people merged) drop the kept derivations at once; a change by another
// process shows when the derivation ages out.
//
// Exact invalidation would need a count of every change to the case (as
// the public site's epoch counts those that can take something off it);
// the store has none for suggestions.

// slowDerivation is the derivation time above which one is kept (a
// variable for the tests).
var slowDerivation = 200 * time.Millisecond

const derivationTTL = time.Minute

// figureDerivation is what the figures page derives from every figure.
type figureDerivation struct {
	At        time.Time
	Series    []analysis.Series
	Conflicts []analysis.FigureConflict
}

type derivationKey struct {
	st     inquest.Store
	caseID int64
}

// derivationSlot holds one case's kept derivation; its lock makes the
// readers who find it stale wait for one derivation instead of each
// deriving.
type derivationSlot struct {
	mu sync.Mutex
	d  *figureDerivation
}

var derivations = struct {
	sync.Mutex
	m map[derivationKey]*derivationSlot
}{m: map[derivationKey]*derivationSlot{}}

// figureDerivationOf returns the case's series and conflicts, kept ones
// when there are and fresh is false, and whether they were kept.
func (s *Server) figureDerivationOf(ctx context.Context, c *inquest.Case, fresh bool) (*figureDerivation, bool, error) {
	key := derivationKey{s.st, c.ID}
	derivations.Lock()
	slot := derivations.m[key]
	if slot == nil {
		slot = &derivationSlot{}
		derivations.m[key] = slot
	}
	derivations.Unlock()
	slot.mu.Lock()
	defer slot.mu.Unlock()
	if d := slot.d; d != nil && !fresh && time.Since(d.At) < derivationTTL {
		return d, true, nil
	}
	start := time.Now()
	fr, err := s.figureRecord(ctx, c)
	if err != nil {
		return nil, false, err
	}
	d := &figureDerivation{At: start, Conflicts: analysis.FigureConflicts(fr), Series: analysis.FigureSeries(fr)}
	slot.d = nil
	if time.Since(start) > slowDerivation {
		slot.d = d
	}
	return d, false, nil
}

// forgetFigureDerivations drops the derivations kept for this server's
// store, after a change to what they derive from.
func (s *Server) forgetFigureDerivations() {
	derivations.Lock()
	defer derivations.Unlock()
	// A reader deriving meanwhile finishes into the slot dropped here,
	// which no later reader finds.
	for k := range derivations.m {
		if k.st == s.st {
			delete(derivations.m, k)
		}
	}
}
