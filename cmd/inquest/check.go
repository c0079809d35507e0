package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "check", summary: "list a case's contradictions, figure conflicts and open questions", run: runCheck})
}

// checkReport is the JSON of `inquest check`: fields may be added, never
// removed or renamed, since scripts read it.
type checkReport struct {
	Case           string                `json:"case"`
	Today          inquest.Date          `json:"today"`
	Contradictions []checkContradiction  `json:"contradictions"`
	FigureConflict []checkFigureConflict `json:"figure_conflicts"`
	OpenQuestions  []checkQuestion       `json:"open_questions"`
	// FigureSeries is every measure's figures in the order they held, for
	// reading the conflicts against; added after the first contract.
	FigureSeries []checkSeries `json:"figure_series"`
}

type checkSeries struct {
	Measure     string       `json:"measure"`
	MeasureName string       `json:"measure_name"`
	Values      []checkValue `json:"values"`
}

type checkContradiction struct {
	ID        int64     `json:"id"`
	Claim     string    `json:"claim"`
	ClaimText string    `json:"claim_text"`
	Kind      string    `json:"kind"`
	Degree    string    `json:"degree,omitempty"`
	Status    string    `json:"status"`
	A         checkSide `json:"a"`
	B         checkSide `json:"b"`
	sortOn    [2]string // claim slug, A's day: the order of the listing
}

type checkSide struct {
	StatementID int64   `json:"statement_id"`
	Speaker     string  `json:"speaker"`
	SpeakerID   *string `json:"speaker_id"`
	SaidOn      *string `json:"said_on"`
	Stance      string  `json:"stance"`
	Text        string  `json:"text"`
	SourceID    int64   `json:"source_id"`
}

type checkFigureConflict struct {
	ID          string       `json:"id"`
	Kind        string       `json:"kind"`
	Measure     string       `json:"measure"`
	MeasureName string       `json:"measure_name"`
	Values      []checkValue `json:"values"`
	Reason      string       `json:"reason"`
}

type checkValue struct {
	Value       float64 `json:"value"`
	ValueMax    float64 `json:"value_max,omitempty"`
	Qualifier   string  `json:"qualifier,omitempty"`
	SaidOn      *string `json:"said_on"`
	Speaker     string  `json:"speaker"`
	StatementID *int64  `json:"statement_id"`
	FigureID    int64   `json:"figure_id"`
	SourceID    int64   `json:"source_id"`
	Text        string  `json:"text"`
}

type checkQuestion struct {
	ID        int64   `json:"id"`
	Text      string  `json:"text"`
	Asker     string  `json:"asker"`
	Addressee string  `json:"addressee"`
	AskedOn   *string `json:"asked_on"`
	DaysOpen  *int    `json:"days_open"`
	Status    string  `json:"status"`
	SourceID  int64   `json:"source_id,omitempty"`
}

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check", "--case SLUG [--db DSN] [--format text|json] [--today YYYY-MM-DD]")
	caseSlug := fs.String("case", "", "the case to check (required)")
	dsn := dbFlag(fs, e)
	format := formatFlag(fs)
	todayFlag := fs.String("today", "", "count the days questions have waited up to this day (default: today, UTC)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if *caseSlug == "" {
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required: the case to check (see 'inquest case list')")
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "check takes no arguments besides flags; got %q", strings.Join(pos, " "))
	}
	today := inquest.DateOf(time.Now())
	if *todayFlag != "" {
		if today, err = inquest.ParseDate(*todayFlag); err != nil || !today.Known() {
			return inquest.Errorf(inquest.EINVALID, "--today %q is not a day as YYYY-MM-DD", *todayFlag)
		}
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	report, err := check(store.WithActor(ctx, "inquest check"), db, *caseSlug, today)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(report)
	}
	return writeCheckText(e.stdout, report)
}

// check runs the analysis over the stored case: it derives the contradictions
// and saves them (so that they keep their ids and the analysts' verdicts),
// then derives the figure conflicts and the open questions as of today.
func check(ctx context.Context, db *store.DB, slug string, today inquest.Date) (*checkReport, error) {
	c, err := db.CaseBySlug(ctx, slug)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.ENOTFOUND {
			return nil, inquest.Errorf(inquest.ENOTFOUND, "there is no case %q: check the slug ('inquest case list' lists them)", slug)
		}
		return nil, fmt.Errorf("case %s: %w", slug, err)
	}
	f, err := casework.New(db).Analyse(ctx, c, today)
	if err != nil {
		return nil, err
	}
	rec := f.Record
	statements, stances, claims, people, measures := rec.Statements, rec.Stances, rec.Claims, rec.People, rec.Measures
	derived, conflicts := f.Contradictions, f.FigureConflicts

	r := &checkReport{Case: c.Slug, Today: today, Contradictions: []checkContradiction{},
		FigureConflict: []checkFigureConflict{}, OpenQuestions: []checkQuestion{}}
	names := newNamer(people)
	byStatement := map[int64]*inquest.Statement{}
	for _, s := range statements {
		byStatement[s.ID] = s
	}
	stanceOf := map[[2]int64]inquest.StanceKind{}
	for _, s := range stances {
		stanceOf[[2]int64{s.StatementID, s.ClaimID}] = s.Stance
	}
	claimByID := map[int64]*inquest.Claim{}
	for _, cl := range claims {
		claimByID[cl.ID] = cl
	}
	for _, d := range derived {
		cl := claimByID[d.ClaimID]
		if cl == nil { // a stance on another case's claim: not this case's finding
			continue
		}
		side := func(id int64) checkSide {
			st := byStatement[id]
			return checkSide{StatementID: id, Speaker: names.speaker(st), SpeakerID: names.slug(st.PersonID), SaidOn: dateOrNil(st.SaidOn),
				Stance: string(stanceOf[[2]int64{id, d.ClaimID}]), Text: st.Text, SourceID: st.SourceID}
		}
		cc := checkContradiction{ID: d.ID, Claim: cl.Slug, ClaimText: cl.Text, Kind: string(d.Kind), Degree: d.Degree,
			Status: string(d.Status), A: side(d.AStatementID), B: side(d.BStatementID)}
		cc.sortOn = [2]string{cl.Slug, string(cmp.Or(byStatement[d.AStatementID].SaidOn, "9999"))} // undated last
		r.Contradictions = append(r.Contradictions, cc)
	}
	slices.SortStableFunc(r.Contradictions, func(x, y checkContradiction) int {
		return cmp.Or(cmp.Compare(x.sortOn[0], y.sortOn[0]), cmp.Compare(x.sortOn[1], y.sortOn[1]), cmp.Compare(x.ID, y.ID))
	})

	for _, fc := range conflicts {
		out := checkFigureConflict{ID: fc.ID, Kind: string(fc.Kind), Measure: fc.Measure, Reason: fc.Reason, Values: []checkValue{}}
		for _, p := range fc.Points {
			if out.MeasureName == "" {
				out.MeasureName = measureName(measures, p)
			}
			out.Values = append(out.Values, valueOf(p))
		}
		r.FigureConflict = append(r.FigureConflict, out)
	}
	r.FigureSeries = []checkSeries{}
	for _, fs := range f.FigureSeries {
		out := checkSeries{Measure: fs.Measure, MeasureName: fs.Name, Values: []checkValue{}}
		for _, p := range fs.Points {
			out.Values = append(out.Values, valueOf(p))
		}
		r.FigureSeries = append(r.FigureSeries, out)
	}

	for _, oq := range f.OpenQuestions {
		q := oq.Question
		cq := checkQuestion{ID: q.ID, Text: q.Text, Asker: cmp.Or(names.name(q.AskerID), q.AskerName),
			Addressee: cmp.Or(names.name(q.AddresseeID), q.AddresseeName), AskedOn: dateOrNil(q.AskedOn),
			Status: string(oq.Status), SourceID: q.SourceID}
		if oq.DaysOpen >= 0 {
			days := oq.DaysOpen
			cq.DaysOpen = &days
		}
		r.OpenQuestions = append(r.OpenQuestions, cq)
	}
	return r, nil
}

// reanalyse re-derives and saves only the contradictions a change can
// affect; see casework.Service.Reanalyse.
func reanalyse(ctx context.Context, db *store.DB, caseID int64, ch inquest.ContradictionScope) ([]*inquest.Contradiction, error) {
	return casework.New(db).Reanalyse(ctx, caseID, ch)
}

func valueOf(p analysis.Point) checkValue {
	v := checkValue{Value: p.Figure.Value, ValueMax: p.Figure.ValueMax, Qualifier: p.Figure.Qualifier, SaidOn: dateOrNil(p.On),
		Speaker: p.Claimant, FigureID: p.Figure.ID, SourceID: p.Figure.SourceID, Text: p.Figure.Text}
	if p.StatementID != 0 {
		id := p.StatementID
		v.StatementID = &id
	}
	return v
}

func measureName(ms []*inquest.Measure, p analysis.Point) string {
	for _, m := range ms {
		if m.ID == p.MeasureID {
			return m.Name
		}
	}
	return cmp.Or(p.Figure.Measure, p.Measure)
}

// namer names people for the report.
type namer struct{ byID map[int64]*inquest.Person }

func newNamer(people []*inquest.Person) namer {
	n := namer{byID: map[int64]*inquest.Person{}}
	for _, p := range people {
		n.byID[p.ID] = p
	}
	return n
}

func (n namer) name(id int64) string {
	if p := n.byID[id]; p != nil {
		return p.Name
	}
	return ""
}

func (n namer) slug(id int64) *string {
	if p := n.byID[id]; p != nil {
		return &p.Slug
	}
	return nil
}

// speaker is the person's name when known, else the name or office the text
// gives.
func (n namer) speaker(st *inquest.Statement) string {
	return cmp.Or(n.name(st.PersonID), st.SpeakerName, st.SpeakerRole, "(unknown speaker)")
}

func dateOrNil(d inquest.Date) *string {
	if !d.Known() {
		return nil
	}
	s := string(d)
	return &s
}

// writeCheckText writes the report for a reader at a terminal: grouped by
// claim and measure, the longest-waiting questions first.
func writeCheckText(w io.Writer, r *checkReport) error {
	var b strings.Builder
	dismissed := 0
	for _, c := range r.Contradictions {
		if c.Status == string(inquest.ContradictionDismissed) {
			dismissed++
		}
	}
	fmt.Fprintf(&b, "Case %s, as of %s: %s, %s, %s.\n", r.Case, r.Today,
		plural(len(r.Contradictions)-dismissed, "contradiction"), plural(len(r.FigureConflict), "figure conflict"),
		plural(len(r.OpenQuestions), "open question"))

	fmt.Fprintf(&b, "\nContradictions\n")
	if len(r.Contradictions) == dismissed {
		fmt.Fprintf(&b, "  none\n")
	}
	claim := ""
	for _, c := range r.Contradictions {
		if c.Status == string(inquest.ContradictionDismissed) {
			continue
		}
		if c.Claim != claim {
			claim = c.Claim
			fmt.Fprintf(&b, "  %s: %s\n", c.Claim, c.ClaimText)
		}
		kind := c.Kind
		if c.Degree != "" {
			kind += " (" + c.Degree + ")"
		}
		fmt.Fprintf(&b, "    #%d %s, %s\n", c.ID, kind, c.Status)
		for _, s := range []checkSide{c.A, c.B} {
			on := "undated"
			if s.SaidOn != nil {
				on = *s.SaidOn
			}
			fmt.Fprintf(&b, "      %-10s %s %s: %s  [statement %d, source %d]\n", on, s.Speaker, s.Stance, quoteShort(s.Text), s.StatementID, s.SourceID)
		}
	}
	if dismissed > 0 {
		fmt.Fprintf(&b, "  (%s dismissed by analysts not shown; --format json lists them)\n", plural(dismissed, "contradiction"))
	}

	fmt.Fprintf(&b, "\nFigure conflicts\n")
	if len(r.FigureConflict) == 0 {
		fmt.Fprintf(&b, "  none\n")
	}
	measure := ""
	for _, f := range r.FigureConflict {
		if f.Measure != measure {
			measure = f.Measure
			fmt.Fprintf(&b, "  %s\n", f.MeasureName)
		}
		fmt.Fprintf(&b, "    %s: %s\n", f.Kind, f.Reason)
		var figs []string
		for _, v := range f.Values {
			figs = append(figs, fmt.Sprintf("figure %d in source %d", v.FigureID, v.SourceID))
		}
		fmt.Fprintf(&b, "      [%s]\n", strings.Join(figs, "; "))
	}

	fmt.Fprintf(&b, "\nFigure series (by the day each held; undated last)\n")
	if len(r.FigureSeries) == 0 {
		fmt.Fprintf(&b, "  none\n")
	}
	for _, fs := range r.FigureSeries {
		var vals []string
		for _, v := range fs.Values {
			s := formatFigure(v)
			var notes []string
			if v.SaidOn != nil {
				notes = append(notes, *v.SaidOn)
			}
			if v.Speaker != "" {
				notes = append(notes, v.Speaker)
			}
			if len(notes) > 0 {
				s += " (" + strings.Join(notes, ", ") + ")"
			}
			vals = append(vals, s)
		}
		fmt.Fprintf(&b, "  %s: %s\n", fs.MeasureName, strings.Join(vals, " → "))
	}

	fmt.Fprintf(&b, "\nOpen questions\n")
	if len(r.OpenQuestions) == 0 {
		fmt.Fprintf(&b, "  none\n")
	}
	for _, q := range r.OpenQuestions {
		days := "asked on an unknown day"
		if q.DaysOpen != nil {
			days = plural(*q.DaysOpen, "day") + " unanswered"
		}
		who := cmp.Or(q.Asker, "someone")
		if q.Addressee != "" {
			who += " to " + q.Addressee
		}
		asked := ""
		if q.AskedOn != nil {
			asked = ", asked " + *q.AskedOn
		}
		status := ""
		if q.Status != string(inquest.Open) {
			status = " (" + q.Status + ")"
		}
		fmt.Fprintf(&b, "  %s%s: %s\n    %s%s  [question %d]\n", days, status, quoteShort(q.Text), who, asked, q.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// formatFigure writes a value as the text would: "more than 200", "200–230".
func formatFigure(v checkValue) string {
	s := strconv.FormatFloat(v.Value, 'f', -1, 64)
	if v.ValueMax > v.Value {
		s += "–" + strconv.FormatFloat(v.ValueMax, 'f', -1, 64)
	}
	if v.Qualifier != "" {
		s = v.Qualifier + " " + s
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// quoteShort quotes a text on one line, cut at 120 characters.
func quoteShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return "“" + s + "”"
}
