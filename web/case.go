package web

import (
	"html/template"
	"net/http"

	"github.com/inquest-project/inquest"
)

type casePage struct {
	Case       *inquest.Case
	Background template.HTML // rendered from Markdown and sanitised
	Sources    []*inquest.Source
}

func (p casePage) PageTitle() string { return p.Case.Title }

func (s *Server) casePage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.caseBySlug(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	sources, err := s.caseSources(r, c)
	if err != nil {
		return err
	}
	bg, err := renderMarkdown(c.Background)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "case", casePage{Case: c, Background: bg, Sources: sources})
	return nil
}

// caseSources lists the newest version of each source the server may show.
func (s *Server) caseSources(r requestCtx, c *inquest.Case) ([]*inquest.Source, error) {
	v := viewOfReq(s, r)
	all, err := s.st.Sources(r.Context(), inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, PublicOnly: !v.workspace, WithoutText: true})
	if err != nil {
		return nil, err
	}
	sources := []*inquest.Source{}
	for _, src := range all {
		if v.canSeeSource(src) {
			sources = append(sources, src)
		}
	}
	return sources, nil
}
