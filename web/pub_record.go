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
}

// protectedName stands in for the name of a person marked private.
const protectedName = "a protected person"

// pubCacheTTL is how long a loaded public record is reused. Loading a large
// case takes a while; a page a few seconds old is fine for readers, and an
// analyst who makes something private sees it gone from the public site
// within this time.
var pubCacheTTL = 3 * time.Second

type pubCache struct {
	mu      sync.Mutex
	entries map[int64]*pubCacheEntry
}

type pubCacheEntry struct {
	once sync.Once
	rec  *pubRecord
	err  error
	at   time.Time
}

var publicCaches sync.Map // *Server -> *pubCache

// publicRecord returns the public record of a public case, loading it at
// most once per pubCacheTTL however many requests ask at the same time.
func (s *Server) publicRecord(ctx context.Context, c *inquest.Case) (*pubRecord, error) {
	v, _ := publicCaches.LoadOrStore(s, &pubCache{entries: map[int64]*pubCacheEntry{}})
	cache := v.(*pubCache)
	cache.mu.Lock()
	e := cache.entries[c.ID]
	if e == nil || (!e.at.IsZero() && (e.err != nil || time.Since(e.at) > pubCacheTTL)) {
		e = &pubCacheEntry{}
		cache.entries[c.ID] = e
	}
	cache.mu.Unlock()
	e.once.Do(func() {
		rec, err := s.loadPublicRecord(context.WithoutCancel(ctx), c)
		cache.mu.Lock()
		e.rec, e.err, e.at = rec, err, time.Now()
		cache.mu.Unlock()
	})
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return e.rec, e.err
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
