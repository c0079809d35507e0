package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/inquest-project/inquest"
)

// UpsertMeasure inserts m, or renames the measure with the same case and
// slug, and sets ID.
func (db *DB) UpsertMeasure(ctx context.Context, m *inquest.Measure) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.CaseID == 0 {
		return inquest.Errorf(inquest.EINVALID, "measure %q has no case", m.Slug)
	}
	return db.inTx(ctx, func(t *tx) error {
		err := t.row(ctx, `INSERT INTO measures (case_id, slug, name) VALUES (?, ?, ?)
			ON CONFLICT (case_id, slug) DO UPDATE SET name = excluded.name RETURNING id`,
			m.CaseID, m.Slug, m.Name).Scan(&m.ID)
		if err != nil {
			return domainError(err, fmt.Sprintf("measure %q", m.Slug))
		}
		return t.record(ctx, "measure.upsert", "measure", m.ID, nil, m)
	})
}

// Measures lists the case's measures by slug.
func (db *DB) Measures(ctx context.Context, caseID int64) ([]*inquest.Measure, error) {
	rows, err := db.reader().query(ctx, "SELECT id, case_id, slug, name FROM measures WHERE case_id = ? ORDER BY slug", caseID)
	if err != nil {
		return nil, fmt.Errorf("list measures of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Measure
	for rows.Next() {
		m := new(inquest.Measure)
		if err := rows.Scan(&m.ID, &m.CaseID, &m.Slug, &m.Name); err != nil {
			return nil, fmt.Errorf("list measures of case %d: %w", caseID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetMeasurePart declares that measure part counts a part of measure total;
// total 0 undoes it.
func (db *DB) SetMeasurePart(ctx context.Context, part, total int64) error {
	if part == total {
		return inquest.Errorf(inquest.EINVALID, "measure %d cannot be a part of itself", part)
	}
	return db.inTx(ctx, func(t *tx) error {
		partCase, err := t.measureCase(ctx, part)
		if err != nil {
			return err
		}
		if total != 0 {
			totalCase, err := t.measureCase(ctx, total)
			if err != nil {
				return err
			}
			if totalCase != partCase {
				return inquest.Errorf(inquest.EINVALID, "measure %d is of another case than measure %d", total, part)
			}
			// A cycle would make every total a part of itself.
			for up, n := total, 0; up != 0; n++ {
				if up == part || n > 100 {
					return inquest.Errorf(inquest.EINVALID, "measure %d is already a total of measure %d: a part cannot contain its total", part, total)
				}
				var next sql.NullInt64
				if err := t.row(ctx, "SELECT part_of FROM measures WHERE id = ?", up).Scan(&next); err != nil {
					return fmt.Errorf("measure %d: %w", up, err)
				}
				up = idOf(next)
			}
		}
		if _, err := t.exec(ctx, "UPDATE measures SET part_of = ? WHERE id = ?", nullID(total), part); err != nil {
			return domainError(err, fmt.Sprintf("measure %d", part))
		}
		return t.record(ctx, "measure.part", "measure", part, nil, map[string]int64{"part_of": total})
	})
}

func (t *tx) measureCase(ctx context.Context, id int64) (int64, error) {
	var caseID int64
	if err := t.row(ctx, "SELECT case_id FROM measures WHERE id = ?", id).Scan(&caseID); err != nil {
		return 0, notFound(err, fmt.Sprintf("measure %d", id))
	}
	return caseID, nil
}

// MeasureParts maps each part measure of the case to its total.
func (db *DB) MeasureParts(ctx context.Context, caseID int64) (map[int64]int64, error) {
	rows, err := db.reader().query(ctx, "SELECT id, part_of FROM measures WHERE case_id = ? AND part_of IS NOT NULL", caseID)
	if err != nil {
		return nil, fmt.Errorf("list measure parts of case %d: %w", caseID, err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var part, total int64
		if err := rows.Scan(&part, &total); err != nil {
			return nil, fmt.Errorf("list measure parts of case %d: %w", caseID, err)
		}
		out[part] = total
	}
	return out, rows.Err()
}

// AssignFigure assigns a figure to a measure of its case; 0 unassigns.
func (db *DB) AssignFigure(ctx context.Context, figureID, measureID int64) error {
	return db.inTx(ctx, func(t *tx) error {
		var caseID int64
		var old sql.NullInt64
		if err := t.row(ctx, "SELECT case_id, measure_id FROM figures WHERE id = ?", figureID).Scan(&caseID, &old); err != nil {
			return notFound(err, fmt.Sprintf("figure %d", figureID))
		}
		if measureID != 0 {
			mCase, err := t.measureCase(ctx, measureID)
			if err != nil {
				return err
			}
			if mCase != caseID {
				return inquest.Errorf(inquest.EINVALID, "measure %d is of another case than figure %d", measureID, figureID)
			}
		}
		if _, err := t.exec(ctx, "UPDATE figures SET measure_id = ? WHERE id = ?", nullID(measureID), figureID); err != nil {
			return domainError(err, fmt.Sprintf("figure %d", figureID))
		}
		return t.record(ctx, "figure.measure", "figure", figureID,
			map[string]int64{"measure_id": idOf(old)}, map[string]int64{"measure_id": measureID})
	})
}
