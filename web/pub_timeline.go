package web

import (
	"cmp"
	"maps"
	"slices"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// pubTimeline is the public timeline without the statements' words: the
// events and figures as analysis.BuildTimeline placed them, and each
// statement by id on the day analysis.StatementDay gives it. A page reads
// the words of its own days' statements.
type pubTimeline struct {
	days    []pubDay
	undated []pubItem
}

type pubDay struct {
	on    inquest.Date
	items []pubItem
}

// pubItem is an event or figure (other), or a statement by id.
type pubItem struct {
	other     *analysis.Item
	statement int64
	datedBy   string
}

// buildPubTimeline merges the statements of keys into t, which holds the
// events and figures: within a day events come first, then statements,
// then figures, each by id, as in analysis.BuildTimeline.
func buildPubTimeline(t analysis.Timeline, keys []inquest.StatementKey, published map[int64]inquest.Date) pubTimeline {
	type dated struct {
		id      int64
		datedBy string
	}
	byDay := map[inquest.Date][]dated{}
	var undated []dated
	for _, k := range keys { // by id
		on, how := analysis.StatementDay(k.SaidOn, published[k.SourceID])
		if on.Known() {
			byDay[on] = append(byDay[on], dated{k.ID, how})
		} else {
			undated = append(undated, dated{k.ID, how})
		}
	}
	merge := func(others []analysis.Item, sts []dated) []pubItem {
		out := make([]pubItem, 0, len(others)+len(sts))
		i := 0
		for ; i < len(others) && others[i].Kind == analysis.ItemEvent; i++ {
			out = append(out, pubItem{other: &others[i]})
		}
		for _, st := range sts {
			out = append(out, pubItem{statement: st.id, datedBy: st.datedBy})
		}
		for ; i < len(others); i++ {
			out = append(out, pubItem{other: &others[i]})
		}
		return out
	}
	var out pubTimeline
	days := map[inquest.Date][]analysis.Item{}
	for _, d := range t.Days {
		days[d.On] = d.Items
	}
	for on := range byDay {
		if _, ok := days[on]; !ok {
			days[on] = nil
		}
	}
	for _, on := range slices.Sorted(maps.Keys(days)) {
		out.days = append(out.days, pubDay{on: on, items: merge(days[on], byDay[on])})
	}
	out.undated = merge(t.Undated, undated)
	return out
}

// statementIDs are the statements of the items.
func statementIDs(items []pubItem) []int64 {
	var ids []int64
	for _, it := range items {
		if it.statement != 0 {
			ids = append(ids, it.statement)
		}
	}
	return ids
}

// item returns the timeline item of it, with the words of a statement
// read for the page; a statement no longer public is left out.
func (r *pubReads) timelineItem(it pubItem, on inquest.Date) (analysis.Item, bool) {
	if it.other != nil {
		return *it.other, true
	}
	st := r.statement[it.statement]
	if st == nil {
		return analysis.Item{}, false
	}
	return analysis.Item{Kind: analysis.ItemStatement, On: on, DatedBy: it.datedBy, Text: st.Text, StatementID: st.ID,
		Who: cmp.Or(r.nameOf(st.PersonID), st.SpeakerName, st.SpeakerRole), SourceIDs: []int64{st.SourceID}}, true
}
