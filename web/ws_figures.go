package web

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// The workspace's figures page: each measure's series with its chart, the
// conflicts between figures, and every figure a page at a time. The series
// derive from the figures and what places them (their statements, their
// sources, the people file); the page reads those, not the rest of the
// case, whose statements run to a million.

type wsFiguresPage struct {
	wsPage
	Series []wsSeries
	// DerivedAt is when the series and conflicts were derived, when they
	// were kept from an earlier request (ws_figures_cache.go).
	DerivedAt time.Time
	// Conflicts are the first conflictsShown of AllConflicts.
	Conflicts    []analysis.FigureConflict
	AllConflicts int
	// Derived is the series and conflicts as rendered for a kept
	// derivation, when there is one (ws_figures_derived in the template).
	Derived template.HTML
	// Figures is this page of every figure that is not rejected.
	Figures []*inquest.Figure
	Total   int
	Self    string
	Pager   pager
}

func (p wsFiguresPage) PageTitle() string { return "Figures · " + p.Case.Title }

// wsSeries is a measure's series as the page shows it: the chart, drawn
// from every point, and the first points listed. It keeps no more, for a
// derivation is kept for a minute or more (ws_figures_cache.go), and at tens of
// thousands of figures all the points were a hundred megabytes.
type wsSeries struct {
	Measure, Name string
	Chart         template.HTML
	// Shown are the points listed under the chart, of Points in all.
	Shown  []analysis.Point
	Points int
}

// showSeries is how the page shows se.
func showSeries(se analysis.Series) wsSeries {
	return wsSeries{Measure: se.Measure, Name: se.Name, Chart: wsSeriesChart(se),
		Shown: slices.Clone(se.Points[:min(len(se.Points), pointsShown)]), Points: len(se.Points)}
}

const (
	// figuresPerPage is how many figures one page of the full list shows.
	figuresPerPage = 100
	// pointsShown is how many of a series' points are listed under its
	// chart; the rest are in the full list.
	pointsShown = 50
	// conflictsShown is how many conflicts are listed.
	conflictsShown = 100
)

func (s *Server) wsFiguresPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	base := "/w/cases/" + url.PathEscape(c.Slug) + "/figures"
	p := wsFiguresPage{wsPage: s.wsBase(r, c, "figures"), Self: wsPageLink(base, n)}
	from := (n - 1) * figuresPerPage
	if n == 1 {
		// The first page has the series and conflicts, which derive from
		// every figure; the rest are the list alone, read a page at a
		// time.
		d, kept, err := s.figureDerivationOf(r.Context(), c, r.URL.Query().Get("fresh") != "")
		if err != nil {
			return err
		}
		if kept {
			p.DerivedAt = d.At
		}
		p.Conflicts, p.AllConflicts = d.Conflicts, d.AllConflicts
		p.Series = d.Series
		if kept {
			if p.Derived, err = s.renderedDerivation(r, d, p); err != nil {
				return err
			}
		}
	}
	// The list of every figure is read as it is now, a page at a time.
	pw, err := s.paged()
	if err != nil {
		return err
	}
	if p.Figures, p.Total, err = pw.FiguresPage(r.Context(), c.ID, figuresPerPage, from); err != nil {
		return err
	}
	if n > 1 && len(p.Figures) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no page %d of figures.", c.Slug, n)
	}
	p.Pager = pager{Page: n, First: from + 1, Last: from + len(p.Figures), Total: p.Total}
	if n > 1 {
		p.Pager.Prev = wsPageLink(base, n-1) + "#every-figure"
	}
	if p.Pager.Last < p.Total {
		p.Pager.Next = wsPageLink(base, n+1) + "#every-figure"
	}
	s.render(w, r, http.StatusOK, "ws_figures", p)
	return nil
}

// figureRecord reads what the case's figure series derive from: the
// figures, measures and people, and of the statements and sources only
// those that place a figure. A figure no statement or claimant accounts
// for is placed from its source's text and statements (the quotation
// rule), which are read for its source alone; a figure without a day is
// dated by its source. The series come out as from the whole case
// (casework's Load and FigureRecord).
func (s *Server) figureRecord(ctx context.Context, c *inquest.Case) (analysis.FigureRecord, error) {
	var fr analysis.FigureRecord
	a, err := s.analysis()
	if err != nil {
		return fr, err
	}
	pw, err := s.paged()
	if err != nil {
		return fr, err
	}
	if fr.Figures, err = s.st.Figures(ctx, c.ID); err != nil {
		return fr, err
	}
	if fr.Measures, err = a.Measures(ctx, c.ID); err != nil {
		return fr, err
	}
	if fr.PartOf, err = a.MeasureParts(ctx, c.ID); err != nil {
		return fr, err
	}
	if fr.People, err = s.st.People(ctx); err != nil {
		return fr, err
	}
	// The statements and sources that place them: those the figures
	// name, and for a figure that names no one, its source's words and
	// all of its statements.
	if fr.Statements, err = pw.FigureStatements(ctx, c.ID); err != nil {
		return fr, err
	}
	if fr.Sources, err = pw.FigureSources(ctx, c.ID); err != nil {
		return fr, err
	}
	// In the order the whole case's come in (by source and start), which
	// the quotation rule walks.
	slices.SortFunc(fr.Statements, func(a, b *inquest.Statement) int {
		return cmp.Or(cmp.Compare(a.SourceID, b.SourceID), cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	return fr, nil
}
