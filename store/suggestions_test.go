package store_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

const suggestionsText = "Asylov told the Majilis: “They were not there.” Eight people died. Who gave the order?"

// newSuggested returns a source for the case and suggestions in its text:
// one statement (with a stance on claim), a figure inside it and one outside,
// and a question.
func newSuggested(caseID, claimID int64, engine string) (*inquest.Source, inquest.Suggestions) {
	src := &inquest.Source{CaseID: caseID, Locator: "file:majilis.txt", FileName: "majilis.txt", Title: "Majilis",
		Kind: inquest.KindNews, Language: "en", Text: suggestionsText, RetrievedAt: time.Date(2022, 3, 15, 10, 0, 0, 0, time.UTC)}
	sug := inquest.Suggestions{
		Engine: engine,
		Statements: []*inquest.Statement{{SpeakerName: "Asylov", Text: "They were not there.", Start: runeAt("They"), End: runeAt("They") + 20,
			SaidOn: "2022-03-14", Language: "en", Confidence: 0.9}},
		Stances: []inquest.SuggestedStance{{Statement: 0, ClaimID: claimID, Stance: inquest.Denies, Confidence: 0.8}},
		Figures: []inquest.SuggestedFigure{
			{Statement: inquest.NoStatement, Figure: &inquest.Figure{Measure: "deaths", Text: "Eight people died", Value: 8, Start: runeAt("Eight"), End: runeAt("Eight") + 17}},
		},
		Questions: []inquest.SuggestedQuestion{
			{Statement: inquest.NoStatement, Question: &inquest.Question{Text: "Who gave the order?", Start: runeAt("Who"), End: runeAt("Who") + 19}},
		},
	}
	return src, sug
}

// runeAt returns where sub starts in suggestionsText, in code points.
func runeAt(sub string) int {
	return utf8.RuneCountInString(suggestionsText[:strings.Index(suggestionsText, sub)])
}

func newClaim(t *testing.T, db *store.DB, caseID int64) *inquest.Claim {
	t.Helper()
	cl := &inquest.Claim{CaseID: caseID, Slug: "foreign-terrorists", Texts: map[string]string{"en": "Foreign terrorists took part."}}
	if err := db.UpsertClaim(context.Background(), cl); err != nil {
		t.Fatal(err)
	}
	return cl
}

// counts is what a source's suggestions amount to in the record.
type counts struct{ sources, statements, stances, figures, questions, audit int64 }

func countAll(t *testing.T, db *store.DB) counts {
	t.Helper()
	var c counts
	err := db.RawQueryRow(context.Background(), `SELECT (SELECT COUNT(*) FROM sources), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(*) FROM stances), (SELECT COUNT(*) FROM figures), (SELECT COUNT(*) FROM questions),
		(SELECT COUNT(*) FROM audit_log)`).Scan(&c.sources, &c.statements, &c.stances, &c.figures, &c.questions, &c.audit)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAddSourceWithSuggestions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		cl := newClaim(t, db, c.ID)
		before := countAll(t, db)
		src, sug := newSuggested(c.ID, cl.ID, "test-engine/1")
		stored, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), sug)
		if err != nil || !created || stored.ID == 0 || stored.Version != 1 {
			t.Fatalf("AddSourceWithSuggestions = %+v, %v, %v", stored, created, err)
		}
		got := countAll(t, db)
		// One audit entry for the source and one for the stance, as AddSource
		// and AddStance write.
		want := counts{before.sources + 1, before.statements + 1, before.stances + 1, before.figures + 1, before.questions + 1, before.audit + 2}
		if got != want {
			t.Errorf("after storing: %+v, want %+v", got, want)
		}
		stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: stored.ID})
		if err != nil || len(stmts) != 1 || stmts[0].Text != "They were not there." || stmts[0].Review != inquest.Suggested || stmts[0].Origin != inquest.Extracted {
			t.Fatalf("statements = %+v, %v", stmts, err)
		}
		stances, err := db.Stances(ctx, c.ID)
		if err != nil || len(stances) != 1 || stances[0].StatementID != stmts[0].ID || stances[0].Stance != inquest.Denies {
			t.Errorf("stances = %+v, %v; want statement %d denies", stances, err, stmts[0].ID)
		}
		held, extracted, err := db.HeldSource(ctx, c.ID, stored.SHA256)
		if err != nil || held == nil || held.ID != stored.ID || held.Text != suggestionsText || !extracted {
			t.Errorf("HeldSource = %+v, %v, %v; want source %d, extracted", held, extracted, err, stored.ID)
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("VerifyAudit = %d, %v", id, err)
		}

		// The same bytes again: the source is returned, nothing is written.
		src2, sug2 := newSuggested(c.ID, cl.ID, "test-engine/2")
		again, created, err := db.AddSourceWithSuggestions(ctx, src2, []byte("original bytes"), sug2)
		if err != nil || created || again.ID != stored.ID {
			t.Errorf("again = %+v, %v, %v; want source %d unchanged", again, created, err, stored.ID)
		}
		if c2 := countAll(t, db); c2 != got {
			t.Errorf("after storing the same bytes again: %+v, want %+v", c2, got)
		}
	})
}

// A failure while storing the suggestions stores nothing: not the source,
// nor its archived bytes' row, nor an audit entry; the same document then
// goes in whole.
func TestAddSourceWithSuggestionsRollsBackSource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		cl := newClaim(t, db, c.ID)
		before := countAll(t, db)
		tests := []struct {
			name  string
			spoil func(*inquest.Suggestions)
			want  string
		}{
			{"statement span outside the text", func(s *inquest.Suggestions) { s.Statements[0].End = 500 }, "outside the text"},
			{"question span outside the text", func(s *inquest.Suggestions) {
				s.Questions[0].Question.End = utf8.RuneCountInString(suggestionsText) + 1
			}, "outside the text"},
			{"stance on a claim that does not exist", func(s *inquest.Suggestions) { s.Stances[0].ClaimID = cl.ID + 1000 }, "does not exist"},
			{"figure of a statement not suggested", func(s *inquest.Suggestions) { s.Figures[0].Statement = 3 }, "statement 3 of 1"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				src, sug := newSuggested(c.ID, cl.ID, "test-engine/1")
				tt.spoil(&sug)
				stored, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), sug)
				if err == nil || stored != nil || created {
					t.Fatalf("AddSourceWithSuggestions = %+v, %v, %v; want an error", stored, created, err)
				}
				if inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v (%s), want EINVALID saying %q", err, inquest.ErrorCode(err), tt.want)
				}
				if got := countAll(t, db); got != before {
					t.Errorf("after the failure: %+v, want nothing stored: %+v", got, before)
				}
				if held, _, err := db.HeldSource(ctx, c.ID, inquest.SHA256Hex([]byte("original bytes"))); held != nil || err != nil {
					t.Errorf("HeldSource after the failure = %+v, %v; want none", held, err)
				}
			})
		}
		src, sug := newSuggested(c.ID, cl.ID, "test-engine/1")
		if _, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), sug); err != nil || !created {
			t.Errorf("the same document after the failures: created %v, %v; want it stored as new", created, err)
		}
	})
}

// A source stored without an extraction recorded (by an older version, or
// without an engine) gets its suggestions when its bytes come again; a
// suggestion stored for it before is kept, not duplicated.
func TestAddSourceWithSuggestionsExtractsHeldSource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		cl := newClaim(t, db, c.ID)
		old := storetest.NewSource(t, db, c.ID, "file:majilis.txt", "original bytes", suggestionsText)
		confirmed := &inquest.Statement{CaseID: c.ID, SourceID: old.ID, SpeakerName: "Asylov", Text: "They were not there.", Start: runeAt("They"), End: runeAt("They") + 20, Review: inquest.Confirmed}
		if err := db.AddStatement(ctx, confirmed); err != nil {
			t.Fatal(err)
		}
		if _, extracted, err := db.HeldSource(ctx, c.ID, old.SHA256); extracted || err != nil {
			t.Fatalf("a source stored by AddSource has an extraction recorded (%v)", err)
		}
		// Without an engine nothing changes.
		src, _ := newSuggested(c.ID, cl.ID, "")
		before := countAll(t, db)
		if got, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), inquest.Suggestions{}); err != nil || created || got.ID != old.ID {
			t.Fatalf("without an engine: %+v, %v, %v", got, created, err)
		}
		if got := countAll(t, db); got != before {
			t.Errorf("without an engine: %+v, want %+v", got, before)
		}

		src, sug := newSuggested(c.ID, cl.ID, "test-engine/1")
		got, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), sug)
		if err != nil || created || got.ID != old.ID {
			t.Fatalf("held source: %+v, %v, %v; want source %d, not created", got, created, err, old.ID)
		}
		after := countAll(t, db)
		want := counts{before.sources, before.statements, before.stances + 1, before.figures + 1, before.questions + 1, before.audit + 1}
		if after != want {
			t.Errorf("after extracting the held source: %+v, want %+v", after, want)
		}
		stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: old.ID})
		if err != nil || len(stmts) != 1 || stmts[0].ID != confirmed.ID || stmts[0].Review != inquest.Confirmed {
			t.Errorf("statements = %+v, %v; want the confirmed one, kept", stmts, err)
		}
		if _, extracted, err := db.HeldSource(ctx, c.ID, old.SHA256); !extracted || err != nil {
			t.Errorf("no extraction recorded after extracting (%v)", err)
		}
		// Once recorded, the source is not extracted again.
		src, sug = newSuggested(c.ID, cl.ID, "test-engine/2")
		if _, created, err := db.AddSourceWithSuggestions(ctx, src, []byte("original bytes"), sug); err != nil || created {
			t.Errorf("third time: created %v, %v", created, err)
		}
		if got := countAll(t, db); got != after {
			t.Errorf("third time: %+v, want %+v", got, after)
		}
	})
}
