package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/inquest-project/inquest/analysis"
)

// wsSeriesChart draws a figure series as a small SVG: day across, value
// up, each dated point a dot linking to the words that gave it, the line
// joining them in order. Server-side, so it needs no script.
func wsSeriesChart(s analysis.Series) template.HTML {
	const w, h, left, right, top, bottom = 600, 240, 56, 16, 16, 40
	var pts []analysis.Point
	lo, hi := 0.0, math.Inf(-1)
	for _, p := range s.Points {
		if p.On.Known() {
			pts = append(pts, p)
			hi = math.Max(hi, math.Max(p.Figure.Value, p.Figure.ValueMax))
		}
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="ws-chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 %d %d" width="%d" height="%d"><title>%s</title>`,
		w, h, w, h, esc(s.Name))
	if len(pts) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">No dated figures.</text></svg>`, w/2, h/2)
		return template.HTML(b.String())
	}
	if hi <= lo {
		hi = lo + 1
	}
	t0, t1 := pts[0].On.Time(), pts[0].On.Time()
	for _, p := range pts {
		if d := p.On.Time(); d.Before(t0) {
			t0 = d
		} else if d.After(t1) {
			t1 = d
		}
	}
	span := t1.Sub(t0).Hours()
	x := func(p analysis.Point) float64 {
		if span == 0 {
			return float64(left+w-right) / 2
		}
		return left + (w-left-right)*p.On.Time().Sub(t0).Hours()/span
	}
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-(v-lo)/(hi-lo)) }
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, left, top, left, h-bottom)
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end">%s</text>`, left-4, y(v)+4, esc(fmt.Sprintf("%g", math.Round(v))))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11">%s</text>`, left, h-bottom+16, esc(string(pts[0].On)))
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="end">%s</text>`, w-right, h-bottom+16, esc(string(pts[len(pts)-1].On)))
	dot := func(p analysis.Point) {
		fmt.Fprintf(&b, `<a href="/w/sources/%d#tf-%d"><circle cx="%.1f" cy="%.1f" r="5" fill="#0b57a4"><title>%s</title></circle></a>`,
			p.Figure.SourceID, p.Figure.ID, x(p), y(p.Figure.Value),
			esc(fmt.Sprintf("%g on %s, %s: %s", p.Figure.Value, p.On, p.Claimant, p.Figure.Text)))
	}
	if len(pts) > chartDots {
		// More figures than the chart has room for (a large case's series
		// holds thousands, megabytes of dots): each of chartDots/2 columns
		// shows the range of its figures, and its lowest and highest.
		cols := make([]struct{ lo, hi *analysis.Point }, chartDots/2)
		for i := range pts {
			c := min(len(cols)-1, max(0, int((x(pts[i])-left)/(w-left-right)*float64(len(cols)))))
			if cols[c].lo == nil || pts[i].Figure.Value < cols[c].lo.Figure.Value {
				cols[c].lo = &pts[i]
			}
			if cols[c].hi == nil || pts[i].Figure.Value > cols[c].hi.Figure.Value {
				cols[c].hi = &pts[i]
			}
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="middle">%s</text>`, (left+w-right)/2, h-bottom+30,
			esc(fmt.Sprintf("%d figures: each column spans the lowest to the highest of its days", len(pts))))
		for _, c := range cols {
			if c.lo == nil {
				continue
			}
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#0b57a4" stroke-width="1.5"/>`,
				x(*c.lo), y(c.lo.Figure.Value), x(*c.hi), y(c.hi.Figure.Value))
			dot(*c.lo)
			if c.hi != c.lo {
				dot(*c.hi)
			}
		}
		b.WriteString(`</svg>`)
		return template.HTML(b.String())
	}
	var line []string
	for _, p := range pts {
		line = append(line, fmt.Sprintf("%.1f,%.1f", x(p), y(p.Figure.Value)))
	}
	fmt.Fprintf(&b, `<polyline fill="none" stroke="#0b57a4" stroke-width="1.5" points="%s"/>`, strings.Join(line, " "))
	for _, p := range pts {
		dot(p)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// chartDots is the most dots a chart draws one for each figure.
const chartDots = 240
