package extract

// Qualifiers and the counted phrase around a number.

import (
	"strings"
)

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
			if after[k].kind == ftWord && f.has(&figAndWords, after[k].lw) {
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
			case t.r == ',' && k+1 < len(after) && after[k+1].kind == ftWord && f.has(&figRelativeWords, after[k+1].lw) && words > 0:
				continue
			}
			break
		}
		if words >= max || f.has(&figClauseWords, t.lw) {
			break
		}
		if words > 0 {
			if f.isNum(t.lw) {
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
		if t.kind == ftWord && f.has(&figTrailWords, t.lw) {
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
			(f.has(&figCountHeads, before[p-1].lw) || f.wordMeasure(before[p-1].lw) != "") {
			return before[p-1].s
		}
		return start
	case t.kind == ftWord && f.has(&figPrepBefore, t.lw):
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
		if f.has(&figPeopleNouns, t.lw) || f.wordMeasure(t.lw) != "" {
			start, ok = t.s, true
		}
		if t.nl {
			break
		}
	}
	return start, ok
}
