package ingest

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
)

// Store is the part of the record ingest needs: people and claims to resolve
// the engine's output, and inquest.IngestService, which writes a source and
// its suggestions in one transaction. Every inquest.Store is one.
type Store interface {
	People(ctx context.Context) ([]*inquest.Person, error)
	Claims(ctx context.Context, caseID int64) ([]*inquest.Claim, error)
	inquest.IngestService
}

// EngineVersion is recorded with every source the engine extracts, so that
// a later version can tell which sources it has not read yet.
const EngineVersion = "inquest-extract/1"

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
	st     inquest.IngestService
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
	return newPipeline(st, caseID, engine, people, claims)
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
	return newPipeline(st, caseID, engine, people, claims)
}

func newPipeline(st Store, caseID int64, engine Extractor, people []*inquest.Person, claims []*inquest.Claim) (*Pipeline, error) {
	p := &Pipeline{st: st, caseID: caseID, engine: engine, people: map[string]int64{}, claims: map[string]int64{}}
	for _, pe := range people {
		p.people[pe.Slug] = pe.ID
	}
	for _, c := range claims {
		p.claims[c.Slug] = c.ID
	}
	return p, nil
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

// Ingest stores doc as a source (its bytes archived) together with the
// engine's suggestions for its text: statements, their stances on the
// case's claims, figures and questions, all with review "suggested". It is
// one transaction: when Ingest returns without error, the source and its
// suggestions are committed; when it fails, neither is.
//
// A document whose bytes the case already holds returns that source with
// created=false. If no extraction is recorded for it (it was stored by an
// older version, or without an engine), the engine reads the stored text
// now and its suggestions are stored for that source. A changed copy of a
// locator already held becomes its next version.
func (p *Pipeline) Ingest(ctx context.Context, doc *Document) (*inquest.Source, bool, error) {
	pr, err := p.prepare(ctx, doc)
	if err != nil {
		return nil, false, err
	}
	out := p.store(ctx, []*prepared{pr})
	return out[0].Source, out[0].Created, out[0].Err
}

// prepared is a document made ready to store: its source, and the engine's
// suggestions for it (or, when the case holds it extracted, the held source).
type prepared struct {
	doc  *Document
	src  *inquest.Source
	sug  inquest.Suggestions
	held *inquest.Source // held and extracted: nothing to store
}

// prepare does everything of Ingest but storing: it may run on several
// goroutines at once, while one stores (see Run).
func (p *Pipeline) prepare(ctx context.Context, doc *Document) (*prepared, error) {
	src := doc.Source(p.caseID)
	if err := src.Validate(); err != nil {
		return nil, fmt.Errorf("ingest %s: %w", doc.Name, err)
	}
	pr := &prepared{doc: doc, src: src}
	if p.engine == nil {
		return pr, nil
	}
	held, extracted, err := p.st.HeldSource(ctx, p.caseID, src.SHA256)
	if err != nil {
		return nil, fmt.Errorf("ingest %s: %w", doc.Name, err)
	}
	read := src
	if held != nil {
		if extracted {
			pr.held = held
			return pr, nil
		}
		read = held // spans count in the text as stored
	}
	pr.sug = p.suggestions(read, p.engine.ExtractFor(read.Text, read.Language, read.Published))
	return pr, nil
}

// batchStore is a store that writes several documents, each with its
// suggestions, in shared transactions while keeping each one whole
// (*store.DB's AddSourcesWithSuggestions).
type batchStore interface {
	AddSourcesWithSuggestions(ctx context.Context, srcs []*inquest.Source, originals [][]byte, sugs []inquest.Suggestions) ([]bool, []error)
}

// store stores prepared documents, in shared transactions when the store
// can, and returns what became of each, in order.
func (p *Pipeline) store(ctx context.Context, prs []*prepared) []Outcome {
	out := make([]Outcome, len(prs))
	var srcs []*inquest.Source
	var originals [][]byte
	var sugs []inquest.Suggestions
	var at []int
	for i, pr := range prs {
		out[i].Name = pr.doc.Name
		if pr.held != nil {
			out[i].Source = pr.held
			continue
		}
		srcs, originals, sugs, at = append(srcs, pr.src), append(originals, pr.doc.Original), append(sugs, pr.sug), append(at, i)
	}
	if len(srcs) == 0 {
		return out
	}
	var created []bool
	var errs []error
	if bs, ok := p.st.(batchStore); ok {
		created, errs = bs.AddSourcesWithSuggestions(ctx, srcs, originals, sugs)
	} else {
		created, errs = make([]bool, len(srcs)), make([]error, len(srcs))
		for i := range srcs {
			_, created[i], errs[i] = p.st.AddSourceWithSuggestions(ctx, srcs[i], originals[i], sugs[i])
		}
	}
	for j, i := range at {
		if errs[j] != nil {
			out[i].Err = fmt.Errorf("ingest %s: %w", prs[i].doc.Name, errs[j])
			continue
		}
		out[i].Source, out[i].Created = srcs[j], created[j]
	}
	return out
}

// suggestions turns what the engine found in a source's text into what the
// store keeps. Spans outside the text and empty items are dropped.
func (p *Pipeline) suggestions(src *inquest.Source, res extract.Result) inquest.Suggestions {
	text := []rune(src.Text)
	lang := res.Lang
	if lang == "" {
		lang = src.Language
	}
	bad := func(t string, sp extract.Span) bool {
		return strings.TrimSpace(t) == "" || sp.Start < 0 || sp.End > len(text) || sp.End < sp.Start
	}
	sug := inquest.Suggestions{Engine: EngineVersion}
	var spans []extract.Span // of sug.Statements, by index
	for _, q := range res.Quotes {
		if bad(q.Text, q.Span) {
			continue
		}
		st := &inquest.Statement{
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
		i := len(sug.Statements)
		sug.Statements = append(sug.Statements, st)
		spans = append(spans, q.Span)
		for _, slug := range sortedSlugs(q.Stances) {
			kind := q.Stances[slug]
			claimID, ok := p.claims[slug]
			if !ok || !kind.Valid() {
				continue
			}
			conf, ok := q.StanceConfidence[slug]
			if !ok {
				conf = q.Confidence
			}
			sug.Stances = append(sug.Stances, inquest.SuggestedStance{Statement: i, ClaimID: claimID, Stance: kind, Confidence: conf})
		}
	}
	// within returns the statement whose quotation holds a span, so that a
	// figure said inside a quotation is tied to who said it and when.
	within := func(sp extract.Span) int {
		for i, s := range spans {
			if s.Start <= sp.Start && sp.End <= s.End {
				return i
			}
		}
		return inquest.NoStatement
	}
	for _, f := range res.Figures {
		if bad(f.Text, f.Span) {
			continue
		}
		i := within(f.Span)
		on := src.Published
		if i != inquest.NoStatement && sug.Statements[i].SaidOn.Known() {
			on = sug.Statements[i].SaidOn
		}
		sug.Figures = append(sug.Figures, inquest.SuggestedFigure{Statement: i, Figure: &inquest.Figure{
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
		}})
	}
	for _, q := range res.Questions {
		if bad(q.Text, q.Span) {
			continue
		}
		sug.Questions = append(sug.Questions, inquest.SuggestedQuestion{Statement: within(q.Span), Question: &inquest.Question{
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
		}})
	}
	return sug
}

// sortedSlugs returns the claim slugs of a quotation's stances in order, so
// that stances (and their audit entries) are stored in the same order on
// every run.
func sortedSlugs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
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
