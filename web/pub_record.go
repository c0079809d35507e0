package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// pubRecord is one public case as readers may see it, loaded once and
// filtered here, in one place: confirmed statements, stances, figures and
// questions of non-private sources, non-private claims, people and events,
// confirmed contradictions, published chapters. Analysts' notes are
// cleared, and the name of a private person is replaced wherever it would
// appear. Every public page, feed, download and the static export read this
// and nothing else.
//
// The record keeps the case's small tables whole, but of its statements
// and sources, which grow into the millions, only their keys: which are
// public, whose, when. A page reads the words of what it shows through
// readPublic (pub_reads.go), which applies the same rules to what it reads,
// so that a server's memory does not grow with its case.
type pubRecord struct {
	Case           *inquest.Case
	Stances        []*inquest.Stance
	Claims         []*inquest.Claim
	People         []*inquest.Person // public people who speak, are claimed by, ask or are asked in the case
	Figures        []*inquest.Figure
	Measures       []*inquest.Measure
	Questions      []*inquest.Question
	Events         []*inquest.Event
	Contradictions []*inquest.Contradiction
	Chapters       []*inquest.Chapter // published versions only
	// Listed are the sources the case page lists: the newest version of
	// each locator, when that version is public, by id.
	Listed []int64

	Series    []analysis.Series
	Conflicts []analysis.FigureConflict
	Loaded    time.Time

	// keys are the public statements, by id; a private speaker's
	// PersonID is already 0. sources are the ids of the public sources
	// (every version), sorted, and titles their titles, by which pages
	// cite them: reading a source row for its title alone would read its
	// whole text on SQLite, which keeps the columns after the text in the
	// text's overflow pages.
	keys     []inquest.StatementKey
	sources  []int64
	titles   []string
	timeline pubTimeline
	// versioned are the public sources whose document has other
	// versions: a source page lists the versions only then, and most
	// documents have one.
	versioned map[int64]bool

	claim     map[int64]*inquest.Claim
	claimSlug map[string]*inquest.Claim
	person    map[int64]*inquest.Person
	figure    map[int64]*inquest.Figure
	question  map[int64]*inquest.Question
	allPeople []*inquest.Person
	// private are the people whose names readers may not see.
	private map[int64]bool

	stanceOf      map[[2]int64]inquest.StanceKind // statement, claim -> stance
	stancesOfStmt map[int64][]*inquest.Stance
	figuresOfSrc  map[int64][]*inquest.Figure
	// contradictionPage is the page of the contradictions list each
	// contradiction is on, for links to it.
	contradictionPage map[int64]int
	// statementsOf are the ids of each person's public statements, by
	// the day they were said, then by id.
	statementsOf map[int64][]int64
	// stancesOnClaim and contradictionsOn are each claim's, for the
	// claim pages and the list of claims.
	stancesOnClaim   map[int64][]*inquest.Stance
	contradictionsOn map[int64][]*inquest.Contradiction
	figuresOf        map[int64][]*inquest.Figure
}

// protectedName stands in for the name of a person marked private.
const protectedName = "a protected person"

// pubCacheTTL is how long a loaded public record, and a page rendered from
// it, is reused. Loading a large case takes a while; a page a few seconds old
// is fine for readers of what was added. What is withdrawn (made private,
// rejected, unpublished) leaves at once: through this server at the change,
// through any other process at the next read of the public-change count
// (pub_epoch.go).
var pubCacheTTL = 10 * time.Second

type pubCache struct {
	mu      sync.Mutex
	entries map[int64]*pubCacheEntry
	// gen counts the records loaded; a rendered page is current while
	// the generation it was rendered in is (pub_cache.go).
	gen atomic.Int64
}

type pubCacheEntry struct {
	ready   chan struct{} // closed when the first load is done
	c       *inquest.Case
	rec     *pubRecord
	err     error
	at      time.Time
	took    time.Duration // how long the last load took
	loading bool
	// print is rec's fingerprint (pub_fingerprint.go): a reload that
	// finds the same keeps rec, and the pages rendered from it.
	print uint64
	// stamp is the store's public stamp of the case, read before rec was
	// loaded, and loaded when: a reload is skipped while the stamp stays,
	// up to recordMaxAge.
	stamp  string
	loaded time.Time
}

// recordMaxAge is how long a record is kept on an unchanged stamp before
// it is loaded again all the same, should some change ever pass the
// stamp by.
const recordMaxAge = 10 * time.Minute

// reloadAfter is how old a record may grow before it is loaded again: the
// cache's age, or ten times what a load takes when that is longer. A load
// of a million statements takes seconds of processor time; reloading it
// every ten seconds would keep a core busy for nothing. Changes made
// through this server drop the record at once (forgetPublicRecords).
func (e *pubCacheEntry) reloadAfter() time.Duration { return max(pubCacheTTL, 10*e.took) }

var publicCaches sync.Map // *Server -> *pubCache

func (s *Server) publicCache() *pubCache {
	v, ok := publicCaches.Load(s)
	if !ok {
		v, _ = publicCaches.LoadOrStore(s, &pubCache{entries: map[int64]*pubCacheEntry{}})
	}
	return v.(*pubCache)
}

// load loads e's record and counts a generation when it succeeds with a
// record that differs from the one loaded before. A reload whose stamp
// has not moved since the record was loaded loads nothing: at a million
// statements a load is seconds of processor time and a few hundred
// megabytes allocated, which every reader feels.
func (s *Server) load(ctx context.Context, cache *pubCache, e *pubCacheEntry) {
	ctx = context.WithoutCancel(ctx)
	stamp := s.publicStamp(ctx, e.c)
	cache.mu.Lock()
	if stamp != "" && e.rec != nil && stamp == e.stamp && time.Since(e.loaded) < recordMaxAge {
		e.at, e.loading = time.Now(), false
		cache.mu.Unlock()
		return
	}
	cache.mu.Unlock()
	t0 := time.Now()
	rec, err := s.loadPublicRecord(ctx, e.c)
	var print uint64
	if err == nil {
		print = rec.fingerprint()
	}
	cache.mu.Lock()
	changed := err == nil && (e.rec == nil || print != e.print)
	if changed || e.rec == nil {
		e.rec, e.err, e.print = rec, err, print
	}
	if err == nil {
		e.stamp, e.loaded = stamp, t0
	}
	e.at, e.took, e.loading = time.Now(), time.Since(t0), false
	cache.mu.Unlock()
	if changed {
		cache.gen.Add(1)
	}
}

// publicStamp is the store's public stamp of c, "" when it cannot be read
// (the record is then loaded again).
func (s *Server) publicStamp(ctx context.Context, c *inquest.Case) string {
	rr, err := s.recordReads()
	if err != nil {
		return ""
	}
	stamp, err := rr.PublicStamp(ctx, c.ID)
	if err != nil {
		s.log.Warn("read the public stamp", "case", c.Slug, "err", err)
		return ""
	}
	return stamp
}

// publicRecord returns the public record of a public case. The first request
// loads it; later ones get the loaded record at once, and one of them, once
// the record is older than reloadAfter, starts loading a fresh one in the
// background (stale while revalidating), so readers never wait on a reload.
func (s *Server) publicRecord(ctx context.Context, c *inquest.Case) (*pubRecord, error) {
	s.followPublicEpoch(ctx)
	cache := s.publicCache()
	cache.mu.Lock()
	e := cache.entries[c.ID]
	if e == nil || (e.err != nil && !e.loading) {
		e = &pubCacheEntry{ready: make(chan struct{}), c: c, loading: true}
		cache.entries[c.ID] = e
		cache.mu.Unlock()
		s.load(ctx, cache, e)
		close(e.ready)
		return e.rec, e.err
	}
	cache.mu.Unlock()
	<-e.ready
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if !e.loading && time.Since(e.at) > e.reloadAfter() && !s.building() {
		e.loading = true
		go s.load(ctx, cache, e)
	}
	return e.rec, e.err
}

// recordGen is the generation of the loaded records: a page rendered in
// an earlier one may show what is no longer public.
func (s *Server) recordGen() int64 { return s.publicCache().gen.Load() }

// refreshRecords starts loading afresh, in the background, each record
// older than its reloadAfter. Pages served from the page cache call it, so
// records are renewed even while every page is a cache hit.
func (s *Server) refreshRecords(ctx context.Context) {
	if s.building() {
		return
	}
	cache := s.publicCache()
	cache.mu.Lock()
	defer cache.mu.Unlock()
	for _, e := range cache.entries {
		select {
		case <-e.ready:
		default:
			continue // the first load is under way
		}
		if !e.loading && e.rec != nil && time.Since(e.at) > e.reloadAfter() {
			e.loading = true
			go s.load(ctx, cache, e)
		}
	}
}

// forgetPublicRecords makes the next public request load what is public
// now, if a change took something off the public site. Every
// state-changing route calls it; what the change only added (a
// confirmation) shows when the record is next reloaded. Changes made
// elsewhere (the CLI, another instance) are seen the same way, through the
// public-change count (pub_epoch.go).
func (s *Server) forgetPublicRecords() {
	s.followPublicEpochNow()
}

func (s *Server) dropPublicCaches() {
	publicCaches.Delete(s)
	pageCaches.Delete(s)
}

// preloadPublicRecords loads the public record of every public case while
// the server starts listening, so that the first readers do not wait for
// it (a million statements take seconds). A case that fails to load is
// loaded again, and its error shown, at its first request.
func (s *Server) preloadPublicRecords(ctx context.Context) {
	cases, err := s.publicCases(ctx)
	if err != nil {
		return
	}
	for _, c := range cases {
		if ctx.Err() != nil {
			return
		}
		if _, err := s.publicRecord(ctx, c); err != nil {
			s.log.Warn("preload the public record", "case", c.Slug, "err", err)
		}
	}
}
