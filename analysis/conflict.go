package analysis

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// ConflictKind says why figures cannot all be true.
type ConflictKind string

// Conflict kinds.
const (
	// Revised is one claimant (or office) giving a different count later.
	Revised ConflictKind = "revised"
	// Inconsistent is one claimant giving two counts for one day.
	Inconsistent ConflictKind = "inconsistent"
	// Disagree is different claimants' counts for one day.
	Disagree ConflictKind = "disagree"
	// Breakdown is parts that do not add up to their total.
	Breakdown ConflictKind = "breakdown"
)

// FigureConflict is a set of figures that cannot all be true, with the reason
// in words an analyst can check.
type FigureConflict struct {
	// ID is derived from the kind, measure and figures, so it stays the same
	// when the analysis runs again.
	ID      string
	Kind    ConflictKind
	Measure string
	Points  []Point
	Reason  string
}

// FigureConflicts finds the figures of the record that cannot all be true:
// a claimant's count revised later, one claimant's two counts for one day,
// different claimants' counts for one day, and parts of a breakdown that do
// not add up to the total given with them. Figures nobody is known to have
// claimed are not compared across sources: there is no one to hold to them.
// series are the record's FigureSeries, which the caller has derived
// already: placing a large case's figures is the costly part.
func FigureConflicts(r FigureRecord, series []Series) []FigureConflict {
	all, _ := FirstFigureConflicts(r, series, -1)
	return all
}

// FirstFigureConflicts returns the first n of the record's FigureConflicts,
// in their order (every one when n < 0), and how many there are in all. A
// page that lists a hundred of them needs no more, and a large case has
// tens of thousands, each with copies of its figures' points: it holds one
// measure's at a time beside the n kept.
func FirstFigureConflicts(r FigureRecord, series []Series, n int) ([]FigureConflict, int) {
	var kept []FigureConflict
	total := 0
	keep := func(found []FigureConflict) {
		total += len(found)
		kept = append(kept, found...)
		if n >= 0 && len(kept) > n {
			slices.SortFunc(kept, compareConflicts)
			kept = slices.Clone(kept[:n])
		}
	}
	for _, s := range series {
		keep(revisions(s))
		keep(disagreements(s))
	}
	keep(breakdowns(r, series))
	slices.SortFunc(kept, compareConflicts)
	return kept, total
}

// compareConflicts orders conflicts by measure, then by their first known
// day, then by ID.
func compareConflicts(a, b FigureConflict) int {
	return cmp.Or(cmp.Compare(a.Measure, b.Measure), cmp.Compare(firstDay(a), firstDay(b)), cmp.Compare(a.ID, b.ID))
}

func firstDay(c FigureConflict) inquest.Date {
	for _, p := range c.Points {
		if p.On.Known() {
			return p.On
		}
	}
	return "9999"
}

// revisions walks each claimant's dated figures of one measure in order and
// reports every step to a value the previous one does not allow.
func revisions(s Series) []FigureConflict {
	byGroup := map[string][]Point{}
	for _, p := range s.Points {
		if g := p.group(); g != "" && p.On.Known() {
			byGroup[g] = append(byGroup[g], p)
		}
	}
	var out []FigureConflict
	for _, g := range slices.Sorted(maps.Keys(byGroup)) {
		ps := byGroup[g]
		for i := 1; i < len(ps); i++ {
			prev, p := ps[i-1], ps[i]
			if rangeOf(prev.Figure).meets(rangeOf(p.Figure)) {
				continue
			}
			c := FigureConflict{Measure: s.Measure, Points: []Point{prev, p}}
			if p.On == prev.On {
				c.Kind = Inconsistent
				c.Reason = fmt.Sprintf("%s gave two counts of %s as of %s: %s and %s",
					p.Claimant, s.Name, p.On, FormatValue(prev.Figure), FormatValue(p.Figure))
			} else {
				c.Kind = Revised
				c.Reason = fmt.Sprintf("%s revised %s from %s (as of %s) to %s (as of %s)",
					p.Claimant, s.Name, FormatValue(prev.Figure), prev.On, FormatValue(p.Figure), p.On)
				if prev.Claimant != p.Claimant {
					c.Reason = fmt.Sprintf("%s revised %s from %s (as of %s, %s) to %s (as of %s, %s)",
						officeName(p), s.Name, FormatValue(prev.Figure), prev.On, prev.Claimant,
						FormatValue(p.Figure), p.On, p.Claimant)
				}
			}
			c.ID = conflictID(c)
			out = append(out, c)
		}
	}
	return out
}

// officeName names the office a point's claimant spoke for.
func officeName(p Point) string {
	if p.actor.Office != "" {
		return "the " + p.actor.Office
	}
	return p.Claimant
}

// disagreements reports, for each day, the counts of one measure by
// different claimants that cannot both be true.
func disagreements(s Series) []FigureConflict {
	byDay := map[inquest.Date][]Point{}
	for _, p := range s.Points {
		if p.group() != "" && p.On.Known() {
			byDay[p.On] = append(byDay[p.On], p)
		}
	}
	var out []FigureConflict
	for _, day := range slices.Sorted(maps.Keys(byDay)) {
		ps := byDay[day]
		involved := map[int64]bool{}
		for i, a := range ps {
			for _, b := range ps[i+1:] {
				if a.group() != b.group() && !rangeOf(a.Figure).meets(rangeOf(b.Figure)) {
					involved[a.Figure.ID], involved[b.Figure.ID] = true, true
				}
			}
		}
		if len(involved) == 0 {
			continue
		}
		c := FigureConflict{Kind: Disagree, Measure: s.Measure}
		var says []string
		for _, p := range ps {
			if involved[p.Figure.ID] {
				c.Points = append(c.Points, p)
				says = append(says, fmt.Sprintf("%s %s", p.Claimant, FormatValue(p.Figure)))
			}
		}
		c.Reason = fmt.Sprintf("different counts of %s as of %s: %s", s.Name, day, strings.Join(says, "; "))
		c.ID = conflictID(c)
		out = append(out, c)
	}
	return out
}

// breakdowns checks, for each claimant (or, when nobody is known, each
// source) and day, that the parts given add up to the total given: all parts
// must sum to a value the total allows, and the parts given so far must not
// already exceed it.
func breakdowns(r FigureRecord, series []Series) []FigureConflict {
	if len(r.PartOf) == 0 {
		return nil
	}
	partsOf := map[int64][]int64{}
	for part, total := range r.PartOf {
		partsOf[total] = append(partsOf[total], part)
	}
	type bucketKey struct {
		who string
		on  inquest.Date
	}
	// bucket -> measure id -> points
	buckets := map[bucketKey]map[int64][]Point{}
	for _, s := range series {
		for _, p := range s.Points {
			if p.MeasureID == 0 {
				continue
			}
			who := p.group()
			if who == "" {
				who = "source:" + strconv.FormatInt(p.Figure.SourceID, 10)
			}
			k := bucketKey{who, p.On}
			if buckets[k] == nil {
				buckets[k] = map[int64][]Point{}
			}
			buckets[k][p.MeasureID] = append(buckets[k][p.MeasureID], p)
		}
	}
	names := map[int64]string{}
	for _, m := range r.Measures {
		names[m.ID] = m.Name
	}
	var out []FigureConflict
	for k, byMeasure := range buckets {
		for _, totalID := range slices.Sorted(maps.Keys(partsOf)) {
			totals := byMeasure[totalID]
			if len(totals) == 0 {
				continue
			}
			total := totals[0]
			partIDs := slices.Sorted(slices.Values(partsOf[totalID]))
			sum := interval{}
			var given []Point
			var terms []string
			complete, ambiguous := true, false
			for _, part := range partIDs {
				ps := byMeasure[part]
				if len(ps) == 0 {
					complete = false
					continue
				}
				for _, other := range ps[1:] {
					if !rangeOf(ps[0].Figure).meets(rangeOf(other.Figure)) {
						ambiguous = true // the part's own counts conflict; reported as such
					}
				}
				sum = sum.plus(rangeOf(ps[0].Figure))
				given = append(given, ps[0])
				terms = append(terms, fmt.Sprintf("%s %s", FormatValue(ps[0].Figure), names[part]))
			}
			if ambiguous || len(given) == 0 {
				continue
			}
			tr := rangeOf(total.Figure)
			parts := strings.Join(terms, " + ")
			if len(terms) > 1 {
				parts += " = " + sum.String()
			}
			var reason string
			switch {
			case sum.above(tr):
				reason = fmt.Sprintf("%s, more than the total of %s given, %s", parts, names[totalID], FormatValue(total.Figure))
			case complete && !sum.meets(tr):
				reason = fmt.Sprintf("%s, less than the total of %s given, %s, though these parts make up the whole", parts, names[totalID], FormatValue(total.Figure))
			default:
				continue
			}
			who := total.Claimant
			if who == "" {
				who = "one source"
			}
			if k.on.Known() {
				reason = fmt.Sprintf("%s, as of %s: %s", who, k.on, reason)
			} else {
				reason = who + ": " + reason
			}
			c := FigureConflict{Kind: Breakdown, Measure: total.Measure, Points: append([]Point{total}, given...), Reason: reason}
			c.ID = conflictID(c)
			out = append(out, c)
		}
	}
	return out
}

// conflictID derives a stable id: kind, measure and the figures involved.
func conflictID(c FigureConflict) string {
	ids := make([]string, len(c.Points))
	for i, p := range c.Points {
		ids[i] = strconv.FormatInt(p.Figure.ID, 10)
	}
	return fmt.Sprintf("%s:%s:%s", c.Kind, c.Measure, strings.Join(ids, "-"))
}
