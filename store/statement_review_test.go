package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// reviewFixture is a case with one source holding two suggested statements,
// a confirmed one, a suggested figure and a suggested question.
type reviewFixture struct {
	c        *inquest.Case
	src      *inquest.Source
	s1, s2   *inquest.Statement
	done     *inquest.Statement
	figure   *inquest.Figure
	question *inquest.Question
}

func newReviewFixture(t *testing.T, db *store.DB) *reviewFixture {
	t.Helper()
	ctx := context.Background()
	f := &reviewFixture{c: storetest.NewCase(t, db, "january-events")}
	text := "«Их там не было», — сказал Асылов. «Было 238 погибших», — сказал он. Депутат спросил: «Кто стрелял?»"
	src := &inquest.Source{CaseID: f.c.ID, Locator: "majilis", Title: "Majilis", Text: text,
		SHA256: inquest.SHA256Hex([]byte(text)), TextSHA256: inquest.SHA256Hex([]byte(text))}
	var err error
	if f.src, _, err = db.AddSource(ctx, src, []byte(text)); err != nil {
		t.Fatal(err)
	}
	add := func(start, end int, r inquest.Review) *inquest.Statement {
		s := &inquest.Statement{CaseID: f.c.ID, SourceID: f.src.ID, Text: string([]rune(text)[start:end]), Start: start, End: end, Review: r}
		if err := db.AddStatement(ctx, s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	f.s1, f.s2, f.done = add(1, 15, inquest.Suggested), add(37, 53, inquest.Suggested), add(85, 96, inquest.Confirmed)
	f.figure = &inquest.Figure{CaseID: f.c.ID, SourceID: f.src.ID, Text: "238 погибших", Value: 238, Start: 42, End: 54}
	if err := db.AddFigure(ctx, f.figure); err != nil {
		t.Fatal(err)
	}
	f.question = &inquest.Question{CaseID: f.c.ID, SourceID: f.src.ID, Text: "Кто стрелял?", Start: 85, End: 97}
	if err := db.AddQuestion(ctx, f.question); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestReviewCountsAndBulkConfirm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newReviewFixture(t, db)
		counts, err := db.ReviewCounts(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := inquest.SourceReviewCount{SourceID: f.src.ID, Statements: 2, Figures: 1, Questions: 1}
		if len(counts) != 1 || counts[0] != want {
			t.Fatalf("ReviewCounts = %+v, want [%+v]", counts, want)
		}
		n, err := db.ConfirmSourceSuggestions(ctx, f.src.ID, "ana")
		if err != nil || n != 2 {
			t.Fatalf("ConfirmSourceSuggestions = %d, %v; want 2 confirmed", n, err)
		}
		for _, id := range []int64{f.s1.ID, f.s2.ID} {
			if s, _ := db.Statement(ctx, id); s.Review != inquest.Confirmed {
				t.Errorf("statement %d is %s after bulk confirm, want confirmed", id, s.Review)
			}
		}
		log, err := db.AuditLog(ctx, "statement", f.s2.ID, 0)
		if err != nil || len(log) != 1 || log[0].Actor != "ana" || log[0].Action != "statement.review" {
			t.Errorf("audit of statement %d = %+v (%v), want one statement.review by ana", f.s2.ID, log, err)
		}
		if _, err := db.ConfirmSourceSuggestions(ctx, f.src.ID+100, "ana"); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("bulk confirm of a missing source: err = %v, want ENOTFOUND", err)
		}

		if err := db.SetFigureReview(ctx, f.figure.ID, inquest.Rejected, "ana"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetQuestionReview(ctx, f.question.ID, inquest.Confirmed, "ana"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetQuestionReview(ctx, f.question.ID, "maybe", "ana"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("review %q: err = %v, want EINVALID", "maybe", err)
		}
		if err := db.SetFigureReview(ctx, 9999, inquest.Confirmed, "ana"); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("review of a missing figure: err = %v, want ENOTFOUND", err)
		}
		counts, err = db.ReviewCounts(ctx, f.c.ID)
		if err != nil || len(counts) != 0 {
			t.Errorf("after every decision ReviewCounts = %+v (%v), want none", counts, err)
		}
		got, err := db.Figure(ctx, f.figure.ID)
		if err != nil || got.Review != inquest.Rejected {
			t.Errorf("figure after rejection: %+v (%v)", got, err)
		}
		if id, err := db.VerifyAudit(ctx); id != 0 || err != nil {
			t.Errorf("audit chain broken at %d (%v)", id, err)
		}
	})
}

func TestMergePeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newReviewFixture(t, db)
		asylov := &inquest.Person{Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"},
			Positions: []inquest.Position{{Title: "Prosecutor General", From: "2022-02-01"}}}
		dup := &inquest.Person{Slug: "asylov-b", Name: "B. Asylov", Names: map[string]string{"ru": "Б. Асылов", "kk": "Берік Асылов"},
			Aliases: []string{"генпрокурор Асылов"}, Positions: []inquest.Position{{Title: "Deputy Prosecutor General", To: "2022-01-31"}}}
		for _, p := range []*inquest.Person{asylov, dup} {
			if err := db.UpsertPerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		s := f.s1
		s.PersonID, s.SpeakerName = dup.ID, dup.Name
		if err := db.UpdateStatement(ctx, s, s.UpdatedAt); err != nil {
			t.Fatal(err)
		}
		if err := db.MergePeople(ctx, asylov.ID, asylov.ID, "ana"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("merging a person into itself: err = %v, want EINVALID", err)
		}
		if err := db.MergePeople(ctx, dup.ID, asylov.ID, "ana"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Person(ctx, dup.ID); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("the merged record is still there (%v)", err)
		}
		got, err := db.Person(ctx, asylov.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Names["ru"] != "Берик Асылов" || got.Names["kk"] != "Берік Асылов" {
			t.Errorf("names after the merge = %v, want ru kept and kk taken over", got.Names)
		}
		for _, a := range []string{"B. Asylov", "Б. Асылов", "генпрокурор Асылов"} {
			found := false
			for _, have := range got.Aliases {
				found = found || have == a
			}
			if !found {
				t.Errorf("aliases %v lack %q", got.Aliases, a)
			}
		}
		if len(got.Positions) != 2 {
			t.Errorf("positions after the merge = %+v, want both", got.Positions)
		}
		st, err := db.Statement(ctx, s.ID)
		if err != nil || st.PersonID != asylov.ID {
			t.Errorf("statement %d is by person %d after the merge (%v), want %d", s.ID, st.PersonID, err, asylov.ID)
		}
		log, err := db.AuditLog(ctx, "person", asylov.ID, 0)
		if err != nil || len(log) == 0 || log[len(log)-1].Action != "person.merge" || log[len(log)-1].Actor != "ana" {
			t.Errorf("audit of the merge = %+v (%v)", log, err)
		}
		// The merged names are found by search, the old record is not.
		hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: f.c.ID, Text: "Берік", Kinds: []string{"person"}, Workspace: true})
		if err != nil || len(hits) != 1 || hits[0].ID != asylov.ID {
			t.Errorf("search after the merge = %+v (%v), want only %s", hits, err, asylov.Slug)
		}
	})
}
