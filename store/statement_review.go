package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

// The review queue of the workspace: decisions on suggested figures and
// questions, confirming a whole source at once, and what waits where.

var _ inquest.WorkspaceService = (*DB)(nil)

// SetFigureReview records an analyst's decision on a figure, audited with
// the review before and after. ENOTFOUND; EINVALID.
func (db *DB) SetFigureReview(ctx context.Context, id int64, r inquest.Review, by string) error {
	return db.setItemReview(ctx, "figures", "figure", id, r, by)
}

// SetQuestionReview records an analyst's decision on whether a suggested
// question is one. ENOTFOUND; EINVALID.
func (db *DB) SetQuestionReview(ctx context.Context, id int64, r inquest.Review, by string) error {
	return db.setItemReview(ctx, "questions", "question", id, r, by)
}

// setItemReview sets the review column of one row of table; entity names it
// in messages and the audit log. The table name is one of two constants.
func (db *DB) setItemReview(ctx context.Context, table, entity string, id int64, r inquest.Review, by string) error {
	if !r.Valid() {
		return inquest.Errorf(inquest.EINVALID, "%s review %q is not suggested, confirmed or rejected", entity, r)
	}
	if strings.TrimSpace(by) == "" {
		by = actorFrom(ctx)
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		var old string
		if err := t.row(ctx, "SELECT review FROM "+table+" WHERE id = ?", id).Scan(&old); err != nil {
			return notFound(err, fmt.Sprintf("%s %d", entity, id))
		}
		if old == string(r) {
			return nil
		}
		if _, err := t.exec(ctx, "UPDATE "+table+" SET review = ? WHERE id = ?", string(r), id); err != nil {
			return domainError(err, fmt.Sprintf("%s %d", entity, id))
		}
		return t.record(ctx, entity+".review", entity, id,
			map[string]string{"review": old}, map[string]string{"review": string(r), "by": by})
	})
}

// ConfirmSourceSuggestions confirms every suggested statement of a source in
// one transaction, each with its own audit entry, and returns how many.
func (db *DB) ConfirmSourceSuggestions(ctx context.Context, sourceID int64, by string) (int, error) {
	if strings.TrimSpace(by) == "" {
		by = actorFrom(ctx)
	}
	ctx = WithActor(ctx, by)
	n := 0
	err := db.inTx(ctx, func(t *tx) error {
		var one int
		if err := t.row(ctx, "SELECT 1 FROM sources WHERE id = ?", sourceID).Scan(&one); err != nil {
			return notFound(err, fmt.Sprintf("source %d", sourceID))
		}
		rows, err := t.query(ctx, "SELECT id FROM statements WHERE source_id = ? AND review = ? ORDER BY id", sourceID, string(inquest.Suggested))
		if err != nil {
			return fmt.Errorf("list suggestions of source %d: %w", sourceID, err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		at := t.db.dialect.ts(now())
		for _, id := range ids {
			if _, err := t.exec(ctx, "UPDATE statements SET review = ?, reviewed_by = ?, reviewed_at = ?, updated_at = ? WHERE id = ?",
				string(inquest.Confirmed), by, at, at, id); err != nil {
				return fmt.Errorf("confirm statement %d: %w", id, err)
			}
			if err := t.record(ctx, "statement.review", "statement", id,
				map[string]string{"review": string(inquest.Suggested)},
				map[string]string{"review": string(inquest.Confirmed), "by": by, "bulk": "source"}); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// ReviewCounts counts the suggestions waiting in each source of a case that
// has any, by source id.
func (db *DB) ReviewCounts(ctx context.Context, caseID int64) ([]inquest.SourceReviewCount, error) {
	const query = `SELECT source_id, SUM(st), SUM(sn), SUM(fg), SUM(qn) FROM (
		SELECT source_id, 1 AS st, 0 AS sn, 0 AS fg, 0 AS qn FROM statements WHERE case_id = ? AND review = ?
		UNION ALL
		SELECT s.source_id, 0, 1, 0, 0 FROM stances x JOIN statements s ON s.id = x.statement_id WHERE s.case_id = ? AND x.review = ?
		UNION ALL
		SELECT source_id, 0, 0, 1, 0 FROM figures WHERE case_id = ? AND review = ?
		UNION ALL
		SELECT source_id, 0, 0, 0, 1 FROM questions WHERE case_id = ? AND review = ? AND source_id IS NOT NULL
	) waiting GROUP BY source_id ORDER BY source_id`
	sug := string(inquest.Suggested)
	rows, err := db.reader().query(ctx, query, caseID, sug, caseID, sug, caseID, sug, caseID, sug)
	if err != nil {
		return nil, fmt.Errorf("count suggestions of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []inquest.SourceReviewCount
	for rows.Next() {
		var c inquest.SourceReviewCount
		if err := rows.Scan(&c.SourceID, &c.Statements, &c.Stances, &c.Figures, &c.Questions); err != nil {
			return nil, fmt.Errorf("count suggestions of case %d: %w", caseID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
