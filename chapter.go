package inquest

import "time"

// ChapterStatus is where a chapter stands on its way to publication.
type ChapterStatus string

// Chapter states. Only published versions are ever shown to readers.
const (
	Draft     ChapterStatus = "draft"
	InReview  ChapterStatus = "review"
	Published ChapterStatus = "published"
)

// Chapter is an assessment in Markdown whose citations refer to statements,
// claims, figures and questions. Every published version is kept.
type Chapter struct {
	ID          int64         `json:"id"`
	CaseID      int64         `json:"case_id"`
	Number      int           `json:"number"`
	Slug        string        `json:"slug"`
	Title       string        `json:"title"`
	Body        string        `json:"body"` // Markdown
	Status      ChapterStatus `json:"status"`
	Version     int           `json:"version"`
	PublishedAt time.Time     `json:"published_at,omitzero"`
	UpdatedAt   time.Time     `json:"updated_at"`
}
