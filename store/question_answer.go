package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

// AnswerQuestion links a question to the statement that answers it and
// marks it answered; the days it waited stop counting. by is who decided,
// recorded in the audit log with the question before and after. ENOTFOUND
// for an unknown question or statement; EINVALID for a statement of another
// case or no decider.
func (db *DB) AnswerQuestion(ctx context.Context, questionID, statementID int64, by string) error {
	if strings.TrimSpace(by) == "" {
		return inquest.Errorf(inquest.EINVALID, "say who decides that question %d is answered", questionID)
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanQuestion(t.row(ctx, "SELECT "+questionColumns+" FROM questions WHERE id = ?", questionID))
		if err != nil {
			return notFound(err, fmt.Sprintf("question %d", questionID))
		}
		var stmtCase int64
		if err := t.row(ctx, "SELECT case_id FROM statements WHERE id = ?", statementID).Scan(&stmtCase); err != nil {
			return notFound(err, fmt.Sprintf("statement %d", statementID))
		}
		if stmtCase != old.CaseID {
			return inquest.Errorf(inquest.EINVALID, "statement %d is of case %d, question %d of case %d: an answer comes from the same case",
				statementID, stmtCase, questionID, old.CaseID)
		}
		after := *old
		after.Status, after.AnswerStatementID = inquest.Answered, statementID
		if _, err := t.exec(ctx, "UPDATE questions SET status = ?, answer_statement_id = ? WHERE id = ?",
			string(inquest.Answered), statementID, questionID); err != nil {
			return domainError(err, fmt.Sprintf("question %d", questionID))
		}
		return t.record(ctx, "question.answer", "question", questionID, questionAudit(old), questionAudit(&after))
	})
}

// SetQuestionStatus records that a question is open again, evaded or
// refused, with the analyst's note, unlinking any answer. Answered is set
// only by AnswerQuestion, which names the answer. ENOTFOUND; EINVALID for
// another status or no decider.
func (db *DB) SetQuestionStatus(ctx context.Context, questionID int64, status inquest.QuestionStatus, by, note string) error {
	switch {
	case status == inquest.Answered:
		return inquest.Errorf(inquest.EINVALID, "question %d: an answered question needs its answer; link the answering statement instead", questionID)
	case status != inquest.Open && status != inquest.Evaded && status != inquest.Refused:
		return inquest.Errorf(inquest.EINVALID, "question status %q is not open, evaded or refused", status)
	case strings.TrimSpace(by) == "":
		return inquest.Errorf(inquest.EINVALID, "say who decides the status of question %d", questionID)
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanQuestion(t.row(ctx, "SELECT "+questionColumns+" FROM questions WHERE id = ?", questionID))
		if err != nil {
			return notFound(err, fmt.Sprintf("question %d", questionID))
		}
		after := *old
		after.Status, after.AnswerStatementID = status, 0
		if note != "" {
			after.Note = note
		}
		if _, err := t.exec(ctx, "UPDATE questions SET status = ?, answer_statement_id = NULL, note = ? WHERE id = ?",
			string(status), after.Note, questionID); err != nil {
			return domainError(err, fmt.Sprintf("question %d", questionID))
		}
		return t.record(ctx, "question.status", "question", questionID, questionAudit(old), questionAudit(&after))
	})
}

// questionAudit is what the audit log keeps of a question's triage: where
// it stands, not its text again.
func questionAudit(q *inquest.Question) any {
	return struct {
		Status            inquest.QuestionStatus `json:"status"`
		AnswerStatementID int64                  `json:"answer_statement_id,omitempty"`
		Note              string                 `json:"note,omitempty"`
	}{q.Status, q.AnswerStatementID, q.Note}
}
