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
	// masks and setFlags cache the measure flags and the word-set flags of
	// the words seen.
	masks    map[string]uint32
	setFlags map[string]uint64
}

// flags returns which word sets hold the lower-case word lw, and
// figNumberBit when it is a number word in f's language.
func (f *figureFinder) flags(lw string) uint64 {
	if lw == "" {
		return 0
	}
	if m, ok := f.setFlags[lw]; ok {
		return m
	}
	var m uint64
	for i := range figAllSets {
		if figAllSets[i].has(lw) {
			m |= figAllSets[i].bit
		}
	}
	if _, ok := lookupNumberWord(lw, f.lang); ok {
		m |= figNumberBit
	}
	if f.setFlags == nil {
		f.setFlags = map[string]uint64{}
	}
	f.setFlags[lw] = m
	return m
}

// has reports whether the word set ws holds lw, through f's cache.
func (f *figureFinder) has(ws *figWordSet, lw string) bool { return f.flags(lw)&ws.bit != 0 }

// isNum reports whether lw is a number word in f's language.
func (f *figureFinder) isNum(lw string) bool { return f.flags(lw)&figNumberBit != 0 }

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
