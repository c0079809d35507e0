package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/inquest-project/inquest"
)

const figureColumns = `id, case_id, source_id, statement_id, measure_id, measure, text, value, value_max, qualifier, as_of,
	claimant_id, claimant_name, start_pos, end_pos, review, confidence, created_at`

// AddFigure inserts f and sets ID and CreatedAt; a figure with the same source
// and span already stored is returned in f instead. Empty Review means
// suggested.
func (db *DB) AddFigure(ctx context.Context, f *inquest.Figure) error {
	if f.Review == "" {
		f.Review = inquest.Suggested
	}
	switch {
	case f.CaseID == 0 || f.SourceID == 0:
		return inquest.Errorf(inquest.EINVALID, "figure %q has no source", f.Text)
	case f.Text == "":
		return inquest.Errorf(inquest.EINVALID, "figure in source %d has no text", f.SourceID)
	case f.Start < 0 || f.End < f.Start:
		return inquest.Errorf(inquest.EINVALID, "figure span %d..%d is not a span", f.Start, f.End)
	case !f.Review.Valid():
		return inquest.Errorf(inquest.EINVALID, "figure review %q is not suggested, confirmed or rejected", f.Review)
	case f.ValueMax != 0 && f.ValueMax < f.Value:
		return inquest.Errorf(inquest.EINVALID, "figure %q: range %g..%g ends below its start", f.Text, f.Value, f.ValueMax)
	}
	if err := f.AsOf.Validate(); err != nil {
		return err
	}
	what := fmt.Sprintf("figure at %d..%d of source %d", f.Start, f.End, f.SourceID)
	return retryConflict(func() error {
		return db.inTx(ctx, func(t *tx) error {
			if err := t.checkSource(ctx, f.SourceID, f.CaseID, what); err != nil {
				return err
			}
			existing, err := scanFigure(t.row(ctx, "SELECT "+figureColumns+" FROM figures WHERE source_id = ? AND start_pos = ? AND end_pos = ?",
				f.SourceID, f.Start, f.End))
			if err == nil {
				*f = *existing
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%s: %w", what, err)
			}
			f.CreatedAt = now()
			err = t.row(ctx, `INSERT INTO figures (case_id, source_id, statement_id, measure_id, measure, text, value, value_max, qualifier,
					as_of, claimant_id, claimant_name, start_pos, end_pos, review, confidence, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				f.CaseID, f.SourceID, nullID(f.StatementID), nullID(f.MeasureID), f.Measure, f.Text, f.Value, f.ValueMax, f.Qualifier,
				nullDate(f.AsOf), nullID(f.ClaimantID), f.ClaimantName, f.Start, f.End, string(f.Review), f.Confidence,
				t.db.dialect.ts(f.CreatedAt)).Scan(&f.ID)
			return domainError(err, what)
		})
	})
}

// Figures lists the case's figures by as-of date, unknown dates last.
func (db *DB) Figures(ctx context.Context, caseID int64) ([]*inquest.Figure, error) {
	return db.figures(ctx, caseID, "")
}

// FiguresInReview lists the case's figures in review state r, as Figures
// orders them.
func (db *DB) FiguresInReview(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Figure, error) {
	return db.figures(ctx, caseID, r)
}

// figures lists the case's figures, those in review state r only unless r
// is "".
func (db *DB) figures(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Figure, error) {
	where, args := inReview("case_id = ?", "review", r, caseID)
	rows, err := db.reader().query(ctx, "SELECT "+figureColumns+" FROM figures WHERE "+where+" ORDER BY as_of IS NULL, as_of, id", args...)
	if err != nil {
		return nil, fmt.Errorf("list figures of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Figure
	// A case's figures repeat a few measures, qualifiers, claimants, days
	// and review states: at a million statements 68,000 figures held the
	// same few strings 68,000 times each, 4 MB of the figures page's
	// derivation.
	seen := map[string]string{}
	same := func(s *string) {
		if v, ok := seen[*s]; ok {
			*s = v
		} else {
			seen[*s] = *s
		}
	}
	for rows.Next() {
		f, err := scanFigure(rows)
		if err != nil {
			return nil, fmt.Errorf("list figures of case %d: %w", caseID, err)
		}
		same(&f.Measure)
		same(&f.Qualifier)
		same(&f.ClaimantName)
		same((*string)(&f.AsOf))
		same((*string)(&f.Review))
		out = append(out, f)
	}
	return out, rows.Err()
}

func scanFigure(r scanner) (*inquest.Figure, error) {
	f := new(inquest.Figure)
	var stmt, measure, claimant sql.NullInt64
	var asOf sql.NullString
	var review string
	err := r.Scan(&f.ID, &f.CaseID, &f.SourceID, &stmt, &measure, &f.Measure, &f.Text, &f.Value, &f.ValueMax, &f.Qualifier,
		&asOf, &claimant, &f.ClaimantName, &f.Start, &f.End, &review, &f.Confidence, scanTime{&f.CreatedAt})
	if err != nil {
		return nil, err
	}
	f.StatementID, f.MeasureID, f.ClaimantID = idOf(stmt), idOf(measure), idOf(claimant)
	f.AsOf, f.Review = dateOf(asOf), inquest.Review(review)
	return f, nil
}
