package web

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// Charts are drawn on the server as SVG, so that they show without
// JavaScript, print, and survive the static export. Each has a title and a
// description for screen readers, and each cell or point a <title> and a
// letter or shape besides its colour, for readers who cannot tell colours.

func esc(s string) string { return html.EscapeString(s) }

// ---- who contradicts whom

type matrixRow struct {
	Name string
	Href string // the person's page, "" for a speaker not in the record
	// Cells per claim: the stances the actor took on it.
	Cells []map[inquest.StanceKind]int
}

type matrixModel struct {
	Claims []*inquest.Claim
	Texts  []string
	Hrefs  []string
	Rows   []matrixRow
}

// buildMatrix builds the grid of actors by claims from the public
// stances. Speakers who are people are known by the record's keys; only
// the statements of other speakers are read, for their names.
func buildMatrix(ctx context.Context, pc pubContext, p *pubRecord) (matrixModel, error) {
	var unnamed []int64
	for _, sn := range p.Stances {
		if p.mustKey(sn.StatementID).PersonID == 0 {
			unnamed = append(unnamed, sn.StatementID)
		}
	}
	reads, err := pc.s.readPublic(ctx, p, unnamed, nil)
	if err != nil {
		return matrixModel{}, err
	}
	m := matrixModel{Claims: p.Claims}
	col := map[int64]int{}
	for i, cl := range p.Claims {
		col[cl.ID] = i
		m.Texts = append(m.Texts, cl.TextIn(pc.lang))
		m.Hrefs = append(m.Hrefs, pc.link("/cases/"+p.Case.Slug+"/claims/"+cl.Slug))
	}
	rowOf := map[string]int{}
	for _, sn := range p.Stances {
		k := p.mustKey(sn.StatementID)
		var name, key string
		if k.PersonID != 0 {
			name, key = p.nameOf(k.PersonID), fmt.Sprintf("p:%d", k.PersonID)
		} else if st := reads.statement[k.ID]; st != nil {
			name = p.speakerName(st)
			key = name
		} else {
			continue // withdrawn since the record was loaded
		}
		i, ok := rowOf[key]
		if !ok {
			i = len(m.Rows)
			rowOf[key] = i
			row := matrixRow{Name: name, Cells: make([]map[inquest.StanceKind]int, len(p.Claims))}
			if pe := p.person[k.PersonID]; pe != nil {
				row.Name = personName(pe, pc.lang)
				row.Href = pc.link("/people/" + pe.Slug)
			}
			m.Rows = append(m.Rows, row)
		}
		c := col[sn.ClaimID]
		if m.Rows[i].Cells[c] == nil {
			m.Rows[i].Cells[c] = map[inquest.StanceKind]int{}
		}
		m.Rows[i].Cells[c][sn.Stance]++
	}
	return m, nil
}

// cellStance sums up an actor's stances on a claim: one kind, or "mixed"
// when the actor both supported and denied it (a reversal).
func cellStance(c map[inquest.StanceKind]int) string {
	switch {
	case len(c) == 0:
		return ""
	case c[inquest.Supports] > 0 && c[inquest.Denies] > 0:
		return "mixed"
	case c[inquest.Supports] > 0:
		return string(inquest.Supports)
	case c[inquest.Denies] > 0:
		return string(inquest.Denies)
	}
	return string(inquest.Qualifies)
}

var stanceFill = map[string]string{
	"supports": "#1a7340", "denies": "#b0212f", "qualifies": "#8a5a00", "mixed": "#5b2a86",
}
var stanceLetter = map[string]string{"supports": "S", "denies": "D", "qualifies": "Q", "mixed": "±"}

// matrixSVG draws actors down and claims across, each cell coloured by the
// actor's stance on the claim and linking to the claim's page.
func matrixSVG(pc pubContext, m matrixModel) template.HTML {
	const cell, labelW, headH = 34, 220, 40
	w := labelW + cell*len(m.Claims) + 10
	h := headH + cell*len(m.Rows) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="matrix" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="matrix-title matrix-desc" width="%d" height="%d" viewBox="0 0 %d %d">`, w, h, w, h)
	fmt.Fprintf(&b, `<title id="matrix-title">%s</title><desc id="matrix-desc">%s</desc>`,
		esc(translate(pc.lang, "Who contradicts whom")),
		esc(fmt.Sprintf(translate(pc.lang, "%d actors by %d claims; S supports, D denies, Q qualifies, ± both supported and denied."), len(m.Rows), len(m.Claims))))
	for j := range m.Claims {
		x := labelW + j*cell
		fmt.Fprintf(&b, `<a href="%s"><text x="%d" y="%d" text-anchor="middle" class="col">%d<title>%s</title></text></a>`,
			esc(m.Hrefs[j]), x+cell/2, headH-12, j+1, esc(m.Texts[j]))
	}
	for i, row := range m.Rows {
		y := headH + i*cell
		name := row.Name
		if len([]rune(name)) > 30 {
			name = string([]rune(name)[:29]) + "…"
		}
		if row.Href != "" {
			fmt.Fprintf(&b, `<a href="%s"><text x="%d" y="%d" text-anchor="end" class="row">%s<title>%s</title></text></a>`, esc(row.Href), labelW-8, y+cell/2+5, esc(name), esc(row.Name))
		} else {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="row">%s<title>%s</title></text>`, labelW-8, y+cell/2+5, esc(name), esc(row.Name))
		}
		for j, c := range row.Cells {
			x := labelW + j*cell
			st := cellStance(c)
			if st == "" {
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="empty" fill="#f3f3f3" stroke="#ccc"/>`, x+1, y+1, cell-2, cell-2)
				continue
			}
			title := fmt.Sprintf("%s — %s: %s", row.Name, m.Texts[j], translate(pc.lang, st))
			fmt.Fprintf(&b, `<a href="%s"><rect x="%d" y="%d" width="%d" height="%d" class="cell %s" fill="%s"><title>%s</title></rect><text x="%d" y="%d" text-anchor="middle" class="mark" fill="#fff">%s</text></a>`,
				esc(m.Hrefs[j]), x+1, y+1, cell-2, cell-2, st, stanceFill[st], esc(title), x+cell/2, y+cell/2+5, stanceLetter[st])
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// ---- figure series

// seriesChartSVG plots a series' dated figures: day across, value up, one
// colour and shape per claimant, a range drawn as a bar between its ends.
func seriesChartSVG(pc pubContext, s analysis.Series, hrefOf func(*inquest.Figure) string) template.HTML {
	const w, h, left, right, top, bottom = 640, 320, 60, 20, 20, 50
	var pts []analysis.Point
	lo, hi := math.Inf(1), math.Inf(-1)
	var t0, t1 time.Time
	for _, p := range s.Points {
		if !p.On.Known() {
			continue
		}
		pts = append(pts, p)
		v, vmax := p.Figure.Value, math.Max(p.Figure.Value, p.Figure.ValueMax)
		lo, hi = math.Min(lo, v), math.Max(hi, vmax)
		d := p.On.Time()
		if t0.IsZero() || d.Before(t0) {
			t0 = d
		}
		if d.After(t1) {
			t1 = d
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-%[1]s-title chart-%[1]s-desc" width="%d" height="%d" viewBox="0 0 %d %d">`, esc(seriesSlug(s)), w, h, w, h)
	fmt.Fprintf(&b, `<title id="chart-%s-title">%s</title>`, esc(seriesSlug(s)), esc(s.Name))
	fmt.Fprintf(&b, `<desc id="chart-%s-desc">%s</desc>`, esc(seriesSlug(s)),
		esc(fmt.Sprintf(translate(pc.lang, "%d dated figures; each point links to the words that gave it."), len(pts))))
	if len(pts) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text></svg>`, w/2, h/2, esc(translate(pc.lang, "No dated figures to plot.")))
		return template.HTML(b.String())
	}
	lo = math.Min(0, lo)
	if hi <= lo {
		hi = lo + 1
	}
	hi = niceCeil(hi)
	span := t1.Sub(t0)
	if span <= 0 {
		span = 24 * time.Hour
		t0 = t0.Add(-12 * time.Hour)
	}
	// Points sit 16 px inside the axes, so the first and last stay clear of them.
	x := func(d time.Time) float64 {
		return left + 16 + float64(w-left-right-32)*float64(d.Sub(t0))/float64(span)
	}
	y := func(v float64) float64 { return top + float64(h-top-bottom)*(1-(v-lo)/(hi-lo)) }
	// Axes and gridlines.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`, left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`, left, top, left, h-bottom)
	for i := 0; i <= 4; i++ {
		v := lo + (hi-lo)*float64(i)/4
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end" class="tick">%s</text>`,
			left, y(v), w-right, y(v), left-6, y(v)+4, formatTick(v))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" class="tick">%s</text>`, left, h-bottom+18, esc(showDate(inquest.DateOf(t0.Add(12*time.Hour)))))
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="tick">%s</text>`, w-right, h-bottom+18, esc(showDate(inquest.DateOf(t1))))
	// One colour per claimant, in order of first appearance.
	palette := []string{"#1f4e99", "#b0212f", "#1a7340", "#8a5a00", "#5b2a86", "#00617a", "#444444"}
	shapes := []string{"circle", "square", "diamond", "triangle"}
	group := map[string]int{}
	var names []string
	for _, p := range pts {
		k := p.Claimant
		if _, ok := group[k]; !ok {
			group[k] = len(names)
			names = append(names, k)
		}
	}
	for _, p := range pts {
		g := group[p.Claimant]
		col, shape := palette[g%len(palette)], shapes[g%len(shapes)]
		px, py := x(p.On.Time()), y(p.Figure.Value)
		who := p.Claimant
		if who == "" {
			who = translate(pc.lang, "unattributed")
		}
		title := fmt.Sprintf("%s, %s: %s", who, showDate(p.On), analysis.FormatValue(p.Figure))
		fmt.Fprintf(&b, `<a href="%s" class="point">`, esc(hrefOf(p.Figure)))
		if p.Figure.ValueMax > p.Figure.Value {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`, px, y(p.Figure.Value), px, y(p.Figure.ValueMax), col)
		}
		b.WriteString(shapeSVG(shape, px, py, col, title))
		b.WriteString(`</a>`)
	}
	// Legend.
	for i, n := range names {
		if n == "" {
			n = translate(pc.lang, "unattributed")
		}
		lx, ly := float64(left+(i%3)*190), float64(h-bottom+30+(i/3)*14)
		if ly > h-4 {
			break
		}
		b.WriteString(shapeSVG(shapes[i%len(shapes)], lx+5, ly-4, palette[i%len(palette)], n))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="legend">%s</text>`, lx+14, ly, esc(n))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func shapeSVG(shape string, x, y float64, col, title string) string {
	t := "<title>" + esc(title) + "</title>"
	switch shape {
	case "square":
		return fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="10" height="10" fill="%s">%s</rect>`, x-5, y-5, col, t)
	case "diamond":
		return fmt.Sprintf(`<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s">%s</polygon>`, x, y-7, x+7, y, x, y+7, x-7, y, col, t)
	case "triangle":
		return fmt.Sprintf(`<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s">%s</polygon>`, x, y-7, x+7, y+6, x-7, y+6, col, t)
	}
	return fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="6" fill="%s">%s</circle>`, x, y, col, t)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

func formatTick(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// seriesSlug is the URL name of a series: its measure's slug, or one made
// from the counted phrase.
func seriesSlug(s analysis.Series) string {
	if inquest.ValidSlug(s.Measure) {
		return s.Measure
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s.Measure) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = out[:60]
	}
	if !inquest.ValidSlug(out) {
		out = fmt.Sprintf("m-%x", fnv32(s.Measure))
	}
	return out
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
