package web

import (
	"context"
	"net/http"

	"github.com/inquest-project/inquest"
)

// requestCtx is the part of a request the page builders need.
type requestCtx interface{ Context() context.Context }

type homePage struct {
	Cases []*inquest.Case
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	return s.cachedPublic(s.renderHomePage)(w, r)
}

func (s *Server) renderHomePage(w http.ResponseWriter, r *http.Request) error {
	v := s.viewOf(r)
	cases, err := s.casesIn(r.Context(), v)
	if err != nil {
		return err
	}
	if !v.workspace {
		if cases, err = s.publicCases(r.Context()); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "home", homePage{Cases: cases})
	return nil
}

// casesIn lists the cases view v may see.
func (s *Server) casesIn(ctx context.Context, v view) ([]*inquest.Case, error) {
	all, err := s.st.Cases(ctx)
	if err != nil {
		return nil, err
	}
	cases := []*inquest.Case{}
	for _, c := range all {
		if v.canSeeCase(c) {
			cases = append(cases, c)
		}
	}
	return cases, nil
}
