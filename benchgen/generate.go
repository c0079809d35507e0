package benchgen

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

// Options say what to generate.
type Options struct {
	// Statements is how many statements to generate; the sources, people,
	// stances, figures and questions scale with it.
	Statements int
	// Case is the slug of the case to create; default "bench". It must not
	// exist yet.
	Case string
	// Seed makes the output reproducible; the same seed and options give
	// the same record.
	Seed uint64
	// PerSource is the mean number of statements in one source; default 10.
	PerSource int
	// Batch is how many sources go into one transaction; default 200.
	Batch int
	// Progress receives a line every few batches and one at the end; nil
	// is silent.
	Progress io.Writer
}

// Result counts what was generated.
type Result struct {
	Case       *inquest.Case `json:"case"`
	People     int           `json:"people"`
	Claims     int           `json:"claims"`
	Sources    int           `json:"sources"`
	Statements int           `json:"statements"`
	Stances    int           `json:"stances"`
	Figures    int           `json:"figures"`
	Questions  int           `json:"questions"`
	Took       time.Duration `json:"took"`
}

// PerSecond is statements generated per second.
func (r *Result) PerSecond() float64 { return float64(r.Statements) / r.Took.Seconds() }

// Generate builds a case of opt.Statements statements in st: people with
// positions and names in Latin and Cyrillic script, claims in English and
// Russian, and sources of news-like text in English or Russian, each holding
// quotations whose statements point at their exact span, with stances on
// the claims, figures and questions placed in the same text. Sources go in
// batches, each batch in one transaction, so an interrupted run leaves whole
// sources only. ECONFLICT if the case exists.
func Generate(ctx context.Context, st *store.DB, opt Options) (*Result, error) {
	if opt.Statements <= 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "generate: give a number of statements above zero")
	}
	if opt.Case == "" {
		opt.Case = "bench"
	}
	if opt.PerSource <= 0 {
		opt.PerSource = 10
	}
	if opt.Batch <= 0 {
		opt.Batch = 200
	}
	start := time.Now()
	g := &gen{rng: rand.New(rand.NewPCG(opt.Seed, 0x1b2c)), opt: opt}
	c := &inquest.Case{Slug: opt.Case, Title: "Benchmark case " + opt.Case, Languages: []string{"en", "ru"}, Public: true,
		Background: "A generated case for measuring Inquest at scale. Every name and text in it is invented.",
		PeriodFrom: "2022-01-01", PeriodTo: "2024-12-31"}
	if err := st.CreateCase(ctx, c); err != nil {
		return nil, fmt.Errorf("create case %s (generate into a new case; choose another with --case): %w", opt.Case, err)
	}
	res := &Result{Case: c}
	if err := g.people(ctx, st, max(50, opt.Statements/500)); err != nil {
		return nil, err
	}
	res.People = len(g.actors)
	// Claims grow with the case and a tenth of the statements take a side
	// on one, so a claim holds some fifty stances at 100,000 statements and
	// some two hundred at a million: contradictions grow with the square
	// of that, as they do in a real case.
	if err := g.claims(ctx, st, c.ID, min(500, max(6, opt.Statements/500))); err != nil {
		return nil, err
	}
	res.Claims = len(g.claimIDs)

	for res.Statements < opt.Statements {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var b batch
		for range opt.Batch {
			if res.Statements+len(b.statements) >= opt.Statements {
				break
			}
			g.source(&b, c.ID, res.Sources+len(b.sources), opt.Statements-res.Statements-len(b.statements))
		}
		if err := b.store(ctx, st, g); err != nil {
			return res, err
		}
		res.Sources += len(b.sources)
		res.Statements += len(b.statements)
		res.Stances += len(b.stances)
		res.Figures += len(b.figures)
		res.Questions += len(b.questions)
		res.Took = time.Since(start)
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "\r%d/%d statements, %d sources, %.0f statements/s", res.Statements, opt.Statements,
				res.Sources, res.PerSecond())
		}
	}
	if opt.Progress != nil {
		fmt.Fprintln(opt.Progress)
	}
	res.Took = time.Since(start)
	return res, nil
}

// gen holds the generator's state: its randomness and the actors and claims
// already stored.
type gen struct {
	rng      *rand.Rand
	opt      Options
	actors   []actor
	claimIDs []int64
}

// actor is a stored person with the names and office the texts use.
type actor struct {
	id     int64
	names  [2]string
	office office
	from   inquest.Date
}

func (g *gen) pick(n int) int { return g.rng.IntN(n) }

func (g *gen) people(ctx context.Context, st *store.DB, n int) error {
	for i := range n {
		fn, sn := firstNames[g.pick(len(firstNames))], surnames[g.pick(len(surnames))]
		en, ru := fn.en+" "+sn.en, fn.ru+" "+sn.ru
		if feminine[fn.en] {
			en, ru = fn.en+" "+sn.en+"a", fn.ru+" "+sn.ru+"а"
		}
		off := offices[g.pick(len(offices))]
		from := inquest.Date(fmt.Sprintf("%d-%02d-%02d", 2015+g.pick(7), 1+g.pick(12), 1+g.pick(28)))
		p := &inquest.Person{Slug: fmt.Sprintf("%s-%d", strings.ToLower(sn.en), i+1), Kind: inquest.ActorPerson, Name: en,
			Names: map[string]string{"en": en, "ru": ru}, Aliases: []string{ru, strings.Split(ru, " ")[1]},
			Positions: []inquest.Position{{Title: off.en, Organisation: off.org, Aliases: []string{off.ru}, From: from}}}
		if g.pick(3) == 0 { // an earlier office, ended when the current one began
			prev := offices[g.pick(len(offices))]
			p.Positions = append([]inquest.Position{{Title: prev.en, Organisation: prev.org, Aliases: []string{prev.ru},
				From: inquest.Date(fmt.Sprintf("%d-01-15", 2008+g.pick(6))), To: from}}, p.Positions...)
		}
		if err := st.UpsertPerson(ctx, p); err != nil {
			return fmt.Errorf("generate person %s: %w", p.Slug, err)
		}
		g.actors = append(g.actors, actor{id: p.ID, names: [2]string{en, ru}, office: off, from: from})
	}
	return nil
}

func (g *gen) claims(ctx context.Context, st *store.DB, caseID int64, n int) error {
	for i := range n {
		t := claimTexts[i%len(claimTexts)]
		place := i / len(claimTexts) % len(places[0])
		text, ru := withPlace(t[0], places[0][place]), withPlace(t[1], places[1][place])
		if round := i / (len(claimTexts) * len(places[0])); round > 0 { // more claims than phrasings: date them
			year := fmt.Sprintf(" (%d)", 2022+round%3)
			text, ru = text+year, ru+year
		}
		c := &inquest.Claim{CaseID: caseID, Slug: fmt.Sprintf("claim-%d", i+1), Text: text, Texts: map[string]string{"ru": ru}}
		if err := st.UpsertClaim(ctx, c); err != nil {
			return fmt.Errorf("generate claim %s: %w", c.Slug, err)
		}
		g.claimIDs = append(g.claimIDs, c.ID)
	}
	return nil
}

// batch is what one transaction stores. Statements, figures and questions
// refer to their source by its index in sources until it has an id.
type batch struct {
	sources    []*inquest.Source
	originals  [][]byte
	statements []*inquest.Statement
	stmtSource []int
	stances    []*inquest.Stance
	stanceOf   []int // index of the statement
	figures    []*inquest.Figure
	figSource  []int
	questions  []*inquest.Question
	qSource    []int
}

func (b *batch) store(ctx context.Context, st *store.DB, g *gen) error {
	return st.BulkLoad(ctx, func(bl *store.Bulk) error {
		if err := bl.Sources(ctx, b.sources, b.originals); err != nil {
			return err
		}
		for i, s := range b.statements {
			s.SourceID = b.sources[b.stmtSource[i]].ID
		}
		if err := bl.Statements(ctx, b.statements); err != nil {
			return err
		}
		for i, s := range b.stances {
			s.StatementID = b.statements[b.stanceOf[i]].ID
		}
		if err := bl.Stances(ctx, b.stances); err != nil {
			return err
		}
		for i, f := range b.figures {
			f.SourceID = b.sources[b.figSource[i]].ID
		}
		if err := bl.Figures(ctx, b.figures); err != nil {
			return err
		}
		for i, q := range b.questions {
			q.SourceID = b.sources[b.qSource[i]].ID
		}
		return bl.Questions(ctx, b.questions)
	})
}

// text builds a source's text and counts its length in code points, the
// unit of statement spans.
type text struct {
	b strings.Builder
	n int
}

func (t *text) add(s string) (start, end int) {
	start = t.n
	t.b.WriteString(s)
	t.n += utf8.RuneCountInString(s)
	return start, t.n
}

// source adds one generated source with its records to b; at most left
// statements.
func (g *gen) source(b *batch, caseID int64, n, left int) {
	lang := 0
	if g.pick(5) < 2 {
		lang = 1 // two in five sources are in Russian
	}
	langCode := [2]string{"en", "ru"}[lang]
	day := time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.pick(1000))
	published := inquest.DateOf(day)
	srcIdx := len(b.sources)
	var t text
	count := min(left, max(1, g.opt.PerSource/2+g.pick(g.opt.PerSource+1)))
	lead := g.actors[g.pick(len(g.actors))]
	title := g.quote(lang, 1)
	title = lead.names[lang] + ": " + strings.TrimSuffix(title, ".")
	t.add(title + "\n\n")
	place := g.pick(len(places[0]))
	for i := range count {
		if g.pick(2) == 0 {
			t.add(withPlace(narrative[lang][g.pick(len(narrative[lang]))], places[lang][place]) + " ")
		}
		a := g.actors[g.pick(len(g.actors))]
		if i == 0 {
			a = lead
		}
		quote := g.quote(lang, 1+g.pick(3))
		verb := speechVerbs[lang][g.pick(len(speechVerbs[lang]))]
		said := day.AddDate(0, 0, -g.pick(3))
		role := a.office.en
		var start, end int
		if lang == 0 {
			t.add(fmt.Sprintf("%s, %s, %s on %s: “", a.names[0], role, verb, said.Format("2 January")))
			start, end = t.add(quote)
			t.add("”\n\n")
		} else {
			role = a.office.ru
			t.add("«")
			start, end = t.add(quote)
			t.add(fmt.Sprintf("», — %s %s %s.\n\n", verb, role, a.names[1]))
		}
		s := &inquest.Statement{CaseID: caseID, SpeakerName: a.names[lang], SpeakerRole: role, Text: quote, Start: start, End: end,
			SaidOn: inquest.DateOf(said), Language: langCode, Origin: inquest.Extracted, Review: g.review(), Confidence: 0.6 + g.rng.Float64()*0.4}
		if g.pick(10) < 7 {
			s.PersonID = a.id
		}
		if g.pick(4) == 0 {
			s.Venue = publishers[g.pick(len(publishers))]
		}
		b.statements = append(b.statements, s)
		b.stmtSource = append(b.stmtSource, srcIdx)
		if g.pick(10) == 0 { // a tenth of the statements take a side on a claim
			kinds := []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}
			b.stances = append(b.stances, &inquest.Stance{ClaimID: g.claimIDs[g.pick(len(g.claimIDs))], Stance: kinds[g.pick(3)],
				Review: s.Review, Confidence: s.Confidence})
			b.stanceOf = append(b.stanceOf, len(b.statements)-1)
		}
	}
	if g.pick(3) < 2 { // a figure in two sources of three
		m := measures[g.pick(len(measures))]
		v := m.low + g.pick(m.high-m.low+1)
		claimant := g.actors[g.pick(len(g.actors))]
		var phrase string
		if lang == 0 {
			t.add("According to " + claimant.names[0] + ", ")
			phrase = fmt.Sprintf(m.phrase[0], v)
		} else {
			t.add("По данным " + claimant.office.ru + ", ")
			phrase = fmt.Sprintf(m.phrase[1], v)
		}
		start, end := t.add(phrase)
		t.add(".\n\n")
		b.figures = append(b.figures, &inquest.Figure{CaseID: caseID, Measure: m.slug, Text: phrase, Value: float64(v), AsOf: published,
			ClaimantID: claimant.id, ClaimantName: claimant.names[lang], Start: start, End: end, Review: inquest.Suggested, Confidence: 0.8})
		b.figSource = append(b.figSource, srcIdx)
	}
	if g.pick(5) == 0 { // a question in one source of five
		asker, addressee := g.actors[g.pick(len(g.actors))], g.actors[g.pick(len(g.actors))]
		q := withPlace(questionTexts[lang][g.pick(len(questionTexts[lang]))], places[lang][place])
		if lang == 0 {
			t.add(asker.names[0] + " asked the " + addressee.office.en + ": “")
		} else {
			t.add(asker.names[1] + " спросил: «")
		}
		start, end := t.add(q)
		t.add([2]string{"”\n", "»\n"}[lang])
		status := inquest.Open
		if g.pick(3) == 0 {
			status = inquest.Evaded
		}
		b.questions = append(b.questions, &inquest.Question{CaseID: caseID, Text: q, AskerID: asker.id, AskerName: asker.names[lang],
			AddresseeID: addressee.id, AddresseeName: addressee.names[lang], AskedOn: published, Status: status,
			Start: start, End: end, Review: inquest.Suggested, Confidence: 0.7})
		b.qSource = append(b.qSource, srcIdx)
	}
	body := t.b.String()
	locator := fmt.Sprintf("https://bench.example.org/%s/%d", g.opt.Case, n+1)
	b.sources = append(b.sources, &inquest.Source{CaseID: caseID, Locator: locator, URL: locator, Title: title,
		Publisher: publishers[g.pick(len(publishers))], Kind: inquest.KindNews, Language: langCode, Published: published,
		RetrievedAt: day.Add(36 * time.Hour), ContentType: "text/plain; charset=utf-8", Text: body})
	b.originals = append(b.originals, []byte(body))
}

// quote is a quotation of n sentences.
func (g *gen) quote(lang, n int) string {
	var parts []string
	for range n {
		s := quoteSubjects[lang][g.pick(len(quoteSubjects[lang]))] + " " + quotePredicates[lang][g.pick(len(quotePredicates[lang]))]
		if g.pick(2) == 0 {
			s += " " + quoteTails[lang][g.pick(len(quoteTails[lang]))]
		}
		parts = append(parts, s+".")
	}
	return strings.Join(parts, " ")
}

// review spreads statements over the analysts' decisions as a case under
// way has them: most still suggested.
func (g *gen) review() inquest.Review {
	switch r := g.pick(10); {
	case r < 6:
		return inquest.Suggested
	case r < 9:
		return inquest.Confirmed
	default:
		return inquest.Rejected
	}
}

// withPlace puts the place into a phrase that has room for one (%s); other
// phrases are used as they are.
func withPlace(phrase, place string) string {
	if !strings.Contains(phrase, "%s") {
		return phrase
	}
	return fmt.Sprintf(phrase, place)
}
