package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

// DecideStance records an analyst's decision on how a statement bears on a
// claim: a stance (supports, denies, qualifies) with its review (confirmed
// when review is ""), or, with stance "", that the statement takes no stance
// on the claim. A removed stance is kept as rejected rather than deleted, so
// that the engine's next suggestion does not bring it back (AddStance leaves
// decided stances alone) and the decision stays on record. Who decided,
// when and why (note) are stored on the stance, and the change is appended
// to the audit log, before and after, in the same transaction.
//
// It re-analyses nothing: the caller re-derives the contradictions of that
// statement on that claim (casework.Service.DecideStance does).
//
// ENOTFOUND for an unknown statement or claim, or removing a stance that was
// never there; EINVALID for a claim of another case, an unknown stance or
// review, or no decider.
func (db *DB) DecideStance(ctx context.Context, statementID, claimID int64, stance inquest.StanceKind, review inquest.Review, by, note string) error {
	by = strings.TrimSpace(by)
	switch {
	case by == "":
		return inquest.Errorf(inquest.EINVALID, "say who decides the stance of statement %d on claim %d", statementID, claimID)
	case stance == "" && review != "" && review != inquest.Rejected:
		return inquest.Errorf(inquest.EINVALID, "removing the stance of statement %d on claim %d rejects it; review %q does not fit", statementID, claimID, review)
	case stance != "" && !stance.Valid():
		return inquest.Errorf(inquest.EINVALID, "stance %q is not supports, denies or qualifies (or none, to remove it)", stance)
	case review != "" && !review.Valid():
		return inquest.Errorf(inquest.EINVALID, "stance review %q is not suggested, confirmed or rejected", review)
	}
	if review == "" {
		review = inquest.Confirmed
	}
	ctx = WithActor(ctx, by) // the audit entry names the decider, whoever runs the program
	if stance == "" {
		review = inquest.Rejected
	}
	return retryConflict(func() error {
		return db.inTx(ctx, func(t *tx) error {
			var stmtCase, claimCase int64
			if err := t.row(ctx, "SELECT case_id FROM statements WHERE id = ?", statementID).Scan(&stmtCase); err != nil {
				return notFound(err, fmt.Sprintf("statement %d", statementID))
			}
			var slug string
			if err := t.row(ctx, "SELECT case_id, slug FROM claims WHERE id = ?", claimID).Scan(&claimCase, &slug); err != nil {
				return notFound(err, fmt.Sprintf("claim %d", claimID))
			}
			if stmtCase != claimCase {
				return inquest.Errorf(inquest.EINVALID, "statement %d is of case %d, claim %q of case %d: a stance links the two within one case",
					statementID, stmtCase, slug, claimCase)
			}
			what := fmt.Sprintf("stance of statement %d on claim %q", statementID, slug)
			old, err := scanStance(t.row(ctx, "SELECT "+stanceColumns+" FROM stances st WHERE st.statement_id = ? AND st.claim_id = ?",
				statementID, claimID))
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%s: %w", what, err)
			}
			d := t.db.dialect
			at := now()
			if old == nil {
				if stance == "" {
					return inquest.Errorf(inquest.ENOTFOUND, "statement %d has no stance on claim %q to remove", statementID, slug)
				}
				s := &inquest.Stance{StatementID: statementID, ClaimID: claimID, Stance: stance, Review: review, Confidence: 1,
					DecidedBy: by, DecidedAt: at, Note: note}
				err := t.row(ctx, `INSERT INTO stances (statement_id, claim_id, stance, review, confidence, decided_by, decided_at, note, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
					statementID, claimID, string(stance), string(review), s.Confidence, by, d.ts(at), note, d.ts(at), d.ts(at)).Scan(&s.ID)
				if err != nil {
					return domainError(err, what)
				}
				return t.record(ctx, "stance.decide", "stance", s.ID, nil, s)
			}
			after := *old
			if stance != "" {
				after.Stance = stance
			}
			after.Review, after.DecidedBy, after.DecidedAt, after.Note = review, by, at, note
			_, err = t.exec(ctx, `UPDATE stances SET stance = ?, review = ?, decided_by = ?, decided_at = ?, note = ?, updated_at = ? WHERE id = ?`,
				string(after.Stance), string(after.Review), by, d.ts(at), note, d.ts(at), old.ID)
			if err != nil {
				return domainError(err, what)
			}
			return t.record(ctx, "stance.decide", "stance", old.ID, old, &after)
		})
	})
}
