package ingest

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
)

// Store is the part of the record that ingest writes to and reads people and
// claims from. inquest.Store satisfies it.
type Store interface {
	AddSource(ctx context.Context, s *inquest.Source, original []byte) (*inquest.Source, bool, error)
	People(ctx context.Context) ([]*inquest.Person, error)
	Claims(ctx context.Context, caseID int64) ([]*inquest.Claim, error)
	AddStatement(ctx context.Context, s *inquest.Statement) error
	AddStance(ctx context.Context, s *inquest.Stance) error
	AddFigure(ctx context.Context, f *inquest.Figure) error
	AddQuestion(ctx context.Context, q *inquest.Question) error
}

// Extractor is the extraction engine as ingest uses it: one text at a time,
// each with its own language and publication day. *extract.Engine is one.
type Extractor interface {
	ExtractFor(text, lang string, published inquest.Date) extract.Result
}

// Pipeline stores documents in one case and the engine's suggestions for
// each. It resolves the engine's people and claim ids to the record's ids
// once, when it is made, so that a bulk ingest does not reload them for
// every document.
type Pipeline struct {
	st     Store
	caseID int64
	engine Extractor
	people map[string]int64 // people-file id (slug) -> person ID
	claims map[string]int64 // claims-file id (slug) -> claim ID
}

// NewPipeline prepares ingest into a case with the extraction engine built
// from the people and claims the record holds.
func NewPipeline(ctx context.Context, st Store, caseID int64) (*Pipeline, error) {
	people, err := st.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("load people: %w", err)
	}
	claims, err := st.Claims(ctx, caseID)
	if err != nil {
		return nil, fmt.Errorf("load claims: %w", err)
	}
	engine := extract.NewEngine(extract.Options{People: people, Claims: claims})
	return newPipeline(st, caseID, engine, people, claims), nil
}

// NewPipelineWith is NewPipeline with an engine of the caller's; nil stores
// sources without suggestions.
func NewPipelineWith(ctx context.Context, st Store, caseID int64, engine Extractor) (*Pipeline, error) {
	people, err := st.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("load people: %w", err)
	}
	claims, err := st.Claims(ctx, caseID)
	if err != nil {
		return nil, fmt.Errorf("load claims: %w", err)
	}
	return newPipeline(st, caseID, engine, people, claims), nil
}

func newPipeline(st Store, caseID int64, engine Extractor, people []*inquest.Person, claims []*inquest.Claim) *Pipeline {
	p := &Pipeline{st: st, caseID: caseID, engine: engine, people: map[string]int64{}, claims: map[string]int64{}}
	for _, pe := range people {
		p.people[pe.Slug] = pe.ID
	}
	for _, c := range claims {
		p.claims[c.Slug] = c.ID
	}
	return p
}

// Ingest stores one document in a case: see Pipeline.Ingest. It loads the
// case's people and claims on every call; bulk callers make a Pipeline.
func Ingest(ctx context.Context, st Store, caseID int64, doc *Document, engine Extractor) (*inquest.Source, bool, error) {
	p, err := NewPipelineWith(ctx, st, caseID, engine)
	if err != nil {
		return nil, false, err
	}
	return p.Ingest(ctx, doc)
}

// Ingest stores doc as a source (its bytes archived in the same transaction)
// and then the engine's suggestions for its text: statements, their stances
// on the case's claims, figures and questions, all with review "suggested".
// A document whose bytes the case already holds returns that source with
// created=false and stores nothing new; a changed copy of a locator already
// held becomes its next version.
//
// The source is committed before the suggestions are written: if the
// suggestions fail, the error says so, the source stays, and the analyst
// loses nothing that was received.
func (p *Pipeline) Ingest(ctx context.Context, doc *Document) (*inquest.Source, bool, error) {
	src := doc.Source(p.caseID)
	if err := src.Validate(); err != nil {
		return nil, false, fmt.Errorf("ingest %s: %w", doc.Name, err)
	}
	stored, created, err := p.st.AddSource(ctx, src, doc.Original)
	if err != nil {
		return nil, false, fmt.Errorf("ingest %s: %w", doc.Name, err)
	}
	if !created || p.engine == nil {
		return stored, created, nil
	}
	res := p.engine.ExtractFor(stored.Text, stored.Language, stored.Published)
	if err := p.storeSuggestions(ctx, stored, res); err != nil {
		return stored, true, fmt.Errorf("ingest %s: source %d stored, but its suggestions were not: %w", doc.Name, stored.ID, err)
	}
	return stored, true, nil
}

// storeSuggestions writes what the engine found in a source's text.
func (p *Pipeline) storeSuggestions(ctx context.Context, src *inquest.Source, res extract.Result) error {
	text := []rune(src.Text)
	lang := res.Lang
	if lang == "" {
		lang = src.Language
	}
	type placed struct {
		span extract.Span
		id   int64
		on   inquest.Date
	}
	var statements []placed
	for _, q := range res.Quotes {
		if strings.TrimSpace(q.Text) == "" || q.Start < 0 || q.End > len(text) || q.End < q.Start {
			continue
		}
		st := &inquest.Statement{
			CaseID:      p.caseID,
			SourceID:    src.ID,
			PersonID:    p.people[q.SpeakerID],
			SpeakerName: q.Speaker,
			SpeakerRole: q.SpeakerRole,
			Text:        q.Text,
			Start:       q.Start,
			End:         q.End,
			Context:     paragraphAround(text, q.Start, q.End),
			SaidOn:      validDate(q.SaidOn),
			Venue:       q.Venue,
			Language:    lang,
			Origin:      inquest.Extracted,
			Review:      inquest.Suggested,
			Confidence:  q.Confidence,
		}
		if err := p.st.AddStatement(ctx, st); err != nil {
			return fmt.Errorf("statement at %d..%d: %w", q.Start, q.End, err)
		}
		statements = append(statements, placed{q.Span, st.ID, st.SaidOn})
		for slug, kind := range q.Stances {
			claimID, ok := p.claims[slug]
			if !ok || !kind.Valid() {
				continue
			}
			conf, ok := q.StanceConfidence[slug]
			if !ok {
				conf = q.Confidence
			}
			s := &inquest.Stance{StatementID: st.ID, ClaimID: claimID, Stance: kind, Review: inquest.Suggested, Confidence: conf}
			if err := p.st.AddStance(ctx, s); err != nil {
				return fmt.Errorf("stance of statement %d on %s: %w", st.ID, slug, err)
			}
		}
	}
	// within returns the statement whose quotation holds a span, so that a
	// figure said inside a quotation is tied to who said it and when.
	within := func(sp extract.Span) (int64, inquest.Date) {
		for _, s := range statements {
			if s.span.Start <= sp.Start && sp.End <= s.span.End {
				return s.id, s.on
			}
		}
		return 0, ""
	}
	for _, f := range res.Figures {
		if strings.TrimSpace(f.Text) == "" || f.Start < 0 || f.End > len(text) || f.End < f.Start {
			continue
		}
		stID, on := within(f.Span)
		if !on.Known() {
			on = src.Published
		}
		fig := &inquest.Figure{
			CaseID:       p.caseID,
			SourceID:     src.ID,
			StatementID:  stID,
			Measure:      f.Measure,
			Text:         f.Text,
			Value:        f.Value,
			ValueMax:     f.ValueMax,
			Qualifier:    f.Qualifier,
			AsOf:         on,
			ClaimantID:   p.people[f.ClaimantID],
			ClaimantName: f.Claimant,
			Start:        f.Start,
			End:          f.End,
			Review:       inquest.Suggested,
			Confidence:   f.Confidence,
		}
		if err := p.st.AddFigure(ctx, fig); err != nil {
			return fmt.Errorf("figure at %d..%d: %w", f.Start, f.End, err)
		}
	}
	for _, q := range res.Questions {
		if strings.TrimSpace(q.Text) == "" || q.Start < 0 || q.End > len(text) || q.End < q.Start {
			continue
		}
		stID, _ := within(q.Span)
		qu := &inquest.Question{
			CaseID:        p.caseID,
			SourceID:      src.ID,
			StatementID:   stID,
			Text:          q.Text,
			AskerID:       p.people[q.AskerID],
			AskerName:     q.Asker,
			AddresseeID:   p.people[q.AddresseeID],
			AddresseeName: q.Addressee,
			AskedOn:       validDate(q.AskedOn),
			Status:        inquest.Open,
			Start:         q.Start,
			End:           q.End,
			Review:        inquest.Suggested,
			Confidence:    q.Confidence,
		}
		if err := p.st.AddQuestion(ctx, qu); err != nil {
			return fmt.Errorf("question at %d..%d: %w", q.Start, q.End, err)
		}
	}
	return nil
}

// validDate drops a date the engine produced that is not a real day, rather
// than failing the whole source over one suggestion.
func validDate(d inquest.Date) inquest.Date {
	if d.Validate() != nil {
		return ""
	}
	return d
}

// maxContextRunes bounds the context kept with a statement: the paragraph
// around it, or this much of it on either side.
const maxContextRunes = 400

// paragraphAround returns the paragraph(s) holding text[start:end], cut to
// maxContextRunes on either side of the span.
func paragraphAround(text []rune, start, end int) string {
	from := max(0, start-maxContextRunes)
	for i := start - 1; i >= from; i-- {
		if text[i] == '\n' && i > 0 && text[i-1] == '\n' {
			from = i + 1
			break
		}
	}
	to := min(len(text), end+maxContextRunes)
	for i := end; i < to; i++ {
		if text[i] == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			to = i
			break
		}
	}
	return strings.TrimSpace(string(text[from:to]))
}
