package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// fixture is a case with a source, a person and a claim.
type fixture struct {
	c      *inquest.Case
	source *inquest.Source
	person *inquest.Person
	claim  *inquest.Claim
}

func newFixture(t *testing.T, db *store.DB) fixture {
	t.Helper()
	ctx := context.Background()
	f := fixture{c: storetest.NewCase(t, db, "january-events")}
	f.source = storetest.NewSource(t, db, f.c.ID, "https://example.org/majilis",
		"<p>Asylov: They were not there.</p>", "Asylov told the Majilis: “They were not there.”")
	f.person = &inquest.Person{Slug: "asylov", Name: "Berik Asylov"}
	if err := db.UpsertPerson(ctx, f.person); err != nil {
		t.Fatal(err)
	}
	f.claim = &inquest.Claim{CaseID: f.c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part"}
	if err := db.UpsertClaim(ctx, f.claim); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f fixture) statement(start int, text string) *inquest.Statement {
	return &inquest.Statement{CaseID: f.c.ID, SourceID: f.source.ID, PersonID: f.person.ID, SpeakerName: "Asylov",
		SpeakerRole: "Prosecutor General", Text: text, Start: start, End: start + len([]rune(text)), SaidOn: "2022-03-14",
		Venue: "Majilis", Language: "en", Confidence: 0.9, Translations: map[string]string{"ru": "Их там не было."}}
}

func TestStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		s := f.statement(26, "They were not there.")
		if err := db.AddStatement(ctx, s); err != nil {
			t.Fatal(err)
		}
		if s.ID == 0 || s.Origin != inquest.Extracted || s.Review != inquest.Suggested {
			t.Errorf("added: %+v", s)
		}
		got, err := db.Statement(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if canon(t, got) != canon(t, s) {
			t.Errorf("Statement:\n got %s\nwant %s", canon(t, got), canon(t, s))
		}

		// The same span again (a re-ingest) returns the stored statement.
		dup := f.statement(26, "They were not there.")
		dup.Confidence = 0.5
		if err := db.AddStatement(ctx, dup); err != nil {
			t.Fatal(err)
		}
		if dup.ID != s.ID || dup.Confidence != 0.9 || dup.Translations["ru"] == "" {
			t.Errorf("same span: %+v, want the stored statement %d", dup, s.ID)
		}
		other := f.statement(0, "Asylov")
		other.PersonID, other.Translations = 0, nil
		if err := db.AddStatement(ctx, other); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, "statements"); n != 2 {
			t.Errorf("statements = %d, want 2", n)
		}

		list, err := db.Statements(ctx, inquest.StatementFilter{CaseID: f.c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].ID != other.ID || list[1].ID != s.ID || list[1].Translations["ru"] == "" {
			t.Errorf("Statements by start = %s", canon(t, list))
		}
		byPerson, _ := db.Statements(ctx, inquest.StatementFilter{PersonID: f.person.ID})
		if len(byPerson) != 1 || byPerson[0].ID != s.ID {
			t.Errorf("by person: %d statements", len(byPerson))
		}

		if err := db.SetStatementReview(ctx, s.ID, inquest.Confirmed, "aigerim"); err != nil {
			t.Fatal(err)
		}
		confirmed, _ := db.Statements(ctx, inquest.StatementFilter{Review: inquest.Confirmed})
		if len(confirmed) != 1 || confirmed[0].ID != s.ID {
			t.Errorf("confirmed statements = %d", len(confirmed))
		}
		log, _ := db.AuditLog(ctx, "statement", s.ID, 0)
		if len(log) != 1 || log[0].Actor != "aigerim" || log[0].Action != "statement.review" {
			t.Errorf("audit of the review = %+v", log)
		}
		wantCode(t, db.SetStatementReview(ctx, 9999, inquest.Confirmed, "x"), inquest.ENOTFOUND)
		wantCode(t, db.SetStatementReview(ctx, s.ID, "maybe", "x"), inquest.EINVALID)
		_, err = db.Statement(ctx, 9999)
		wantCode(t, err, inquest.ENOTFOUND)

		// A statement filed under another case than its source's is refused.
		c2 := storetest.NewCase(t, db, "c2")
		bad := f.statement(1, "x")
		bad.CaseID = c2.ID
		wantCode(t, db.AddStatement(ctx, bad), inquest.EINVALID)
		bad = f.statement(5, "x")
		bad.End = 2
		wantCode(t, db.AddStatement(ctx, bad), inquest.EINVALID)
	})
}

func TestStances(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		s := f.statement(26, "They were not there.")
		if err := db.AddStatement(ctx, s); err != nil {
			t.Fatal(err)
		}
		st := &inquest.Stance{StatementID: s.ID, ClaimID: f.claim.ID, Stance: inquest.Supports, Confidence: 0.4}
		if err := db.AddStance(ctx, st); err != nil {
			t.Fatal(err)
		}
		// A new suggestion replaces the old one while nobody has decided.
		st2 := &inquest.Stance{StatementID: s.ID, ClaimID: f.claim.ID, Stance: inquest.Denies, Confidence: 0.8}
		if err := db.AddStance(ctx, st2); err != nil {
			t.Fatal(err)
		}
		if st2.ID != st.ID {
			t.Errorf("second suggestion got id %d, want %d", st2.ID, st.ID)
		}
		// The analyst decides.
		decided := &inquest.Stance{StatementID: s.ID, ClaimID: f.claim.ID, Stance: inquest.Denies, Review: inquest.Confirmed,
			Confidence: 1, Note: "explicit denial"}
		if err := db.AddStance(store.WithActor(ctx, "aigerim"), decided); err != nil {
			t.Fatal(err)
		}
		if decided.DecidedBy != "aigerim" || decided.DecidedAt.IsZero() {
			t.Errorf("decision: %+v", decided)
		}
		// A later suggestion does not overturn the decision.
		late := &inquest.Stance{StatementID: s.ID, ClaimID: f.claim.ID, Stance: inquest.Supports, Confidence: 0.9}
		if err := db.AddStance(ctx, late); err != nil {
			t.Fatal(err)
		}
		if late.Stance != inquest.Denies || late.Review != inquest.Confirmed {
			t.Errorf("suggestion after a decision: %+v, want the decision", late)
		}
		list, err := db.Stances(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Stance != inquest.Denies || list[0].Review != inquest.Confirmed || list[0].Note != "explicit denial" ||
			list[0].DecidedBy != "aigerim" || !list[0].DecidedAt.Equal(decided.DecidedAt) {
			t.Errorf("Stances = %s", canon(t, list))
		}
		log, _ := db.AuditLog(ctx, "stance", st.ID, 0)
		var actions []string
		for _, e := range log {
			actions = append(actions, e.Actor+" "+e.Action)
		}
		if got, want := fmt.Sprint(actions), "[system stance.add system stance.update aigerim stance.update]"; got != want {
			t.Errorf("stance audit = %s, want %s", got, want)
		}
		wantCode(t, db.AddStance(ctx, &inquest.Stance{StatementID: s.ID, ClaimID: f.claim.ID, Stance: "agrees"}), inquest.EINVALID)
		wantCode(t, db.AddStance(ctx, &inquest.Stance{StatementID: 999, ClaimID: f.claim.ID, Stance: inquest.Supports}), inquest.EINVALID)
	})
}

func TestFigures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		figs := []*inquest.Figure{
			{CaseID: f.c.ID, SourceID: f.source.ID, Measure: "deaths", Text: "238 people died", Value: 238, AsOf: "2022-08-15", Start: 40, End: 55},
			{CaseID: f.c.ID, SourceID: f.source.ID, Measure: "deaths", Text: "164 dead", Value: 164, AsOf: "2022-01-10", Start: 10, End: 18,
				ClaimantID: f.person.ID, ClaimantName: "Asylov"},
			{CaseID: f.c.ID, SourceID: f.source.ID, Measure: "detainees", Text: "more than 10,000 detained", Value: 10000,
				Qualifier: "more than", Start: 60, End: 85},
			{CaseID: f.c.ID, SourceID: f.source.ID, Measure: "troops", Text: "2,000 to 2,500 troops", Value: 2000, ValueMax: 2500,
				AsOf: "2022-01-06", Start: 90, End: 110, Confidence: 0.7},
		}
		for _, fig := range figs {
			if err := db.AddFigure(ctx, fig); err != nil {
				t.Fatal(err)
			}
		}
		dup := *figs[0]
		dup.ID, dup.Value = 0, 1
		if err := db.AddFigure(ctx, &dup); err != nil {
			t.Fatal(err)
		}
		if dup.ID != figs[0].ID || dup.Value != 238 {
			t.Errorf("same span: %+v, want the stored figure", dup)
		}
		got, err := db.Figures(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []*inquest.Figure{figs[3], figs[1], figs[0], figs[2]} // by as-of, unknown last
		if canon(t, got) != canon(t, want) {
			t.Errorf("Figures:\n got %s\nwant %s", canon(t, got), canon(t, want))
		}
		wantCode(t, db.AddFigure(ctx, &inquest.Figure{CaseID: f.c.ID, SourceID: f.source.ID, Text: "x", Value: 5, ValueMax: 2}), inquest.EINVALID)
		wantCode(t, db.AddFigure(ctx, &inquest.Figure{CaseID: f.c.ID, SourceID: 999, Text: "x"}), inquest.EINVALID)
	})
}

func TestQuestions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		qs := []*inquest.Question{
			{CaseID: f.c.ID, SourceID: f.source.ID, Text: "Who gave the order to shoot?", AskerName: "an MP", AddresseeID: f.person.ID,
				AskedOn: "2022-03-14", Venue: "Majilis", Start: 5, End: 30},
			{CaseID: f.c.ID, Text: "Where are the bodies?", AskerName: "relatives", AskedOn: "2022-01-20"},
			{CaseID: f.c.ID, Text: "Where are the bodies?", AskerName: "relatives"},
		}
		for _, q := range qs {
			if err := db.AddQuestion(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		dup := *qs[0]
		dup.ID, dup.Venue = 0, "elsewhere"
		if err := db.AddQuestion(ctx, &dup); err != nil {
			t.Fatal(err)
		}
		if dup.ID != qs[0].ID || dup.Venue != "Majilis" {
			t.Errorf("same span: %+v", dup)
		}
		got, err := db.Questions(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := []*inquest.Question{qs[1], qs[0], qs[2]}; canon(t, got) != canon(t, want) {
			t.Errorf("Questions:\n got %s\nwant %s", canon(t, got), canon(t, want))
		}
		if got[0].Status != inquest.Open || got[0].DaysOpen("2022-03-01") != 40 {
			t.Errorf("status %s, days open %d", got[0].Status, got[0].DaysOpen("2022-03-01"))
		}
		wantCode(t, db.AddQuestion(ctx, &inquest.Question{CaseID: f.c.ID, Text: "x", Status: "pending"}), inquest.EINVALID)
	})
}

func TestEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		s2 := storetest.NewSource(t, db, f.c.ID, "b", "b", "b")
		evs := []*inquest.Event{
			{CaseID: f.c.ID, On: "2022-01-05", Title: "Shoot without warning order", SourceIDs: []int64{s2.ID, f.source.ID}},
			{CaseID: f.c.ID, Title: "Undated"},
			{CaseID: f.c.ID, On: "2022-01-02", Title: "Protests in Zhanaozen", Description: "Fuel prices", Private: true},
		}
		for _, e := range evs {
			if err := db.AddEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Events(ctx, f.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		evs[0].SourceIDs = []int64{f.source.ID, s2.ID} // stored in id order
		if want := []*inquest.Event{evs[2], evs[0], evs[1]}; canon(t, got) != canon(t, want) {
			t.Errorf("Events:\n got %s\nwant %s", canon(t, got), canon(t, want))
		}
		wantCode(t, db.AddEvent(ctx, &inquest.Event{CaseID: f.c.ID, Title: "x", SourceIDs: []int64{999}}), inquest.EINVALID)
		if n := count(t, db, "events"); n != 3 {
			t.Errorf("events = %d after a refused add, want 3", n)
		}
	})
}
