package inquest

import (
	"context"
	"time"
)

// The analysts' workspace (package web, under /w/) needs a few operations
// beyond the record's own services. store.DB implements each; the web layer
// reaches them through these interfaces, never through package store.

// WorkspaceService is what the workspace pages change and look up.
type WorkspaceService interface {
	// UpdateStatement saves an analyst's edit of a statement (speaker, day,
	// venue, review, note) if nobody changed it since readAt, its UpdatedAt
	// as read. ECONFLICT when someone did; ENOTFOUND; EINVALID.
	UpdateStatement(ctx context.Context, s *Statement, readAt time.Time) error
	// DecideStance records an analyst's stance of a statement on a claim
	// (stance "" removes it). ENOTFOUND; EINVALID.
	DecideStance(ctx context.Context, statementID, claimID int64, stance StanceKind, review Review, by, note string) error
	// SetFigureReview and SetQuestionReview record an analyst's decision on
	// a suggested figure or question (audited). ENOTFOUND; EINVALID.
	SetFigureReview(ctx context.Context, id int64, r Review, by string) error
	SetQuestionReview(ctx context.Context, id int64, r Review, by string) error
	// ConfirmSourceSuggestions confirms every suggested statement of a
	// source at once (each audited) and returns how many.
	ConfirmSourceSuggestions(ctx context.Context, sourceID int64, by string) (int, error)
	// ReviewCounts counts the suggestions waiting in each source of a case.
	ReviewCounts(ctx context.Context, caseID int64) ([]SourceReviewCount, error)
	// AnswerQuestion and SetQuestionStatus triage a question.
	AnswerQuestion(ctx context.Context, questionID, statementID int64, by string) error
	SetQuestionStatus(ctx context.Context, questionID int64, status QuestionStatus, by, note string) error
	// MergePeople moves everything of person from (statements, figures,
	// questions, names and aliases) to person into and deletes from, in one
	// audited transaction. EINVALID when the two are one; ENOTFOUND.
	MergePeople(ctx context.Context, from, into int64, by string) error
	// SearchRecord finds sources, statements, people and claims of a case
	// whose words match q's, in any inflected form (see RecordQuery).
	SearchRecord(ctx context.Context, q RecordQuery) ([]RecordHit, error)
}

// SourceReviewCount is how many suggestions wait in one source.
type SourceReviewCount struct {
	SourceID   int64 `json:"source_id"`
	Statements int   `json:"statements"`
	Stances    int   `json:"stances"`
	Figures    int   `json:"figures"`
	Questions  int   `json:"questions"`
}

// Total is every suggestion waiting in the source.
func (c SourceReviewCount) Total() int { return c.Statements + c.Stances + c.Figures + c.Questions }

// RecordQuery selects what SearchRecord looks for. Every word of Text must
// match a word of the item in some inflected form: a Russian or Kazakh word
// is reduced to its stem, which then matches as the start of a word, so
// "Токаева" finds "Токаев" and "Токаеву".
type RecordQuery struct {
	CaseID    int64
	Text      string
	Kinds     []string // "source", "statement", "person", "claim"; none means all
	PersonID  int64    // statements by this speaker only
	ClaimID   int64    // statements with a stance on this claim only
	Language  string   // sources and statements in this language only
	From, To  Date     // statements said (sources published) within
	Limit     int      // per kind; 0 means 50
	Workspace bool     // include private and suggested material
}

// RecordHit is one item found, with a snippet of its text around the first
// matched word.
type RecordHit struct {
	Kind    string `json:"kind"`
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
	// SourceID is the source of a statement; Slug names a person or claim.
	SourceID int64  `json:"source_id,omitempty"`
	Slug     string `json:"slug,omitempty"`
	Date     Date   `json:"date,omitempty"`
	Language string `json:"language,omitempty"`
}
