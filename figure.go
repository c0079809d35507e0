package inquest

import (
	"context"
	"time"
)

// Measure is what a series of figures counts: deaths, detainees, CSTO troops.
type Measure struct {
	ID     int64  `json:"id"`
	CaseID int64  `json:"case_id"`
	Slug   string `json:"slug"`
	Name   string `json:"name"`
}

// Figure is a quantity claimed in a source, optionally by an actor.
type Figure struct {
	ID           int64     `json:"id"`
	CaseID       int64     `json:"case_id"`
	SourceID     int64     `json:"source_id"`
	StatementID  int64     `json:"statement_id,omitempty"`
	MeasureID    int64     `json:"measure_id,omitempty"`
	Measure      string    `json:"measure,omitempty"` // suggested from the counted phrase
	Text         string    `json:"text"`              // the phrase saying the number and what it counts
	Value        float64   `json:"value"`
	ValueMax     float64   `json:"value_max,omitempty"` // for ranges; 0 when not a range
	Qualifier    string    `json:"qualifier,omitempty"` // "more than", "about", "at least"
	AsOf         Date      `json:"as_of,omitempty"`
	ClaimantID   int64     `json:"claimant_id,omitempty"`
	ClaimantName string    `json:"claimant,omitempty"`
	Start        int       `json:"start"`
	End          int       `json:"end"`
	Review       Review    `json:"review"`
	Confidence   float64   `json:"confidence"`
	CreatedAt    time.Time `json:"created_at"`
}

// FigureService stores figures and measures.
type FigureService interface {
	// AddFigure inserts f and sets ID; the same source and span is stored once.
	AddFigure(ctx context.Context, f *Figure) error
	// Figures lists the case's figures by as-of date.
	Figures(ctx context.Context, caseID int64) ([]*Figure, error)
}
