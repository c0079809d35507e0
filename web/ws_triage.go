package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/inquest-project/inquest"
)

// Triage pages: claims with the stances on them, contradictions, figures
// with their series, questions with the days they have waited.

// wsStatementRef is a statement as triage pages show it: who, when, words,
// and where in the source.
type wsStatementRef struct {
	*inquest.Statement
	Speaker string
	Href    string
}

// statementRef is st as triage pages show it.
func statementRef(st *inquest.Statement) wsStatementRef {
	return wsStatementRef{Statement: st, Speaker: speakerOf(st), Href: fmt.Sprintf("/w/sources/%d#ts-%d", st.SourceID, st.ID)}
}

func claimsByID(claims []*inquest.Claim) map[int64]*inquest.Claim {
	m := make(map[int64]*inquest.Claim, len(claims))
	for _, c := range claims {
		m[c.ID] = c
	}
	return m
}

// ---- contradictions

type wsContradictionsPage struct {
	wsPage
	Items    []wsContradiction
	Self     string
	Status   inquest.ContradictionStatus
	Statuses []wsStatusTab
	Pager    pager
}

// wsStatusTab links the list of one status.
type wsStatusTab struct {
	Status  inquest.ContradictionStatus
	Href    string
	Current bool
}

func (p wsContradictionsPage) PageTitle() string { return "Contradictions · " + p.Case.Title }

type wsContradiction struct {
	*inquest.Contradiction
	Claim *inquest.Claim
	A, B  wsStatementRef
}

// contradictionsPerPage is how many contradictions one page shows: a large
// case derives millions, read a page at a time.
const contradictionsPerPage = 100

func (s *Server) wsContradictionsPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	a, err := s.analysis()
	if err != nil {
		return err
	}
	ctx := r.Context()
	// Suggested ones first: they are what waits for an analyst.
	status := inquest.ContradictionSuggested
	if v := r.URL.Query().Get("status"); v != "" {
		status = inquest.ContradictionStatus(v)
	}
	statuses := []inquest.ContradictionStatus{inquest.ContradictionSuggested, inquest.ContradictionConfirmed, inquest.ContradictionDismissed}
	if !slices.Contains(statuses, status) {
		return inquest.Errorf(inquest.EINVALID, "status %q is not suggested, confirmed or dismissed", status)
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	list, more, err := a.ContradictionsPage(ctx, c.ID, status, (n-1)*contradictionsPerPage, contradictionsPerPage)
	if err != nil {
		return err
	}
	claims, err := s.caseClaims(ctx, c.ID)
	if err != nil {
		return err
	}
	byID := claimsByID(claims)
	base := "/w/cases/" + url.PathEscape(c.Slug) + "/contradictions"
	listBase := base
	if status != inquest.ContradictionSuggested {
		listBase += "?status=" + url.QueryEscape(string(status))
	}
	p := wsContradictionsPage{wsPage: s.wsBase(r, c, "contradictions"), Self: wsPageLink(listBase, n), Status: status,
		Pager: pager{Page: n, First: (n-1)*contradictionsPerPage + 1, Last: (n-1)*contradictionsPerPage + len(list)}}
	for _, st := range statuses {
		href := base
		if st != inquest.ContradictionSuggested {
			href += "?status=" + url.QueryEscape(string(st))
		}
		p.Statuses = append(p.Statuses, wsStatusTab{Status: st, Href: href, Current: st == status})
	}
	if n > 1 {
		p.Pager.Prev = wsPageLink(listBase, n-1)
	}
	if more {
		p.Pager.Next = wsPageLink(listBase, n+1)
	}
	// Only this page's statements are read, in one query: two hundred
	// queries one after the other would each wait for a connection on a
	// busy server.
	rr, err := s.recordReads()
	if err != nil {
		return err
	}
	sts, err := rr.StatementsByID(ctx, contradictionStatements(list))
	if err != nil {
		return err
	}
	refs := map[int64]wsStatementRef{}
	for _, st := range sts {
		refs[st.ID] = statementRef(st)
	}
	ref := func(id int64) (wsStatementRef, error) {
		if r, ok := refs[id]; ok {
			return r, nil
		}
		return wsStatementRef{}, inquest.Errorf(inquest.ENOTFOUND, "statement %d does not exist", id)
	}
	for _, x := range list {
		ra, err := ref(x.AStatementID)
		if err != nil {
			return err
		}
		rb, err := ref(x.BStatementID)
		if err != nil {
			return err
		}
		p.Items = append(p.Items, wsContradiction{Contradiction: x, Claim: byID[x.ClaimID], A: ra, B: rb})
	}
	s.render(w, r, http.StatusOK, "ws_contradictions", p)
	return nil
}

func (s *Server) wsContradictionStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "contradiction")
	if err != nil {
		return err
	}
	status := r.PostFormValue("status")
	if err := s.opContradictionStatus(r.Context(), id, status, r.PostFormValue("note")); err != nil {
		return err
	}
	backTo(w, r, "/w/", fmt.Sprintf("Contradiction %d: %s.", id, map[string]string{"confirm": "confirmed", "dismiss": "dismissed", "reopen": "reopened"}[status]))
	return nil
}

// ---- claims

// The claims page lists the case's claims; one claim's page (?claim=slug)
// shows its stances a page at a time with the statements that take them.
// A claim of a million-statement case holds hundreds of stances, the case
// millions: neither page reads the case's statements or stances.

type wsClaimsPage struct {
	wsPage
	Claims []*inquest.Claim // the list, when no claim is chosen
	Claim  *inquest.Claim   // the chosen claim
	Counts map[string]int   // by stance kind
	Total  int
	// Stances are this page of the claim's stances.
	Stances []wsStance
	Self    string
	Pager   pager
}

func (p wsClaimsPage) PageTitle() string {
	if p.Claim != nil {
		return p.Claim.Slug + " · Claims · " + p.Case.Title
	}
	return "Claims · " + p.Case.Title
}

type wsStance struct {
	*inquest.Stance
	Statement wsStatementRef
}

// claimStancesPerPage is how many stances one page of a claim shows.
const claimStancesPerPage = 100

func (s *Server) wsClaimsPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	claims, err := s.caseClaims(ctx, c.ID)
	if err != nil {
		return err
	}
	base := "/w/cases/" + url.PathEscape(c.Slug) + "/claims"
	p := wsClaimsPage{wsPage: s.wsBase(r, c, "claims"), Self: base}
	slug := r.URL.Query().Get("claim")
	if slug == "" {
		p.Claims = claims
		s.render(w, r, http.StatusOK, "ws_claims", p)
		return nil
	}
	for _, cl := range claims {
		if cl.Slug == slug {
			p.Claim = cl
		}
	}
	if p.Claim == nil {
		return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no claim %q. See %s for its claims.", c.Slug, slug, base)
	}
	pw, err := s.paged()
	if err != nil {
		return err
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	claimBase := base + "?claim=" + url.QueryEscape(slug)
	p.Self = wsPageLink(claimBase, n)
	list, more, err := pw.ClaimStancesPage(ctx, p.Claim.ID, claimStancesPerPage, (n-1)*claimStancesPerPage)
	if err != nil {
		return err
	}
	if n > 1 && len(list) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "Claim %s has no page %d of stances now; start again at the first.", slug, n)
	}
	counts, err := pw.ClaimStanceCounts(ctx, p.Claim.ID)
	if err != nil {
		return err
	}
	p.Counts = map[string]int{}
	for kind, k := range counts {
		p.Counts[string(kind)] = k
		p.Total += k
	}
	p.Pager = pager{Page: n, First: (n-1)*claimStancesPerPage + 1, Last: (n-1)*claimStancesPerPage + len(list), Total: p.Total}
	if n > 1 {
		p.Pager.Prev = wsPageLink(claimBase, n-1)
	}
	if more {
		p.Pager.Next = wsPageLink(claimBase, n+1)
	}
	ids := make([]int64, len(list))
	for i, sn := range list {
		ids[i] = sn.StatementID
	}
	stmts, err := pw.StatementsByID(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[int64]*inquest.Statement, len(stmts))
	for _, st := range stmts {
		byID[st.ID] = st
	}
	for _, sn := range list {
		if st := byID[sn.StatementID]; st != nil {
			p.Stances = append(p.Stances, wsStance{Stance: sn, Statement: statementRef(st)})
		}
	}
	s.render(w, r, http.StatusOK, "ws_claims", p)
	return nil
}

// ---- questions

type wsQuestionsPage struct {
	wsPage
	Questions []wsQuestion
	Total     int
	Self      string
	Pager     pager
}

func (p wsQuestionsPage) PageTitle() string { return "Questions · " + p.Case.Title }

type wsQuestion struct {
	*inquest.Question
	DaysOpen int // -1 when the day asked is unknown or it is no longer open
	Answer   *wsStatementRef
}

// questionsPerPage is how many questions one page shows.
const questionsPerPage = 100

// wsQuestionsPage lists the case's questions a page at a time, with the
// statements that answer the ones shown, read together.
func (s *Server) wsQuestionsPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	pw, err := s.paged()
	if err != nil {
		return err
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	qs, total, err := pw.QuestionsPage(ctx, c.ID, questionsPerPage, (n-1)*questionsPerPage)
	if err != nil {
		return err
	}
	if n > 1 && len(qs) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no page %d of questions.", c.Slug, n)
	}
	base := "/w/cases/" + url.PathEscape(c.Slug) + "/questions"
	p := wsQuestionsPage{wsPage: s.wsBase(r, c, "questions"), Self: wsPageLink(base, n), Total: total,
		Pager: pager{Page: n, First: (n-1)*questionsPerPage + 1, Last: (n-1)*questionsPerPage + len(qs), Total: total}}
	if n > 1 {
		p.Pager.Prev = wsPageLink(base, n-1)
	}
	if p.Pager.Last < total {
		p.Pager.Next = wsPageLink(base, n+1)
	}
	var answerIDs []int64
	for _, q := range qs {
		if q.AnswerStatementID != 0 {
			answerIDs = append(answerIDs, q.AnswerStatementID)
		}
	}
	answers, err := pw.StatementsByID(ctx, answerIDs)
	if err != nil {
		return err
	}
	answerByID := make(map[int64]*inquest.Statement, len(answers))
	for _, st := range answers {
		answerByID[st.ID] = st
	}
	day := today()
	for _, q := range qs {
		wq := wsQuestion{Question: q, DaysOpen: -1}
		if q.Status == inquest.Open {
			wq.DaysOpen = q.DaysOpen(day)
		}
		if st := answerByID[q.AnswerStatementID]; st != nil {
			ref := statementRef(st)
			wq.Answer = &ref
		}
		p.Questions = append(p.Questions, wq)
	}
	s.render(w, r, http.StatusOK, "ws_questions", p)
	return nil
}

func (s *Server) wsQuestionStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "question")
	if err != nil {
		return err
	}
	answer, err := formID(r, "answer")
	if err != nil {
		return err
	}
	if err := s.opQuestionStatus(r.Context(), id, r.PostFormValue("status"), answer, r.PostFormValue("note")); err != nil {
		return err
	}
	backTo(w, r, "/w/", fmt.Sprintf("Question %d updated.", id))
	return nil
}
