package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/inquest-project/inquest"
)

const questionColumns = `id, case_id, source_id, statement_id, text, asker_id, asker_name, addressee_id, addressee_name, asked_on,
	venue, status, answer_statement_id, start_pos, end_pos, review, confidence, note, created_at`

// AddQuestion inserts q and sets ID and CreatedAt; a question with the same
// source and span already stored is returned in q instead. A question
// entered without a source is always inserted. Empty Status means open and
// empty Review suggested.
func (db *DB) AddQuestion(ctx context.Context, qn *inquest.Question) error {
	if qn.Status == "" {
		qn.Status = inquest.Open
	}
	if qn.Review == "" {
		qn.Review = inquest.Suggested
	}
	switch {
	case qn.CaseID == 0:
		return inquest.Errorf(inquest.EINVALID, "question %q has no case", qn.Text)
	case qn.Text == "":
		return inquest.Errorf(inquest.EINVALID, "question has no text")
	case qn.Start < 0 || qn.End < qn.Start:
		return inquest.Errorf(inquest.EINVALID, "question span %d..%d is not a span", qn.Start, qn.End)
	case !qn.Review.Valid():
		return inquest.Errorf(inquest.EINVALID, "question review %q is not suggested, confirmed or rejected", qn.Review)
	}
	switch qn.Status {
	case inquest.Open, inquest.Answered, inquest.Evaded, inquest.Refused:
	default:
		return inquest.Errorf(inquest.EINVALID, "question status %q is not open, answered, evaded or refused", qn.Status)
	}
	if err := qn.AskedOn.Validate(); err != nil {
		return err
	}
	what := fmt.Sprintf("question %q", qn.Text)
	return retryConflict(func() error {
		return db.inTx(ctx, func(t *tx) error {
			if qn.SourceID != 0 {
				if err := t.checkSource(ctx, qn.SourceID, qn.CaseID, what); err != nil {
					return err
				}
				existing, err := scanQuestion(t.row(ctx, "SELECT "+questionColumns+" FROM questions WHERE source_id = ? AND start_pos = ? AND end_pos = ?",
					qn.SourceID, qn.Start, qn.End))
				if err == nil {
					*qn = *existing
					return nil
				}
				if !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("%s: %w", what, err)
				}
			}
			qn.CreatedAt = now()
			err := t.row(ctx, `INSERT INTO questions (case_id, source_id, statement_id, text, asker_id, asker_name, addressee_id,
					addressee_name, asked_on, venue, status, answer_statement_id, start_pos, end_pos, review, confidence, note, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				qn.CaseID, nullID(qn.SourceID), nullID(qn.StatementID), qn.Text, nullID(qn.AskerID), qn.AskerName, nullID(qn.AddresseeID),
				qn.AddresseeName, nullDate(qn.AskedOn), qn.Venue, string(qn.Status), nullID(qn.AnswerStatementID), qn.Start, qn.End,
				string(qn.Review), qn.Confidence, qn.Note, t.db.dialect.ts(qn.CreatedAt)).Scan(&qn.ID)
			return domainError(err, what)
		})
	})
}

// Questions lists the case's questions by the day asked, unknown days last.
func (db *DB) Questions(ctx context.Context, caseID int64) ([]*inquest.Question, error) {
	return db.questions(ctx, caseID, "")
}

// QuestionsInReview lists the case's questions in review state r, as
// Questions orders them.
func (db *DB) QuestionsInReview(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Question, error) {
	return db.questions(ctx, caseID, r)
}

// questions lists the case's questions, those in review state r only
// unless r is "".
func (db *DB) questions(ctx context.Context, caseID int64, r inquest.Review) ([]*inquest.Question, error) {
	where, args := inReview("case_id = ?", "review", r, caseID)
	rows, err := db.reader().query(ctx, "SELECT "+questionColumns+" FROM questions WHERE "+where+" ORDER BY asked_on IS NULL, asked_on, id", args...)
	if err != nil {
		return nil, fmt.Errorf("list questions of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Question
	for rows.Next() {
		qn, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("list questions of case %d: %w", caseID, err)
		}
		out = append(out, qn)
	}
	return out, rows.Err()
}

func scanQuestion(r scanner) (*inquest.Question, error) {
	qn := new(inquest.Question)
	var source, stmt, asker, addressee, answer sql.NullInt64
	var asked sql.NullString
	var status, review string
	err := r.Scan(&qn.ID, &qn.CaseID, &source, &stmt, &qn.Text, &asker, &qn.AskerName, &addressee, &qn.AddresseeName, &asked,
		&qn.Venue, &status, &answer, &qn.Start, &qn.End, &review, &qn.Confidence, &qn.Note, scanTime{&qn.CreatedAt})
	if err != nil {
		return nil, err
	}
	qn.SourceID, qn.StatementID, qn.AskerID, qn.AddresseeID = idOf(source), idOf(stmt), idOf(asker), idOf(addressee)
	qn.AnswerStatementID, qn.AskedOn = idOf(answer), dateOf(asked)
	qn.Status, qn.Review = inquest.QuestionStatus(status), inquest.Review(review)
	return qn, nil
}
