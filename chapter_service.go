package inquest

import (
	"context"
	"time"
)

// ChapterVersion is one published version of a chapter, kept for ever so
// that the public history of an assessment shows what it said when.
type ChapterVersion struct {
	ID          int64         `json:"id"`
	ChapterID   int64         `json:"chapter_id"`
	Version     int           `json:"version"`
	Title       string        `json:"title"`
	Body        string        `json:"body"` // Markdown
	Status      ChapterStatus `json:"status"`
	Author      string        `json:"author,omitempty"`
	PublishedAt time.Time     `json:"published_at,omitzero"`
	CreatedAt   time.Time     `json:"created_at"`
}

// Validate checks the fields a user supplies for a chapter.
func (c *Chapter) Validate() error {
	switch {
	case c.CaseID == 0:
		return Errorf(EINVALID, "chapter %q has no case", c.Slug)
	case !ValidSlug(c.Slug):
		return Errorf(EINVALID, "chapter id %q must be lower-case letters, digits and dashes", c.Slug)
	case c.Title == "":
		return Errorf(EINVALID, "chapter %q needs a title", c.Slug)
	case c.Number < 0:
		return Errorf(EINVALID, "chapter %q: number %d is negative", c.Slug, c.Number)
	}
	return nil
}

// ChapterService keeps chapters: the working copy that analysts edit, and
// every published version, which is what readers see. A chapter's Status
// is that of its working copy; once a version is published it stays
// readable while the next one is drafted.
type ChapterService interface {
	// CreateChapter inserts a draft and sets ID, Number (the next free one
	// when 0), Version 1, Status draft and UpdatedAt. by is recorded in the
	// audit log. EINVALID; ECONFLICT if the slug or number is taken.
	CreateChapter(ctx context.Context, c *Chapter, by string) error
	// UpdateChapter saves the working copy's title, body, slug and number.
	// Editing a chapter in review or published makes it a draft again; after
	// a publication the working copy becomes the next version. ENOTFOUND,
	// EINVALID, ECONFLICT.
	UpdateChapter(ctx context.Context, c *Chapter, by string) error
	// SubmitChapter puts a draft up for an editor's review. ENOTFOUND;
	// EINVALID unless it is a draft.
	SubmitChapter(ctx context.Context, id int64, by string) error
	// PublishChapter publishes the working copy as its version and returns
	// it. ENOTFOUND; EINVALID if it is already published (nothing changed).
	PublishChapter(ctx context.Context, id int64, by string) (*ChapterVersion, error)
	// Chapter returns the working copy. ENOTFOUND.
	Chapter(ctx context.Context, id int64) (*Chapter, error)
	// ChapterBySlug returns the working copy of the case's chapter. ENOTFOUND.
	ChapterBySlug(ctx context.Context, caseID int64, slug string) (*Chapter, error)
	// Chapters lists the working copies of the case's chapters by number.
	Chapters(ctx context.Context, caseID int64) ([]*Chapter, error)
	// ChapterVersions lists the published versions of a chapter, oldest first.
	ChapterVersions(ctx context.Context, chapterID int64) ([]*ChapterVersion, error)
	// PublishedChapters lists the case's chapters that have a published
	// version, by number, each with the title, body, version and time of
	// its latest published version: never an unpublished edit.
	PublishedChapters(ctx context.Context, caseID int64) ([]*Chapter, error)
}
