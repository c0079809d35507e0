package analysis

import (
	"cmp"
	"maps"
	"slices"

	"github.com/inquest-project/inquest"
)

// TimelineRecord is what a case's timeline is drawn from.
type TimelineRecord struct {
	Events     []*inquest.Event
	Statements []*inquest.Statement
	// Figures are placed on the day they held, as in their series, and
	// their revisions are marked.
	Figures FigureRecord
	// Sources date the statements that say nothing of their own day: a
	// statement is placed on its source's publication day, marked so.
	Sources []*inquest.Source
}

// ItemKind says what a timeline item is.
type ItemKind string

// Item kinds, in the order they are listed within a day.
const (
	ItemEvent     ItemKind = "event"
	ItemStatement ItemKind = "statement"
	ItemFigure    ItemKind = "figure"
)

// How an item's day is known.
const (
	DatedOn        = "on"        // an event's day, a statement's day said
	DatedAsOf      = "as of"     // a figure's as-of day
	DatedSaid      = "said"      // a figure dated by the statement it was said in
	DatedPublished = "published" // the source's publication day: the words may be older
)

// Item is one thing on the time axis.
type Item struct {
	Kind    ItemKind     `json:"kind"`
	On      inquest.Date `json:"on,omitempty"`
	DatedBy string       `json:"dated_by,omitempty"`
	// Text is an event's title, a statement's quotation, a figure's phrase.
	Text        string  `json:"text"`
	Who         string  `json:"who,omitempty"` // speaker or claimant
	EventID     int64   `json:"event_id,omitempty"`
	StatementID int64   `json:"statement_id,omitempty"`
	FigureID    int64   `json:"figure_id,omitempty"`
	SourceIDs   []int64 `json:"source_ids,omitempty"`
	// Suggested marks what the engine proposed and no analyst has
	// confirmed yet; Private marks events kept from readers. Neither may
	// reach a public page.
	Suggested bool `json:"suggested,omitempty"`
	Private   bool `json:"private,omitempty"`
	// For figures: the measure, the value as a reader would write it, and,
	// when the claimant (or office) had given another count before, that
	// count: the figure revises it.
	Measure string `json:"measure,omitempty"`
	Value   string `json:"value,omitempty"`
	Revises string `json:"revises,omitempty"`
}

// Day is the items of one day.
type Day struct {
	On    inquest.Date `json:"on"`
	Items []Item       `json:"items"`
}

// Timeline is a case on one time axis: the days in order, and apart, the
// items whose day nothing tells.
type Timeline struct {
	Days    []Day  `json:"days"`
	Undated []Item `json:"undated"`
}

// BuildTimeline places events, statements (confirmed and suggested, marked;
// rejected ones never) and figures (with their revisions marked) on one time
// axis, ordered by day, then events before statements before figures, then
// by id. Items with no known day are listed apart, in the same order.
func BuildTimeline(r TimelineRecord) Timeline {
	var items []Item
	for _, e := range r.Events {
		items = append(items, Item{Kind: ItemEvent, On: e.On, DatedBy: datedIf(e.On, DatedOn), Text: e.Title, EventID: e.ID,
			SourceIDs: e.SourceIDs, Private: e.Private})
	}
	published := map[int64]inquest.Date{}
	for _, s := range r.Sources {
		published[s.ID] = s.Published
	}
	actors := NewActors(r.Figures.People)
	for _, st := range r.Statements {
		if st.Review == inquest.Rejected {
			continue
		}
		it := Item{Kind: ItemStatement, Text: st.Text, StatementID: st.ID,
			Who: cmp.Or(actors.Name(st.PersonID), st.SpeakerName, st.SpeakerRole), SourceIDs: []int64{st.SourceID},
			Suggested: st.Review != inquest.Confirmed}
		it.On, it.DatedBy = StatementDay(st.SaidOn, published[st.SourceID])
		items = append(items, it)
	}
	items = append(items, figureItems(r.Figures)...)

	byDay := map[inquest.Date][]Item{}
	var undated []Item
	for _, it := range items {
		if it.On.Known() {
			byDay[it.On] = append(byDay[it.On], it)
		} else {
			undated = append(undated, it)
		}
	}
	t := Timeline{Days: []Day{}, Undated: sortItems(undated)}
	for _, day := range slices.Sorted(maps.Keys(byDay)) {
		t.Days = append(t.Days, Day{On: day, Items: sortItems(byDay[day])})
	}
	if t.Undated == nil {
		t.Undated = []Item{}
	}
	return t
}

// StatementDay is the day a statement is placed on, and how that day is
// known: the day it was said, or else its source's publication day (the
// words may be older), or no day at all.
func StatementDay(said, published inquest.Date) (inquest.Date, string) {
	if said.Known() {
		return said, DatedOn
	}
	return published, datedIf(published, DatedPublished)
}

func datedIf(d inquest.Date, how string) string {
	if d.Known() {
		return how
	}
	return ""
}

// figureItems places the figures as their series do, and marks each one
// that revises the same claimant's earlier count.
func figureItems(r FigureRecord) []Item {
	series := FigureSeries(r)
	revises := map[int64]string{}
	for _, s := range series {
		for _, c := range revisions(s) {
			if c.Kind == Revised {
				revises[c.Points[1].Figure.ID] = FormatValue(c.Points[0].Figure)
			}
		}
	}
	statementDay := map[int64]inquest.Date{}
	for _, st := range r.Statements {
		statementDay[st.ID] = st.SaidOn
	}
	var out []Item
	for _, s := range series {
		for _, p := range s.Points {
			f := p.Figure
			it := Item{Kind: ItemFigure, On: p.On, Text: f.Text, Who: p.Claimant, FigureID: f.ID, StatementID: f.StatementID,
				SourceIDs: []int64{f.SourceID}, Suggested: f.Review != inquest.Confirmed, Measure: s.Name, Value: FormatValue(f),
				Revises: revises[f.ID]}
			switch {
			case !p.On.Known():
			case f.AsOf == p.On:
				it.DatedBy = DatedAsOf
			case statementDay[f.StatementID] == p.On:
				it.DatedBy = DatedSaid
			default:
				it.DatedBy = DatedPublished
			}
			out = append(out, it)
		}
	}
	return out
}

var kindOrder = map[ItemKind]int{ItemEvent: 0, ItemStatement: 1, ItemFigure: 2}

func sortItems(items []Item) []Item {
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]),
			cmp.Compare(a.EventID+a.FigureID, b.EventID+b.FigureID), cmp.Compare(a.StatementID, b.StatementID))
	})
	return items
}
