package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/inquest-project/inquest"
)

// UpsertClaim inserts c, or replaces the texts of the claim with the same case
// and slug, and sets ID. As with people, a claim once private stays private
// when a claims file that does not say so is imported again.
func (db *DB) UpsertClaim(ctx context.Context, c *inquest.Claim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.CaseID == 0 {
		return inquest.Errorf(inquest.EINVALID, "claim %q has no case", c.Slug)
	}
	return db.inTx(ctx, func(t *tx) error {
		before, err := t.claimBy(ctx, c.CaseID, c.Slug)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("claim %q: %w", c.Slug, err)
		}
		at := t.db.dialect.ts(now())
		err = t.row(ctx, `INSERT INTO claims (case_id, slug, text, private, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (case_id, slug) DO UPDATE SET text = excluded.text,
				private = (claims.private OR excluded.private), updated_at = excluded.updated_at
			RETURNING id, private, created_at`,
			c.CaseID, c.Slug, c.Text, c.Private, at, at).Scan(&c.ID, &c.Private, scanTime{&c.CreatedAt})
		if err != nil {
			return domainError(err, fmt.Sprintf("claim %q", c.Slug))
		}
		if _, err := t.exec(ctx, "DELETE FROM claim_texts WHERE claim_id = ?", c.ID); err != nil {
			return fmt.Errorf("claim %q: clear texts: %w", c.Slug, err)
		}
		for _, lang := range sortedKeys(c.Texts) {
			if c.Texts[lang] == "" {
				continue
			}
			if _, err := t.exec(ctx, "INSERT INTO claim_texts (claim_id, lang, text) VALUES (?, ?, ?)", c.ID, lang, c.Texts[lang]); err != nil {
				return domainError(err, fmt.Sprintf("claim %q: text in %s", c.Slug, lang))
			}
		}
		action := "claim.create"
		var beforeJSON any
		if before != nil {
			action, beforeJSON = "claim.update", before
		}
		return t.record(ctx, action, "claim", c.ID, beforeJSON, c)
	})
}

// Claims lists the case's claims ordered by slug, with their texts.
func (db *DB) Claims(ctx context.Context, caseID int64) ([]*inquest.Claim, error) {
	out, err := queryClaims(ctx, db.reader(), "c.case_id = ?", caseID)
	if err != nil {
		return nil, fmt.Errorf("list claims of case %d: %w", caseID, err)
	}
	return out, nil
}

func (t *tx) claimBy(ctx context.Context, caseID int64, slug string) (*inquest.Claim, error) {
	out, err := queryClaims(ctx, t.q, "c.case_id = ? AND c.slug = ?", caseID, slug)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, sql.ErrNoRows
	}
	return out[0], nil
}

// queryClaims loads the claims matching where (on alias c) with their texts,
// one query for the claims and one for all their texts.
func queryClaims(ctx context.Context, r q, where string, args ...any) ([]*inquest.Claim, error) {
	rows, err := r.query(ctx, "SELECT c.id, c.case_id, c.slug, c.text, c.private, c.created_at FROM claims c WHERE "+where+" ORDER BY c.slug", args...)
	if err != nil {
		return nil, err
	}
	var out []*inquest.Claim
	byID := map[int64]*inquest.Claim{}
	for rows.Next() {
		c := new(inquest.Claim)
		if err := rows.Scan(&c.ID, &c.CaseID, &c.Slug, &c.Text, &c.Private, scanTime{&c.CreatedAt}); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
		byID[c.ID] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = r.query(ctx, "SELECT t.claim_id, t.lang, t.text FROM claim_texts t JOIN claims c ON c.id = t.claim_id WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var lang, text string
		if err := rows.Scan(&id, &lang, &text); err != nil {
			return nil, err
		}
		if c := byID[id]; c != nil {
			if c.Texts == nil {
				c.Texts = map[string]string{}
			}
			c.Texts[lang] = text
		}
	}
	return out, rows.Err()
}

const stanceColumns = `st.id, st.statement_id, st.claim_id, st.stance, st.review, st.confidence, st.decided_by, st.decided_at, st.note`

// AddStance inserts s, or updates the stance of the same statement and claim
// unless an analyst has already decided it (Review != suggested): then the
// decision stands and s is set to it. A re-run of the analysis that suggests
// what is already stored writes nothing.
func (db *DB) AddStance(ctx context.Context, s *inquest.Stance) error {
	if s.Review == "" {
		s.Review = inquest.Suggested
	}
	switch {
	case s.StatementID == 0 || s.ClaimID == 0:
		return inquest.Errorf(inquest.EINVALID, "stance needs a statement and a claim")
	case !s.Stance.Valid():
		return inquest.Errorf(inquest.EINVALID, "stance %q is not supports, denies or qualifies", s.Stance)
	case !s.Review.Valid():
		return inquest.Errorf(inquest.EINVALID, "stance review %q is not suggested, confirmed or rejected", s.Review)
	}
	s.DecidedAt = s.DecidedAt.UTC().Truncate(time.Microsecond) // as stored, so s matches what a read returns
	if s.Review != inquest.Suggested {
		if s.DecidedAt.IsZero() {
			s.DecidedAt = now()
		}
		if s.DecidedBy == "" {
			s.DecidedBy = actorFrom(ctx)
		}
	}
	what := fmt.Sprintf("stance of statement %d on claim %d", s.StatementID, s.ClaimID)
	return retryConflict(func() error {
		return db.inTx(ctx, func(t *tx) error {
			d := t.db.dialect
			old, err := scanStance(t.row(ctx, "SELECT "+stanceColumns+" FROM stances st WHERE st.statement_id = ? AND st.claim_id = ?",
				s.StatementID, s.ClaimID))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				at := d.ts(now())
				err := t.row(ctx, `INSERT INTO stances (statement_id, claim_id, stance, review, confidence, decided_by, decided_at, note, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
					s.StatementID, s.ClaimID, string(s.Stance), string(s.Review), s.Confidence, s.DecidedBy, d.ts(s.DecidedAt),
					s.Note, at, at).Scan(&s.ID)
				if err != nil {
					return domainError(err, what)
				}
				return t.record(ctx, "stance.add", "stance", s.ID, nil, s)
			case err != nil:
				return fmt.Errorf("%s: %w", what, err)
			case old.Review != inquest.Suggested:
				*s = *old // an analyst's decision is not overwritten by a suggestion
				return nil
			case old.Stance == s.Stance && old.Review == s.Review && old.Confidence == s.Confidence && old.Note == s.Note:
				s.ID = old.ID
				return nil
			}
			s.ID = old.ID
			_, err = t.exec(ctx, `UPDATE stances SET stance = ?, review = ?, confidence = ?, decided_by = ?, decided_at = ?, note = ?, updated_at = ?
				WHERE id = ?`,
				string(s.Stance), string(s.Review), s.Confidence, s.DecidedBy, d.ts(s.DecidedAt), s.Note, d.ts(now()), s.ID)
			if err != nil {
				return domainError(err, what)
			}
			return t.record(ctx, "stance.update", "stance", s.ID, old, s)
		})
	})
}

// Stances lists the stances of the case's statements, by claim and statement.
func (db *DB) Stances(ctx context.Context, caseID int64) ([]*inquest.Stance, error) {
	return db.stances(ctx, caseID, "")
}

// StancesInReview lists the stances of the case's statements in review
// state r, as Stances orders them.
func (db *DB) StancesInReview(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Stance, error) {
	return db.stances(ctx, caseID, r)
}

// stances lists the stances of the case's statements, those in review
// state r only unless r is "".
func (db *DB) stances(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Stance, error) {
	where, args := inReview("s.case_id = ?", "st.review", r, caseID)
	rows, err := db.reader().query(ctx, "SELECT "+stanceColumns+` FROM stances st
		JOIN statements s ON s.id = st.statement_id WHERE `+where+` ORDER BY st.claim_id, st.statement_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list stances of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Stance
	for rows.Next() {
		s, err := scanStance(rows)
		if err != nil {
			return nil, fmt.Errorf("list stances of case %d: %w", caseID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func scanStance(r scanner) (*inquest.Stance, error) {
	s := new(inquest.Stance)
	var stance, review string
	err := r.Scan(&s.ID, &s.StatementID, &s.ClaimID, &stance, &review, &s.Confidence, &s.DecidedBy, scanTime{&s.DecidedAt}, &s.Note)
	if err != nil {
		return nil, err
	}
	s.Stance, s.Review = inquest.StanceKind(stance), inquest.Review(review)
	return s, nil
}

// retryConflict runs fn again when it fails on a unique index: on PostgreSQL
// two writers may both find no row and both insert; the loser's retry then
// finds the winner's row and takes the update path.
func retryConflict(fn func() error) error {
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || attempt == 3 || inquest.ErrorCode(err) != inquest.ECONFLICT {
			return err
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
