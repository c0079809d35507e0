package hugosite

import (
	"fmt"
	"sort"

	"github.com/inquest-project/inquest"
)

// The public site pages its long lists (web/pub_paging.go): the case's
// sources and contradictions a hundred to a page, the timeline in whole
// days of about three hundred items. Page 1 is the list's own address and
// page n the address with /page/n after it, which is also Hugo's scheme.
// The sources are paged by Hugo's own paginator (the case page is a
// section); the timeline and the contradictions are not pages in Hugo, so
// each of their pages is a content file holding its items.
const (
	pageSize          = 100
	timelinePageItems = 300
)

// pager is the front matter of one page of a list: the links are site
// paths without the language prefix, which the layout adds.
func pager(base string, n, pages int) map[string]any {
	link := func(i int) string {
		if i == 1 {
			return base + "/"
		}
		return fmt.Sprintf("%s/page/%d/", base, i)
	}
	m := map[string]any{"page": n, "pages": pages}
	if n > 1 {
		m["prev"] = link(n - 1)
	}
	if n < pages {
		m["next"] = link(n + 1)
	}
	return m
}

// pagePath is the content file of page n of the list whose page 1 is
// list.md.
func pagePath(list string, n int) string {
	if n == 1 {
		return list + ".md"
	}
	return fmt.Sprintf("%s/page/%d.md", list, n)
}

// timelineDay is one day of the timeline, and items its entries.
type timelineDay struct {
	On    string           `json:"date"`
	Items []map[string]any `json:"items"`
}

// timeline places the public statements, figures and events on days, as
// the public site's timeline does: a statement on the day it was said, else
// the day its source was published; a figure on its as-of day, else its
// statement's, else its source's; an event on its day. (The site places a
// figure through its measure's series; for a figure with no measure it
// shows none. The generated cases confirm no figures.)
func (r *record) timeline(lang string) (days []timelineDay, undated []map[string]any) {
	byDay := map[string][]map[string]any{}
	place := func(on inquest.Date, it map[string]any) {
		if on.Known() {
			byDay[string(on)] = append(byDay[string(on)], it)
		} else {
			undated = append(undated, it)
		}
	}
	for _, e := range r.Events {
		it := map[string]any{"kind": "event", "text": e.Title}
		if len(e.SourceIDs) > 0 && r.source[e.SourceIDs[0]] != nil {
			it["source"] = e.SourceIDs[0]
		}
		place(e.On, it)
	}
	for _, st := range r.Statements {
		on := st.SaidOn
		if !on.Known() {
			on = r.source[st.SourceID].Published
		}
		place(on, map[string]any{"kind": "statement", "text": st.Text, "who": r.speaker(st, lang), "source": st.SourceID, "anchor": fmt.Sprintf("ts-%d", st.ID)})
	}
	for _, f := range r.Figures {
		if f.Measure == "" && f.MeasureID == 0 {
			continue
		}
		on := f.AsOf
		if st := r.statement[f.StatementID]; !on.Known() && st != nil {
			on = st.SaidOn
		}
		if !on.Known() {
			on = r.source[f.SourceID].Published
		}
		place(on, map[string]any{"kind": "figure", "text": f.Text, "who": f.ClaimantName, "source": f.SourceID, "anchor": fmt.Sprintf("tf-%d", f.ID)})
	}
	keys := make([]string, 0, len(byDay))
	for d := range byDay {
		keys = append(keys, d)
	}
	sort.Strings(keys)
	for _, d := range keys {
		days = append(days, timelineDay{On: d, Items: byDay[d]})
	}
	return days, undated
}

// timelinePages splits days into pages of whole days, each closed once it
// holds timelinePageItems items or more, as the public site does; it
// returns the first and end index of each page's days. There is always at
// least one page.
func timelinePages(days []timelineDay) [][2]int {
	var pages [][2]int
	from, items := 0, 0
	for i, d := range days {
		items += len(d.Items)
		if items >= timelinePageItems {
			pages, from, items = append(pages, [2]int{from, i + 1}), i+1, 0
		}
	}
	if from < len(days) || len(pages) == 0 {
		pages = append(pages, [2]int{from, len(days)})
	}
	return pages
}
