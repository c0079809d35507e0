package inquest

import (
	"context"
	"time"
)

// Statement is words attributed to an actor in a source: the verbatim
// quotation in its original language and its span in the source text, counted
// in Unicode code points as the extract contract counts them.
type Statement struct {
	ID           int64             `json:"id"`
	CaseID       int64             `json:"case_id"`
	SourceID     int64             `json:"source_id"`
	PersonID     int64             `json:"person_id,omitempty"` // 0 when the speaker is not a known person
	SpeakerName  string            `json:"speaker"`             // as the text gives it
	SpeakerRole  string            `json:"speaker_role,omitempty"`
	Text         string            `json:"text"`
	Start        int               `json:"start"`
	End          int               `json:"end"`
	Context      string            `json:"context,omitempty"`
	SaidOn       Date              `json:"said_on,omitempty"`
	Venue        string            `json:"venue,omitempty"`
	Language     string            `json:"language,omitempty"`
	Translations map[string]string `json:"translations,omitempty"`
	Origin       Origin            `json:"origin"`
	Review       Review            `json:"review"`
	Confidence   float64           `json:"confidence"`
	Note         string            `json:"note,omitempty"` // analyst's note: private
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
}

// Validate checks a statement before it is stored.
func (s *Statement) Validate() error {
	if s.SourceID == 0 || s.CaseID == 0 {
		return Errorf(EINVALID, "statement has no source")
	}
	if s.Text == "" {
		return Errorf(EINVALID, "statement has no text")
	}
	if s.Start < 0 || s.End < s.Start {
		return Errorf(EINVALID, "statement span %d..%d is not a span", s.Start, s.End)
	}
	if !s.Review.Valid() {
		return Errorf(EINVALID, "statement review %q is not suggested, confirmed or rejected", s.Review)
	}
	return s.SaidOn.Validate()
}

// StatementFilter selects statements. Zero fields select everything.
type StatementFilter struct {
	CaseID   int64
	SourceID int64
	PersonID int64
	Review   Review
	Limit    int
	Offset   int
}

// StatementService stores statements.
type StatementService interface {
	// AddStatement inserts s and sets ID. A statement with the same source and
	// span already stored is returned instead (ingest is idempotent).
	AddStatement(ctx context.Context, s *Statement) error
	// Statement returns one statement. ENOTFOUND.
	Statement(ctx context.Context, id int64) (*Statement, error)
	// Statements lists statements by source and start.
	Statements(ctx context.Context, f StatementFilter) ([]*Statement, error)
	// SetStatementReview records an analyst's decision. ENOTFOUND.
	SetStatementReview(ctx context.Context, id int64, r Review, by string) error
}
