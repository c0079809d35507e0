package web

import (
	"encoding/json"
	"net/http"
)

// The JSON API grows in the workspace issue; these few endpoints give
// scripts the same view of cases and sources that the pages give readers.

func (s *Server) apiCases(w http.ResponseWriter, r *http.Request) error {
	// A signed-in user or a token gets the workspace view (viewOf).
	cases, err := s.casesIn(r.Context(), s.viewOf(r))
	if err != nil {
		return err
	}
	return writeJSON(w, cases)
}

func (s *Server) apiCaseSources(w http.ResponseWriter, r *http.Request) error {
	c, err := s.caseBySlug(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	sources, err := s.caseSources(r, c)
	if err != nil {
		return err
	}
	return writeJSON(w, sources)
}

func (s *Server) apiSource(w http.ResponseWriter, r *http.Request) error {
	src, _, err := s.visibleSource(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, src)
}

func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(append(b, '\n'))
	return err
}
