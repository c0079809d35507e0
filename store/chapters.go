package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// Chapters: the working copy lives in chapters, each publication is a row of
// chapter_versions. Readers are only ever given chapter_versions rows, so an
// edit in progress cannot reach a public page.

var _ inquest.ChapterService = (*DB)(nil)

const chapterColumns = "id, case_id, number, slug, title, body, status, version, published_at, updated_at"

func scanChapter(r interface{ Scan(...any) error }) (*inquest.Chapter, error) {
	c := new(inquest.Chapter)
	var status string
	err := r.Scan(&c.ID, &c.CaseID, &c.Number, &c.Slug, &c.Title, &c.Body, &status, &c.Version,
		scanTime{&c.PublishedAt}, scanTime{&c.UpdatedAt})
	c.Status = inquest.ChapterStatus(status)
	return c, err
}

func needDecider(by, what string) error {
	if strings.TrimSpace(by) == "" {
		return inquest.Errorf(inquest.EINVALID, "say who changes %s", what)
	}
	return nil
}

// CreateChapter inserts a draft; see inquest.ChapterService.
func (db *DB) CreateChapter(ctx context.Context, c *inquest.Chapter, by string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	what := fmt.Sprintf("chapter %q", c.Slug)
	if err := needDecider(by, what); err != nil {
		return err
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		if c.Number == 0 {
			if err := t.row(ctx, "SELECT COALESCE(MAX(number), 0) + 1 FROM chapters WHERE case_id = ?", c.CaseID).Scan(&c.Number); err != nil {
				return fmt.Errorf("number %s: %w", what, err)
			}
		}
		c.Status, c.Version, c.UpdatedAt = inquest.Draft, 1, now()
		c.PublishedAt = time.Time{}
		err := t.row(ctx, `INSERT INTO chapters (case_id, number, slug, title, body, status, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.CaseID, c.Number, c.Slug, c.Title, c.Body, string(c.Status), c.Version,
			t.db.dialect.ts(c.UpdatedAt), t.db.dialect.ts(c.UpdatedAt)).Scan(&c.ID)
		if err != nil {
			return domainError(err, what)
		}
		return t.record(ctx, "chapter.create", "chapter", c.ID, nil, c)
	})
}

// UpdateChapter saves the working copy; see inquest.ChapterService.
func (db *DB) UpdateChapter(ctx context.Context, c *inquest.Chapter, by string) error {
	what := fmt.Sprintf("chapter %d", c.ID)
	if err := needDecider(by, what); err != nil {
		return err
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanChapter(t.row(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE id = ?", c.ID))
		if err != nil {
			return notFound(err, what)
		}
		c.CaseID = old.CaseID
		if c.Number == 0 {
			c.Number = old.Number
		}
		if err := c.Validate(); err != nil {
			return err
		}
		var published int
		if err := t.row(ctx, "SELECT COUNT(*) FROM chapter_versions WHERE chapter_id = ?", c.ID).Scan(&published); err != nil {
			return fmt.Errorf("read versions of %s: %w", what, err)
		}
		if published > 0 && c.Slug != old.Slug {
			return inquest.Errorf(inquest.EINVALID, "chapter %q is published at its address; its id cannot become %q", old.Slug, c.Slug)
		}
		c.Version, c.PublishedAt = old.Version, old.PublishedAt
		if old.Status == inquest.Published {
			c.Version = old.Version + 1
		}
		c.Status, c.UpdatedAt = inquest.Draft, now()
		if _, err := t.exec(ctx, `UPDATE chapters SET number = ?, slug = ?, title = ?, body = ?, status = ?, version = ?, updated_at = ?
			WHERE id = ?`, c.Number, c.Slug, c.Title, c.Body, string(c.Status), c.Version, t.db.dialect.ts(c.UpdatedAt), c.ID); err != nil {
			return domainError(err, what)
		}
		return t.record(ctx, "chapter.update", "chapter", c.ID, old, c)
	})
}

// SubmitChapter puts a draft up for review; see inquest.ChapterService.
func (db *DB) SubmitChapter(ctx context.Context, id int64, by string) error {
	what := fmt.Sprintf("chapter %d", id)
	if err := needDecider(by, what); err != nil {
		return err
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanChapter(t.row(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE id = ?", id))
		if err != nil {
			return notFound(err, what)
		}
		if old.Status != inquest.Draft {
			return inquest.Errorf(inquest.EINVALID, "chapter %q is %s, not a draft: edit it to make a new draft first", old.Slug, old.Status)
		}
		if _, err := t.exec(ctx, "UPDATE chapters SET status = ?, updated_at = ? WHERE id = ?",
			string(inquest.InReview), t.db.dialect.ts(now()), id); err != nil {
			return domainError(err, what)
		}
		after := *old
		after.Status = inquest.InReview
		return t.record(ctx, "chapter.submit", "chapter", id, old, &after)
	})
}

// PublishChapter publishes the working copy; see inquest.ChapterService.
func (db *DB) PublishChapter(ctx context.Context, id int64, by string) (*inquest.ChapterVersion, error) {
	what := fmt.Sprintf("chapter %d", id)
	if err := needDecider(by, what); err != nil {
		return nil, err
	}
	ctx = WithActor(ctx, by)
	var v *inquest.ChapterVersion
	err := db.inTx(ctx, func(t *tx) error {
		old, err := scanChapter(t.row(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE id = ?", id))
		if err != nil {
			return notFound(err, what)
		}
		if old.Status == inquest.Published {
			return inquest.Errorf(inquest.EINVALID, "chapter %q version %d is already published; edit it to draft the next version", old.Slug, old.Version)
		}
		at := now()
		v = &inquest.ChapterVersion{ChapterID: id, Version: old.Version, Title: old.Title, Body: old.Body,
			Status: inquest.Published, Author: by, PublishedAt: at, CreatedAt: at}
		if err := t.row(ctx, `INSERT INTO chapter_versions (chapter_id, version, title, body, status, author, published_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, id, v.Version, v.Title, v.Body, string(v.Status), v.Author,
			t.db.dialect.ts(at), t.db.dialect.ts(at)).Scan(&v.ID); err != nil {
			return domainError(err, fmt.Sprintf("%s version %d", what, v.Version))
		}
		if _, err := t.exec(ctx, "UPDATE chapters SET status = ?, published_at = ?, updated_at = ? WHERE id = ?",
			string(inquest.Published), t.db.dialect.ts(at), t.db.dialect.ts(at), id); err != nil {
			return domainError(err, what)
		}
		after := *old
		after.Status, after.PublishedAt = inquest.Published, at
		return t.record(ctx, "chapter.publish", "chapter", id, old, &after)
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Chapter returns the working copy. ENOTFOUND.
func (db *DB) Chapter(ctx context.Context, id int64) (*inquest.Chapter, error) {
	c, err := scanChapter(db.reader().row(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("chapter %d", id))
	}
	return c, nil
}

// ChapterBySlug returns the working copy of the case's chapter. ENOTFOUND.
func (db *DB) ChapterBySlug(ctx context.Context, caseID int64, slug string) (*inquest.Chapter, error) {
	c, err := scanChapter(db.reader().row(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE case_id = ? AND slug = ?", caseID, slug))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("chapter %q", slug))
	}
	return c, nil
}

// Chapters lists the working copies by number.
func (db *DB) Chapters(ctx context.Context, caseID int64) ([]*inquest.Chapter, error) {
	return db.listChapters(ctx, "SELECT "+chapterColumns+" FROM chapters WHERE case_id = ? ORDER BY number, id", caseID)
}

// PublishedChapters lists the latest published version of each chapter of
// the case, by number. Title, Body, Version and PublishedAt come from
// chapter_versions; UpdatedAt is the publication time.
func (db *DB) PublishedChapters(ctx context.Context, caseID int64) ([]*inquest.Chapter, error) {
	return db.listChapters(ctx, `SELECT c.id, c.case_id, c.number, c.slug, v.title, v.body, v.status, v.version, v.published_at, v.published_at
		FROM chapters c JOIN chapter_versions v ON v.chapter_id = c.id
		WHERE c.case_id = ? AND v.version = (SELECT MAX(version) FROM chapter_versions WHERE chapter_id = c.id)
		ORDER BY c.number, c.id`, caseID)
}

func (db *DB) listChapters(ctx context.Context, query string, caseID int64) ([]*inquest.Chapter, error) {
	rows, err := db.reader().query(ctx, query, caseID)
	if err != nil {
		return nil, fmt.Errorf("list chapters of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Chapter
	for rows.Next() {
		c, err := scanChapter(rows)
		if err != nil {
			return nil, fmt.Errorf("list chapters of case %d: %w", caseID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ChapterVersions lists the published versions, oldest first.
func (db *DB) ChapterVersions(ctx context.Context, chapterID int64) ([]*inquest.ChapterVersion, error) {
	rows, err := db.reader().query(ctx, `SELECT id, chapter_id, version, title, body, status, author, published_at, created_at
		FROM chapter_versions WHERE chapter_id = ? ORDER BY version`, chapterID)
	if err != nil {
		return nil, fmt.Errorf("list versions of chapter %d: %w", chapterID, err)
	}
	defer rows.Close()
	var out []*inquest.ChapterVersion
	for rows.Next() {
		v := new(inquest.ChapterVersion)
		var status string
		if err := rows.Scan(&v.ID, &v.ChapterID, &v.Version, &v.Title, &v.Body, &status, &v.Author,
			scanTime{&v.PublishedAt}, scanTime{&v.CreatedAt}); err != nil {
			return nil, fmt.Errorf("list versions of chapter %d: %w", chapterID, err)
		}
		v.Status = inquest.ChapterStatus(status)
		out = append(out, v)
	}
	return out, rows.Err()
}
