package store

import (
	"context"
	"fmt"
)

// This file belongs to the chain-of-custody tools (backup, export, import);
// it is kept apart from the store's own files on purpose.

// UndoImport removes a case that `inquest import` has just created, with
// everything recorded in it, in one transaction, when loading the bag failed
// halfway: inquest.Store has no transaction across calls, so this is how an
// import stays all-or-nothing. Archived bytes that no other source refers to
// go too, and so do the people in newPeople (those the import created), unless
// something outside the case refers to them by now.
//
// It is for that one purpose only: nothing else in Inquest deletes evidence.
// The removal is appended to the audit log (case.import.undo) with what was
// removed, so the chain shows both the partial import and its removal.
// ENOTFOUND when there is no such case.
func (db *DB) UndoImport(ctx context.Context, caseID int64, newPeople []int64) error {
	return db.inTx(ctx, func(t *tx) error {
		c, err := scanCase(t.row(ctx, "SELECT "+caseColumns+" FROM cases WHERE id = ?", caseID))
		if err != nil {
			return notFound(err, fmt.Sprintf("case %d", caseID))
		}
		statementsOf := "SELECT id FROM statements WHERE case_id = ?"
		removed := map[string]int64{}
		var sums []string
		for _, step := range []struct{ table, query string }{
			{"event_sources", "DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events WHERE case_id = ?)"},
			{"events", "DELETE FROM events WHERE case_id = ?"},
			{"questions", "DELETE FROM questions WHERE case_id = ?"},
			{"figures", "DELETE FROM figures WHERE case_id = ?"},
			{"contradictions", "DELETE FROM contradictions WHERE case_id = ?"},
			{"stances", "DELETE FROM stances WHERE statement_id IN (" + statementsOf + ")"},
			{"statement_translations", "DELETE FROM statement_translations WHERE statement_id IN (" + statementsOf + ")"},
			{"statements", "DELETE FROM statements WHERE case_id = ?"},
			{"claim_texts", "DELETE FROM claim_texts WHERE claim_id IN (SELECT id FROM claims WHERE case_id = ?)"},
			{"claims", "DELETE FROM claims WHERE case_id = ?"},
			{"measures", "DELETE FROM measures WHERE case_id = ?"},
			{"chapter_versions", "DELETE FROM chapter_versions WHERE chapter_id IN (SELECT id FROM chapters WHERE case_id = ?)"},
			{"chapters", "DELETE FROM chapters WHERE case_id = ?"},
			{"sources", "DELETE FROM sources WHERE case_id = ?"},
			{"cases", "DELETE FROM cases WHERE id = ?"},
		} {
			if step.table == "sources" {
				if sums, err = t.caseBlobs(ctx, caseID); err != nil {
					return fmt.Errorf("undo import of case %s: %w", c.Slug, err)
				}
			}
			res, err := t.exec(ctx, step.query, caseID)
			if err != nil {
				return fmt.Errorf("undo import of case %s: remove %s: %w", c.Slug, step.table, err)
			}
			if n, err := res.RowsAffected(); err == nil && n > 0 {
				removed[step.table] = n
			}
		}
		// Archived bytes that no remaining source refers to.
		for _, sum := range sums {
			res, err := t.exec(ctx, "DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM sources WHERE sha256 = ?)", sum, sum)
			if err != nil {
				return fmt.Errorf("undo import of case %s: remove archived bytes %s: %w", c.Slug, sum, err)
			}
			if n, err := res.RowsAffected(); err == nil {
				removed["blobs"] += n
			}
		}
		for _, id := range newPeople {
			res, err := t.exec(ctx, `DELETE FROM people WHERE id = ?
				AND NOT EXISTS (SELECT 1 FROM statements WHERE person_id = ?)
				AND NOT EXISTS (SELECT 1 FROM figures WHERE claimant_id = ?)
				AND NOT EXISTS (SELECT 1 FROM questions WHERE asker_id = ? OR addressee_id = ?)`, id, id, id, id, id)
			if err != nil {
				return fmt.Errorf("undo import of case %s: remove person %d: %w", c.Slug, id, err)
			}
			if n, err := res.RowsAffected(); err == nil {
				removed["people"] += n
			}
		}
		return t.record(ctx, "case.import.undo", "case", caseID, c, removed)
	})
}

// caseBlobs lists the hashes of the case's archived originals.
func (t *tx) caseBlobs(ctx context.Context, caseID int64) ([]string, error) {
	rows, err := t.query(ctx, "SELECT DISTINCT sha256 FROM sources WHERE case_id = ?", caseID)
	if err != nil {
		return nil, fmt.Errorf("list archived bytes: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
