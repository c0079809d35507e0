package analysis

import (
	"math"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// interval is the set of values a figure allows: "164" is exactly 164, "more
// than 200" anything above 200, "about 2,500" 2,250 to 2,750, "200-230" that
// range. Two figures can both be true exactly when their intervals meet.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// approximate is how far "about" reaches either way: a tenth, which keeps
// "about 2,500" from conflicting with 2,400 but not with 2,000.
const approximate = 0.1

// qualifierWords map the qualifiers texts use onto how they bound a value.
var (
	moreThan   = []string{"more than", "over", "above", "exceeding", "in excess of", "более", "свыше", "больше", "больше чем"}
	atLeast    = []string{"at least", "no fewer than", "no less than", "не менее", "минимум", "как минимум", "не меньше"}
	about      = []string{"about", "around", "some", "approximately", "roughly", "nearly", "almost", "около", "примерно", "порядка", "почти", "приблизительно"}
	upTo       = []string{"up to", "at most", "no more than", "не более", "максимум", "до"}
	lessThanQs = []string{"less than", "fewer than", "under", "below", "менее", "меньше"}
)

// rangeOf returns the interval a figure allows.
func rangeOf(f *inquest.Figure) interval {
	v := f.Value
	if f.ValueMax > v {
		return interval{lo: v, hi: f.ValueMax}
	}
	q := strings.ToLower(strings.TrimSpace(f.Qualifier))
	switch {
	case q == "":
		return interval{lo: v, hi: v}
	case oneOf(q, moreThan):
		return interval{lo: v, hi: math.Inf(1), loOpen: true}
	case oneOf(q, atLeast):
		return interval{lo: v, hi: math.Inf(1)}
	case oneOf(q, upTo):
		return interval{lo: 0, hi: v}
	case oneOf(q, lessThanQs):
		return interval{lo: 0, hi: v, hiOpen: true}
	case oneOf(q, about):
		return interval{lo: v * (1 - approximate), hi: v * (1 + approximate)}
	}
	// An unknown qualifier is read as approximate rather than exact, so that
	// it cannot make up a conflict.
	return interval{lo: v * (1 - approximate), hi: v * (1 + approximate)}
}

func oneOf(q string, list []string) bool {
	for _, w := range list {
		if q == w {
			return true
		}
	}
	return false
}

// meets reports whether some value lies in both intervals.
func (a interval) meets(b interval) bool {
	lo, loOpen := a.lo, a.loOpen
	if b.lo > lo || (b.lo == lo && b.loOpen) {
		lo, loOpen = b.lo, b.loOpen
	}
	hi, hiOpen := a.hi, a.hiOpen
	if b.hi < hi || (b.hi == hi && b.hiOpen) {
		hi, hiOpen = b.hi, b.hiOpen
	}
	if lo < hi {
		return true
	}
	return lo == hi && !loOpen && !hiOpen
}

// plus returns the interval of the sum of a value from a and one from b.
func (a interval) plus(b interval) interval {
	return interval{lo: a.lo + b.lo, hi: a.hi + b.hi, loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen}
}

// above reports whether every value of a is greater than every value of b.
func (a interval) above(b interval) bool {
	return a.lo > b.hi || (a.lo == b.hi && (a.loOpen || b.hiOpen))
}

// FormatValue writes a figure's value as a reader would: "164", "more than
// 200", "200–230".
func FormatValue(f *inquest.Figure) string {
	s := formatNumber(f.Value)
	if f.ValueMax > f.Value {
		s += "–" + formatNumber(f.ValueMax)
	}
	if f.Qualifier != "" {
		s = f.Qualifier + " " + s
	}
	return s
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (a interval) String() string {
	switch {
	case a.lo == a.hi:
		return formatNumber(a.lo)
	case math.IsInf(a.hi, 1):
		if a.loOpen {
			return "more than " + formatNumber(a.lo)
		}
		return "at least " + formatNumber(a.lo)
	}
	return formatNumber(a.lo) + "–" + formatNumber(a.hi)
}
