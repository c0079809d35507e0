package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// The series and conflicts of a large case's figures take seconds of
// processor time to derive (at a million statements, 68,000 figures and
// 3-4 s, holding some 50 MB all the while), and the figures page is never
// cached otherwise. So a derivation that took longer than slowDerivation is
// kept and shared by the page's readers until what it derives from changes:
// the store's WorkspaceStamp counts every such change, by this process or
// another (a figure or measure, a person or their names, a statement's
// speaker). Deriving again on a clock instead, changed or not, held every
// page of a busy server for half a second each time. When the stamp has
// moved, the readers are given the kept derivation while one is made again
// behind the page, at most once in derivationTTL or ten times what the last
// took, whichever is longer: while an import adds figures all the time, a
// server spends at most a tenth of its time deriving. The page says when it
// was derived and offers to derive again at once. The list of every figure
// on the page is read afresh on each request all the same. This server's
// own changes drop the kept derivations at once.

// slowDerivation is the derivation time above which one is kept, and
// derivationTTL the least time before a reader's request derives it again
// after a change (in the background, the reader being given the kept one).
// Variables for the tests.
var (
	slowDerivation = 200 * time.Millisecond
	derivationTTL  = time.Minute
)

// figureDerivation is what the figures page shows of what it derives from
// every figure: the series, charts drawn, and the first conflictsShown of
// AllConflicts conflicts.
type figureDerivation struct {
	At    time.Time
	stamp string // the store's WorkspaceStamp before it was derived
	// rendered is the series and conflicts as HTML, by language: at a
	// million statements some 400 KB, 8 ms to render on every request.
	renderedMu   sync.Mutex
	rendered     map[string]template.HTML
	Took         time.Duration
	Series       []wsSeries
	Conflicts    []analysis.FigureConflict
	AllConflicts int
}

type derivationKey struct {
	st     inquest.Store
	caseID int64
}

// derivationSlot holds one case's kept derivation. One derivation runs at
// a time: the readers who find none wait for it rather than each
// deriving; those who find it aged are given it while one derivation
// runs in the background.
type derivationSlot struct {
	mu         sync.Mutex // guards d and refreshing
	d          *figureDerivation
	refreshing bool
	derive     sync.Mutex
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
	if !fresh {
		slot.mu.Lock()
		d := slot.d
		aged := d != nil && time.Since(d.At) >= d.keepFor() && !slot.refreshing
		slot.mu.Unlock()
		if aged {
			stamp, err := s.workspaceStamp(ctx)
			if err != nil {
				return nil, false, err
			}
			slot.mu.Lock()
			if stamp != d.stamp && !slot.refreshing {
				slot.refreshing = true
				go s.refreshDerivation(context.WithoutCancel(ctx), c, slot)
			}
			slot.mu.Unlock()
		}
		if d != nil {
			return d, true, nil
		}
	}
	return s.derive(ctx, c, slot, fresh)
}

// derive derives the case's series and conflicts into slot, keeping them
// when that was slow.
func (s *Server) derive(ctx context.Context, c *inquest.Case, slot *derivationSlot, fresh bool) (*figureDerivation, bool, error) {
	slot.derive.Lock()
	defer slot.derive.Unlock()
	if !fresh {
		// Derived by another reader while this one waited.
		slot.mu.Lock()
		d := slot.d
		slot.mu.Unlock()
		if d != nil {
			return d, true, nil
		}
	}
	start := time.Now()
	// The stamp is read first: a change made while deriving moves it
	// past the one kept, and the next reader derives again.
	stamp, err := s.workspaceStamp(ctx)
	if err != nil {
		return nil, false, err
	}
	fr, err := s.figureRecord(ctx, c)
	if err != nil {
		return nil, false, err
	}
	series := analysis.FigureSeries(fr)
	d := &figureDerivation{At: start, stamp: stamp}
	d.Conflicts, d.AllConflicts = analysis.FirstFigureConflicts(fr, series, conflictsShown)
	for _, se := range series {
		d.Series = append(d.Series, showSeries(se))
	}
	d.Took = time.Since(start)
	slot.mu.Lock()
	slot.d = nil
	if d.Took > slowDerivation {
		slot.d = d
	}
	slot.mu.Unlock()
	return d, false, nil
}

// keepFor is the least time d is given to readers before it is derived
// again after a change.
func (d *figureDerivation) keepFor() time.Duration { return max(derivationTTL, 10*d.Took) }

// refreshDerivation derives an aged derivation again; on failure the aged
// one stays, and the next reader tries again.
func (s *Server) refreshDerivation(ctx context.Context, c *inquest.Case, slot *derivationSlot) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	d, _, err := s.derive(ctx, c, slot, true)
	if err != nil {
		s.log.Warn("derive the figure series again", "case", c.Slug, "err", err)
	} else {
		s.log.Info("derived the figure series again after a change", "case", c.Slug, "took", d.Took.Round(time.Millisecond))
	}
	slot.mu.Lock()
	slot.refreshing = false
	slot.mu.Unlock()
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

// workspaceStamp reads the store's count of changes to what the figures
// page derives from.
func (s *Server) workspaceStamp(ctx context.Context) (string, error) {
	pw, err := s.paged()
	if err != nil {
		return "", err
	}
	return pw.WorkspaceStamp(ctx)
}

// renderedDerivation returns the series and conflicts of the kept
// derivation d as the figures page p shows them in the request's language,
// rendering them the first time.
func (s *Server) renderedDerivation(r *http.Request, d *figureDerivation, p wsFiguresPage) (template.HTML, error) {
	set := s.templatesFor(r)
	d.renderedMu.Lock()
	defer d.renderedMu.Unlock()
	if h, ok := d.rendered[set.lang]; ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := set.pages["ws_figures"].ExecuteTemplate(&b, "ws_figures_derived", p); err != nil {
		return "", fmt.Errorf("render the figure series: %w", err)
	}
	if d.rendered == nil {
		d.rendered = map[string]template.HTML{}
	}
	h := template.HTML(b.String())
	d.rendered[set.lang] = h
	return h, nil
}
