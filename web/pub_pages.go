package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/publish"
)

// The public pages of a case beyond its front page. Each handler reads the
// public record (pub_record.go) and nothing else.

// pubStatement is a statement as a public page shows it. The statement is
// a named field, not an embedded one: a template finds a promoted field
// only by a search that allocates, on every statement of every page.
type pubStatement struct {
	Statement   *inquest.Statement
	Speaker     string
	PersonSlug  string
	Href        string // its stable URL: the highlighted span in the source
	SourceTitle string
	Stance      inquest.StanceKind
}

func (pc pubContext) statement(p *pubReads, st *inquest.Statement) pubStatement {
	v := pubStatement{Statement: st, Speaker: p.speakerName(st), SourceTitle: p.sourceTitle(st.SourceID),
		Href: pc.statementLink(st.SourceID, st.ID)}
	if pe := p.person[st.PersonID]; pe != nil {
		v.PersonSlug = pe.Slug
	}
	return v
}

// statementLink is a statement's stable URL: its span in its source.
func (pc pubContext) statementLink(sourceID, id int64) string {
	return pc.link(fmt.Sprintf("/sources/%d#ts-%d", sourceID, id))
}

// ---- chapters

type chapterPage struct {
	pubBase
	Chapter    *inquest.Chapter
	Body       template.HTML
	Notes      []publish.Footnote
	Prev, Next *inquest.Chapter
	// History is every published version; Shown the one on the page, which
	// is the latest unless the reader asked for an earlier one.
	History []*inquest.ChapterVersion
	Shown   int
	Latest  int
}

func (p chapterPage) PageTitle() string { return p.Chapter.Title }

func (s *Server) chapterPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	slug := r.PathValue("chapter")
	for i, latest := range rec.Chapters {
		if latest.Slug != slug {
			continue
		}
		ch := latest
		var history []*inquest.ChapterVersion
		if cs, ok := s.st.(inquest.ChapterService); ok {
			if history, err = cs.ChapterVersions(r.Context(), latest.ID); err != nil {
				return err
			}
		}
		if want := r.PathValue("version"); want != "" {
			n, err := strconv.Atoi(want)
			found := false
			for _, v := range history {
				if err == nil && v.Version == n && v.Version != latest.Version {
					cp := *latest
					cp.Title, cp.Body, cp.Version, cp.PublishedAt = v.Title, v.Body, v.Version, v.PublishedAt
					ch, found = &cp, true
				}
			}
			if !found {
				return inquest.Errorf(inquest.ENOTFOUND, "Chapter %q has no earlier published version %q.", slug, want)
			}
		}
		reads, err := s.readCited(r.Context(), rec, ch.Body)
		if err != nil {
			return err
		}
		body, notes, err := publish.RenderChapter(ch.Body, pc.resolver(reads))
		if err != nil {
			return err
		}
		page := chapterPage{pubBase: pubBase{Case: rec.Case, Section: "chapters", Rec: rec}, Chapter: ch, Body: body, Notes: notes,
			History: history, Shown: ch.Version, Latest: latest.Version}
		if i > 0 {
			page.Prev = rec.Chapters[i-1]
		}
		if i+1 < len(rec.Chapters) {
			page.Next = rec.Chapters[i+1]
		}
		s.render(w, r, http.StatusOK, "pub_chapter", page)
		return nil
	}
	return inquest.Errorf(inquest.ENOTFOUND, "There is no published chapter %q.", slug)
}

// resolver resolves a chapter's citations against the public record only,
// so a citation of anything private renders as unavailable.
func (pc pubContext) resolver(p *pubReads) publish.Resolver {
	return func(ref publish.Ref) (publish.Target, bool) {
		switch ref.Kind {
		case publish.RefStatement:
			st := p.statement[ref.ID]
			if st == nil {
				return publish.Target{}, false
			}
			label := p.speakerName(st)
			if st.SaidOn.Known() {
				label += ", " + showDate(st.SaidOn)
			}
			if title := p.sourceTitle(st.SourceID); title != "" {
				label += " (" + title + ")"
			}
			return publish.Target{Href: pc.statementLink(st.SourceID, st.ID), Label: label, Quote: st.Text, Lang: st.Language}, true
		case publish.RefClaim:
			cl := p.claimSlug[ref.Slug]
			if cl == nil {
				return publish.Target{}, false
			}
			return publish.Target{Href: pc.link("/cases/" + p.Case.Slug + "/claims/" + cl.Slug), Label: translate(pc.lang, "Claim") + ": " + cl.TextIn(pc.lang)}, true
		case publish.RefFigure:
			f := p.figure[ref.ID]
			if f == nil {
				return publish.Target{}, false
			}
			label := analysis.FormatValue(f)
			if f.ClaimantName != "" {
				label += ", " + f.ClaimantName
			}
			return publish.Target{Href: pc.link(fmt.Sprintf("/sources/%d#tf-%d", f.SourceID, f.ID)), Label: label, Quote: f.Text}, true
		case publish.RefQuestion:
			q := p.question[ref.ID]
			if q == nil {
				return publish.Target{}, false
			}
			label := q.AskerName
			if q.AskedOn.Known() {
				label += ", " + showDate(q.AskedOn)
			}
			return publish.Target{Href: pc.link(fmt.Sprintf("/cases/%s/questions#q-%d", p.Case.Slug, q.ID)), Label: label, Quote: q.Text}, true
		}
		return publish.Target{}, false
	}
}

// ---- claims

type claimSummary struct {
	Claim                       *inquest.Claim
	Text                        string
	Supports, Denies, Qualifies int
	Contradictions              int
}

type claimsPage struct {
	pubBase
	Claims []claimSummary
}

func (p claimsPage) PageTitle() string { return "Claims · " + p.Case.Title }

func (s *Server) claimsPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	page := claimsPage{pubBase: pubBase{Case: rec.Case, Section: "claims", Rec: rec}}
	for _, cl := range rec.Claims {
		sum := claimSummary{Claim: cl, Text: cl.TextIn(pc.lang)}
		for _, sn := range rec.stancesOn(cl.ID) {
			switch sn.Stance {
			case inquest.Supports:
				sum.Supports++
			case inquest.Denies:
				sum.Denies++
			case inquest.Qualifies:
				sum.Qualifies++
			}
		}
		sum.Contradictions = len(rec.contradictionsOn[cl.ID])
		page.Claims = append(page.Claims, sum)
	}
	s.render(w, r, http.StatusOK, "pub_claims", page)
	return nil
}

type claimPage struct {
	pubBase
	Claim          *inquest.Claim
	Text           string
	Supports       []pubStatement
	Denies         []pubStatement
	Qualifies      []pubStatement
	Contradictions []contradictionView
	JSONLD         template.JS
}

func (p claimPage) PageTitle() string { return p.Text }

func (s *Server) claimPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	cl := rec.claimSlug[r.PathValue("claim")]
	if cl == nil {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no claim %q.", r.PathValue("claim"))
	}
	page := claimPage{pubBase: pubBase{Case: rec.Case, Section: "claims", Rec: rec}, Claim: cl, Text: cl.TextIn(pc.lang)}
	var ids []int64
	for _, sn := range rec.stancesOn(cl.ID) {
		ids = append(ids, sn.StatementID)
	}
	for _, k := range rec.contradictionsOn[cl.ID] {
		ids = append(ids, k.AStatementID, k.BStatementID)
	}
	reads, err := s.readPublic(r.Context(), rec, ids, nil)
	if err != nil {
		return err
	}
	for _, sn := range rec.stancesOn(cl.ID) {
		st := reads.statement[sn.StatementID]
		if st == nil {
			continue // withdrawn since the record was loaded
		}
		v := pc.statement(reads, st)
		v.Stance = sn.Stance
		switch sn.Stance {
		case inquest.Supports:
			page.Supports = append(page.Supports, v)
		case inquest.Denies:
			page.Denies = append(page.Denies, v)
		default:
			page.Qualifies = append(page.Qualifies, v)
		}
	}
	for _, list := range [][]pubStatement{page.Supports, page.Denies, page.Qualifies} {
		slices.SortStableFunc(list, func(a, b pubStatement) int { return cmp.Compare(a.Statement.SaidOn, b.Statement.SaidOn) })
	}
	for _, k := range rec.contradictionsOn[cl.ID] {
		if v, ok := pc.contradiction(reads, k); ok {
			page.Contradictions = append(page.Contradictions, v)
		}
	}
	ld, err := claimReview(pc, rec, cl, page)
	if err != nil {
		return err
	}
	page.JSONLD = ld
	s.render(w, r, http.StatusOK, "pub_claim", page)
	return nil
}

// claimReview is the schema.org ClaimReview of a claim page. Inquest does not
// rate a claim true or false: the rating says who supports and who denies
// it, which is what the record shows.
func claimReview(pc pubContext, rec *pubRecord, cl *inquest.Claim, page claimPage) (template.JS, error) {
	url := pc.link("/cases/" + rec.Case.Slug + "/claims/" + cl.Slug)
	item := map[string]any{"@type": "Claim", "name": cl.Text}
	var first *pubStatement
	for _, list := range [][]pubStatement{page.Supports, page.Denies, page.Qualifies} {
		for i := range list {
			if first == nil || (list[i].Statement.SaidOn.Known() && (!first.Statement.SaidOn.Known() || list[i].Statement.SaidOn < first.Statement.SaidOn)) {
				first = &list[i]
			}
		}
	}
	var appearances []map[string]any
	for _, list := range [][]pubStatement{page.Supports, page.Denies, page.Qualifies} {
		for _, st := range list {
			a := map[string]any{"@type": "CreativeWork", "url": st.Href, "text": st.Statement.Text}
			if st.Statement.SaidOn.Known() {
				a["datePublished"] = string(st.Statement.SaidOn)
			}
			a["author"] = map[string]any{"@type": "Person", "name": st.Speaker}
			appearances = append(appearances, a)
		}
	}
	if first != nil {
		item["author"] = map[string]any{"@type": "Person", "name": first.Speaker}
		if first.Statement.SaidOn.Known() {
			item["datePublished"] = string(first.Statement.SaidOn)
		}
	}
	if len(appearances) > 0 {
		item["appearance"] = appearances
	}
	verdict := fmt.Sprintf("Supported in %d, denied in %d, qualified in %d confirmed statements", len(page.Supports), len(page.Denies), len(page.Qualifies))
	if len(page.Supports) > 0 && len(page.Denies) > 0 {
		verdict = "Disputed: " + verdict
	}
	doc := map[string]any{
		"@context":      "https://schema.org",
		"@type":         "ClaimReview",
		"url":           url,
		"claimReviewed": cl.Text,
		"author":        map[string]any{"@type": "Organization", "name": "Inquest"},
		"itemReviewed":  item,
		"reviewRating":  map[string]any{"@type": "Rating", "alternateName": verdict},
	}
	if !rec.Loaded.IsZero() {
		doc["datePublished"] = rec.Loaded.UTC().Format("2006-01-02")
	}
	b, err := json.Marshal(doc) // escapes <, > and &, so it cannot end the script element
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// ---- contradictions

type contradictionView struct {
	*inquest.Contradiction
	Claim *inquest.Claim
	Text  string
	A, B  pubStatement
	Href  string
}

// contradiction is the view of k, false when either statement is no
// longer public (p read both, or tried to).
func (pc pubContext) contradiction(p *pubReads, k *inquest.Contradiction) (contradictionView, bool) {
	cl := p.claim[k.ClaimID]
	a, b := p.statement[k.AStatementID], p.statement[k.BStatementID]
	if a == nil || b == nil {
		return contradictionView{}, false
	}
	return contradictionView{Contradiction: k, Claim: cl, Text: cl.TextIn(pc.lang),
		A: pc.stanceStatement(p, a, k.ClaimID), B: pc.stanceStatement(p, b, k.ClaimID),
		Href: pc.link(pageLink(fmt.Sprintf("/cases/%s/contradictions", p.Case.Slug), p.contradictionPage[k.ID]) + fmt.Sprintf("#c-%d", k.ID))}, true
}

func (pc pubContext) stanceStatement(p *pubReads, st *inquest.Statement, claimID int64) pubStatement {
	v := pc.statement(p, st)
	v.Stance = p.stanceOf[[2]int64{st.ID, claimID}]
	return v
}

// contradictionStatements are the statements of the contradictions, for
// readPublic.
func contradictionStatements(ks []*inquest.Contradiction) []int64 {
	ids := make([]int64, 0, 2*len(ks))
	for _, k := range ks {
		ids = append(ids, k.AStatementID, k.BStatementID)
	}
	return ids
}

type contradictionsPage struct {
	pubBase
	Contradictions []contradictionView
	Pager          pager
}

func (p contradictionsPage) PageTitle() string { return "Contradictions · " + p.Case.Title }

func (s *Server) contradictionsPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	pg, err := pageOf(n, len(rec.Contradictions), pubPageSize, pc.link("/cases/"+rec.Case.Slug+"/contradictions"))
	if err != nil {
		return err
	}
	page := contradictionsPage{pubBase: pubBase{Case: rec.Case, Section: "contradictions", Rec: rec}, Pager: pg}
	shown := window(rec.Contradictions, pg)
	reads, err := s.readPublic(r.Context(), rec, contradictionStatements(shown), nil)
	if err != nil {
		return err
	}
	for _, k := range shown {
		if v, ok := pc.contradiction(reads, k); ok {
			page.Contradictions = append(page.Contradictions, v)
		}
	}
	s.render(w, r, http.StatusOK, "pub_contradictions", page)
	return nil
}

// ---- questions

type questionView struct {
	*inquest.Question
	DaysOpen int
	Answer   *pubStatement
	Asked    *pubStatement
}

type questionsPage struct {
	pubBase
	Today    inquest.Date
	Open     []questionView
	Answered []questionView
	Other    []questionView
}

func (p questionsPage) PageTitle() string { return "Questions · " + p.Case.Title }

func (s *Server) questionsPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	page := questionsPage{pubBase: pubBase{Case: rec.Case, Section: "questions", Rec: rec}, Today: pc.today}
	var ids []int64
	for _, q := range rec.Questions {
		ids = append(ids, q.StatementID, q.AnswerStatementID)
	}
	reads, err := s.readPublic(r.Context(), rec, ids, nil)
	if err != nil {
		return err
	}
	open := map[int64]bool{}
	for _, oq := range analysis.OpenQuestions(rec.Questions, pc.today) {
		open[oq.Question.ID] = true
		page.Open = append(page.Open, pc.question(reads, oq.Question, oq.DaysOpen))
	}
	for _, q := range rec.Questions {
		if open[q.ID] {
			continue
		}
		v := pc.question(reads, q, -1)
		if analysis.StatusOf(q) == inquest.Answered {
			page.Answered = append(page.Answered, v)
		} else {
			page.Other = append(page.Other, v)
		}
	}
	s.render(w, r, http.StatusOK, "pub_questions", page)
	return nil
}

func (pc pubContext) question(p *pubReads, q *inquest.Question, days int) questionView {
	v := questionView{Question: q, DaysOpen: days}
	if st := p.statement[q.AnswerStatementID]; st != nil {
		a := pc.statement(p, st)
		v.Answer = &a
	}
	if st := p.statement[q.StatementID]; st != nil {
		a := pc.statement(p, st)
		v.Asked = &a
	}
	return v
}

// ---- timeline

type timelineItem struct {
	analysis.Item
	Href string
}

type timelineDay struct {
	On    inquest.Date
	Items []timelineItem
}

type timelinePage struct {
	pubBase
	Days    []timelineDay
	Undated []timelineItem
	Pager   pager // counts days; the undated items are on the last page
}

// timelinePageItems is about how many items one page of the timeline
// shows: whole days, as many as reach it.
var timelinePageItems = 300

func (p timelinePage) PageTitle() string { return "Timeline · " + p.Case.Title }

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	page := timelinePage{pubBase: pubBase{Case: rec.Case, Section: "timeline", Rec: rec}}
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	// Days are split into pages of about timelinePageItems items; the
	// pager counts pages, not items.
	tl := rec.timeline
	var pages [][2]int // first and end day index of each page
	from, items := 0, 0
	for i, d := range tl.days {
		items += len(d.items)
		if items >= timelinePageItems {
			pages, from, items = append(pages, [2]int{from, i + 1}), i+1, 0
		}
	}
	if from < len(tl.days) || len(pages) == 0 {
		pages = append(pages, [2]int{from, len(tl.days)})
	}
	pg, err := pageOf(n, len(pages), 1, pc.link("/cases/"+rec.Case.Slug+"/timeline"))
	if err != nil {
		return err
	}
	page.Pager = pg
	span := pages[n-1]
	last := n == len(pages)
	var ids []int64
	for _, d := range tl.days[span[0]:span[1]] {
		ids = append(ids, statementIDs(d.items)...)
	}
	if last {
		ids = append(ids, statementIDs(tl.undated)...)
	}
	reads, err := s.readPublic(r.Context(), rec, ids, nil)
	if err != nil {
		return err
	}
	item := func(pi pubItem, on inquest.Date) (timelineItem, bool) {
		it, ok := reads.timelineItem(pi, on)
		if !ok || it.Private || it.Suggested {
			return timelineItem{}, false // the record is public already; this is the second lock
		}
		ti := timelineItem{Item: it}
		switch it.Kind {
		case analysis.ItemStatement:
			ti.Href = pc.statementLink(it.SourceIDs[0], it.StatementID)
		case analysis.ItemFigure:
			if f := rec.figure[it.FigureID]; f != nil {
				ti.Href = pc.link(fmt.Sprintf("/sources/%d#tf-%d", f.SourceID, f.ID))
			}
		case analysis.ItemEvent:
			if len(it.SourceIDs) > 0 {
				ti.Href = pc.link(fmt.Sprintf("/sources/%d", it.SourceIDs[0]))
			}
		}
		return ti, true
	}
	for _, d := range tl.days[span[0]:span[1]] {
		day := timelineDay{On: d.on}
		for _, it := range d.items {
			if ti, ok := item(it, d.on); ok {
				day.Items = append(day.Items, ti)
			}
		}
		if len(day.Items) > 0 {
			page.Days = append(page.Days, day)
		}
	}
	if last {
		for _, it := range tl.undated {
			if ti, ok := item(it, ""); ok {
				page.Undated = append(page.Undated, ti)
			}
		}
	}
	s.render(w, r, http.StatusOK, "pub_timeline", page)
	return nil
}

// ---- people

type personSummary struct {
	Person     *inquest.Person
	Statements int
}

type peoplePage struct {
	pubBase
	People []personSummary
}

func (p peoplePage) PageTitle() string { return "People · " + p.Case.Title }

func (s *Server) casePeoplePage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	page := peoplePage{pubBase: pubBase{Case: rec.Case, Section: "people", Rec: rec}}
	for _, pe := range rec.People {
		page.People = append(page.People, personSummary{Person: pe, Statements: len(rec.statementsOf[pe.ID])})
	}
	s.render(w, r, http.StatusOK, "pub_people", page)
	return nil
}

type personCase struct {
	Case       *inquest.Case
	Statements []pubStatement
	Figures    []*inquest.Figure
}

type personPage struct {
	Person *inquest.Person
	Name   string
	Cases  []personCase
	Pager  pager // of the statements, over every case
}

func (p personPage) PageTitle() string { return p.Name }

// personPageSize is how many statements one page of a person shows: an
// official may speak thousands of times in a case.
var personPageSize = 50

func (s *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	notFound := inquest.Errorf(inquest.ENOTFOUND, "There is no person %q.", slug)
	pe, err := s.st.PersonBySlug(r.Context(), slug)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.ENOTFOUND {
			return notFound
		}
		return err
	}
	if !publicView.canSeePerson(pe) {
		return notFound
	}
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	cases, err := s.publicCases(r.Context())
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	page := personPage{Person: pe, Name: personName(pe, pc.lang)}
	// The person's statements in every case, by case and then by day
	// (as the record's keys tell, without reading them), paged as one list.
	type entry struct {
		rec *pubRecord
		id  int64
	}
	var recs []*pubRecord
	var all []entry
	for _, c := range cases {
		rec, err := s.publicRecord(r.Context(), c)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(rec.People, func(x *inquest.Person) bool { return x.ID == pe.ID }) {
			continue
		}
		recs = append(recs, rec)
		for _, id := range rec.statementsOf[pe.ID] {
			all = append(all, entry{rec, id})
		}
	}
	if len(recs) == 0 {
		// Someone in no public case: readers have no reason to know the name.
		return notFound
	}
	if page.Pager, err = pageOf(n, len(all), personPageSize, pc.link("/people/"+pe.Slug)); err != nil {
		return err
	}
	shown := window(all, page.Pager)
	for _, rec := range recs {
		var ids []int64
		for _, e := range shown {
			if e.rec == rec {
				ids = append(ids, e.id)
			}
		}
		pcs := personCase{Case: rec.Case}
		if n == 1 {
			pcs.Figures = rec.figuresOf[pe.ID]
		}
		if len(ids) == 0 && len(pcs.Figures) == 0 {
			continue
		}
		reads, err := s.readPublic(r.Context(), rec, ids, nil)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if st := reads.statement[id]; st != nil {
				pcs.Statements = append(pcs.Statements, pc.statement(reads, st))
			}
		}
		page.Cases = append(page.Cases, pcs)
	}
	s.render(w, r, http.StatusOK, "pub_person", page)
	return nil
}

// personName is the person's name in the interface language when entered.
func personName(p *inquest.Person, lang string) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	return p.Name
}
