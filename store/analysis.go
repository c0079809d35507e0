package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// The analysis layer derives contradictions; the store keeps them with the
// analysts' verdicts. A contradiction is known by its claim and its two
// statements in either order (a corrected date may swap which came first),
// and a contradiction that stops holding is kept inactive rather than
// deleted, so that a dismissal survives the stances coming and going.

var _ inquest.AnalysisService = (*DB)(nil)

const contradictionColumns = `id, case_id, claim_id, kind, a_statement_id, b_statement_id, degree, status, note,
	decided_by, decided_at, active`

// contradictionKey is a contradiction's identity: claim, then the lower and
// the higher statement id.
type contradictionKey struct{ claim, lo, hi int64 }

func keyOf(c *inquest.Contradiction) contradictionKey {
	lo, hi := c.AStatementID, c.BStatementID
	if lo > hi {
		lo, hi = hi, lo
	}
	return contradictionKey{c.ClaimID, lo, hi}
}

// storedContradiction is a row with its active flag.
type storedContradiction struct {
	*inquest.Contradiction
	active bool
}

// SaveContradictions records the contradictions derived for scope of the case:
// new ones are inserted as suggested, known ones keep their id and verdict
// (set on derived) and are updated only where the derivation changed, and the
// stored ones within scope that were not derived again become inactive. It
// runs in one transaction, so a failed save leaves the previous state whole.
func (db *DB) SaveContradictions(ctx context.Context, caseID int64, scope inquest.ContradictionScope, derived []*inquest.Contradiction) error {
	seen := make(map[contradictionKey]bool, len(derived))
	for _, c := range derived {
		switch {
		case c.CaseID != 0 && c.CaseID != caseID:
			return inquest.Errorf(inquest.EINVALID, "contradiction on claim %d belongs to case %d, not case %d", c.ClaimID, c.CaseID, caseID)
		case !scope.Covers(c):
			return inquest.Errorf(inquest.EINVALID, "contradiction of statements %d and %d on claim %d lies outside the re-analysed scope %+v",
				c.AStatementID, c.BStatementID, c.ClaimID, scope)
		case c.ClaimID == 0 || c.AStatementID == 0 || c.BStatementID == 0 || c.AStatementID == c.BStatementID:
			return inquest.Errorf(inquest.EINVALID, "contradiction needs a claim and two different statements (got claim %d, statements %d and %d)",
				c.ClaimID, c.AStatementID, c.BStatementID)
		case c.Kind != inquest.Between && c.Kind != inquest.Reversal:
			return inquest.Errorf(inquest.EINVALID, "contradiction kind %q is not between or reversal", c.Kind)
		case seen[keyOf(c)]:
			return inquest.Errorf(inquest.EINVALID, "contradiction of statements %d and %d on claim %d is given twice", c.AStatementID, c.BStatementID, c.ClaimID)
		}
		seen[keyOf(c)] = true
	}
	// Two instances re-analysing the same case may both insert one new
	// contradiction; the loser's retry finds the winner's row and keeps it.
	return retryConflict(func() error { return db.saveContradictions(ctx, caseID, scope, derived) })
}

func (db *DB) saveContradictions(ctx context.Context, caseID int64, scope inquest.ContradictionScope, derived []*inquest.Contradiction) error {
	return db.inTx(ctx, func(t *tx) error {
		stored, err := t.contradictionsIn(ctx, caseID, scope)
		if err != nil {
			return fmt.Errorf("save contradictions of case %d: %w", caseID, err)
		}
		at := t.db.dialect.ts(now())
		for _, c := range derived {
			c.CaseID = caseID
			old, ok := stored[keyOf(c)]
			if !ok {
				c.Status, c.Note, c.DecidedBy, c.DecidedAt = inquest.ContradictionSuggested, "", "", time.Time{}
				err := t.row(ctx, `INSERT INTO contradictions (case_id, claim_id, kind, a_statement_id, b_statement_id, degree, status,
						created_at, updated_at, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
					caseID, c.ClaimID, string(c.Kind), c.AStatementID, c.BStatementID, c.Degree, string(c.Status), at, at, true).Scan(&c.ID)
				if err != nil {
					return domainError(err, fmt.Sprintf("contradiction of statements %d and %d on claim %d", c.AStatementID, c.BStatementID, c.ClaimID))
				}
				continue
			}
			delete(stored, keyOf(c))
			c.ID, c.Status, c.Note, c.DecidedBy, c.DecidedAt = old.ID, old.Status, old.Note, old.DecidedBy, old.DecidedAt
			if old.active && old.Kind == c.Kind && old.Degree == c.Degree && old.AStatementID == c.AStatementID && old.BStatementID == c.BStatementID {
				continue // nothing changed: a re-analysis of an unchanged case writes nothing
			}
			_, err := t.exec(ctx, `UPDATE contradictions SET kind = ?, a_statement_id = ?, b_statement_id = ?, degree = ?, active = ?, updated_at = ?
				WHERE id = ?`, string(c.Kind), c.AStatementID, c.BStatementID, c.Degree, true, at, c.ID)
			if err != nil {
				return domainError(err, fmt.Sprintf("contradiction %d", c.ID))
			}
		}
		for _, old := range stored {
			if !old.active {
				continue
			}
			if _, err := t.exec(ctx, "UPDATE contradictions SET active = ?, updated_at = ? WHERE id = ?", false, at, old.ID); err != nil {
				return fmt.Errorf("retire contradiction %d: %w", old.ID, err)
			}
		}
		return nil
	})
}

// contradictionsIn loads the stored contradictions of the case within scope,
// active or not, by key.
func (t *tx) contradictionsIn(ctx context.Context, caseID int64, scope inquest.ContradictionScope) (map[contradictionKey]storedContradiction, error) {
	where := []string{"case_id = ?"}
	args := []any{caseID}
	if scope.ClaimID != 0 {
		where = append(where, "claim_id = ?")
		args = append(args, scope.ClaimID)
	}
	if scope.StatementID != 0 {
		where = append(where, "(a_statement_id = ? OR b_statement_id = ?)")
		args = append(args, scope.StatementID, scope.StatementID)
	}
	rows, err := t.query(ctx, "SELECT "+contradictionColumns+" FROM contradictions WHERE "+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[contradictionKey]storedContradiction{}
	for rows.Next() {
		c, err := scanContradiction(rows)
		if err != nil {
			return nil, err
		}
		out[keyOf(c.Contradiction)] = c
	}
	return out, rows.Err()
}

// Contradictions lists the case's contradictions that hold now, by claim and
// statements.
func (db *DB) Contradictions(ctx context.Context, caseID int64) ([]*inquest.Contradiction, error) {
	return db.listContradictions(ctx, caseID, "", "ORDER BY claim_id, a_statement_id, b_statement_id")
}

// ContradictionsByStatus lists the case's contradictions of one status that
// hold now, by claim and statements.
func (db *DB) ContradictionsByStatus(ctx context.Context, caseID int64, status inquest.ContradictionStatus) ([]*inquest.Contradiction, error) {
	return db.listContradictions(ctx, caseID, status, "ORDER BY claim_id, a_statement_id, b_statement_id")
}

// ContradictionsPage lists up to limit of the case's contradictions of one
// status that hold now, from offset, by id, and whether more follow.
func (db *DB) ContradictionsPage(ctx context.Context, caseID int64, status inquest.ContradictionStatus, offset, limit int) ([]*inquest.Contradiction, bool, error) {
	if limit <= 0 || offset < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a page of contradictions needs a positive size and an offset of 0 or more")
	}
	out, err := db.listContradictions(ctx, caseID, status, fmt.Sprintf("ORDER BY id LIMIT %d OFFSET %d", limit+1, offset))
	if err != nil || len(out) <= limit {
		return out, false, err
	}
	return out[:limit], true, nil
}

func (db *DB) listContradictions(ctx context.Context, caseID int64, status inquest.ContradictionStatus, order string) ([]*inquest.Contradiction, error) {
	where, args := "case_id = ? AND active = ?", []any{caseID, true}
	if status != "" {
		where, args = where+" AND status = ?", append(args, string(status))
	}
	rows, err := db.reader().query(ctx, "SELECT "+contradictionColumns+` FROM contradictions
		WHERE `+where+` `+order, args...)
	if err != nil {
		return nil, fmt.Errorf("list contradictions of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Contradiction
	for rows.Next() {
		c, err := scanContradiction(rows)
		if err != nil {
			return nil, fmt.Errorf("list contradictions of case %d: %w", caseID, err)
		}
		out = append(out, c.Contradiction)
	}
	return out, rows.Err()
}

// Contradiction returns one contradiction, whether it holds now or not.
func (db *DB) Contradiction(ctx context.Context, id int64) (*inquest.Contradiction, error) {
	c, err := scanContradiction(db.reader().row(ctx, "SELECT "+contradictionColumns+" FROM contradictions WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("contradiction %d", id))
	}
	return c.Contradiction, nil
}

// SetContradictionStatus records an analyst's verdict, with the note and who
// decided, and appends it to the audit log in the same transaction.
func (db *DB) SetContradictionStatus(ctx context.Context, id int64, status inquest.ContradictionStatus, note, by string) error {
	if !status.Valid() {
		return inquest.Errorf(inquest.EINVALID, "contradiction status %q is not suggested, confirmed or dismissed", status)
	}
	if strings.TrimSpace(by) == "" {
		return inquest.Errorf(inquest.EINVALID, "say who decides contradiction %d", id)
	}
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanContradiction(t.row(ctx, "SELECT "+contradictionColumns+" FROM contradictions WHERE id = ?", id))
		if err != nil {
			return notFound(err, fmt.Sprintf("contradiction %d", id))
		}
		after := *old.Contradiction
		after.Status, after.Note, after.DecidedBy, after.DecidedAt = status, note, by, now()
		d := t.db.dialect
		if _, err := t.exec(ctx, `UPDATE contradictions SET status = ?, note = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?`,
			string(status), note, by, d.ts(after.DecidedAt), d.ts(after.DecidedAt), id); err != nil {
			return domainError(err, fmt.Sprintf("contradiction %d", id))
		}
		return t.record(ctx, "contradiction."+string(status), "contradiction", id, old.Contradiction, &after)
	})
}

// ClaimStances returns the stances on one claim, by statement, and the
// statements they are of: all that re-analysing a change on that claim
// needs, without reading the rest of the case. Both are read from one
// snapshot, so a stance never comes without its statement.
func (db *DB) ClaimStances(ctx context.Context, claimID int64) ([]*inquest.Stance, []*inquest.Statement, error) {
	sqlTx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("stances on claim %d: %w", claimID, err)
	}
	defer sqlTx.Rollback()
	r := q{sqlTx, db.dialect}
	rows, err := r.query(ctx, "SELECT "+stanceColumns+" FROM stances st WHERE st.claim_id = ? ORDER BY st.statement_id", claimID)
	if err != nil {
		return nil, nil, fmt.Errorf("stances on claim %d: %w", claimID, err)
	}
	var stances []*inquest.Stance
	for rows.Next() {
		s, err := scanStance(rows)
		if err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("stances on claim %d: %w", claimID, err)
		}
		stances = append(stances, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("stances on claim %d: %w", claimID, err)
	}
	statements, err := queryStatements(ctx, r, "s.id IN (SELECT statement_id FROM stances WHERE claim_id = ?)", "", claimID)
	if err != nil {
		return nil, nil, fmt.Errorf("statements with stances on claim %d: %w", claimID, err)
	}
	return stances, statements, nil
}

func scanContradiction(r scanner) (storedContradiction, error) {
	c := new(inquest.Contradiction)
	var kind, status string
	var active bool
	err := r.Scan(&c.ID, &c.CaseID, &c.ClaimID, &kind, &c.AStatementID, &c.BStatementID, &c.Degree, &status, &c.Note,
		&c.DecidedBy, scanTime{&c.DecidedAt}, &active)
	if err != nil {
		return storedContradiction{}, err
	}
	c.Kind, c.Status = inquest.ContradictionKind(kind), inquest.ContradictionStatus(status)
	return storedContradiction{Contradiction: c, active: active}, nil
}
