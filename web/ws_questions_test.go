package web

import (
	"context"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

// The questions page shows who answered a question and with which words,
// reading only the answering statement.
func TestWorkspaceQuestionsShowTheAnswer(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	qs, err := db.Questions(ctx, c.ID)
	if err != nil || len(qs) == 0 {
		t.Fatalf("demo has no question (%v)", err)
	}
	sts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
	if err != nil || len(sts) == 0 {
		t.Fatalf("demo has no confirmed statement (%v)", err)
	}
	var q *inquest.Question
	for _, x := range qs {
		if x.AnswerStatementID == 0 && x.Review != inquest.Rejected {
			q = x
			break
		}
	}
	if q == nil {
		t.Fatal("demo has no unanswered question")
	}
	answer := sts[0]
	if err := db.AnswerQuestion(ctx, q.ID, answer.ID, "tester"); err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "asker", inquest.RoleAnalyst)
	cl := newClient(t, NewServer(db, Options{}).Handler())
	cl.login("asker")
	rec := cl.do("GET", "/w/cases/january-events/questions", nil)
	body := html.UnescapeString(rec.Body.String())
	if rec.Code != 200 || !strings.Contains(body, "“"+answer.Text+"”") || !strings.Contains(body, "#ts-"+strconv.FormatInt(answer.ID, 10)) {
		t.Errorf("questions page (%d) does not show statement %d as the answer to question %d", rec.Code, answer.ID, q.ID)
	}
}
