package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/inquest-project/inquest"
)

var _ inquest.RecordReads = (*DB)(nil)

// byIDChunk bounds the ids of one IN list: SQLite allows 32,766 bound
// values and PostgreSQL 65,535; a thousand keeps each query small.
const byIDChunk = 1000

// StatementKeys lists the keys of the case's statements in review state r,
// by id. The days are shared strings: a million statements are said on a
// few thousand days.
func (db *DB) StatementKeys(ctx context.Context, caseID int64, r inquest.Review) ([]inquest.StatementKey, error) {
	rows, err := db.reader().query(ctx, `SELECT id, source_id, person_id, said_on FROM statements
		WHERE case_id = ? AND review = ? ORDER BY id`, caseID, string(r))
	if err != nil {
		return nil, fmt.Errorf("statement keys of case %d: %w", caseID, err)
	}
	defer rows.Close()
	days := map[string]inquest.Date{}
	var out []inquest.StatementKey
	for rows.Next() {
		var k inquest.StatementKey
		var person sql.NullInt64
		var said sql.NullString
		if err := rows.Scan(&k.ID, &k.SourceID, &person, &said); err != nil {
			return nil, fmt.Errorf("statement keys of case %d: %w", caseID, err)
		}
		k.PersonID, k.SaidOn = idOf(person), internDay(days, said)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("statement keys of case %d: %w", caseID, err)
	}
	return slices.Clip(out), nil
}

// SourceKeys lists the keys of every version of every source of the case,
// by id.
func (db *DB) SourceKeys(ctx context.Context, caseID int64) ([]inquest.SourceKey, error) {
	rows, err := db.reader().query(ctx, `SELECT id, locator, version, private, published, title FROM sources
		WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("source keys of case %d: %w", caseID, err)
	}
	defer rows.Close()
	days := map[string]inquest.Date{}
	var out []inquest.SourceKey
	for rows.Next() {
		var k inquest.SourceKey
		var published sql.NullString
		if err := rows.Scan(&k.ID, &k.Locator, &k.Version, &k.Private, &published, &k.Title); err != nil {
			return nil, fmt.Errorf("source keys of case %d: %w", caseID, err)
		}
		k.Published = internDay(days, published)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("source keys of case %d: %w", caseID, err)
	}
	return slices.Clip(out), nil
}

// internDay returns the day of a nullable column, the same string for the
// same day.
func internDay(days map[string]inquest.Date, n sql.NullString) inquest.Date {
	if !n.Valid || n.String == "" {
		return ""
	}
	d, ok := days[n.String]
	if !ok {
		d = inquest.Date(n.String)
		days[n.String] = d
	}
	return d
}

// StatementsByID returns those of the statements with the ids that exist,
// by id, with their translations.
func (db *DB) StatementsByID(ctx context.Context, ids []int64) ([]*inquest.Statement, error) {
	out, err := byIDs(ids, func(in string, args []any) ([]*inquest.Statement, error) {
		return queryStatements(ctx, db.reader(), "s.id IN "+in, "", args...)
	})
	if err != nil {
		return nil, fmt.Errorf("read statements by id: %w", err)
	}
	slices.SortFunc(out, func(a, b *inquest.Statement) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// SourcesByID returns those of the sources with the ids that exist, by id,
// without their text.
func (db *DB) SourcesByID(ctx context.Context, ids []int64) ([]*inquest.Source, error) {
	return db.sourcesByID(ctx, ids, sourceColumnsNoText)
}

// SourcesWithText returns those of the sources with the ids that exist,
// by id, with their text.
func (db *DB) SourcesWithText(ctx context.Context, ids []int64) ([]*inquest.Source, error) {
	return db.sourcesByID(ctx, ids, sourceColumnsText)
}

func (db *DB) sourcesByID(ctx context.Context, ids []int64, cols string) ([]*inquest.Source, error) {
	out, err := byIDs(ids, func(in string, args []any) ([]*inquest.Source, error) {
		return db.querySources(ctx, "SELECT "+prefixColumns(cols, "s.")+" FROM sources s WHERE s.id IN "+in+" ORDER BY s.id", args...)
	})
	if err != nil {
		return nil, fmt.Errorf("read sources by id: %w", err)
	}
	slices.SortFunc(out, func(a, b *inquest.Source) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// PeopleByID returns those of the people with the ids that exist, by id,
// without their details.
func (db *DB) PeopleByID(ctx context.Context, ids []int64) ([]*inquest.Person, error) {
	out, err := byIDs(ids, func(in string, args []any) ([]*inquest.Person, error) {
		return queryPeople(ctx, db.reader(), "SELECT "+personColumns+" FROM people WHERE id IN "+in+" ORDER BY id", args...)
	})
	if err != nil {
		return nil, fmt.Errorf("read people by id: %w", err)
	}
	slices.SortFunc(out, func(a, b *inquest.Person) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// byIDs runs query for the distinct ids, byIDChunk of them at a time.
func byIDs[T any](ids []int64, query func(in string, args []any) ([]T, error)) ([]T, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	var out []T
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), byIDChunk)]
		ids = ids[len(chunk):]
		in, args := inList(chunk)
		got, err := query(in, args)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// inReview adds to a list's condition, and its arguments, that its rows
// be in review state r (in column col), unless r is "" for every state.
func inReview(where, col string, r inquest.Review, args ...any) (string, []any) {
	if r == "" {
		return where, args
	}
	return where + " AND " + col + " = ?", append(args, string(r))
}
