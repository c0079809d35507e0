package web

import (
	"html/template"
	"net/http"

	"github.com/inquest-project/inquest"
)

type casePage struct {
	Case       *inquest.Case
	Section    string
	Background template.HTML // rendered from Markdown and sanitised
	Sources    []*inquest.Source
	Public     bool               // the public view: case navigation, chapters, feeds
	Chapters   []*inquest.Chapter // published versions
	Rec        *pubRecord
	Pager      pager // of Sources
}

func (p casePage) PageTitle() string { return p.Case.Title }

func (s *Server) casePage(w http.ResponseWriter, r *http.Request) error {
	return s.cachedPublic(s.renderCasePage)(w, r)
}

func (s *Server) renderCasePage(w http.ResponseWriter, r *http.Request) error {
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	c := rec.Case
	bg, err := renderMarkdown(c.Background)
	if err != nil {
		return err
	}
	// The sources come from the public record, a page at a time: a case
	// of a hundred thousand sources is not one page.
	pg, err := pageOf(n, len(rec.Listed), pubPageSize, s.pubCtx(r).link("/cases/"+c.Slug))
	if err != nil {
		return err
	}
	reads, err := s.readPublic(r.Context(), rec, nil, window(rec.Listed, pg))
	if err != nil {
		return err
	}
	page := casePage{Case: c, Section: "case", Background: bg, Sources: reads.sourceList(), Pager: pg,
		Public: true, Chapters: rec.Chapters, Rec: rec}
	s.render(w, r, http.StatusOK, "case", page)
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
