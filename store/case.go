package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

const caseColumns = `id, slug, title, background, languages, period_from, period_to, public, created_at`

// CreateCase inserts c and sets its ID and CreatedAt. ECONFLICT if the slug
// is taken.
func (db *DB) CreateCase(ctx context.Context, c *inquest.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(t *tx) error {
		at := now()
		err := t.row(ctx, `INSERT INTO cases (slug, title, background, languages, period_from, period_to, public, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.Slug, c.Title, c.Background, strings.Join(c.Languages, ","), nullDate(c.PeriodFrom), nullDate(c.PeriodTo),
			c.Public, t.db.dialect.ts(at), t.db.dialect.ts(at)).Scan(&c.ID)
		if classify(err) == errUnique {
			return inquest.Errorf(inquest.ECONFLICT, "a case %q already exists; choose another slug", c.Slug)
		}
		if err != nil {
			return domainError(err, fmt.Sprintf("case %q", c.Slug))
		}
		c.CreatedAt = at
		return t.record(ctx, "case.create", "case", c.ID, nil, c)
	})
}

// UpdateCase saves title, background, languages, period and public. ENOTFOUND.
func (db *DB) UpdateCase(ctx context.Context, c *inquest.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(t *tx) error {
		before, err := scanCase(t.row(ctx, "SELECT "+caseColumns+" FROM cases WHERE id = ?", c.ID))
		if err != nil {
			return notFound(err, fmt.Sprintf("case %d", c.ID))
		}
		_, err = t.exec(ctx, `UPDATE cases SET title = ?, background = ?, languages = ?, period_from = ?, period_to = ?,
			public = ?, updated_at = ? WHERE id = ?`,
			c.Title, c.Background, strings.Join(c.Languages, ","), nullDate(c.PeriodFrom), nullDate(c.PeriodTo),
			c.Public, t.db.dialect.ts(now()), c.ID)
		if err != nil {
			return domainError(err, fmt.Sprintf("case %q", c.Slug))
		}
		c.Slug, c.CreatedAt = before.Slug, before.CreatedAt // the slug names the case in URLs: it does not change
		return t.record(ctx, "case.update", "case", c.ID, before, c)
	})
}

// CaseBySlug returns the case. ENOTFOUND.
func (db *DB) CaseBySlug(ctx context.Context, slug string) (*inquest.Case, error) {
	c, err := scanCase(db.reader().row(ctx, "SELECT "+caseColumns+" FROM cases WHERE slug = ?", slug))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("case %q", slug))
	}
	return c, nil
}

// Cases lists every case ordered by slug.
func (db *DB) Cases(ctx context.Context) ([]*inquest.Case, error) {
	rows, err := db.reader().query(ctx, "SELECT "+caseColumns+" FROM cases ORDER BY slug")
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	var out []*inquest.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanCase(r scanner) (*inquest.Case, error) {
	c := new(inquest.Case)
	var langs string
	var from, to sql.NullString
	if err := r.Scan(&c.ID, &c.Slug, &c.Title, &c.Background, &langs, &from, &to, &c.Public, scanTime{&c.CreatedAt}); err != nil {
		return nil, err
	}
	if langs != "" {
		c.Languages = strings.Split(langs, ",")
	}
	c.PeriodFrom, c.PeriodTo = dateOf(from), dateOf(to)
	return c, nil
}
