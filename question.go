package inquest

import (
	"context"
	"time"
)

// QuestionStatus says whether a question put to officials has been answered.
type QuestionStatus string

// Question states.
const (
	Open     QuestionStatus = "open"
	Answered QuestionStatus = "answered"
	Evaded   QuestionStatus = "evaded"
	Refused  QuestionStatus = "refused"
)

// Question is asked by someone of someone on a day. While it is open, the days
// it has waited are a first-class number.
type Question struct {
	ID                int64          `json:"id"`
	CaseID            int64          `json:"case_id"`
	SourceID          int64          `json:"source_id,omitempty"`
	StatementID       int64          `json:"statement_id,omitempty"`
	Text              string         `json:"text"`
	AskerID           int64          `json:"asker_id,omitempty"`
	AskerName         string         `json:"asker,omitempty"`
	AddresseeID       int64          `json:"addressee_id,omitempty"`
	AddresseeName     string         `json:"addressee,omitempty"`
	AskedOn           Date           `json:"asked_on,omitempty"`
	Venue             string         `json:"venue,omitempty"`
	Status            QuestionStatus `json:"status"`
	AnswerStatementID int64          `json:"answer_statement_id,omitempty"`
	Start             int            `json:"start"`
	End               int            `json:"end"`
	Review            Review         `json:"review"`
	Confidence        float64        `json:"confidence"`
	Note              string         `json:"note,omitempty"` // private
	CreatedAt         time.Time      `json:"created_at"`
}

// DaysOpen returns how many days the question has waited by today, or -1 when
// the day it was asked is unknown.
func (q *Question) DaysOpen(today Date) int {
	if !q.AskedOn.Known() || !today.Known() {
		return -1
	}
	return q.AskedOn.DaysUntil(today)
}

// QuestionService stores questions.
type QuestionService interface {
	// AddQuestion inserts q and sets ID; the same source and span is stored once.
	AddQuestion(ctx context.Context, q *Question) error
	// Questions lists the case's questions by the day asked.
	Questions(ctx context.Context, caseID int64) ([]*Question, error)
}
