package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// People in the workspace: every actor with names in several scripts and
// positions; one person's statements in date order with their stances; and
// merging two records of one person.

type wsPeoplePage struct {
	wsPage
	People []*inquest.Person
	Pager  pager
}

func (wsPeoplePage) PageTitle() string { return "People · Workspace" }

// peoplePerPage is how many people one page of the list shows.
const peoplePerPage = 100

func (s *Server) wsPeoplePage(w http.ResponseWriter, r *http.Request) error {
	pw, err := s.paged()
	if err != nil {
		return err
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	people, total, err := pw.PeoplePage(r.Context(), peoplePerPage, (n-1)*peoplePerPage)
	if err != nil {
		return err
	}
	if n > 1 && len(people) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no page %d of people.", n)
	}
	p := wsPeoplePage{wsPage: s.wsBase(r, nil, "people"), People: people,
		Pager: pager{Page: n, First: (n-1)*peoplePerPage + 1, Last: (n-1)*peoplePerPage + len(people), Total: total}}
	if n > 1 {
		p.Pager.Prev = wsPageLink("/w/people", n-1)
	}
	if p.Pager.Last < total {
		p.Pager.Next = wsPageLink("/w/people", n+1)
	}
	s.render(w, r, http.StatusOK, "ws_people", p)
	return nil
}

type wsPersonPage struct {
	wsPage
	Person     *inquest.Person
	Statements []wsPersonStatement
	Total      int
	Pager      pager
	// People is the list the merge field names the other record from.
	People pickList
}

func (p wsPersonPage) PageTitle() string { return p.Person.Name + " · Workspace" }

type wsPersonStatement struct {
	*inquest.Statement
	Case    *inquest.Case
	Stances []stanceView
}

// personStatementsPerPage is how many statements one page of a person
// shows: a busy speaker of a large case has thousands.
const personStatementsPerPage = 100

// wsPersonPage shows a person's statements in date order a page at a time,
// with the stances of those statements only.
func (s *Server) wsPersonPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.st.PersonBySlug(ctx, r.PathValue("slug"))
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no person %q. See /w/people.", r.PathValue("slug"))
	}
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
	stmts, total, err := pw.PersonStatementsPage(ctx, p.ID, personStatementsPerPage, (n-1)*personStatementsPerPage)
	if err != nil {
		return err
	}
	if n > 1 && len(stmts) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "%s has no page %d of statements.", p.Name, n)
	}
	base := "/w/people/" + url.PathEscape(p.Slug)
	page := wsPersonPage{wsPage: s.wsBase(r, nil, "people"), Person: p, Total: total,
		Pager: pager{Page: n, First: (n-1)*personStatementsPerPage + 1, Last: (n-1)*personStatementsPerPage + len(stmts), Total: total}}
	if n > 1 {
		page.Pager.Prev = wsPageLink(base, n-1)
	}
	if (n-1)*personStatementsPerPage+len(stmts) < total {
		page.Pager.Next = wsPageLink(base, n+1)
	}
	cases, err := s.st.Cases(ctx)
	if err != nil {
		return err
	}
	caseByID := map[int64]*inquest.Case{}
	for _, c := range cases {
		caseByID[c.ID] = c
	}
	ids := make([]int64, len(stmts))
	for i, st := range stmts {
		ids[i] = st.ID
	}
	stances, err := pw.StancesOfStatements(ctx, ids)
	if err != nil {
		return err
	}
	// The claims of the cases this page's stances are in, once a case.
	caseOf := map[int64]int64{}
	for _, st := range stmts {
		caseOf[st.ID] = st.CaseID
	}
	claimsOf := map[int64]map[int64]*inquest.Claim{}
	stancesOf := map[int64][]stanceView{}
	for _, sn := range stances {
		if sn.Review == inquest.Rejected {
			continue
		}
		cid := caseOf[sn.StatementID]
		if claimsOf[cid] == nil {
			claims, err := s.caseClaims(ctx, cid)
			if err != nil {
				return err
			}
			claimsOf[cid] = claimsByID(claims)
		}
		if cl := claimsOf[cid][sn.ClaimID]; cl != nil {
			stancesOf[sn.StatementID] = append(stancesOf[sn.StatementID], stanceView{Claim: cl, Stance: sn.Stance, Review: sn.Review})
		}
	}
	for _, st := range stmts {
		page.Statements = append(page.Statements, wsPersonStatement{Statement: st, Case: caseByID[st.CaseID], Stances: stancesOf[st.ID]})
	}
	people, err := s.peopleNames(ctx)
	if err != nil {
		return err
	}
	others := make([]*inquest.Person, 0, len(people.people))
	for _, o := range people.people {
		if o.ID != p.ID {
			others = append(others, o)
		}
	}
	page.People = peopleList(others)
	s.render(w, r, http.StatusOK, "ws_person", page)
	return nil
}

func (s *Server) wsMergePerson(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	from, err := s.st.PersonBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	// "into" is the other record as the list names it ("Name (slug)"),
	// its slug or name, or its id (older forms).
	v := strings.TrimSpace(r.PostFormValue("into"))
	if v == "" {
		return inquest.Errorf(inquest.EINVALID, "choose the person to merge %s into", from.Name)
	}
	var target *inquest.Person
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		target, err = s.st.Person(ctx, id)
		if err != nil {
			return err
		}
	} else if target, err = s.personNamed(ctx, v); err != nil {
		return err
	}
	into := target.ID
	if into == from.ID {
		return inquest.Errorf(inquest.EINVALID, "%q is %s itself; choose the other record to merge it into", v, from.Name)
	}
	ws, err := s.ws()
	if err != nil {
		return err
	}
	if err := ws.MergePeople(ctx, from.ID, into, actor(ctx)); err != nil {
		return err
	}
	s.forgetFigureDerivations() // the claimants of figures changed
	// Who said what changed: re-derive every case's contradictions.
	cases, err := s.st.Cases(ctx)
	if err != nil {
		return err
	}
	for _, c := range cases {
		if err := s.opReanalyse(ctx, c.ID, inquest.ContradictionScope{}); err != nil {
			return err
		}
	}
	backTo(w, r, "/w/people/"+target.Slug, fmt.Sprintf("%s merged into %s.", from.Name, target.Name))
	return nil
}
