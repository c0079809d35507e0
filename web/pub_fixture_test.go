package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
)

// pubMarker fills every private field of the public-site fixture; no public
// output may contain it.
const pubMarker = "PUBSECRET-9c1e"

// publicSite is the demo case with what a reader must see (published
// chapters, confirmed contradictions, a figure series, questions) and, beside
// it, private material of every kind, each carrying pubMarker.
type publicSite struct {
	db        *store.DB
	c         *inquest.Case
	chapters  []*inquest.Chapter
	confirmed int // contradictions confirmed
}

func newPublicSite(t testing.TB, db *store.DB) *publicSite {
	t.Helper()
	ctx := context.Background()
	res, err := demo.Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	ps := &publicSite{db: db, c: res.Case}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Contradictions: derive them, confirm all but one, which stays a suggestion with a note.
	fd, err := casework.New(db).Analyse(ctx, ps.c, inquest.DateOf(time.Now()))
	must(err)
	for i, k := range fd.Contradictions {
		if i == len(fd.Contradictions)-1 && i > 0 {
			must(db.SetContradictionStatus(ctx, k.ID, inquest.ContradictionSuggested, "unconfirmed "+pubMarker, "dana"))
			continue
		}
		must(db.SetContradictionStatus(ctx, k.ID, inquest.ContradictionConfirmed, "note "+pubMarker, "dana"))
		ps.confirmed++
	}

	// A public source with a figure series and a question.
	text := "On 10 January the ministry said 164 people died. On 15 January the prosecutor said 225 people died. " +
		"Later the count was 238 people. An MP asked: why were 2,000 CSTO troops needed?"
	src := addSource(t, db, &inquest.Source{CaseID: ps.c.ID, Locator: "pub-figures.txt", Title: "Death toll revisions",
		Language: "en", Published: "2022-08-01", ContentType: "text/plain; charset=utf-8", Text: text}, text)
	deaths := &inquest.Measure{CaseID: ps.c.ID, Slug: "deaths", Name: "Deaths"}
	must(db.UpsertMeasure(ctx, deaths))
	for _, f := range []struct {
		v    float64
		on   inquest.Date
		who  string
		frag string
	}{{164, "2022-01-10", "Ministry of Health", "164 people died"}, {225, "2022-01-15", "Prosecutor General's Office", "225 people died"}, {238, "2022-08-01", "Prosecutor General's Office", "238 people"}} {
		s, e := runeSpan(text, f.frag)
		must(db.AddFigure(ctx, &inquest.Figure{CaseID: ps.c.ID, SourceID: src.ID, MeasureID: deaths.ID, Measure: "deaths", Text: f.frag,
			Value: f.v, AsOf: f.on, ClaimantName: f.who, Start: s, End: e, Review: inquest.Confirmed, Confidence: 1}))
	}
	s, e := runeSpan(text, "why were 2,000 CSTO troops needed?")
	must(db.AddQuestion(ctx, &inquest.Question{CaseID: ps.c.ID, SourceID: src.ID, Text: "Why were 2,000 CSTO troops needed?", AskerName: "An MP",
		AddresseeName: "The government", AskedOn: "2022-01-20", Status: inquest.Open, Start: s, End: e, Review: inquest.Confirmed, Note: "q note " + pubMarker}))

	// Private material of every kind.
	privText := "A witness " + pubMarker + " said: “I saw " + pubMarker + ".”"
	priv := addSource(t, db, &inquest.Source{CaseID: ps.c.ID, Locator: "private-witness.txt", Title: "Witness " + pubMarker,
		Publisher: pubMarker, Language: "en", Private: true, Text: privText}, privText)
	s, e = runeSpan(privText, "I saw "+pubMarker+".")
	must(db.AddStatement(ctx, &inquest.Statement{CaseID: ps.c.ID, SourceID: priv.ID, SpeakerName: "Witness " + pubMarker, Text: "I saw " + pubMarker + ".",
		Start: s, End: e, Origin: inquest.Entered, Review: inquest.Confirmed}))
	must(db.AddFigure(ctx, &inquest.Figure{CaseID: ps.c.ID, SourceID: priv.ID, MeasureID: deaths.ID, Text: pubMarker, Value: 999,
		AsOf: "2022-01-11", ClaimantName: pubMarker, Review: inquest.Confirmed}))
	// A protected person speaking in a public source, and a suggested statement.
	protected := &inquest.Person{Slug: "protected-witness", Kind: inquest.ActorPerson, Name: "Name " + pubMarker, Private: true, Note: pubMarker,
		Aliases: []string{pubMarker}, Positions: []inquest.Position{{Title: "Officer " + pubMarker}}}
	must(db.UpsertPerson(ctx, protected))
	public := &inquest.Person{Slug: "tokayev"}
	if p, err := db.PersonBySlug(ctx, "tokayev"); err == nil {
		public = p
	}
	p2text := "The officer said: “We were ordered to shoot.” Someone said: “Draft words.”"
	p2 := addSource(t, db, &inquest.Source{CaseID: ps.c.ID, Locator: "public-with-protected.txt", Title: "Testimony in court",
		Language: "en", Published: "2022-09-01", Text: p2text}, p2text)
	s, e = runeSpan(p2text, "We were ordered to shoot.")
	protectedSt := &inquest.Statement{CaseID: ps.c.ID, SourceID: p2.ID, PersonID: protected.ID, SpeakerName: "Name " + pubMarker,
		SpeakerRole: "Officer " + pubMarker, Text: "We were ordered to shoot.", Start: s, End: e, SaidOn: "2022-09-01",
		Origin: inquest.Entered, Review: inquest.Confirmed, Note: "statement note " + pubMarker}
	must(db.AddStatement(ctx, protectedSt))
	s, e = runeSpan(p2text, "Draft words.")
	must(db.AddStatement(ctx, &inquest.Statement{CaseID: ps.c.ID, SourceID: p2.ID, PersonID: public.ID, SpeakerName: "Someone " + pubMarker,
		Text: "Draft words.", Start: s, End: e, Origin: inquest.Extracted, Review: inquest.Suggested, Note: pubMarker}))
	must(db.AddFigure(ctx, &inquest.Figure{CaseID: ps.c.ID, SourceID: p2.ID, Text: "suggested " + pubMarker, Value: 5,
		Measure: "deaths", Review: inquest.Suggested}))
	must(db.AddQuestion(ctx, &inquest.Question{CaseID: ps.c.ID, SourceID: p2.ID, Text: "Suggested question " + pubMarker, AskedOn: "2022-01-02",
		Review: inquest.Suggested}))
	// A private claim with a confirmed stance of a public statement.
	privClaim := &inquest.Claim{CaseID: ps.c.ID, Slug: "private-claim", Text: "Claim " + pubMarker, Private: true}
	must(db.UpsertClaim(ctx, privClaim))
	must(db.AddStance(ctx, &inquest.Stance{StatementID: protectedSt.ID, ClaimID: privClaim.ID, Stance: inquest.Supports, Review: inquest.Confirmed, Note: pubMarker}))
	claims, err := db.Claims(ctx, ps.c.ID)
	must(err)
	must(db.AddStance(ctx, &inquest.Stance{StatementID: protectedSt.ID, ClaimID: claims[0].ID, Stance: inquest.Supports, Review: inquest.Confirmed, Note: "stance note " + pubMarker}))
	must(db.AddEvent(ctx, &inquest.Event{CaseID: ps.c.ID, On: "2022-01-05", Title: "Secret meeting " + pubMarker, Private: true, SourceIDs: []int64{priv.ID}}))
	must(db.AddEvent(ctx, &inquest.Event{CaseID: ps.c.ID, On: "2022-01-05", Title: "State of emergency declared", SourceIDs: []int64{src.ID, priv.ID}}))
	// A private case.
	must(db.CreateCase(ctx, &inquest.Case{Slug: "hidden-case", Title: "Hidden " + pubMarker, Background: pubMarker}))

	// Chapters: two published (the second cites a private statement and has an
	// unpublished edit), one draft.
	sts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: ps.c.ID, Review: inquest.Confirmed})
	must(err)
	allFigs, err := db.Figures(ctx, ps.c.ID)
	must(err)
	allQs, err := db.Questions(ctx, ps.c.ID)
	must(err)
	var figs []*inquest.Figure
	for _, f := range allFigs {
		if f.SourceID == src.ID {
			figs = append(figs, f)
		}
	}
	var qs []*inquest.Question
	for _, q := range allQs {
		if q.SourceID == src.ID {
			qs = append(qs, q)
		}
	}
	var privSt int64
	for _, st := range sts {
		if st.SourceID == priv.ID {
			privSt = st.ID
		}
	}
	one := &inquest.Chapter{CaseID: ps.c.ID, Slug: "who-was-there", Title: "Who was there",
		Body: "The President spoke of terrorists [@s" + itoa(sts[0].ID) + "]; the claim [@claim:foreign-terrorists] was denied later.\n\n" +
			"The toll rose [@f" + itoa(figs[0].ID) + "]. A question waits [@q" + itoa(qs[0].ID) + "]."}
	two := &inquest.Chapter{CaseID: ps.c.ID, Slug: "the-toll", Title: "The toll", Body: "A witness [@s" + itoa(privSt) + "] and [@claim:private-claim]."}
	draft := &inquest.Chapter{CaseID: ps.c.ID, Slug: "draft", Title: "Draft " + pubMarker, Body: pubMarker}
	for _, ch := range []*inquest.Chapter{one, two, draft} {
		must(db.CreateChapter(ctx, ch, "dana"))
	}
	for _, ch := range []*inquest.Chapter{one, two} {
		_, err := db.PublishChapter(ctx, ch.ID, "editor")
		must(err)
	}
	// The first chapter gets a second published version: its history is public.
	v2 := *one
	v2.Body = one.Body + "\n\nA second version adds this sentence."
	must(db.UpdateChapter(ctx, &v2, "dana"))
	_, err = db.PublishChapter(ctx, one.ID, "editor")
	must(err)
	edit := *two
	edit.Title, edit.Body = "Edited "+pubMarker, "Unpublished edit "+pubMarker
	must(db.UpdateChapter(ctx, &edit, "dana"))
	ps.chapters = []*inquest.Chapter{one, two}
	return ps
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func runeSpan(text, frag string) (int, int) {
	i := strings.Index(text, frag)
	if i < 0 {
		panic("fixture: " + frag + " not in text")
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(frag))
}

func addSource(t testing.TB, db *store.DB, s *inquest.Source, original string) *inquest.Source {
	t.Helper()
	s.TextSHA256 = inquest.SHA256Hex([]byte(s.Text))
	s.SHA256 = inquest.SHA256Hex([]byte(original))
	s.RetrievedAt = time.Date(2022, 10, 1, 10, 0, 0, 0, time.UTC)
	if s.ContentType == "" {
		s.ContentType = "text/plain; charset=utf-8"
	}
	stored, _, err := db.AddSource(context.Background(), s, []byte(original))
	if err != nil {
		t.Fatalf("add source %s: %v", s.Locator, err)
	}
	return stored
}
