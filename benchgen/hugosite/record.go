package hugosite

import (
	"context"
	"fmt"
	"sort"

	"github.com/inquest-project/inquest"
)

// record is the public part of one case, as the public site shows it.
type record struct {
	Case           *inquest.Case
	Sources        []*inquest.Source // every public version, with text, by id
	Statements     []*inquest.Statement
	Claims         []*inquest.Claim
	People         []*inquest.Person // public people who speak, claim a figure, ask or are asked
	Figures        []*inquest.Figure
	Questions      []*inquest.Question
	Events         []*inquest.Event
	Contradictions []*inquest.Contradiction

	person       map[int64]*inquest.Person
	claim        map[int64]*inquest.Claim
	source       map[int64]*inquest.Source
	stancesOf    map[int64][]*inquest.Stance    // statement id -> public stances
	stancesOn    map[int64][]*inquest.Stance    // claim id -> public stances
	statementsOf map[int64][]*inquest.Statement // source id -> public statements
	saidBy       map[int64][]*inquest.Statement // person id -> public statements
	statement    map[int64]*inquest.Statement   //
}

// protectedName stands in for a private person, as on the public site.
const protectedName = "a protected person"

// load reads the public record of the case with the slug. It keeps only
// what readers may see: the same rules as the public site (web/visibility.go).
func load(ctx context.Context, st inquest.Store, slug string) (*record, error) {
	c, err := st.CaseBySlug(ctx, slug)
	if err != nil {
		return nil, err
	}
	if !c.Public {
		return nil, inquest.Errorf(inquest.EINVALID, "case %q is not public: it has no public site to compare", slug)
	}
	r := &record{Case: c, person: map[int64]*inquest.Person{}, claim: map[int64]*inquest.Claim{},
		source: map[int64]*inquest.Source{}, stancesOf: map[int64][]*inquest.Stance{}, stancesOn: map[int64][]*inquest.Stance{},
		statementsOf: map[int64][]*inquest.Statement{}, saidBy: map[int64][]*inquest.Statement{}, statement: map[int64]*inquest.Statement{}}
	people, err := st.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	private := map[int64]bool{}
	for _, p := range people {
		if p.Private {
			private[p.ID] = true
			continue
		}
		r.person[p.ID] = p
	}
	sources, err := st.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, PublicOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	for _, s := range sources {
		if s.Private {
			continue
		}
		r.Sources = append(r.Sources, s)
		r.source[s.ID] = s
	}
	sort.Slice(r.Sources, func(i, j int) bool { return r.Sources[i].ID < r.Sources[j].ID })
	statements, err := st.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	speaks := map[int64]bool{}
	for _, s := range statements {
		if s.Review != inquest.Confirmed || r.source[s.SourceID] == nil {
			continue
		}
		if private[s.PersonID] {
			cp := *s
			cp.PersonID, cp.SpeakerName, cp.SpeakerRole = 0, protectedName, ""
			s = &cp
		}
		speaks[s.PersonID] = true
		r.Statements = append(r.Statements, s)
		r.statement[s.ID] = s
		r.statementsOf[s.SourceID] = append(r.statementsOf[s.SourceID], s)
		if s.PersonID != 0 {
			r.saidBy[s.PersonID] = append(r.saidBy[s.PersonID], s)
		}
	}
	claims, err := st.Claims(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	for _, cl := range claims {
		if !cl.Private {
			r.Claims = append(r.Claims, cl)
			r.claim[cl.ID] = cl
		}
	}
	stances, err := st.Stances(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("stances: %w", err)
	}
	for _, sn := range stances {
		if sn.Review != inquest.Confirmed || r.statement[sn.StatementID] == nil || r.claim[sn.ClaimID] == nil {
			continue
		}
		r.stancesOf[sn.StatementID] = append(r.stancesOf[sn.StatementID], sn)
		r.stancesOn[sn.ClaimID] = append(r.stancesOn[sn.ClaimID], sn)
	}
	figures, err := st.Figures(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	for _, f := range figures {
		if f.Review != inquest.Confirmed || r.source[f.SourceID] == nil {
			continue
		}
		if private[f.ClaimantID] {
			cp := *f
			cp.ClaimantID, cp.ClaimantName = 0, protectedName
			f = &cp
		}
		speaks[f.ClaimantID] = true
		r.Figures = append(r.Figures, f)
	}
	questions, err := st.Questions(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	for _, q := range questions {
		if q.Review != inquest.Confirmed || (q.SourceID != 0 && r.source[q.SourceID] == nil) {
			continue
		}
		cp := *q
		cp.Note = ""
		if private[cp.AskerID] {
			cp.AskerID, cp.AskerName = 0, protectedName
		}
		if private[cp.AddresseeID] {
			cp.AddresseeID, cp.AddresseeName = 0, protectedName
		}
		speaks[cp.AskerID], speaks[cp.AddresseeID] = true, true
		r.Questions = append(r.Questions, &cp)
	}
	events, err := st.Events(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	for _, e := range events {
		if !e.Private {
			r.Events = append(r.Events, e)
		}
	}
	if as, ok := st.(inquest.AnalysisService); ok {
		cons, err := as.Contradictions(ctx, c.ID)
		if err != nil {
			return nil, fmt.Errorf("contradictions: %w", err)
		}
		for _, k := range cons {
			if k.Status == inquest.ContradictionConfirmed && r.claim[k.ClaimID] != nil && r.statement[k.AStatementID] != nil && r.statement[k.BStatementID] != nil {
				r.Contradictions = append(r.Contradictions, k)
			}
		}
	}
	for _, p := range people {
		if !p.Private && speaks[p.ID] {
			r.People = append(r.People, p)
		}
	}
	return r, nil
}

// speaker names the speaker of a public statement, as the public site does.
func (r *record) speaker(s *inquest.Statement, lang string) string {
	if p := r.person[s.PersonID]; p != nil {
		return nameIn(p, lang)
	}
	if s.SpeakerName != "" {
		return s.SpeakerName
	}
	if s.SpeakerRole != "" {
		return s.SpeakerRole
	}
	return "unknown speaker"
}

// nameIn is a person's name in lang, else the canonical name.
func nameIn(p *inquest.Person, lang string) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	return p.Name
}
