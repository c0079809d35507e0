package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"github.com/inquest-project/inquest"
)

// People in the workspace: every actor with names in several scripts and
// positions; one person's statements in date order with their stances; and
// merging two records of one person.

type wsPeoplePage struct {
	wsPage
	People []*inquest.Person
}

func (wsPeoplePage) PageTitle() string { return "People · Workspace" }

func (s *Server) wsPeoplePage(w http.ResponseWriter, r *http.Request) error {
	people, err := s.st.People(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "ws_people", wsPeoplePage{wsPage: s.wsBase(r, nil, "people"), People: people})
	return nil
}

type wsPersonPage struct {
	wsPage
	Person     *inquest.Person
	Statements []wsPersonStatement
	Others     []*inquest.Person
}

func (p wsPersonPage) PageTitle() string { return p.Person.Name + " · Workspace" }

type wsPersonStatement struct {
	*inquest.Statement
	Case    *inquest.Case
	Stances []stanceView
}

func (s *Server) wsPersonPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.st.PersonBySlug(ctx, r.PathValue("slug"))
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no person %q. See /w/people.", r.PathValue("slug"))
	}
	if err != nil {
		return err
	}
	page := wsPersonPage{wsPage: s.wsBase(r, nil, "people"), Person: p}
	stmts, err := s.st.Statements(ctx, inquest.StatementFilter{PersonID: p.ID})
	if err != nil {
		return err
	}
	cases, err := s.st.Cases(ctx)
	if err != nil {
		return err
	}
	caseByID := map[int64]*inquest.Case{}
	stancesOf := map[int64][]stanceView{}
	for _, c := range cases {
		caseByID[c.ID] = c
	}
	loaded := map[int64]bool{}
	for _, st := range stmts {
		if st.Review == inquest.Rejected || loaded[st.CaseID] {
			continue
		}
		loaded[st.CaseID] = true
		claims, err := s.st.Claims(ctx, st.CaseID)
		if err != nil {
			return err
		}
		byID := claimsByID(claims)
		stances, err := s.st.Stances(ctx, st.CaseID)
		if err != nil {
			return err
		}
		for _, sn := range stances {
			if cl := byID[sn.ClaimID]; cl != nil && sn.Review != inquest.Rejected {
				stancesOf[sn.StatementID] = append(stancesOf[sn.StatementID], stanceView{Claim: cl, Stance: sn.Stance, Review: sn.Review})
			}
		}
	}
	for _, st := range stmts {
		if st.Review == inquest.Rejected {
			continue
		}
		page.Statements = append(page.Statements, wsPersonStatement{Statement: st, Case: caseByID[st.CaseID], Stances: stancesOf[st.ID]})
	}
	// Date order, unknown days last.
	slices.SortStableFunc(page.Statements, func(a, b wsPersonStatement) int {
		if a.SaidOn.Known() != b.SaidOn.Known() {
			if a.SaidOn.Known() {
				return -1
			}
			return 1
		}
		if n := cmp.Compare(a.SaidOn, b.SaidOn); n != 0 {
			return n
		}
		return cmp.Compare(a.ID, b.ID)
	})
	people, err := s.st.People(ctx)
	if err != nil {
		return err
	}
	for _, o := range people {
		if o.ID != p.ID {
			page.Others = append(page.Others, o)
		}
	}
	s.render(w, r, http.StatusOK, "ws_person", page)
	return nil
}

func (s *Server) wsMergePerson(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	from, err := s.st.PersonBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	into, err := formID(r, "into")
	if err != nil {
		return err
	}
	if into == 0 {
		return inquest.Errorf(inquest.EINVALID, "choose the person to merge %s into", from.Name)
	}
	target, err := s.st.Person(ctx, into)
	if err != nil {
		return err
	}
	ws, err := s.ws()
	if err != nil {
		return err
	}
	if err := ws.MergePeople(ctx, from.ID, into, actor(ctx)); err != nil {
		return err
	}
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
