package inquest

import "context"

// Event is a dated happening for the timeline, with the sources that tell of it.
type Event struct {
	ID          int64   `json:"id"`
	CaseID      int64   `json:"case_id"`
	On          Date    `json:"on"`
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	SourceIDs   []int64 `json:"source_ids,omitempty"`
	Private     bool    `json:"private"`
}

// EventService stores events.
type EventService interface {
	// AddEvent inserts e and sets ID.
	AddEvent(ctx context.Context, e *Event) error
	// Events lists the case's events by day.
	Events(ctx context.Context, caseID int64) ([]*Event, error)
}
