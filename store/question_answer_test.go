package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestQuestionTriage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newAnalysisCase(t, db)
		q := &inquest.Question{CaseID: a.c.ID, Text: "Why wait for 2,000 CSTO peacekeepers?", AskerName: "Abildayev", AskedOn: "2022-03-14"}
		if err := db.AddQuestion(ctx, q); err != nil {
			t.Fatal(err)
		}
		stored := func() *inquest.Question {
			qs, err := db.Questions(ctx, a.c.ID)
			if err != nil || len(qs) != 1 {
				t.Fatalf("questions: %v, %v", qs, err)
			}
			return qs[0]
		}
		if err := db.AnswerQuestion(ctx, q.ID, a.st[1].ID, "dana"); err != nil {
			t.Fatal(err)
		}
		if got := stored(); got.Status != inquest.Answered || got.AnswerStatementID != a.st[1].ID {
			t.Errorf("after answering: status %s, answer %d; want answered by statement %d", got.Status, got.AnswerStatementID, a.st[1].ID)
		}
		if err := db.SetQuestionStatus(ctx, q.ID, inquest.Evaded, "aigerim", "talked about something else"); err != nil {
			t.Fatal(err)
		}
		if got := stored(); got.Status != inquest.Evaded || got.AnswerStatementID != 0 || got.Note != "talked about something else" {
			t.Errorf("after marking evaded: %+v", got)
		}
		log, err := db.AuditLog(ctx, "question", q.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 2 || log[0].Actor != "dana" || log[1].Actor != "aigerim" || !strings.Contains(log[1].Before, `"answered"`) ||
			!strings.Contains(log[1].After, `"evaded"`) {
			t.Errorf("audit of the question: %+v", log)
		}

		other := storetest.NewCase(t, db, "other")
		src := storetest.NewSource(t, db, other.ID, "https://example.org/other", "o", "Other words.")
		foreign := &inquest.Statement{CaseID: other.ID, SourceID: src.ID, Text: "Other words.", End: 12, Review: inquest.Suggested}
		if err := db.AddStatement(ctx, foreign); err != nil {
			t.Fatal(err)
		}
		refused := []struct {
			name string
			err  error
			code string
		}{
			{"no such question", db.AnswerQuestion(ctx, 9999, a.st[1].ID, "dana"), inquest.ENOTFOUND},
			{"no such statement", db.AnswerQuestion(ctx, q.ID, 9999, "dana"), inquest.ENOTFOUND},
			{"another case's statement", db.AnswerQuestion(ctx, q.ID, foreign.ID, "dana"), inquest.EINVALID},
			{"nobody decides", db.AnswerQuestion(ctx, q.ID, a.st[1].ID, ""), inquest.EINVALID},
			{"answered without an answer", db.SetQuestionStatus(ctx, q.ID, inquest.Answered, "dana", ""), inquest.EINVALID},
			{"unknown status", db.SetQuestionStatus(ctx, q.ID, "pending", "dana", ""), inquest.EINVALID},
			{"status of no question", db.SetQuestionStatus(ctx, 9999, inquest.Open, "dana", ""), inquest.ENOTFOUND},
		}
		for _, tt := range refused {
			if got := inquest.ErrorCode(tt.err); got != tt.code {
				t.Errorf("%s: %v (code %q), want %q", tt.name, tt.err, got, tt.code)
			}
		}
		if got := stored(); got.Status != inquest.Evaded {
			t.Errorf("refused changes moved the question to %s", got.Status)
		}
	})
}
