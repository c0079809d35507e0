package evidence

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
)

// marker is put into every private field of the fixture, so that a public
// export can be searched for it byte by byte.
const marker = "PRIVATE-7f3a9c"

// fixture is a demo-like case: sources in two languages (one with two
// versions, one binary, one private), people with positions (one private),
// claims, statements with spans, translations and notes, stances, figures,
// questions and events, with private material in every field that can hold
// it.
type fixture struct {
	c       *inquest.Case
	sources map[string]*inquest.Source // by short name
}

const (
	textNews1 = `On 7 January the President said: "Twenty thousand bandits and terrorists attacked Almaty." He added that the order to shoot without warning had been given.`
	textNews2 = `On 7 January the President said: "Twenty thousand bandits and terrorists attacked Almaty." Later he repeated it. 225 people died, the prosecutor said.`
	textRu    = `14 марта генпрокурор Асылов заявил в Мажилисе: «Их там не было». Он сказал, что погибли 238 человек; восемь из них — от пыток.`
	textPriv  = `Witness ` + marker + ` told us: "I saw them shooting at the square." Name withheld.`
)

// span returns the code-point span of quote in text.
func span(t *testing.T, text, quote string) (int, int) {
	t.Helper()
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q not in %q", quote, text)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(quote))
}

func buildFixture(t *testing.T, st inquest.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{sources: map[string]*inquest.Source{}}
	f.c = &inquest.Case{Slug: "january-events", Title: "January events", Background: "What happened in **January 2022**.",
		Languages: []string{"en", "ru"}, PeriodFrom: "2022-01-02", PeriodTo: "2022-12-31", Public: true}
	must(t, st.CreateCase(ctx, f.c))

	people := []*inquest.Person{
		{Slug: "tokayev", Name: "Kassym-Jomart Tokayev", Names: map[string]string{"ru": "Касым-Жомарт Токаев", "kk": "Қасым-Жомарт Тоқаев"},
			Aliases: []string{"Tokayev", "Токаев"}, Positions: []inquest.Position{{Title: "President", Organisation: "Kazakhstan", From: "2019-06-12", Aliases: []string{"Head of State"}}}},
		{Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"},
			Positions: []inquest.Position{{Title: "Prosecutor General", Aliases: []string{"генпрокурор"}, From: "2022-01-26", Approximate: true}}},
		{Slug: "witness-a", Name: "Witness " + marker, Aliases: []string{marker + "-alias"}, Private: true, Note: "lives in " + marker},
		{Slug: "knb", Kind: inquest.ActorOrganisation, Name: "National Security Committee", Note: "analyst note " + marker},
	}
	for _, p := range people {
		must(t, st.UpsertPerson(ctx, p))
	}
	pid := func(slug string) int64 {
		for _, p := range people {
			if p.Slug == slug {
				return p.ID
			}
		}
		t.Fatalf("no person %s", slug)
		return 0
	}

	retrieved := time.Date(2022, 3, 15, 10, 30, 0, 123456000, time.UTC)
	add := func(name string, s *inquest.Source, original []byte) *inquest.Source {
		s.CaseID = f.c.ID
		s.RetrievedAt = retrieved
		stored, created, err := st.AddSource(ctx, s, original)
		if err != nil || !created {
			t.Fatalf("AddSource %s: created %v, %v", name, created, err)
		}
		f.sources[name] = stored
		return stored
	}
	add("news1", &inquest.Source{Locator: "https://example.org/news/a.html", URL: "https://example.org/news/a.html", Title: "President on the events",
		Publisher: "Example News", Kind: inquest.KindNews, Language: "en", Published: "2022-01-07", ContentType: "text/html; charset=utf-8",
		Headers: "Content-Type: text/html; charset=utf-8\nLast-Modified: Fri, 07 Jan 2022 10:00:00 GMT", Text: textNews1},
		[]byte("<html><body><p>"+textNews1+"</p></body></html>"))
	add("news2", &inquest.Source{Locator: "https://example.org/news/a.html", URL: "https://example.org/news/a.html", Title: "President on the events (updated)",
		Publisher: "Example News", Kind: inquest.KindNews, Language: "en", Published: "2022-01-07", ContentType: "text/html", Text: textNews2},
		[]byte("<html><body><p>"+textNews2+"</p></body></html>"))
	add("ru", &inquest.Source{Locator: "mazhilis-2022-03-14.txt", FileName: "mazhilis-2022-03-14.txt", Title: "Стенограмма Мажилиса",
		Kind: inquest.KindTranscript, Language: "ru", Published: "2022-03-14", ContentType: "text/plain; charset=utf-8", Text: textRu},
		[]byte(textRu))
	// Bytes that are not text at all: a bag must carry them unchanged.
	binary := []byte("%PDF-1.7\n\x00\x01\x02\xff\xfe\r\n\r%%EOF")
	add("pdf", &inquest.Source{Locator: "report.pdf", FileName: "report.pdf", Title: "NGO report", Kind: inquest.KindNGO,
		ContentType: "application/pdf", Text: "Eight detainees died under torture."}, binary)
	add("private", &inquest.Source{Locator: "interview-" + marker + ".txt", FileName: "interview-" + marker + ".txt", Title: "Interview " + marker,
		Kind: inquest.KindOther, Text: textPriv, Headers: "X-Note: " + marker, Private: true}, []byte(textPriv+" raw "+marker))

	claims := []*inquest.Claim{
		{CaseID: f.c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part in the January events",
			Texts: map[string]string{"ru": "Иностранные террористы участвовали в январских событиях"}},
		{CaseID: f.c.ID, Slug: "shoot-order", Text: "An order to shoot without warning was given"},
		{CaseID: f.c.ID, Slug: "hidden", Text: "Private hypothesis " + marker, Private: true},
	}
	for _, c := range claims {
		must(t, st.UpsertClaim(ctx, c))
	}

	stmt := func(src string, quote string, s *inquest.Statement) *inquest.Statement {
		text := f.sources[src].Text
		s.CaseID, s.SourceID = f.c.ID, f.sources[src].ID
		s.Start, s.End = span(t, text, quote)
		s.Text = quote
		if s.Review == "" {
			s.Review = inquest.Confirmed
		}
		must(t, st.AddStatement(ctx, s))
		return s
	}
	s1 := stmt("news1", "Twenty thousand bandits and terrorists attacked Almaty.", &inquest.Statement{PersonID: pid("tokayev"), SpeakerName: "the President",
		SpeakerRole: "President", SaidOn: "2022-01-07", Venue: "televised address", Language: "en", Origin: inquest.Extracted, Confidence: 0.9,
		Context: textNews1, Translations: map[string]string{"ru": "Двадцать тысяч бандитов и террористов напали на Алматы."}, Note: "check the date " + marker})
	s2 := stmt("ru", "Их там не было", &inquest.Statement{PersonID: pid("asylov"), SpeakerName: "генпрокурор Асылов", SpeakerRole: "Prosecutor General",
		SaidOn: "2022-03-14", Venue: "Mazhilis", Language: "ru", Origin: inquest.Entered, Confidence: 1,
		Translations: map[string]string{"en": "They were not there"}})
	stmt("news2", "Twenty thousand bandits and terrorists attacked Almaty.", &inquest.Statement{PersonID: pid("tokayev"), SpeakerName: "the President", Confidence: 0.8})
	// Suggested, not yet confirmed: private until an analyst confirms it.
	stmt("news1", "the order to shoot without warning had been given", &inquest.Statement{SpeakerName: "He " + marker, Review: inquest.Suggested,
		Context: "unconfirmed " + marker, Confidence: 0.4})
	// By a private person, in a private source.
	s5 := stmt("private", `I saw them shooting at the square.`, &inquest.Statement{PersonID: pid("witness-a"), SpeakerName: "Witness " + marker, Confidence: 1})

	for _, s := range []*inquest.Stance{
		{StatementID: s1.ID, ClaimID: claims[0].ID, Stance: inquest.Supports, Review: inquest.Confirmed, Confidence: 0.9, DecidedBy: "analyst-" + marker, Note: "clear " + marker},
		{StatementID: s2.ID, ClaimID: claims[0].ID, Stance: inquest.Denies, Review: inquest.Confirmed, Confidence: 0.95, DecidedBy: "analyst-" + marker},
		{StatementID: s2.ID, ClaimID: claims[2].ID, Stance: inquest.Qualifies, Review: inquest.Confirmed},
		{StatementID: s1.ID, ClaimID: claims[1].ID, Stance: inquest.Supports, Review: inquest.Suggested, Confidence: 0.3, Note: marker},
		{StatementID: s5.ID, ClaimID: claims[1].ID, Stance: inquest.Supports, Review: inquest.Confirmed},
	} {
		must(t, st.AddStance(ctx, s))
	}

	fig := func(src, quote string, fg *inquest.Figure) {
		fg.CaseID, fg.SourceID = f.c.ID, f.sources[src].ID
		fg.Start, fg.End = span(t, f.sources[src].Text, quote)
		if fg.Text == "" {
			fg.Text = quote
		}
		must(t, st.AddFigure(ctx, fg))
	}
	fig("ru", "погибли 238 человек", &inquest.Figure{StatementID: s2.ID, Measure: "deaths", Value: 238, AsOf: "2022-03-14",
		ClaimantID: pid("asylov"), ClaimantName: "Асылов", Review: inquest.Confirmed, Confidence: 0.9})
	fig("news2", "225 people died", &inquest.Figure{Measure: "deaths", Value: 225, Qualifier: "about", ValueMax: 230, Review: inquest.Confirmed})
	fig("ru", "восемь из них", &inquest.Figure{Measure: "torture deaths", Text: "восемь " + marker, Value: 8, Review: inquest.Suggested})
	fig("private", "I saw them", &inquest.Figure{Measure: "witnesses", Text: "Witness " + marker, Value: 1, ClaimantID: pid("witness-a"), Review: inquest.Confirmed})

	for _, q := range []*inquest.Question{
		{SourceID: f.sources["ru"].ID, Text: "Were there foreign terrorists?", AskerName: "an MP", AddresseeID: pid("asylov"), AddresseeName: "Асылов",
			AskedOn: "2022-03-14", Venue: "Mazhilis", Status: inquest.Answered, AnswerStatementID: s2.ID, Start: 0, End: 8, Review: inquest.Confirmed, Note: marker},
		{Text: "Who gave the order to shoot?", AskerName: "journalists", AddresseeID: pid("tokayev"), AskedOn: "2022-01-11", Status: inquest.Open, Review: inquest.Confirmed},
		{Text: "Asked by " + marker, AskerID: pid("witness-a"), Status: inquest.Open, Review: inquest.Confirmed},
	} {
		q.CaseID = f.c.ID
		must(t, st.AddQuestion(ctx, q))
	}

	for _, e := range []*inquest.Event{
		{CaseID: f.c.ID, On: "2022-01-07", Title: "Shoot-without-warning order", SourceIDs: []int64{f.sources["news1"].ID, f.sources["private"].ID}},
		{CaseID: f.c.ID, On: "2022-03-14", Title: "Prosecutor General in the Mazhilis", Description: "Asylov answers MPs.", SourceIDs: []int64{f.sources["ru"].ID}},
		{CaseID: f.c.ID, Title: "Meeting " + marker, Private: true},
	} {
		must(t, st.AddEvent(ctx, e))
	}
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
