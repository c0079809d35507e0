package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/analysis/casework"
)

// pubRecord is one public case as readers may see it, loaded once and
// filtered here, in one place: confirmed statements, stances, figures and
// questions of non-private sources, non-private claims, people and events,
// confirmed contradictions, published chapters. Analysts' notes are
// cleared, and the name of a private person is replaced wherever it would
// appear. Every public page, feed, download and the static export read this
// and nothing else.
type pubRecord struct {
	Case           *inquest.Case
	Sources        []*inquest.Source // without text
	Statements     []*inquest.Statement
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
	Listed []*inquest.Source

	Series    []analysis.Series
	Conflicts []analysis.FigureConflict
	Timeline  analysis.Timeline
	Loaded    time.Time

	source    map[int64]*inquest.Source
	statement map[int64]*inquest.Statement
	claim     map[int64]*inquest.Claim
	claimSlug map[string]*inquest.Claim
	person    map[int64]*inquest.Person
	figure    map[int64]*inquest.Figure
	question  map[int64]*inquest.Question
	allPeople []*inquest.Person

	stanceOf        map[[2]int64]inquest.StanceKind // statement, claim -> stance
	stancesOfStmt   map[int64][]*inquest.Stance
	statementsOfSrc map[int64][]*inquest.Statement
	figuresOfSrc    map[int64][]*inquest.Figure
	// contradictionPage is the page of the contradictions list each
	// contradiction is on, for links to it.
	contradictionPage map[int64]int
	// statementsOf and figuresOf are each person's statements and
	// figures, for the person pages.
	statementsOf map[int64][]*inquest.Statement
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
}

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

// load loads e's record and counts a generation when it succeeds.
func (s *Server) load(ctx context.Context, cache *pubCache, e *pubCacheEntry) {
	t0 := time.Now()
	rec, err := s.loadPublicRecord(context.WithoutCancel(ctx), e.c)
	cache.mu.Lock()
	if err == nil || e.rec == nil {
		e.rec, e.err = rec, err
	}
	e.at, e.took, e.loading = time.Now(), time.Since(t0), false
	cache.mu.Unlock()
	if err == nil {
		cache.gen.Add(1)
	}
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

func (s *Server) loadPublicRecord(ctx context.Context, c *inquest.Case) (*pubRecord, error) {
	if !c.Public {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", c.Slug)
	}
	cs, ok := s.st.(casework.Store)
	if !ok {
		return nil, fmt.Errorf("public record: the store keeps no analysis")
	}
	full, err := loadPublicParts(ctx, cs, c)
	if err != nil {
		return nil, err
	}
	p := &pubRecord{Case: c, Loaded: time.Now(), source: map[int64]*inquest.Source{}, statement: map[int64]*inquest.Statement{},
		claim: map[int64]*inquest.Claim{}, claimSlug: map[string]*inquest.Claim{}, person: map[int64]*inquest.Person{},
		figure: map[int64]*inquest.Figure{}, question: map[int64]*inquest.Question{}}
	v := publicView
	private := map[int64]bool{}
	for _, pe := range full.People {
		if !v.canSeePerson(pe) {
			private[pe.ID] = true
			continue
		}
		cp := *pe
		cp.Note = ""
		p.allPeople = append(p.allPeople, &cp)
		p.person[cp.ID] = &cp
	}
	newest := map[string]int{} // locator -> newest version, public or not
	for _, src := range full.Sources {
		newest[src.Locator] = max(newest[src.Locator], src.Version)
	}
	for _, src := range full.Sources {
		if !v.canSeeSource(src) {
			continue
		}
		cp := *src
		cp.Text = ""
		p.Sources = append(p.Sources, &cp)
		p.source[cp.ID] = &cp
		if cp.Version == newest[cp.Locator] {
			p.Listed = append(p.Listed, &cp)
		}
	}
	slices.SortFunc(p.Listed, func(a, b *inquest.Source) int { return cmp.Compare(a.ID, b.ID) })
	// Only the newest version of a locator is listed, but every public
	// version keeps its page, so the sources map holds them all.
	speaks := map[int64]bool{}
	for _, st := range full.Statements {
		if !v.canSeeReview(st.Review) || p.source[st.SourceID] == nil {
			continue
		}
		cp := *st
		cp.Note = ""
		if private[cp.PersonID] {
			cp.PersonID, cp.SpeakerName, cp.SpeakerRole = 0, protectedName, ""
		}
		speaks[cp.PersonID] = true
		p.Statements = append(p.Statements, &cp)
		p.statement[cp.ID] = &cp
	}
	for _, cl := range full.Claims {
		if !v.canSeeClaim(cl) {
			continue
		}
		p.Claims = append(p.Claims, cl)
		p.claim[cl.ID] = cl
		p.claimSlug[cl.Slug] = cl
	}
	for _, sn := range full.Stances {
		if !v.canSeeReview(sn.Review) || p.statement[sn.StatementID] == nil || p.claim[sn.ClaimID] == nil {
			continue
		}
		cp := *sn
		cp.Note, cp.DecidedBy = "", ""
		p.Stances = append(p.Stances, &cp)
	}
	for _, f := range full.Figures {
		if !v.canSeeReview(f.Review) || p.source[f.SourceID] == nil {
			continue
		}
		cp := *f
		if cp.StatementID != 0 && p.statement[cp.StatementID] == nil {
			cp.StatementID = 0
		}
		if private[cp.ClaimantID] {
			cp.ClaimantID, cp.ClaimantName = 0, protectedName
		}
		speaks[cp.ClaimantID] = true
		p.Figures = append(p.Figures, &cp)
		p.figure[cp.ID] = &cp
	}
	p.Measures = full.Measures
	for _, q := range full.Questions {
		if !v.canSeeReview(q.Review) || (q.SourceID != 0 && p.source[q.SourceID] == nil) {
			continue
		}
		cp := *q
		cp.Note = ""
		if cp.StatementID != 0 && p.statement[cp.StatementID] == nil {
			cp.StatementID = 0
		}
		if cp.AnswerStatementID != 0 && p.statement[cp.AnswerStatementID] == nil {
			// The answer is not public yet: readers see the question open.
			cp.AnswerStatementID = 0
			if cp.Status == inquest.Answered {
				cp.Status = inquest.Open
			}
		}
		if private[cp.AskerID] {
			cp.AskerID, cp.AskerName = 0, protectedName
		}
		if private[cp.AddresseeID] {
			cp.AddresseeID, cp.AddresseeName = 0, protectedName
		}
		speaks[cp.AskerID], speaks[cp.AddresseeID] = true, true
		p.Questions = append(p.Questions, &cp)
		p.question[cp.ID] = &cp
	}
	for _, e := range full.Events {
		if !v.canSeeEvent(e) {
			continue
		}
		cp := *e
		cp.SourceIDs = nil
		for _, id := range e.SourceIDs {
			if p.source[id] != nil {
				cp.SourceIDs = append(cp.SourceIDs, id)
			}
		}
		p.Events = append(p.Events, &cp)
	}
	for _, pe := range p.allPeople {
		if speaks[pe.ID] {
			p.People = append(p.People, pe)
		}
	}
	if as, ok := s.st.(inquest.AnalysisService); ok {
		cons, err := as.ContradictionsByStatus(ctx, c.ID, inquest.ContradictionConfirmed)
		if err != nil {
			return nil, err
		}
		for _, k := range cons {
			if !v.canSeeContradiction(k) || p.claim[k.ClaimID] == nil || p.statement[k.AStatementID] == nil || p.statement[k.BStatementID] == nil {
				continue
			}
			cp := *k
			cp.Note, cp.DecidedBy = "", ""
			p.Contradictions = append(p.Contradictions, &cp)
		}
	}
	if cs, ok := s.st.(inquest.ChapterService); ok {
		if p.Chapters, err = cs.PublishedChapters(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	p.index()
	fr := analysis.FigureRecord{Figures: p.Figures, Measures: p.Measures, PartOf: full.PartOf,
		Statements: p.Statements, Sources: p.Sources, People: p.allPeople}
	p.Series = analysis.FigureSeries(fr)
	p.Conflicts = analysis.FigureConflicts(fr)
	p.Timeline = analysis.BuildTimeline(analysis.TimelineRecord{Events: p.Events, Statements: p.Statements, Figures: fr, Sources: p.Sources})
	return p, nil
}

// loadPublicParts reads what the public record is made of: what
// casework.Load reads for the analysis, less what no reader may see and the
// record would drop anyway. Only confirmed statements are read (at a
// million statements, most are suggestions or rejected), and no source
// text (the record keeps sources without it).
func loadPublicParts(ctx context.Context, cs casework.Store, c *inquest.Case) (*casework.Record, error) {
	r := &casework.Record{Case: c}
	steps := []struct {
		what string
		load func() error
	}{
		{"statements", func() (err error) {
			r.Statements, err = cs.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
			return
		}},
		{"stances", func() (err error) { r.Stances, err = cs.Stances(ctx, c.ID); return }},
		{"claims", func() (err error) { r.Claims, err = cs.Claims(ctx, c.ID); return }},
		{"people", func() (err error) { r.People, err = cs.People(ctx); return }},
		{"figures", func() (err error) { r.Figures, err = cs.Figures(ctx, c.ID); return }},
		{"measures", func() (err error) { r.Measures, err = cs.Measures(ctx, c.ID); return }},
		{"measure parts", func() (err error) { r.PartOf, err = cs.MeasureParts(ctx, c.ID); return }},
		{"questions", func() (err error) { r.Questions, err = cs.Questions(ctx, c.ID); return }},
		{"sources", func() (err error) {
			r.Sources, err = cs.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
			return
		}},
		{"events", func() (err error) { r.Events, err = cs.Events(ctx, c.ID); return }},
	}
	for _, step := range steps {
		if err := step.load(); err != nil {
			return nil, fmt.Errorf("load the public %s of case %s: %w", step.what, c.Slug, err)
		}
	}
	return r, nil
}

// speakerName names the speaker of a public statement.
func (p *pubRecord) speakerName(st *inquest.Statement) string {
	if pe := p.person[st.PersonID]; pe != nil {
		return pe.Name
	}
	if st.SpeakerName != "" {
		return st.SpeakerName
	}
	if st.SpeakerRole != "" {
		return st.SpeakerRole
	}
	return "unknown speaker"
}

// stancesOn returns the public stances on a claim.
func (p *pubRecord) stancesOn(claimID int64) []*inquest.Stance { return p.stancesOnClaim[claimID] }

// index builds the lookups the pages need, so that no page scans the whole
// case for one source or one contradiction.
func (p *pubRecord) index() {
	p.stanceOf = map[[2]int64]inquest.StanceKind{}
	p.stancesOfStmt = map[int64][]*inquest.Stance{}
	p.statementsOfSrc = map[int64][]*inquest.Statement{}
	p.figuresOfSrc = map[int64][]*inquest.Figure{}
	p.contradictionPage = map[int64]int{}
	p.contradictionsOn = map[int64][]*inquest.Contradiction{}
	for i, k := range p.Contradictions {
		p.contradictionPage[k.ID] = i/pubPageSize + 1
		p.contradictionsOn[k.ClaimID] = append(p.contradictionsOn[k.ClaimID], k)
	}
	p.stancesOnClaim = map[int64][]*inquest.Stance{}
	for _, sn := range p.Stances {
		p.stanceOf[[2]int64{sn.StatementID, sn.ClaimID}] = sn.Stance
		p.stancesOfStmt[sn.StatementID] = append(p.stancesOfStmt[sn.StatementID], sn)
		p.stancesOnClaim[sn.ClaimID] = append(p.stancesOnClaim[sn.ClaimID], sn)
	}
	p.statementsOf = map[int64][]*inquest.Statement{}
	p.figuresOf = map[int64][]*inquest.Figure{}
	for _, st := range p.Statements {
		p.statementsOfSrc[st.SourceID] = append(p.statementsOfSrc[st.SourceID], st)
		p.statementsOf[st.PersonID] = append(p.statementsOf[st.PersonID], st)
	}
	for _, f := range p.Figures {
		p.figuresOfSrc[f.SourceID] = append(p.figuresOfSrc[f.SourceID], f)
		p.figuresOf[f.ClaimantID] = append(p.figuresOf[f.ClaimantID], f)
	}
}
