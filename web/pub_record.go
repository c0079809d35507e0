package web

import (
	"context"
	"fmt"
	"sync"
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
}

// protectedName stands in for the name of a person marked private.
const protectedName = "a protected person"

// pubCacheTTL is how long a loaded public record, and a page rendered from
// it, is reused. Loading a large case takes a while; a page a few seconds old
// is fine for readers. An analyst who makes something private sees it gone
// from the public site within twice this time (plus one load).
var pubCacheTTL = 10 * time.Second

type pubCache struct {
	mu      sync.Mutex
	entries map[int64]*pubCacheEntry
}

type pubCacheEntry struct {
	ready   chan struct{} // closed when the first load is done
	rec     *pubRecord
	err     error
	at      time.Time
	loading bool
}

var publicCaches sync.Map // *Server -> *pubCache

// publicRecord returns the public record of a public case. The first request
// loads it; later ones get the loaded record at once, and one of them, once
// the record is older than pubCacheTTL, starts loading a fresh one in the
// background (stale while revalidating), so readers never wait on a reload.
func (s *Server) publicRecord(ctx context.Context, c *inquest.Case) (*pubRecord, error) {
	v, _ := publicCaches.LoadOrStore(s, &pubCache{entries: map[int64]*pubCacheEntry{}})
	cache := v.(*pubCache)
	load := func(e *pubCacheEntry) {
		rec, err := s.loadPublicRecord(context.WithoutCancel(ctx), c)
		cache.mu.Lock()
		if err == nil || e.rec == nil {
			e.rec, e.err = rec, err
		}
		e.at, e.loading = time.Now(), false
		cache.mu.Unlock()
	}
	cache.mu.Lock()
	e := cache.entries[c.ID]
	if e == nil || (e.err != nil && !e.loading) {
		e = &pubCacheEntry{ready: make(chan struct{}), loading: true}
		cache.entries[c.ID] = e
		cache.mu.Unlock()
		load(e)
		close(e.ready)
		return e.rec, e.err
	}
	cache.mu.Unlock()
	<-e.ready
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if !e.loading && time.Since(e.at) > pubCacheTTL && !s.building() {
		e.loading = true
		go load(e)
	}
	return e.rec, e.err
}

// forgetPublicRecords drops this server's cached public records and pages, so that
// the next public request loads what is public now. Every state-changing
// route calls it; changes made elsewhere (the CLI, another instance) show
// within the cache's age as described at pubCacheTTL.
func (s *Server) forgetPublicRecords() {
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
	full, err := casework.New(cs).Load(ctx, c)
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
	for _, src := range full.Sources {
		if !v.canSeeSource(src) {
			continue
		}
		cp := *src
		cp.Text = ""
		p.Sources = append(p.Sources, &cp)
		p.source[cp.ID] = &cp
	}
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
		cons, err := as.Contradictions(ctx, c.ID)
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

// stancesOf returns the public stances on a claim.
func (p *pubRecord) stancesOn(claimID int64) []*inquest.Stance {
	var out []*inquest.Stance
	for _, sn := range p.Stances {
		if sn.ClaimID == claimID {
			out = append(out, sn)
		}
	}
	return out
}

// index builds the lookups the pages need, so that no page scans the whole
// case for one source or one contradiction.
func (p *pubRecord) index() {
	p.stanceOf = map[[2]int64]inquest.StanceKind{}
	p.stancesOfStmt = map[int64][]*inquest.Stance{}
	p.statementsOfSrc = map[int64][]*inquest.Statement{}
	p.figuresOfSrc = map[int64][]*inquest.Figure{}
	for _, sn := range p.Stances {
		p.stanceOf[[2]int64{sn.StatementID, sn.ClaimID}] = sn.Stance
		p.stancesOfStmt[sn.StatementID] = append(p.stancesOfStmt[sn.StatementID], sn)
	}
	for _, st := range p.Statements {
		p.statementsOfSrc[st.SourceID] = append(p.statementsOfSrc[st.SourceID], st)
	}
	for _, f := range p.Figures {
		p.figuresOfSrc[f.SourceID] = append(p.figuresOfSrc[f.SourceID], f)
	}
}
