package extract

// Marks around a number that say what it is: glued letters and signs,
// ranges, dates, sentence boundaries.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		if f.has(&figStopAfter, lw) || f.has(&figUnitWords, lw) || f.has(&figMonthWords, lw) {
			if !(f.has(&figUnitWords, lw) || f.has(&figMonthWords, lw)) {
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
		if f.has(&figChangeVerbs, toks[k].lw) {
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
