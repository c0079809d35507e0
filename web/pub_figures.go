package web

import (
	"fmt"
	"html/template"
	"net/http"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

type matrixPage struct {
	pubBase
	Matrix matrixModel
	SVG    template.HTML
	Pager  pager // of actors
}

func (p matrixPage) PageTitle() string { return "Who contradicts whom · " + p.Case.Title }

func (s *Server) matrixPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	n, err := pageNumber(r)
	if err != nil {
		return err
	}
	m, err := buildMatrix(r.Context(), pc, rec)
	if err != nil {
		return err
	}
	// A page of actors at a time, with the claims they took a side on: at
	// a million statements the whole grid is thousands of actors by
	// hundreds of claims, a page of hundreds of megabytes.
	pg, err := pageOf(n, len(m.Rows), matrixPageRows, pc.link("/cases/"+rec.Case.Slug+"/matrix"))
	if err != nil {
		return err
	}
	m = m.window(pg)
	s.render(w, r, http.StatusOK, "pub_matrix", matrixPage{pubBase: pubBase{Case: rec.Case, Section: "matrix", Rec: rec}, Matrix: m, SVG: matrixSVG(pc, m), Pager: pg})
	return nil
}

// matrixPageRows is how many actors one page of the matrix shows.
var matrixPageRows = 40

// window keeps the rows of page p and, of the claims, those any of them
// took a side on.
func (m matrixModel) window(p pager) matrixModel {
	rows := window(m.Rows, p)
	var keep []int
	for c := range m.Claims {
		for _, row := range rows {
			if len(row.Cells[c]) > 0 {
				keep = append(keep, c)
				break
			}
		}
	}
	out := matrixModel{}
	for _, c := range keep {
		out.Claims, out.Texts, out.Hrefs = append(out.Claims, m.Claims[c]), append(out.Texts, m.Texts[c]), append(out.Hrefs, m.Hrefs[c])
	}
	for _, row := range rows {
		cp := row
		cp.Cells = make([]map[inquest.StanceKind]int, len(keep))
		for i, c := range keep {
			cp.Cells[i] = row.Cells[c]
		}
		out.Rows = append(out.Rows, cp)
	}
	return out
}

type measureSummary struct {
	Slug, Name string
	Figures    int
	Conflicts  int
	Latest     string
}

type figuresPage struct {
	pubBase
	Measures []measureSummary
}

func (p figuresPage) PageTitle() string { return "Figures · " + p.Case.Title }

func (s *Server) figuresPage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	page := figuresPage{pubBase: pubBase{Case: rec.Case, Section: "figures", Rec: rec}}
	for _, sr := range rec.Series {
		m := measureSummary{Slug: seriesSlug(sr), Name: sr.Name, Figures: len(sr.Points)}
		if m.Name == "" {
			m.Name = sr.Measure
		}
		for _, c := range rec.Conflicts {
			if c.Measure == sr.Measure {
				m.Conflicts++
			}
		}
		if n := len(sr.Points); n > 0 {
			m.Latest = analysis.FormatValue(sr.Points[n-1].Figure)
		}
		page.Measures = append(page.Measures, m)
	}
	s.render(w, r, http.StatusOK, "pub_figures", page)
	return nil
}

type figurePoint struct {
	analysis.Point
	Value string
	Href  string
}

type conflictView struct {
	analysis.FigureConflict
	Points []figurePoint
}

type measurePage struct {
	pubBase
	Slug, Name string
	Chart      template.HTML
	Points     []figurePoint
	Conflicts  []conflictView
}

func (p measurePage) PageTitle() string { return p.Name + " · " + p.Case.Title }

func (s *Server) measurePage(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	slug := r.PathValue("measure")
	hrefOf := func(f *inquest.Figure) string { return pc.link(fmt.Sprintf("/sources/%d#tf-%d", f.SourceID, f.ID)) }
	point := func(p analysis.Point) figurePoint {
		return figurePoint{Point: p, Value: analysis.FormatValue(p.Figure), Href: hrefOf(p.Figure)}
	}
	for _, sr := range rec.Series {
		if seriesSlug(sr) != slug {
			continue
		}
		page := measurePage{pubBase: pubBase{Case: rec.Case, Section: "figures", Rec: rec}, Slug: slug, Name: sr.Name,
			Chart: seriesChartSVG(pc, sr, hrefOf)}
		if page.Name == "" {
			page.Name = sr.Measure
		}
		for _, p := range sr.Points {
			page.Points = append(page.Points, point(p))
		}
		for _, c := range rec.Conflicts {
			if c.Measure != sr.Measure {
				continue
			}
			cv := conflictView{FigureConflict: c}
			for _, p := range c.Points {
				cv.Points = append(cv.Points, point(p))
			}
			page.Conflicts = append(page.Conflicts, cv)
		}
		s.render(w, r, http.StatusOK, "pub_measure", page)
		return nil
	}
	return inquest.Errorf(inquest.ENOTFOUND, "There is no measure %q.", slug)
}
