package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
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

// statementRefs loads the case's statements by id.
func (s *Server) statementRefs(ctx context.Context, caseID int64) (map[int64]wsStatementRef, error) {
	all, err := s.st.Statements(ctx, inquest.StatementFilter{CaseID: caseID})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]wsStatementRef, len(all))
	for _, st := range all {
		out[st.ID] = statementRef(st)
	}
	return out, nil
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
	claims, err := s.st.Claims(ctx, c.ID)
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
	// Only this page's statements are read.
	refs := map[int64]wsStatementRef{}
	ref := func(id int64) (wsStatementRef, error) {
		if r, ok := refs[id]; ok {
			return r, nil
		}
		st, err := s.st.Statement(ctx, id)
		if err != nil {
			return wsStatementRef{}, err
		}
		refs[id] = statementRef(st)
		return refs[id], nil
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

type wsClaimsPage struct {
	wsPage
	Claims []wsClaim
	Self   string
}

func (p wsClaimsPage) PageTitle() string { return "Claims · " + p.Case.Title }

type wsClaim struct {
	*inquest.Claim
	Stances []wsStance
	Counts  map[string]int
}

type wsStance struct {
	*inquest.Stance
	Statement wsStatementRef
}

func (s *Server) wsClaimsPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	claims, err := s.st.Claims(ctx, c.ID)
	if err != nil {
		return err
	}
	stances, err := s.st.Stances(ctx, c.ID)
	if err != nil {
		return err
	}
	refs, err := s.statementRefs(ctx, c.ID)
	if err != nil {
		return err
	}
	p := wsClaimsPage{wsPage: s.wsBase(r, c, "claims"), Self: "/w/cases/" + url.PathEscape(c.Slug) + "/claims"}
	onClaim := map[int64][]*inquest.Stance{}
	for _, sn := range stances {
		onClaim[sn.ClaimID] = append(onClaim[sn.ClaimID], sn)
	}
	for _, cl := range claims {
		wc := wsClaim{Claim: cl, Counts: map[string]int{}}
		for _, sn := range onClaim[cl.ID] {
			if sn.Review == inquest.Rejected {
				continue
			}
			ref, ok := refs[sn.StatementID]
			if !ok || ref.Review == inquest.Rejected {
				continue
			}
			wc.Stances = append(wc.Stances, wsStance{Stance: sn, Statement: ref})
			wc.Counts[string(sn.Stance)]++
		}
		p.Claims = append(p.Claims, wc)
	}
	s.render(w, r, http.StatusOK, "ws_claims", p)
	return nil
}

// ---- figures

type wsFiguresPage struct {
	wsPage
	Series    []wsSeries
	Conflicts []analysis.FigureConflict
	Figures   []*inquest.Figure
	Self      string
}

func (p wsFiguresPage) PageTitle() string { return "Figures · " + p.Case.Title }

type wsSeries struct {
	analysis.Series
	Chart template.HTML
}

func (s *Server) wsFiguresPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	cw, err := s.casework()
	if err != nil {
		return err
	}
	rec, err := cw.Load(r.Context(), c)
	if err != nil {
		return err
	}
	fr := rec.FigureRecord()
	p := wsFiguresPage{wsPage: s.wsBase(r, c, "figures"), Conflicts: analysis.FigureConflicts(fr), Self: "/w/cases/" + url.PathEscape(c.Slug) + "/figures"}
	for _, se := range analysis.FigureSeries(fr) {
		p.Series = append(p.Series, wsSeries{Series: se, Chart: wsSeriesChart(se)})
	}
	for _, f := range rec.Figures {
		if f.Review != inquest.Rejected {
			p.Figures = append(p.Figures, f)
		}
	}
	s.render(w, r, http.StatusOK, "ws_figures", p)
	return nil
}

// ---- questions

type wsQuestionsPage struct {
	wsPage
	Questions []wsQuestion
	Self      string
}

func (p wsQuestionsPage) PageTitle() string { return "Questions · " + p.Case.Title }

type wsQuestion struct {
	*inquest.Question
	DaysOpen int // -1 when the day asked is unknown or it is no longer open
	Answer   *wsStatementRef
}

func (s *Server) wsQuestionsPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	qs, err := s.st.Questions(ctx, c.ID)
	if err != nil {
		return err
	}
	p := wsQuestionsPage{wsPage: s.wsBase(r, c, "questions"), Self: "/w/cases/" + url.PathEscape(c.Slug) + "/questions"}
	day := today()
	for _, q := range qs {
		if q.Review == inquest.Rejected {
			continue
		}
		wq := wsQuestion{Question: q, DaysOpen: -1}
		if q.Status == inquest.Open {
			wq.DaysOpen = q.DaysOpen(day)
		}
		// Only the answers are read, not every statement of the case.
		if q.AnswerStatementID != 0 {
			st, err := s.st.Statement(ctx, q.AnswerStatementID)
			if err != nil && inquest.ErrorCode(err) != inquest.ENOTFOUND {
				return err
			}
			if st != nil {
				ref := statementRef(st)
				wq.Answer = &ref
			}
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
