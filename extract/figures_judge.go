package extract

// The judgement of one number: is it a figure, and what does it count.

import (
	"math"
	"strings"
	"unicode/utf8"
)

// consider decides whether the number ne is a figure and records it. It
// returns the end of the text it used, so that a range's second number is not
// taken again.
func (f *figureFinder) consider(ne numExpr) int {
	text := f.text
	numStart := ne.start
	if !f.gluedOK(&ne) {
		return ne.end
	}
	if ne.val > 1e15 || math.IsInf(ne.val, 0) || math.IsNaN(ne.val) {
		return ne.end // a code or an identifier, not a count
	}
	numEnd := ne.end
	val, valMax := ne.val, 0.0

	// A range: "200-230", "200 – 230", "5-6 тысяч", "from 200 to 230", "от 200 до 230".
	if r, ok := f.rangeEnd(ne); ok {
		valMax = r.val
		if r.mult > 1 && ne.mult == 1 && val*r.mult <= r.val {
			val *= r.mult
		}
		if val >= valMax {
			valMax = 0
		} else {
			numEnd = r.end
		}
		if figIsYear(r) {
			return r.end
		}
	}

	before, after := f.window(numStart, numEnd)

	var prev *figTok
	if len(before) > 0 {
		prev = &before[len(before)-1]
	}
	var next *figTok
	if len(after) > 0 {
		next = &after[0]
	}

	// "three and a half hours", "два с половиной года": the unit comes after
	// the fraction.
	if next != nil && next.kind == ftWord {
		k := 0
		switch {
		case len(after) > 3 && next.lw == "and" && after[1].lw == "a" && after[2].lw == "half":
			k = 3
		case len(after) > 2 && next.lw == "с" && after[1].lw == "половиной":
			k = 2
		case len(after) > 2 && next.lw == "a" && after[1].lw == "half":
			k = 2
		}
		if k > 0 && after[k].kind == ftWord && f.has(&figUnitWords, after[k].lw) {
			return numEnd
		}
	}
	// Dates, units, labels.
	if next != nil && next.kind == ftWord {
		if figIsMonth(next) || f.has(&figUnitWords, next.lw) || f.has(&figAbstractNouns, next.lw) {
			return numEnd
		}
	}
	if next != nil && next.kind == ftPunct && (next.r == '%' || next.r == '‰') {
		return numEnd
	}
	if next != nil && next.kind == ftWord && (next.lw == "a" || next.lw == "p") && len(after) > 1 &&
		after[1].kind == ftPunct && after[1].r == '.' && after[1].s == next.e {
		return numEnd // "6 p.m."
	}
	if prev != nil {
		if prev.kind == ftWord && figIsMonth(prev) && (ne.digits) {
			return numEnd
		}
		// "January 5 and 6", "қаңтардың 5-і мен 6-сы": the second day of a
		// date pair.
		if ne.digits && ne.plainInt && ne.val <= 31 && figMonthPairBefore(before) {
			return numEnd
		}
		if prev.kind == ftWord && f.has(&figRefWords, prev.lw) {
			return numEnd
		}
		if prev.kind == ftPunct && (prev.r == '№' || prev.r == '#') {
			return numEnd
		}
		if prev.kind == ftPunct && prev.r == '.' && len(before) > 1 {
			p2 := before[len(before)-2]
			if p2.kind == ftWord && p2.e == prev.s && f.has(&figRefWords, p2.lw) {
				return numEnd
			}
		}
	}
	if ne.digits && ne.plainInt && ne.intDigits == 4 && ne.val >= 1800 && ne.val <= 2100 && valMax == 0 {
		if next == nil || next.kind != ftWord || !f.has(&figPeopleNouns, next.lw) {
			return numEnd
		}
	}
	if ne.decimal && !ne.scaled {
		// Counts are whole; "3.5" is a rate, a price or a measurement
		// ("435,5 тенге за доллар"). "1.5 million" has its scale.
		return numEnd
	}
	if prev != nil && prev.kind == ftWord && (prev.lw == "in" || prev.lw == "на") && len(before) > 1 &&
		(before[len(before)-2].kind == ftNum || f.isNum(before[len(before)-2].lw)) {
		return numEnd // "1 in 10": a ratio
	}
	if prev != nil && prev.kind == ftWord && prev.lw == "per" {
		return numEnd // "per 100,000 residents": the base of a rate
	}
	if !ne.digits && prev != nil && prev.kind == ftWord && f.has(&figDetWords, prev.lw) {
		return numEnd
	}
	if ne.one {
		if next == nil || next.kind != ftWord || !f.has(&figOneNouns, next.lw) || next.nl {
			return numEnd
		}
	}
	// "Khabar 24 reported": a number after a name is part of the name unless
	// it plainly counts people.
	if ne.digits && ne.plainInt && prev != nil && prev.kind == ftWord && prev.upper && prev.e == figTrimmedEnd(text, numStart) &&
		!figSentenceStart(before, len(before)-1) && !figIsQualifierWord(prev.lw) {
		if next == nil || next.kind != ftWord || !(f.has(&figPeopleNouns, next.lw) || f.wordMeasure(next.lw) != "") {
			return numEnd
		}
	}

	// Qualifier before: "more than", "около", "кем дегенде".
	spanStart := numStart
	qual := ""
	bi := len(before) // index of the first token of the figure within before
	if q, n := figMatchQualBefore(before); n > 0 {
		qual = q
		bi = len(before) - n
		spanStart = before[bi].s
		// "выросло до 225", "rose to": a new level, not an upper bound.
		if q == "up to" && bi > 0 && before[bi-1].kind == ftWord && f.has(&figChangeVerbs, before[bi-1].lw) {
			qual = ""
		}
	}
	// Qualifier after: "мыңнан астам", "200 с лишним", "50 or more".
	ai := 0
	if q, n := figMatchQualAfter(after); n > 0 {
		if qual == "" {
			qual = q
		}
		numEnd = after[n-1].e
		ai = n
	}

	// In a list when the last figure ended earlier in the same sentence (a
	// sentence is not longer than figMaxSentence bytes, which also keeps this
	// scan short).
	listContext := f.lastNumEnd >= 0 && f.lastNumEnd <= numStart && numStart-f.lastNumEnd < figMaxSentence &&
		!figCrossesSentence(text[f.lastNumEnd:numStart])

	spanEnd := -1
	kind := ""
	measureFrom := -1 // token index in after where the phrase starts, for measures
	var t0 *figTok
	if ai < len(after) && !after[ai].nl {
		t0 = &after[ai]
	}
	switch {
	case t0 == nil:
		kind = "before"
	case prev != nil && prev.kind == ftPunct && prev.r == '(' && t0.kind == ftPunct && t0.r == ')':
		// "almost 37,000 people (36,831)": the exact count of the figure before.
		k := len(f.out) - 1
		if k < 0 || f.ends[k] > prev.s || strings.TrimSpace(text[f.ends[k]:prev.s]) != "" {
			return numEnd
		}
		fig := f.out[k]
		f.add(f.starts[k], t0.e, numEnd, val, valMax, fig.Qualifier, fig.Measure, 0.6)
		return numEnd
	case t0.kind == ftWord && !f.has(&figStopAfter, t0.lw):
		kind = "noun"
	case t0.kind == ftPunct && figIsQuote(t0.r) && ai+1 < len(after) && after[ai+1].kind == ftWord && after[ai+1].s == t0.e:
		kind = "noun" // '20,000 "bandits"'
	case t0.kind == ftPunct && figIsDash(t0.r) && t0.s > numEnd && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		!after[ai+1].upper && !f.has(&figStopAfter, after[ai+1].lw):
		kind = "dash" // "501 – нарезной"
	case t0.kind == ftWord && (t0.lw == "of" || t0.lw == "из") && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		f.has(&figPronounsAfterOf, after[ai+1].lw):
		// "51 of them received prison terms" counts; "six of them" and
		// "one of them" alone point back to a count already made.
		if !ne.digits || ai+2 >= len(after) || after[ai+2].kind != ftWord || after[ai+2].nl {
			return numEnd
		}
		kind = "noun"
	case t0.kind == ftWord && f.has(&figVerbAfter, t0.lw):
		kind = "verb"
	case t0.kind == ftWord && f.has(&figPrepAfter, t0.lw) && listContext:
		kind = "prep"
	case t0.kind == ftPunct && figIsDash(t0.r) && listContext && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		f.has(&figPrepAfter, after[ai+1].lw):
		kind = "prep" // "из них 1 200 – в Алматы"
	default:
		kind = "before"
	}

	conf := 0.55
	if ne.digits {
		conf += 0.1
	}
	switch kind {
	case "noun":
		end, ok := f.phraseEnd(after, ai, 8)
		if !ok {
			kind = "before"
			break
		}
		spanEnd, measureFrom = end, ai
		conf += 0.1
	case "dash":
		end, ok := f.phraseEnd(after, ai+1, 5)
		if !ok {
			return numEnd
		}
		spanEnd, measureFrom = end, ai+1
	case "verb":
		end, ok := f.phraseEnd(after, ai, 6)
		if !ok {
			return numEnd
		}
		words := f.wordsOf(after, ai, end)
		if f.measure(words) == "" && !listContext {
			return numEnd
		}
		spanEnd, measureFrom = end, ai
	case "prep":
		from := ai
		if after[ai].kind == ftPunct {
			from++ // the dash of "1 200 – в Алматы"
		}
		end, ok := f.phraseEnd(after, from, 6)
		if !ok {
			return numEnd
		}
		spanEnd, measureFrom = end, ai
		conf -= 0.15
	}

	if kind == "before" && bi > 0 && before[bi-1].kind == ftPunct && figIsCurrency(before[bi-1].r) {
		// "$4 million": money says what it counts by its sign.
		kind = "money"
		spanEnd = numEnd
	}
	if kind == "before" {
		// "the number of individuals arrested reaches close to 10,000",
		// "погибли от рук преступников 16": what is counted comes first.
		start, ok := f.countedBefore(before, bi)
		if !ok {
			// "the death toll was revised from 164 to 225": a value in a
			// series whose first value said what it counts.
			k := len(f.out) - 1
			if !listContext || k < 0 || !f.bare[k] || numEnd-f.starts[k] > figMaxSeries {
				return numEnd
			}
			fig := f.out[k]
			if f.add(f.starts[k], numEnd, numEnd, val, valMax, qual, fig.Measure, conf-0.2) {
				f.bare[len(f.bare)-1] = true
			}
			return numEnd
		}
		spanStart = start
		spanEnd = numEnd
		conf -= 0.15
	} else {
		spanStart = f.extendBefore(before, bi, spanStart)
	}
	if valMax > 0 && bi > 0 && before[bi-1].kind == ftWord && (before[bi-1].lw == "between" || before[bi-1].lw == "from" || before[bi-1].lw == "от") &&
		before[bi-1].s < spanStart {
		spanStart = before[bi-1].s // "between 200 and 230 people"
	}

	if f.truncated && spanEnd >= f.textEnd {
		return numEnd // the text stops inside the counted phrase
	}

	measure, fromPhrase := f.suggestMeasure(before, after, spanStart, spanEnd, measureFrom >= 0)
	if fromPhrase {
		conf += 0.15
	} else {
		conf -= 0.05
	}
	if r, _ := utf8.DecodeRuneInString(text[spanStart:]); figIsCurrency(r) {
		measure = "money"
	}
	if f.add(spanStart, spanEnd, numEnd, val, valMax, qual, measure, conf) {
		f.bare[len(f.bare)-1] = kind == "before"
	}
	return numEnd
}

// suggestMeasure names what the figure over text[spanStart:spanEnd]
// measures, from the words of its phrase, else from the rest of its clause
// after it ("164 people, including two children, killed") or a few words
// before it ("число задержанных превысило 12 тыс. человек"). fromPhrase says
// the phrase itself told.
func (f *figureFinder) suggestMeasure(before, after []figTok, spanStart, spanEnd int, phraseAfter bool) (measure string, fromPhrase bool) {
	words := f.words[:0]
	defer func() { f.words = words }()
	first := figIndexAtOrAfter(before, spanStart)
	for _, t := range before[first:] {
		if t.kind == ftWord {
			words = append(words, t.lw)
		}
	}
	if phraseAfter {
		for _, t := range after {
			if t.s >= spanEnd {
				break
			}
			if t.kind == ftWord {
				words = append(words, t.lw)
			}
		}
	}
	if m := f.measure(words); m != "" {
		return m, true
	}
	n := 0
	for _, t := range after {
		if t.s < spanEnd {
			continue
		}
		if t.nl || t.kind == ftNum || (t.kind == ftPunct && figSentenceEnd(t.r)) || n >= 8 ||
			(t.kind == ftWord && f.has(&figClauseWords, t.lw)) {
			break
		}
		if t.kind != ftWord {
			continue
		}
		if f.isNum(t.lw) {
			break
		}
		words = append(words, t.lw)
		n++
	}
	if m := f.measure(words); m != "" {
		return m, false
	}
	n = 0
	for k := first - 1; k >= 0 && n < 4; k-- {
		t := before[k]
		if t.kind != ftWord || f.has(&figAndWords, t.lw) {
			break
		}
		words = append(words, t.lw)
		n++
	}
	return f.measure(words), false
}
