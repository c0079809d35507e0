package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/analysis/casework"
)

// publicStore is what the public record is read from.
type publicStore interface {
	casework.Store
	inquest.RecordReads
}

// loadPublicRecord reads a public case's record (pub_record.go): its small
// tables whole and filtered, and of its statements and sources only the
// keys of the public ones.
func (s *Server) loadPublicRecord(ctx context.Context, c *inquest.Case) (*pubRecord, error) {
	if !c.Public {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", c.Slug)
	}
	ps, ok := s.st.(publicStore)
	if !ok {
		return nil, fmt.Errorf("public record: the store keeps no analysis")
	}
	full, keys, sourceKeys, err := loadPublicParts(ctx, ps, c)
	if err != nil {
		return nil, err
	}
	p := &pubRecord{Case: c, Loaded: time.Now(),
		claim: map[int64]*inquest.Claim{}, claimSlug: map[string]*inquest.Claim{}, person: map[int64]*inquest.Person{},
		figure: map[int64]*inquest.Figure{}, question: map[int64]*inquest.Question{}, private: map[int64]bool{}}
	v := publicView
	for _, pe := range full.People {
		if !v.canSeePerson(pe) {
			p.private[pe.ID] = true
			continue
		}
		cp := *pe
		cp.Note = ""
		p.allPeople = append(p.allPeople, &cp)
		p.person[cp.ID] = &cp
	}

	// Sources: every public version keeps its page; the case page lists
	// the newest version of each locator when that version is public.
	newest := map[string]int{}   // locator -> newest version, public or not
	versions := map[string]int{} // locator -> how many versions
	for _, k := range sourceKeys {
		newest[k.Locator] = max(newest[k.Locator], k.Version)
		versions[k.Locator]++
	}
	p.versioned = map[int64]bool{}
	for _, k := range sourceKeys {
		if !v.canSeeSource(&inquest.Source{Private: k.Private}) {
			continue
		}
		p.sources = append(p.sources, k.ID)
		p.titles = append(p.titles, k.Title)
		if k.Version == newest[k.Locator] {
			p.Listed = append(p.Listed, k.ID)
		}
		if versions[k.Locator] > 1 {
			p.versioned[k.ID] = true
		}
	}
	slices.Sort(p.Listed) // sources and titles are by id already, as the keys
	published := map[int64]inquest.Date{}
	for _, k := range sourceKeys {
		if k.Published.Known() && p.hasSource(k.ID) {
			published[k.ID] = k.Published
		}
	}

	// Statements: the keys read are of confirmed statements only.
	speaks := map[int64]bool{}
	p.keys = keys[:0]
	for _, k := range keys {
		if !p.hasSource(k.SourceID) {
			continue
		}
		if p.private[k.PersonID] {
			k.PersonID = 0
		}
		speaks[k.PersonID] = true
		p.keys = append(p.keys, k)
	}
	p.keys = slices.Clip(p.keys)

	for _, cl := range full.Claims {
		if !v.canSeeClaim(cl) {
			continue
		}
		p.Claims = append(p.Claims, cl)
		p.claim[cl.ID] = cl
		p.claimSlug[cl.Slug] = cl
	}
	for _, sn := range full.Stances {
		if !v.canSeeReview(sn.Review) || !p.hasStatement(sn.StatementID) || p.claim[sn.ClaimID] == nil {
			continue
		}
		cp := *sn
		cp.Note, cp.DecidedBy = "", ""
		p.Stances = append(p.Stances, &cp)
	}
	for _, f := range full.Figures {
		if !v.canSeeReview(f.Review) || !p.hasSource(f.SourceID) {
			continue
		}
		cp := *f
		if cp.StatementID != 0 && !p.hasStatement(cp.StatementID) {
			cp.StatementID = 0
		}
		if p.private[cp.ClaimantID] {
			cp.ClaimantID, cp.ClaimantName = 0, protectedName
		}
		speaks[cp.ClaimantID] = true
		p.Figures = append(p.Figures, &cp)
		p.figure[cp.ID] = &cp
	}
	p.Measures = full.Measures
	for _, q := range full.Questions {
		if !v.canSeeReview(q.Review) || (q.SourceID != 0 && !p.hasSource(q.SourceID)) {
			continue
		}
		cp := *q
		cp.Note = ""
		if cp.StatementID != 0 && !p.hasStatement(cp.StatementID) {
			cp.StatementID = 0
		}
		if cp.AnswerStatementID != 0 && !p.hasStatement(cp.AnswerStatementID) {
			// The answer is not public yet: readers see the question open.
			cp.AnswerStatementID = 0
			if cp.Status == inquest.Answered {
				cp.Status = inquest.Open
			}
		}
		if p.private[cp.AskerID] {
			cp.AskerID, cp.AskerName = 0, protectedName
		}
		if p.private[cp.AddresseeID] {
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
			if p.hasSource(id) {
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
	cons, err := ps.ContradictionsByStatus(ctx, c.ID, inquest.ContradictionConfirmed)
	if err != nil {
		return nil, fmt.Errorf("load the public contradictions of case %s: %w", c.Slug, err)
	}
	for _, k := range cons {
		if !v.canSeeContradiction(k) || p.claim[k.ClaimID] == nil || !p.hasStatement(k.AStatementID) || !p.hasStatement(k.BStatementID) {
			continue
		}
		cp := *k
		cp.Note, cp.DecidedBy = "", ""
		p.Contradictions = append(p.Contradictions, &cp)
	}
	if cs, ok := s.st.(inquest.ChapterService); ok {
		if p.Chapters, err = cs.PublishedChapters(ctx, c.ID); err != nil {
			return nil, fmt.Errorf("load the published chapters of case %s: %w", c.Slug, err)
		}
	}
	p.index()

	// The figure analysis needs the statements figures were said in and
	// the sources they come from, which are few beside the case's.
	var stmtIDs, srcIDs []int64
	for _, f := range p.Figures {
		stmtIDs = append(stmtIDs, f.StatementID)
		srcIDs = append(srcIDs, f.SourceID)
	}
	reads, err := s.readPublic(ctx, p, stmtIDs, srcIDs)
	if err != nil {
		return nil, err
	}
	fr := analysis.FigureRecord{Figures: p.Figures, Measures: p.Measures, PartOf: full.PartOf,
		Statements: reads.statementList(), Sources: reads.sourceList(), People: p.allPeople}
	p.Series = analysis.FigureSeries(fr)
	p.Conflicts = analysis.FigureConflicts(fr, p.Series)
	p.timeline = buildPubTimeline(analysis.BuildTimeline(analysis.TimelineRecord{Events: p.Events, Figures: fr}), p.keys, published)
	return p, nil
}

// loadPublicParts reads what the public record is made of: the small
// tables of the case (of its stances, figures and questions the confirmed
// ones), and of its statements and sources the keys only (of its
// statements, only the confirmed ones).
func loadPublicParts(ctx context.Context, ps publicStore, c *inquest.Case) (*casework.Record, []inquest.StatementKey, []inquest.SourceKey, error) {
	r := &casework.Record{Case: c}
	var keys []inquest.StatementKey
	var sources []inquest.SourceKey
	steps := []struct {
		what string
		load func() error
	}{
		{"statements", func() (err error) { keys, err = ps.StatementKeys(ctx, c.ID, inquest.Confirmed); return }},
		{"sources", func() (err error) { sources, err = ps.SourceKeys(ctx, c.ID); return }},
		// Of the stances, figures and questions only the confirmed, which
		// are all readers may see (the filters above say so again).
		{"stances", func() (err error) { r.Stances, err = ps.StancesInReview(ctx, c.ID, inquest.Confirmed); return }},
		{"claims", func() (err error) { r.Claims, err = ps.Claims(ctx, c.ID); return }},
		{"people", func() (err error) { r.People, err = ps.People(ctx); return }},
		{"figures", func() (err error) { r.Figures, err = ps.FiguresInReview(ctx, c.ID, inquest.Confirmed); return }},
		{"measures", func() (err error) { r.Measures, err = ps.Measures(ctx, c.ID); return }},
		{"measure parts", func() (err error) { r.PartOf, err = ps.MeasureParts(ctx, c.ID); return }},
		{"questions", func() (err error) { r.Questions, err = ps.QuestionsInReview(ctx, c.ID, inquest.Confirmed); return }},
		{"events", func() (err error) { r.Events, err = ps.Events(ctx, c.ID); return }},
	}
	for _, step := range steps {
		if err := step.load(); err != nil {
			return nil, nil, nil, fmt.Errorf("load the public %s of case %s: %w", step.what, c.Slug, err)
		}
	}
	return r, keys, sources, nil
}

// index builds the lookups the pages need, so that no page scans the whole
// case for one source or one contradiction.
func (p *pubRecord) index() {
	p.stanceOf = map[[2]int64]inquest.StanceKind{}
	p.stancesOfStmt = map[int64][]*inquest.Stance{}
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
	p.statementsOf = map[int64][]int64{}
	byDay := slices.Clone(p.keys)
	slices.SortStableFunc(byDay, func(a, b inquest.StatementKey) int { return cmp.Compare(a.SaidOn, b.SaidOn) })
	for _, k := range byDay {
		if k.PersonID != 0 {
			p.statementsOf[k.PersonID] = append(p.statementsOf[k.PersonID], k.ID)
		}
	}
	p.figuresOf = map[int64][]*inquest.Figure{}
	for _, f := range p.Figures {
		p.figuresOfSrc[f.SourceID] = append(p.figuresOfSrc[f.SourceID], f)
		p.figuresOf[f.ClaimantID] = append(p.figuresOf[f.ClaimantID], f)
	}
}
