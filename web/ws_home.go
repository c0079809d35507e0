package web

import (
	"net/http"

	"github.com/inquest-project/inquest"
)

// The workspace's front page lists every case, private ones too, with how
// much waits for review; a case's page lists its sources with theirs.

type wsHomePage struct {
	wsPage
	Cases []wsCaseSummary
}

func (wsHomePage) PageTitle() string { return "Workspace" }

type wsCaseSummary struct {
	Case    *inquest.Case
	Waiting int
}

func (s *Server) wsHome(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.ws()
	if err != nil {
		return err
	}
	cases, err := s.st.Cases(r.Context())
	if err != nil {
		return err
	}
	p := wsHomePage{wsPage: s.wsBase(r, nil, "home")}
	for _, c := range cases {
		counts, err := ws.ReviewCounts(r.Context(), c.ID)
		if err != nil {
			return err
		}
		n := 0
		for _, cnt := range counts {
			n += cnt.Total()
		}
		p.Cases = append(p.Cases, wsCaseSummary{Case: c, Waiting: n})
	}
	s.render(w, r, http.StatusOK, "ws_home", p)
	return nil
}

type wsCasePage struct {
	wsPage
	Sources []wsSourceRow
}

func (p wsCasePage) PageTitle() string { return p.Case.Title + " · Workspace" }

type wsSourceRow struct {
	Source  *inquest.Source
	Waiting inquest.SourceReviewCount
}

func (s *Server) wsCasePage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ws, err := s.ws()
	if err != nil {
		return err
	}
	sources, err := s.st.Sources(r.Context(), inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, WithoutText: true})
	if err != nil {
		return err
	}
	counts, err := ws.ReviewCounts(r.Context(), c.ID)
	if err != nil {
		return err
	}
	byID := map[int64]inquest.SourceReviewCount{}
	for _, n := range counts {
		byID[n.SourceID] = n
	}
	p := wsCasePage{wsPage: s.wsBase(r, c, "sources")}
	for _, src := range sources {
		p.Sources = append(p.Sources, wsSourceRow{Source: src, Waiting: byID[src.ID]})
	}
	s.render(w, r, http.StatusOK, "ws_case", p)
	return nil
}
