package analysis

import (
	"cmp"
	"slices"

	"github.com/inquest-project/inquest"
)

// OpenQuestion is a question still waiting for an answer, with the days it
// has waited by the day the analysis was asked about.
type OpenQuestion struct {
	Question *inquest.Question
	Status   inquest.QuestionStatus
	// DaysOpen is the days since it was asked, -1 when that day is unknown.
	DaysOpen int
}

// StatusOf returns where a question stands: answered once an answering
// statement is linked, whatever its recorded status; open when no status is
// recorded.
func StatusOf(q *inquest.Question) inquest.QuestionStatus {
	switch {
	case q.AnswerStatementID != 0:
		return inquest.Answered
	case q.Status == "":
		return inquest.Open
	}
	return q.Status
}

// OpenQuestions returns the questions still unanswered on day today: open
// ones and evaded ones (an evasion is no answer, and the days keep counting),
// longest waiting first. Refused and answered questions, and rejected
// suggestions, are left out. today is passed in, never read from a clock, so
// the same record gives the same answer on the same day everywhere.
func OpenQuestions(qs []*inquest.Question, today inquest.Date) []OpenQuestion {
	var out []OpenQuestion
	for _, q := range qs {
		if q.Review == inquest.Rejected {
			continue
		}
		st := StatusOf(q)
		if st != inquest.Open && st != inquest.Evaded {
			continue
		}
		out = append(out, OpenQuestion{Question: q, Status: st, DaysOpen: q.DaysOpen(today)})
	}
	slices.SortFunc(out, func(a, b OpenQuestion) int {
		return cmp.Or(cmp.Compare(b.DaysOpen, a.DaysOpen), cmp.Compare(a.Question.ID, b.Question.ID))
	})
	return out
}
