package extract

// How the figure finder works, and why.
//
// One pass over the text looks for digits and for words whose first three
// letters can start a number word (figures are sparse, so most words are
// passed over after that test). Each number is read with its scale and
// separators (numbers.go), then judged against the words around it, taken
// from the tokens of its paragraph, which are read once when the paragraph's
// first number is reached:
//
//   - what it is not: a date (a month next to it), a year, a time, a label
//     ("Article 4", "Khabar 24"), a duration, age, share or measurement (a
//     unit after it), an ordinal or a code (letters glued to it);
//   - its qualifier ("more than", "около", "астам"), before or after it;
//   - what it counts: the phrase after it up to the end of the clause (eight
//     words at most), or, when nothing countable follows, the words before it
//     that name deaths, arrests, people and the like ("погибли от рук
//     преступников 16"), or the figure before it in a list or a series
//     ("from 164 to 225 to 238", "almost 37,000 people (36,831)").
//
// The counted phrase is longer than the bare noun on purpose: analysts check
// a figure against its words, and "6 police cars were set on fire" says more
// than "6 police cars". Measures are suggestions from word stems.

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Figures finds counts and amounts in text (lang "en", "ru" or "kk"; "" tries
// English and Russian) with the phrase that says what they count: "more than
// 5,000 people were detained", "2,000 CSTO peacekeepers", "восемь человек".
// Dates, times, years, article numbers, durations, ages, percentages and
// ordinals are not figures. Spans are in code points.
func Figures(text string, lang string) []Figure {
	text = figRuneSafe(text)
	f := &figureFinder{text: text, lang: figNormLang(lang), truncated: figEndsMidWord(text),
		textEnd: len(strings.TrimRightFunc(text, unicode.IsSpace))}
	f.scan()
	return f.out
}

// figNormLang keeps the languages the tables know.
func figNormLang(lang string) string {
	switch strings.ToLower(lang) {
	case "en", "ru", "kk":
		return strings.ToLower(lang)
	}
	return ""
}

// figRuneSafe replaces each invalid byte by U+FFFD, so that byte positions map to
// the same code points as []rune(text) counts them.
func figRuneSafe(text string) string {
	if utf8.ValidString(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(text[i : i+w])
		}
		i += w
	}
	return b.String()
}

// figEndsMidWord reports whether the text stops inside a word, as excerpts cut
// from longer pages do: the last phrase cannot be trusted to be whole.
func figEndsMidWord(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(text)
	return unicode.IsLetter(r)
}

// figureFinder holds the state of one pass over a text.
type figureFinder struct {
	text      string
	lang      string
	truncated bool
	textEnd   int // end of the text without trailing spaces
	out       []Figure
	// spans of the figures found, in bytes, parallel to out, and whether
	// each is a bare number whose counted words came before it.
	starts, ends []int
	bare         []bool
	// lastNumEnd is where the last figure's number ended, for lists.
	lastNumEnd int
	pos        figRuneCursor
	words      []string
	// toks are the tokens of the paragraph text[paraStart:paraEnd], read
	// when the first number in it is considered.
	toks               []figTok
	paraStart, paraEnd int
	// masks caches the measure flags of the words seen.
	masks map[string]uint32
}

// mask returns the measure flags of the lower-case word lw.
func (f *figureFinder) mask(lw string) uint32 {
	if m, ok := f.masks[lw]; ok {
		return m
	}
	if f.masks == nil {
		f.masks = map[string]uint32{}
	}
	m := figMeasureMask(lw)
	f.masks[lw] = m
	return m
}

// measure names what the words of a counted phrase measure, or "".
func (f *figureFinder) measure(words []string) string {
	var m uint32
	for _, w := range words {
		m |= f.mask(w)
	}
	return figMeasureName(m)
}

// wordMeasure names what one word measures.
func (f *figureFinder) wordMeasure(lw string) string { return figMeasureName(f.mask(lw)) }

// figBeforeTokens and figAfterTokens bound how far the finder looks either
// side of a number: qualifiers, a counted phrase of eight words with its
// marks, six words back for a number standing after its noun.
const (
	figMaxSeries    = 300
	figMaxSentence  = 1000
	figBeforeTokens = 16
	figAfterTokens  = 28
)

// paragraph reads the tokens of text[ps:pe] into f.toks.
func (f *figureFinder) paragraph(ps, pe int) {
	if f.toks != nil && f.paraStart == ps && f.paraEnd == pe {
		return
	}
	f.toks = figTokenize(f.text, ps, pe, f.toks[:0])
	if len(f.toks) > 0 {
		f.toks[0].nl = true
	}
	f.paraStart, f.paraEnd = ps, pe
}

// window returns the tokens of the paragraph before start and from end on.
func (f *figureFinder) window(start, end int) (before, after []figTok) {
	if f.toks == nil || start < f.paraStart || start >= f.paraEnd {
		ps := strings.LastIndexByte(f.text[:start], '\n') + 1
		pe := strings.IndexByte(f.text[start:], '\n')
		if pe < 0 {
			pe = len(f.text)
		} else {
			pe += start
		}
		f.paragraph(ps, pe)
	}
	toks := f.toks
	k := sort.Search(len(toks), func(i int) bool { return toks[i].s >= start })
	lo := max(0, k-figBeforeTokens)
	before = toks[lo:k]
	m := sort.Search(len(toks), func(i int) bool { return toks[i].s >= end })
	after = toks[m:min(len(toks), m+figAfterTokens)]
	return before, after
}

// figRuneCursor converts byte offsets to code-point offsets, moving from the last
// position asked, so a pass over the text costs one walk.
type figRuneCursor struct {
	text string
	b, r int
}

func (c *figRuneCursor) at(b int) int {
	if b >= c.b {
		c.r += utf8.RuneCountInString(c.text[c.b:b])
	} else {
		c.r -= utf8.RuneCountInString(c.text[b:c.b])
	}
	c.b = b
	return c.r
}

func (f *figureFinder) scan() {
	text := f.text
	f.pos = figRuneCursor{text: text}
	f.lastNumEnd = -1
	// Paragraph by paragraph: one with digits is tokenised anyway to judge
	// them, so its tokens drive the search; one without is only skimmed for
	// number words. No number crosses a line break.
	for ps := 0; ps < len(text); {
		pe := strings.IndexByte(text[ps:], '\n')
		if pe < 0 {
			pe = len(text)
		} else {
			pe += ps
		}
		if strings.ContainsAny(text[ps:pe], "0123456789") {
			f.scanTokens(ps, pe)
		} else {
			f.scanWords(ps, pe)
		}
		ps = pe + 1
	}
}

// scanTokens looks for numbers among the tokens of the paragraph
// text[ps:pe].
func (f *figureFinder) scanTokens(ps, pe int) {
	text := f.text
	f.paragraph(ps, pe)
	resume := ps
	for k := 0; k < len(f.toks); k++ {
		t := f.toks[k]
		if t.s < resume {
			continue
		}
		switch t.kind {
		case ftNum:
			ne := numScanAt(text, t.s, f.lang)
			next := t.e
			if ne.ok {
				next = max(next, ne.end)
				if end := f.consider(ne); end > next {
					next = end
				}
			}
			resume = next
		case ftWord:
			// The letters up to a hyphen or an apostrophe: "twenty-five".
			_, j, _ := numWordAt(text, t.s)
			if n := j - t.s; n >= 2 && n <= 40 && f.isNumberWord(text[t.s:j]) {
				resume = f.wordNumber(t.s, j)
			}
		}
	}
}

// scanWords skims the paragraph text[ps:pe], which has no digits, for
// number words.
func (f *figureFinder) scanWords(ps, pe int) {
	text := f.text[:pe]
	for i := ps; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !numIsASCIILetter(c) {
				i++
				continue
			}
			j := i + 1
			for j < len(text) && numIsASCIILetter(text[j]) {
				j++
			}
			if j < len(text) && text[j] >= utf8.RuneSelf {
				// A word mixing scripts; never a number word.
				_, j2, _ := numWordAt(text, i)
				i = j2
				continue
			}
			if n := j - i; n >= 3 && n <= 9 && f.isNumberWord(text[i:j]) {
				i = f.wordNumber(i, j)
				continue
			}
			i = j
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !numIsLetter(r) {
			i += w
			continue
		}
		_, j, _ := numWordAt(text, i)
		if f.lang != "en" && j-i <= 40 && f.isNumberWord(text[i:j]) {
			i = f.wordNumber(i, j)
			continue
		}
		i = j
	}
}

// isNumberWord reports whether the word w can start a number in f's language.
func (f *figureFinder) isNumberWord(w string) bool {
	if !numStartsNumberWord(w) {
		return false
	}
	var buf [48]byte
	lw := numLower(buf[:0], w)
	nw, ok := lookupNumberWord(lw, f.lang)
	return ok && (nw.kind != numScale || nw.bare)
}

// wordNumber handles the number word starting at text[i:j] and returns where
// scanning resumes.
func (f *figureFinder) wordNumber(i, j int) int {
	ne := numScanAt(f.text, i, f.lang)
	if !ne.ok {
		return j
	}
	end := ne.end
	if e := f.consider(ne); e > end {
		end = e
	}
	return end
}

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
		if k > 0 && after[k].kind == ftWord && figUnitWords.has(after[k].lw) {
			return numEnd
		}
	}
	// Dates, units, labels.
	if next != nil && next.kind == ftWord {
		if figIsMonth(next) || figUnitWords.has(next.lw) || figAbstractNouns.has(next.lw) {
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
		if prev.kind == ftWord && figRefWords.has(prev.lw) {
			return numEnd
		}
		if prev.kind == ftPunct && (prev.r == '№' || prev.r == '#') {
			return numEnd
		}
		if prev.kind == ftPunct && prev.r == '.' && len(before) > 1 {
			p2 := before[len(before)-2]
			if p2.kind == ftWord && p2.e == prev.s && figRefWords.has(p2.lw) {
				return numEnd
			}
		}
	}
	if ne.digits && ne.plainInt && ne.intDigits == 4 && ne.val >= 1800 && ne.val <= 2100 && valMax == 0 {
		if next == nil || next.kind != ftWord || !figPeopleNouns.has(next.lw) {
			return numEnd
		}
	}
	if ne.decimal && !ne.scaled && !(prev != nil && prev.kind == ftPunct && figIsCurrency(prev.r)) {
		if next == nil || next.kind != ftWord || !figMoneyWords.has(next.lw) {
			return numEnd
		}
	}
	if !ne.digits && prev != nil && prev.kind == ftWord && figDetWords.has(prev.lw) {
		return numEnd
	}
	if ne.one {
		if next == nil || next.kind != ftWord || !figOneNouns.has(next.lw) || next.nl {
			return numEnd
		}
	}
	// "Khabar 24 reported": a number after a name is part of the name unless
	// it plainly counts people.
	if ne.digits && ne.plainInt && prev != nil && prev.kind == ftWord && prev.upper && prev.e == figTrimmedEnd(text, numStart) &&
		!figSentenceStart(before, len(before)-1) && !figIsQualifierWord(prev.lw) {
		if next == nil || next.kind != ftWord || !(figPeopleNouns.has(next.lw) || f.wordMeasure(next.lw) != "") {
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
		if q == "up to" && bi > 0 && before[bi-1].kind == ftWord && figChangeVerbs.has(before[bi-1].lw) {
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
	case t0.kind == ftWord && !figStopAfter.has(t0.lw):
		kind = "noun"
	case t0.kind == ftPunct && figIsQuote(t0.r) && ai+1 < len(after) && after[ai+1].kind == ftWord && after[ai+1].s == t0.e:
		kind = "noun" // '20,000 "bandits"'
	case t0.kind == ftPunct && figIsDash(t0.r) && t0.s > numEnd && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		!after[ai+1].upper && !figStopAfter.has(after[ai+1].lw):
		kind = "dash" // "501 – нарезной"
	case t0.kind == ftWord && (t0.lw == "of" || t0.lw == "из") && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		figPronounsAfterOf.has(after[ai+1].lw):
		// "51 of them received prison terms" counts; "six of them" and
		// "one of them" alone point back to a count already made.
		if !ne.digits || ai+2 >= len(after) || after[ai+2].kind != ftWord || after[ai+2].nl {
			return numEnd
		}
		kind = "noun"
	case t0.kind == ftWord && figVerbAfter.has(t0.lw):
		kind = "verb"
	case t0.kind == ftWord && figPrepAfter.has(t0.lw) && listContext:
		kind = "prep"
	case t0.kind == ftPunct && figIsDash(t0.r) && listContext && ai+1 < len(after) && after[ai+1].kind == ftWord &&
		figPrepAfter.has(after[ai+1].lw):
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
			(t.kind == ftWord && figClauseWords.has(t.lw)) {
			break
		}
		if t.kind != ftWord {
			continue
		}
		if _, isNum := lookupNumberWord(t.lw, f.lang); isNum {
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
		if t.kind != ftWord || figAndWords.has(t.lw) {
			break
		}
		words = append(words, t.lw)
		n++
	}
	return f.measure(words), false
}

// add records a figure over text[start:end] (bytes).
func (f *figureFinder) add(start, end, numEnd int, val, valMax float64, qual, measure string, conf float64) bool {
	if start < 0 || end > len(f.text) || start >= end {
		return false
	}
	fig := Figure{
		Text:       f.text[start:end],
		Value:      figRound6(val),
		ValueMax:   figRound6(valMax),
		Qualifier:  qual,
		Measure:    measure,
		Confidence: math.Max(0.05, math.Min(0.95, conf)),
	}
	fig.Start = f.pos.at(start)
	fig.End = f.pos.at(end)
	f.out = append(f.out, fig)
	f.starts = append(f.starts, start)
	f.ends = append(f.ends, end)
	f.bare = append(f.bare, false)
	f.lastNumEnd = numEnd
	return true
}

func figRound6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// gluedOK rejects numbers glued to letters or marks that make them something
// else: "COVID-19", "1st", "17:20", "05.01.2022", "+7", "25-year-old", "5%".
// For Kazakh it takes a case ending before "астам" into the number:
// "20-дан астам".
func (f *figureFinder) gluedOK(ne *numExpr) bool {
	text := f.text
	prevR, prevW := utf8.DecodeLastRuneInString(text[:ne.start])
	var prev2 rune
	if prevW > 0 {
		prev2, _ = utf8.DecodeLastRuneInString(text[:ne.start-prevW])
	}
	nextR, nextW := utf8.DecodeRuneInString(text[ne.end:])
	var next2 rune
	if ne.end+nextW < len(text) {
		next2, _ = utf8.DecodeRuneInString(text[ne.end+nextW:])
	}
	if ne.digits {
		if text[ne.start] == '0' && ne.start+1 < len(text) && numIsDigit(text[ne.start+1]) {
			return false // "05", codes and dates
		}
		switch {
		case unicode.IsLetter(prevR) || unicode.IsDigit(prevR):
			return false
		case figIsDash(prevR) && (unicode.IsLetter(prev2) || unicode.IsDigit(prev2)):
			return false
		case prevR == '+' || prevR == '#' || prevR == '№' || prevR == '/' || prevR == ':' || prevR == '\\' || prevR == '_':
			return false
		case (prevR == '.' || prevR == ',') && unicode.IsDigit(prev2):
			return false
		}
		switch {
		case unicode.IsLetter(nextR):
			return false // "1st", "5th", "20х"
		case nextR == ':' || nextR == '/' || nextR == '_':
			if unicode.IsDigit(next2) {
				return false
			}
		case (nextR == '.' || nextR == ',') && unicode.IsDigit(next2):
			return false
		case nextR == '-' || nextR == '–':
			if nextR == '-' && strings.HasPrefix(text[ne.end+1:], "strong") &&
				(ne.end+7 == len(text) || !numIsWordByte(text, ne.end+7)) {
				ne.end += 7 // "a 2,500-strong contingent"
				return true
			}
			if unicode.IsLetter(next2) && nextR == '-' {
				// Case endings written after a hyphen count the same number:
				// Kazakh "20-дан астам", "19-ы", Russian "5-ти", "3-х". Ordinals
				// ("5-й", "5-ші") and compounds ("25-year-old") do not.
				w, wend, ok := numWordAt(text, ne.end+nextW)
				if ok && numCaseEnding(strings.ToLower(w), f.lang) && (wend == len(text) || !numIsWordByte(text, wend)) &&
					!(wend < len(text) && text[wend] == '-') {
					ne.end = wend
					// "2-х тысяч": the scale word still follows.
					if k := numSkipSpaces(text, wend); k > wend {
						if sw, send, ok := numWordAt(text, k); ok {
							if nw, found := lookupNumberWord(strings.ToLower(sw), f.lang); found && nw.kind == numScale {
								ne.val *= nw.val
								ne.scaled, ne.mult, ne.plainInt = true, nw.val, false
								ne.end = send
							}
						}
					}
					return true
				}
				return false
			}
			if unicode.IsLetter(next2) {
				return false
			}
			if unicode.IsDigit(next2) && nextR == '-' {
				// "05-01", phone numbers "123-45-67"; ranges are read by rangeEnd.
				d := numCountDigits(text, ne.end+1)
				if d == 2 && ne.end+1+d < len(text) && text[ne.end+1+d] == '-' {
					return false
				}
			}
		}
		return true
	}
	if nextR == '-' && unicode.IsLetter(next2) {
		return false // "one-time", "two-year"
	}
	if prevR == '-' && unicode.IsLetter(prev2) {
		return false
	}
	return true
}

// numCaseEnding reports whether s, written after a hyphen on digits, is a
// case ending of a cardinal number in lang rather than an ordinal's.
func numCaseEnding(s, lang string) bool {
	switch lang {
	case "kk":
		switch s {
		case "ші", "шы", "інші", "ыншы", "нші", "ншы":
			return false
		}
		return numIsKKSuffix(s)
	case "ru", "":
		switch s {
		case "х", "ти", "ми", "ух", "ех", "ью", "ста", "сот", "ю":
			return true
		}
	}
	return false
}

func numIsKKSuffix(s string) bool {
	for _, suf := range numKKSuffixes {
		if s == suf {
			return true
		}
	}
	return false
}

// rangeEnd reads the second number of a range after ne.
func (f *figureFinder) rangeEnd(ne numExpr) (numExpr, bool) {
	text := f.text
	j := ne.end
	k := numSkipSpaces(text, j)
	r, w := utf8.DecodeRuneInString(text[k:])
	switch {
	case figIsDash(r) && r != '—':
		k = numSkipSpaces(text, k+w)
	case ne.digits:
		word, wend, ok := numWordAt(text, k)
		if !ok || k == j {
			return numExpr{}, false
		}
		lw := strings.ToLower(word)
		if lw != "to" && lw != "до" && lw != "and" {
			return numExpr{}, false
		}
		if lw == "and" && !f.precededBy(ne.start, "between") {
			return numExpr{}, false
		}
		k = numSkipSpaces(text, wend)
		if k == wend {
			return numExpr{}, false
		}
	default:
		return numExpr{}, false
	}
	if k >= len(text) || !numIsDigit(text[k]) || !ne.digits {
		return numExpr{}, false
	}
	r2 := numScanAt(text, k, f.lang)
	if !r2.ok {
		return numExpr{}, false
	}
	nr, _ := utf8.DecodeRuneInString(text[r2.end:])
	if unicode.IsLetter(nr) || nr == ':' || nr == '/' || (nr == '-' && r2.end+1 < len(text) && numIsDigit(text[r2.end+1])) {
		return numExpr{}, false
	}
	if !figIsDash(r) {
		// "from 200 to 300 people" is a range; "revised from 164 to 225 to
		// 238" is a series of values: a range shares the counted word, and
		// no verb of change comes before it.
		if f.changeBefore(ne.start) {
			return numExpr{}, false
		}
		nk := numSkipSpaces(text, r2.end)
		w, _, ok := numWordAt(text, nk)
		if !ok || nk == r2.end {
			return numExpr{}, false
		}
		var buf [48]byte
		lw := numLower(buf[:0], w)
		if figStopAfter.has(lw) || figUnitWords.has(lw) || figMonthWords.has(lw) {
			if !(figUnitWords.has(lw) || figMonthWords.has(lw)) {
				return numExpr{}, false
			}
		}
	}
	return r2, true
}

// changeBefore reports whether a verb of change ("revised", "выросло")
// comes within the two words before pos: "rose from 164", "выросло с 164".
func (f *figureFinder) changeBefore(pos int) bool {
	from := max(0, pos-80)
	from = figRuneStart(f.text, from)
	toks := figTokenize(f.text, from, pos, nil)
	n := 0
	for k := len(toks) - 1; k >= 0 && n < 2; k-- {
		if toks[k].kind != ftWord {
			return false
		}
		if figChangeVerbs.has(toks[k].lw) {
			return true
		}
		n++
	}
	return false
}

// precededBy reports whether the word just before pos is w (lower case).
func (f *figureFinder) precededBy(pos int, w string) bool {
	t := strings.TrimRight(f.text[:pos], " \u00a0")
	return len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w)
}

func figIsYear(ne numExpr) bool {
	return ne.digits && ne.plainInt && ne.intDigits == 4 && ne.val >= 1800 && ne.val <= 2100
}

func figIsMonth(t *figTok) bool {
	if t.lw == "may" && !t.upper {
		return false
	}
	if t.lw == "mar" && !t.upper {
		return false
	}
	return figMonthWords.has(t.lw)
}

func figTrimmedEnd(text string, pos int) int {
	t := strings.TrimRight(text[:pos], " \u00a0\u202f\u2009")
	return len(t)
}

// figMonthPairBefore reports whether a month name comes just before a
// number, with only another number and a joining word between.
func figMonthPairBefore(before []figTok) bool {
	for k, n := len(before)-1, 0; k >= 0 && n < 5; k, n = k-1, n+1 {
		t := &before[k]
		switch {
		case t.kind == ftWord && figIsMonth(t):
			return true
		case t.kind == ftNum, t.kind == ftPunct && (figIsDash(t.r) || t.r == ','),
			t.kind == ftWord && figDateJoins.has(t.lw):
		default:
			return false
		}
	}
	return false
}

// figSentenceStart reports whether before[i] opens a sentence or a paragraph.
func figSentenceStart(before []figTok, i int) bool {
	if i < 0 || i >= len(before) {
		return false
	}
	if before[i].nl || i == 0 {
		return true
	}
	p := before[i-1]
	if p.kind != ftPunct {
		return false
	}
	return figSentenceEnd(p.r) || figIsOpenQuote(p.r) || p.r == '"' || p.r == '(' || p.r == ':' || figIsDash(p.r)
}

func figIsQualifierWord(lw string) bool {
	for _, q := range figQualBefore {
		if strings.HasSuffix(q.words, lw) {
			return true
		}
	}
	return false
}

// figCrossesSentence reports whether s holds the end of a sentence or a paragraph.
func figCrossesSentence(s string) bool {
	for _, r := range s {
		if r == '\n' || figSentenceEnd(r) {
			return true
		}
	}
	return false
}

// qualifier phrases split into words once.
var (
	figQualBeforeWords [][]string
	figQualAfterWords  [][]string
	// figQualByLast lists the qualifiers before a number by their last word.
	figQualByLast = map[string][]int{}
)

func init() {
	for i, q := range figQualBefore {
		ws := strings.Fields(q.words)
		figQualBeforeWords = append(figQualBeforeWords, ws)
		figQualByLast[ws[len(ws)-1]] = append(figQualByLast[ws[len(ws)-1]], i)
	}
	for _, q := range figQualAfter {
		figQualAfterWords = append(figQualAfterWords, strings.Fields(q.words))
	}
}

// figMatchQualBefore finds the longest qualifier that ends right before the
// number and returns its meaning and length in tokens.
func figMatchQualBefore(before []figTok) (string, int) {
	best, bestN := "", 0
	if len(before) == 0 || before[len(before)-1].kind != ftWord {
		return "", 0
	}
	for _, qi := range figQualByLast[before[len(before)-1].lw] {
		ws := figQualBeforeWords[qi]
		n := len(ws)
		if n <= bestN || n > len(before) {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			t := before[len(before)-n+k]
			if t.kind != ftWord || t.lw != ws[k] || (k > 0 && t.nl) {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = figQualBefore[qi].means, n
		}
	}
	return best, bestN
}

// figMatchQualAfter finds a qualifier right after the number.
func figMatchQualAfter(after []figTok) (string, int) {
	best, bestN := "", 0
	for qi, ws := range figQualAfterWords {
		n := len(ws)
		if n <= bestN || n > len(after) {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			t := after[k]
			if t.kind != ftWord || t.lw != ws[k] || t.nl {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = figQualAfter[qi].means, n
		}
	}
	return best, bestN
}

// phraseEnd collects the counted phrase starting at after[from]: up to max
// words, to the end of the clause, the next number or a word that opens
// another clause, and drops function words from its end. ok is false when no
// content word remains.
func (f *figureFinder) phraseEnd(after []figTok, from, max int) (int, bool) {
	end := -1
	words := 0
	inQuote := false
	last := -1 // index of the last token kept
	// A phrase that runs into the next number ends at its last "and":
	// "71 buildings were burned and looted in eight cities".
	cutAtAnd := func() {
		for k := last; k > from; k-- {
			if after[k].kind == ftWord && figAndWords.has(after[k].lw) {
				last = k - 1
				return
			}
		}
	}
	for k := from; k < len(after); k++ {
		t := after[k]
		if k > from && t.nl {
			break
		}
		if t.kind == ftNum {
			cutAtAnd()
			break
		}
		if t.kind == ftPunct {
			switch {
			case figIsQuote(t.r) && !inQuote && k+1 < len(after) && after[k+1].kind == ftWord && after[k+1].s == t.e:
				inQuote = true
				continue
			case figIsQuote(t.r) && inQuote:
				inQuote = false
				last = k
				continue
			case t.r == ',' && k+1 < len(after) && after[k+1].kind == ftWord && figRelativeWords.has(after[k+1].lw) && words > 0:
				continue
			}
			break
		}
		if words >= max || figClauseWords.has(t.lw) {
			break
		}
		if words > 0 {
			if _, isNum := lookupNumberWord(t.lw, f.lang); isNum {
				cutAtAnd()
				break
			}
		}
		words++
		last = k
	}
	// Drop function words and dangling marks from the end.
	for last >= from {
		t := after[last]
		if t.kind == ftWord && figTrailWords.has(t.lw) {
			last--
			continue
		}
		if t.kind == ftPunct && !(figIsQuote(t.r) && last > from) {
			last--
			continue
		}
		break
	}
	if last < from {
		return 0, false
	}
	hasWord := false
	for k := from; k <= last; k++ {
		if after[k].kind == ftWord {
			hasWord = true
		}
	}
	if !hasWord {
		return 0, false
	}
	end = after[last].e
	return end, true
}

// wordsOf lists the lower-case words of toks[from:] that start before end.
func (f *figureFinder) wordsOf(toks []figTok, from, end int) []string {
	ws := f.words[:0]
	for k := from; k < len(toks); k++ {
		if toks[k].s >= end {
			break
		}
		if toks[k].kind == ftWord {
			ws = append(ws, toks[k].lw)
		}
	}
	f.words = ws
	return ws
}

func figIndexAtOrAfter(toks []figTok, pos int) int {
	for k := range toks {
		if toks[k].s >= pos {
			return k
		}
	}
	return len(toks)
}

// extendBefore takes into the figure the words just before it that say what
// is counted: "deaths of 164 people", "по 53 погибшим", "погибли 149
// человек", "в Алматы – 139 человек", "$5 million".
func (f *figureFinder) extendBefore(before []figTok, bi, start int) int {
	p := bi - 1
	if p < 0 {
		return start
	}
	t := before[p]
	switch {
	case t.kind == ftPunct && figIsCurrency(t.r):
		return t.s
	case t.kind == ftWord && t.lw == "of":
		// "deaths of 164 people", "a nation of 19 million", not "spoke of 300".
		if p > 0 && before[p-1].kind == ftWord &&
			(figCountHeads.has(before[p-1].lw) || f.wordMeasure(before[p-1].lw) != "") {
			return before[p-1].s
		}
		return start
	case t.kind == ftWord && figPrepBefore.has(t.lw):
		return t.s
	case t.kind == ftWord && (!t.upper || figSentenceStart(before, p)) && f.wordMeasure(t.lw) != "":
		return t.s
	case t.kind == ftPunct && figIsDash(t.r) && !t.nl:
		// Only when those words say what is counted: "погибло в Алматы –
		// 139 человек", not "no punishment - 4,584 persons".
		n := 0
		s := start
		for k := p - 1; k >= 0 && n < 3; k-- {
			if before[k].kind != ftWord || before[k+1].nl {
				break
			}
			if f.wordMeasure(before[k].lw) != "" {
				s = before[k].s
			}
			n++
		}
		return s
	}
	return start
}

// countedBefore looks back from before[bi] within the clause, at most six
// words, for what a number standing alone counts. It returns where the figure
// starts: the furthest word that names deaths, arrests, people and the like.
func (f *figureFinder) countedBefore(before []figTok, bi int) (int, bool) {
	start, ok := 0, false
	n := 0
	for k := bi - 1; k >= 0 && n < 6; k-- {
		t := before[k]
		if t.kind == ftPunct {
			// Quotes, and a colon or a dash right before the number:
			// "Число погибших – 225", "Detentions: 9,900".
			if figIsQuote(t.r) || ((t.r == ':' || figIsDash(t.r)) && n == 0) {
				continue
			}
			break
		}
		if t.kind == ftNum {
			break
		}
		n++
		if figPeopleNouns.has(t.lw) || f.wordMeasure(t.lw) != "" {
			start, ok = t.s, true
		}
		if t.nl {
			break
		}
	}
	return start, ok
}
