package web

import (
	"net/http"
	"strings"

	"github.com/inquest-project/inquest"
)

type casePage struct {
	Case       *inquest.Case
	Background []string // paragraphs
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
	s.render(w, r, http.StatusOK, "case", casePage{Case: c, Background: paragraphs(c.Background), Sources: sources})
	return nil
}

// caseSources lists the newest version of each source the server may show.
func (s *Server) caseSources(r requestCtx, c *inquest.Case) ([]*inquest.Source, error) {
	all, err := s.st.Sources(r.Context(), inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, PublicOnly: !s.workspace, WithoutText: true})
	if err != nil {
		return nil, err
	}
	sources := []*inquest.Source{}
	for _, src := range all {
		if s.canSeeSource(src) {
			sources = append(sources, src)
		}
	}
	return sources, nil
}

// paragraphs splits text at blank lines. The background is Markdown; until
// chapters bring goldmark in, it is shown as plain paragraphs, which keeps
// any HTML in it inert.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, "*") // an emphasised note reads the same without its stars
		if p != "" {
			out = append(out, strings.Join(strings.Fields(p), " "))
		}
	}
	return out
}
