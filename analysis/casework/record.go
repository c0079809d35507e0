package casework

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// Record is a case as loaded for analysis.
type Record struct {
	Case       *inquest.Case
	Statements []*inquest.Statement
	Stances    []*inquest.Stance
	Claims     []*inquest.Claim
	People     []*inquest.Person
	Figures    []*inquest.Figure
	Measures   []*inquest.Measure
	PartOf     map[int64]int64
	Questions  []*inquest.Question
	// Sources are without their text, except those holding a figure that
	// nothing attributes yet: the analysis reads the sentence around such
	// a figure for who said it.
	Sources []*inquest.Source
	Events  []*inquest.Event
}

// Load reads everything of the case that the analysis derives from.
func (s *Service) Load(ctx context.Context, c *inquest.Case) (*Record, error) {
	r := &Record{Case: c}
	steps := []struct {
		what string
		load func() error
	}{
		{"statements", func() (err error) {
			r.Statements, err = s.st.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
			return
		}},
		{"stances", func() (err error) { r.Stances, err = s.st.Stances(ctx, c.ID); return }},
		{"claims", func() (err error) { r.Claims, err = s.st.Claims(ctx, c.ID); return }},
		{"people", func() (err error) { r.People, err = s.st.People(ctx); return }},
		{"figures", func() (err error) { r.Figures, err = s.st.Figures(ctx, c.ID); return }},
		{"measures", func() (err error) { r.Measures, err = s.st.Measures(ctx, c.ID); return }},
		{"measure parts", func() (err error) { r.PartOf, err = s.st.MeasureParts(ctx, c.ID); return }},
		{"questions", func() (err error) { r.Questions, err = s.st.Questions(ctx, c.ID); return }},
		{"sources", func() (err error) {
			r.Sources, err = s.st.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
			return
		}},
		{"events", func() (err error) { r.Events, err = s.st.Events(ctx, c.ID); return }},
	}
	for _, step := range steps {
		if err := step.load(); err != nil {
			return nil, fmt.Errorf("load the %s of case %s: %w", step.what, c.Slug, err)
		}
	}
	if err := s.loadTextsForAttribution(ctx, r); err != nil {
		return nil, err
	}
	return r, nil
}

// loadTextsForAttribution reads the text of the sources that hold a figure
// no statement or claimant accounts for, and only those: the rest of the
// case's text is not needed, and a large case's is large.
func (s *Service) loadTextsForAttribution(ctx context.Context, r *Record) error {
	need := map[int64]bool{}
	for _, f := range r.Figures {
		if f.StatementID == 0 && f.ClaimantID == 0 && f.ClaimantName == "" && f.Review != inquest.Rejected {
			need[f.SourceID] = true
		}
	}
	for i, src := range r.Sources {
		if !need[src.ID] {
			continue
		}
		full, err := s.st.Source(ctx, src.ID)
		if err != nil {
			return fmt.Errorf("load the text of source %d: %w", src.ID, err)
		}
		r.Sources[i] = full
	}
	return nil
}

// ContradictionRecord is the part of the record contradictions derive from.
func (r *Record) ContradictionRecord() analysis.Record {
	return analysis.Record{CaseID: r.Case.ID, Statements: r.Statements, Stances: r.Stances, People: r.People}
}

// FigureRecord is the part of the record figure series derive from.
func (r *Record) FigureRecord() analysis.FigureRecord {
	return analysis.FigureRecord{Figures: r.Figures, Measures: r.Measures, PartOf: r.PartOf,
		Statements: r.Statements, Sources: r.Sources, People: r.People}
}
