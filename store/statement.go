package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

const statementColumns = `s.id, s.case_id, s.source_id, s.person_id, s.speaker_name, s.speaker_role, s.text, s.start_pos, s.end_pos,
	s.context, s.said_on, s.venue, s.language, s.origin, s.review, s.confidence, s.note, s.created_at, s.updated_at`

// statementPlacingColumns are statementColumns with the text, context and
// note left empty: what dates a statement and names its speaker, for reads
// of many statements that show none of their words.
var statementPlacingColumns = strings.NewReplacer("s.text,", "'' AS text,", "s.context,", "'' AS context,", "s.note,", "'' AS note,").Replace(statementColumns)

// checkSource makes sure sourceID is a source of caseID, so that nothing
// extracted from one case's source is filed under another case.
func (t *tx) checkSource(ctx context.Context, sourceID, caseID int64, what string) error {
	var got int64
	err := t.row(ctx, "SELECT case_id FROM sources WHERE id = ?", sourceID).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return inquest.Errorf(inquest.EINVALID, "%s refers to source %d, which does not exist", what, sourceID)
	}
	if err != nil {
		return fmt.Errorf("%s: look up source %d: %w", what, sourceID, err)
	}
	if got != caseID {
		return inquest.Errorf(inquest.EINVALID, "%s is filed under case %d but its source %d belongs to case %d", what, caseID, sourceID, got)
	}
	return nil
}

// AddStatement inserts s and sets ID, CreatedAt and UpdatedAt. A statement
// with the same source and span already stored is returned in s instead, so
// ingesting a source again adds nothing. Empty Origin means extracted and
// empty Review suggested. Extracted suggestions are not audited one by one
// (an ingest may add thousands); the analyst's decision on each is
// (SetStatementReview).
func (db *DB) AddStatement(ctx context.Context, s *inquest.Statement) error {
	if s.Origin == "" {
		s.Origin = inquest.Extracted
	}
	if s.Review == "" {
		s.Review = inquest.Suggested
	}
	if err := s.Validate(); err != nil {
		return err
	}
	what := fmt.Sprintf("statement at %d..%d of source %d", s.Start, s.End, s.SourceID)
	return retryConflict(func() error {
		return db.inTx(ctx, func(t *tx) error {
			if err := t.checkSource(ctx, s.SourceID, s.CaseID, what); err != nil {
				return err
			}
			existing, err := scanStatement(t.row(ctx, "SELECT "+statementColumns+" FROM statements s WHERE s.source_id = ? AND s.start_pos = ? AND s.end_pos = ?",
				s.SourceID, s.Start, s.End))
			if err == nil {
				if err := attachTranslations(ctx, t.q, []*inquest.Statement{existing}, "s.id = ?", existing.ID); err != nil {
					return err
				}
				*s = *existing
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%s: %w", what, err)
			}
			at := now()
			d := t.db.dialect
			err = t.row(ctx, `INSERT INTO statements (case_id, source_id, person_id, speaker_name, speaker_role, text, start_pos, end_pos,
					context, said_on, venue, language, origin, review, confidence, note, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				s.CaseID, s.SourceID, nullID(s.PersonID), s.SpeakerName, s.SpeakerRole, s.Text, s.Start, s.End,
				s.Context, nullDate(s.SaidOn), s.Venue, s.Language, string(s.Origin), string(s.Review), s.Confidence, s.Note,
				d.ts(at), d.ts(at)).Scan(&s.ID)
			if err != nil {
				return domainError(err, what)
			}
			s.CreatedAt, s.UpdatedAt = at, at
			for _, lang := range sortedKeys(s.Translations) {
				if _, err := t.exec(ctx, "INSERT INTO statement_translations (statement_id, lang, text) VALUES (?, ?, ?)",
					s.ID, lang, s.Translations[lang]); err != nil {
					return domainError(err, what+": translation into "+lang)
				}
			}
			return nil
		})
	})
}

// Statement returns one statement with its translations. ENOTFOUND.
func (db *DB) Statement(ctx context.Context, id int64) (*inquest.Statement, error) {
	out, err := queryStatements(ctx, db.reader(), "s.id = ?", "", id)
	if err != nil {
		return nil, fmt.Errorf("read statement %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "statement %d does not exist", id)
	}
	return out[0], nil
}

// Statements lists statements by source and start.
func (db *DB) Statements(ctx context.Context, f inquest.StatementFilter) ([]*inquest.Statement, error) {
	where := []string{"1 = 1"}
	var args []any
	if f.CaseID != 0 {
		where, args = append(where, "s.case_id = ?"), append(args, f.CaseID)
	}
	if f.SourceID != 0 {
		where, args = append(where, "s.source_id = ?"), append(args, f.SourceID)
	}
	if f.PersonID != 0 {
		where, args = append(where, "s.person_id = ?"), append(args, f.PersonID)
	}
	if f.Review != "" {
		where, args = append(where, "s.review = ?"), append(args, string(f.Review))
	}
	out, err := queryStatements(ctx, db.reader(), strings.Join(where, " AND "), limitOffset(f.Limit, f.Offset), args...)
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	return out, nil
}

// SetStatementReview records an analyst's decision. ENOTFOUND. by is recorded
// as the actor of the audit entry; empty by falls back to the context's actor.
func (db *DB) SetStatementReview(ctx context.Context, id int64, r inquest.Review, by string) error {
	if !r.Valid() {
		return inquest.Errorf(inquest.EINVALID, "review %q is not suggested, confirmed or rejected", r)
	}
	if by == "" {
		by = actorFrom(ctx)
	}
	return db.inTx(ctx, func(t *tx) error {
		var old string
		if err := t.row(ctx, "SELECT review FROM statements WHERE id = ?", id).Scan(&old); err != nil {
			return notFound(err, fmt.Sprintf("statement %d", id))
		}
		at := t.db.dialect.ts(now())
		if _, err := t.exec(ctx, "UPDATE statements SET review = ?, reviewed_by = ?, reviewed_at = ?, updated_at = ? WHERE id = ?",
			string(r), by, at, at, id); err != nil {
			return fmt.Errorf("review statement %d: %w", id, err)
		}
		return t.record(WithActor(ctx, by), "statement.review", "statement", id,
			map[string]string{"review": old}, map[string]string{"review": string(r), "by": by})
	})
}

// queryStatements loads the statements matching where (on alias s), ordered
// by source and start, with their translations.
func queryStatements(ctx context.Context, r q, where, limit string, args ...any) ([]*inquest.Statement, error) {
	rows, err := r.query(ctx, "SELECT "+statementColumns+" FROM statements s WHERE "+where+
		" ORDER BY s.source_id, s.start_pos, s.id"+limit, args...)
	if err != nil {
		return nil, err
	}
	var out []*inquest.Statement
	for rows.Next() {
		s, err := scanStatement(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := attachTranslations(ctx, r, out, where, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// attachTranslations loads the translations of the statements matching where
// in one query and hangs them on those of stmts.
func attachTranslations(ctx context.Context, r q, stmts []*inquest.Statement, where string, args ...any) error {
	if len(stmts) == 0 {
		return nil
	}
	byID := make(map[int64]*inquest.Statement, len(stmts))
	for _, s := range stmts {
		byID[s.ID] = s
	}
	rows, err := r.query(ctx, `SELECT t.statement_id, t.lang, t.text FROM statement_translations t
		JOIN statements s ON s.id = t.statement_id WHERE `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var lang, text string
		if err := rows.Scan(&id, &lang, &text); err != nil {
			return err
		}
		if s := byID[id]; s != nil {
			if s.Translations == nil {
				s.Translations = map[string]string{}
			}
			s.Translations[lang] = text
		}
	}
	return rows.Err()
}

func scanStatement(r scanner) (*inquest.Statement, error) {
	s := new(inquest.Statement)
	var person sql.NullInt64
	var said sql.NullString
	var origin, review string
	err := r.Scan(&s.ID, &s.CaseID, &s.SourceID, &person, &s.SpeakerName, &s.SpeakerRole, &s.Text, &s.Start, &s.End,
		&s.Context, &said, &s.Venue, &s.Language, &origin, &review, &s.Confidence, &s.Note,
		scanTime{&s.CreatedAt}, scanTime{&s.UpdatedAt})
	if err != nil {
		return nil, err
	}
	s.PersonID, s.SaidOn = idOf(person), dateOf(said)
	s.Origin, s.Review = inquest.Origin(origin), inquest.Review(review)
	return s, nil
}
