package extract

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// scanDashSpeech finds direct speech opened by a dash at the start of a
// paragraph, as Russian and Kazakh texts write it:
//
//	— Первая часть, — заявил он. — Вторая часть.
//
// gives two quotations around the attribution. A paragraph without an
// attribution break is one quotation when it reads as a sentence. spans are
// the quotations already found with marks; a dash inside one is not speech.
func scanDashSpeech(r []rune, spans []qspan) []qspan {
	var out []qspan
	for i := 0; i < len(r); i++ {
		if i > 0 && r[i-1] != '\n' {
			// jump to the next line start
			for i < len(r) && r[i] != '\n' {
				i++
			}
			continue
		}
		j := i
		for j < len(r) && (r[j] == ' ' || r[j] == '\t' || r[j] == '\u00a0') {
			j++
		}
		if j+1 >= len(r) || !(r[j] == '—' || r[j] == '–' || r[j] == '-') || !unicode.IsSpace(r[j+1]) || r[j+1] == '\n' {
			continue
		}
		if insideSpan(spans, j) {
			continue
		}
		pe := j
		for pe < len(r) && r[pe] != '\n' {
			pe++
		}
		out = append(out, dashParagraph(r, j, pe)...)
		i = pe - 1
	}
	return out
}

func insideSpan(spans []qspan, pos int) bool {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].open > pos })
	return k > 0 && pos < max(spans[k-1].after, spans[k-1].e)
}

// dashParagraph splits one dash-opened paragraph [dash, pe) into quotations.
func dashParagraph(r []rune, dash, pe int) []qspan {
	var out []qspan
	open := dash
	for open < pe {
		s := open + 1
		for s < pe && unicode.IsSpace(r[s]) {
			s++
		}
		if s >= pe || isQuoteMark(r[s]) {
			return out
		}
		// find ", — " / "! — " / "? — " followed by a lower-case word: the
		// attribution.
		e, attr := -1, -1
		for k := s; k+3 < pe && k < s+4000; k++ {
			c := r[k]
			if c != ',' && c != '!' && c != '?' && c != '.' && c != '…' {
				continue
			}
			m := k + 1
			for m < pe && hspace(r[m]) {
				m++
			}
			if m == k+1 || m >= pe || !(r[m] == '—' || r[m] == '–' || r[m] == '-') {
				continue
			}
			n := m + 1
			for n < pe && hspace(r[n]) {
				n++
			}
			if n == m+1 || n >= pe || !unicode.IsLower(r[n]) {
				continue
			}
			e, attr = k, n
			if c != ',' {
				e = k + 1
			}
			break
		}
		if e < 0 {
			// no attribution: the whole rest is speech if it ends like a
			// sentence and is not an item of a list announced by a colon
			end := pe
			for end > s && unicode.IsSpace(r[end-1]) {
				end--
			}
			if len(out) == 0 && listItem(r, dash) {
				return out
			}
			if end > s && (isFinal(r[end-1]) || len(out) > 0) {
				out = append(out, qspan{open: open, s: s, e: end, after: pe, mark: r[dash], dash: true, closed: true})
			}
			return out
		}
		out = append(out, qspan{open: open, s: s, e: e, after: attr, mark: r[dash], dash: true, closed: true})
		// the speech resumes after ". — " with a capital letter
		next := -1
		for k := attr; k+3 < pe && k < attr+1000; k++ {
			if r[k] != '.' && r[k] != ':' {
				continue
			}
			m := k + 1
			for m < pe && hspace(r[m]) {
				m++
			}
			if m == k+1 || m >= pe || !(r[m] == '—' || r[m] == '–') {
				continue
			}
			n := m + 1
			for n < pe && hspace(r[n]) {
				n++
			}
			if n < pe && unicode.IsUpper(r[n]) {
				next = m
				break
			}
		}
		if next < 0 {
			return out
		}
		open = next
	}
	return out
}

// listItem: the paragraph at dash follows a line ending in a colon that has
// no verb of saying ("Меры включают:"), or another item ending in ";": the
// dashes mark a list, not speech.
func listItem(r []rune, dash int) bool { return listItemDepth(r, dash, 0) }

func listItemDepth(r []rune, dash, depth int) bool {
	// the previous non-empty line
	e := dash
	for e > 0 && unicode.IsSpace(r[e-1]) {
		e--
	}
	if e == 0 {
		return false
	}
	s := e
	for s > 0 && r[s-1] != '\n' {
		s--
	}
	last := r[e-1]
	if last == ';' {
		return true
	}
	if last != ':' {
		// another dash line before: an item of the same list?
		p := s
		for p < e && hspace(r[p]) {
			p++
		}
		if depth < 20 && p < e && (r[p] == '—' || r[p] == '–' || r[p] == '-') {
			return listItemDepth(r, p, depth+1)
		}
		return false
	}
	// a colon after a verb of saying introduces speech: "Он сказал:"
	for i := s; i < e; {
		for i < e && !isWordRune(r[i]) {
			i++
		}
		j := i
		for j < e && isWordRune(r[j]) {
			j++
		}
		if j > i {
			var b []byte
			for _, c := range r[i:j] {
				b = utf8.AppendRune(b, lowerKey(c))
			}
			if lexicon[string(b)].cls&(cSpeech|cParticiple) != 0 {
				return false
			}
		}
		i = j
	}
	return true
}

// hspace is a space within a line: ordinary, no-break or thin.
func hspace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u202f' || c == '\u2009'
}

func isQuoteMark(c rune) bool {
	switch c {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '‹', '›':
		return true
	}
	return false
}
