package extract

import "unicode"

// qspan is a top-level quotation found by the scanner, before attribution.
// Offsets are rune indices into the document.
type qspan struct {
	open  int // index of the opening mark (or of the dash of direct speech)
	s, e  int // the quoted words, without marks: [s, e)
	after int // where the text after the quotation starts (past the closing mark)
	mark  rune
	dash  bool // direct speech opened by a dash at the start of a paragraph
	// closed is false for a quotation that runs to the end of a paragraph or
	// of the text without its closing mark (texts cut off mid-sentence).
	closed bool
}

// closerFor reports whether c closes a quotation opened with mark at r[i].
func closerFor(mark rune, r []rune, i int) bool {
	c := r[i]
	switch mark {
	case '“':
		return c == '”' || (c == '“' && closingContext(r, i))
	case '„':
		return c == '“' || c == '”'
	case '«':
		return c == '»'
	case '‹':
		return c == '›'
	case '‘', '‚':
		// ’ is also the apostrophe of "won’t" and "Kazakhstan’s": it closes
		// only where no letter follows.
		return (c == '’' || (mark == '‚' && c == '‘')) && !(i+1 < len(r) && isLetterOrDigit(r[i+1]))
	case '"':
		return c == '"' && !openingContext(r, i)
	case '”':
		return c == '”'
	}
	return false
}

// openingContext: the mark follows a space, the start, or an opening bracket
// or dash, and a word follows it.
func openingContext(r []rune, i int) bool {
	if i+1 >= len(r) || unicode.IsSpace(r[i+1]) {
		return false
	}
	if i == 0 {
		return true
	}
	p := r[i-1]
	return unicode.IsSpace(p) || p == '(' || p == '[' || p == '{' || p == ':' || isDash(p) || p == '«' || p == '“' || p == '„' || p == '/'
}

// closingContext: a word or punctuation precedes the mark and a space,
// punctuation or the end follows it.
func closingContext(r []rune, i int) bool {
	if i == 0 || unicode.IsSpace(r[i-1]) {
		return false
	}
	if i+1 >= len(r) {
		return true
	}
	n := r[i+1]
	return unicode.IsSpace(n) || unicode.IsPunct(n) || isDash(n)
}

// markOrBreak: the only runes the scanner needs to look at.
func markOrBreak(c rune) bool {
	switch c {
	case '\n', '"', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›':
		return true
	}
	return false
}

func isDash(c rune) bool { return c == '—' || c == '–' || c == '-' || c == '−' }

func isLetterOrDigit(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// opener reports whether r[i] opens a quotation given what is open already.
func opener(r []rune, i int, depth int) bool {
	switch r[i] {
	case '“', '„', '«', '‹':
		return true
	case '‘', '‚':
		return (i == 0 || !isLetterOrDigit(r[i-1])) && i+1 < len(r) && !unicode.IsSpace(r[i+1])
	case '"':
		return openingContext(r, i)
	case '”':
		// Some texts open with ” as well; only at top level, before a word.
		return depth == 0 && openingContext(r, i) && i+1 < len(r) && unicode.IsLetter(r[i+1])
	}
	return false
}

// scanQuotes finds the top-level quotations of a text. Nested quotations stay
// part of the outer one. A quotation open at the end of a paragraph goes on if
// the next paragraph opens with the same mark (English convention) or if a
// closing mark comes before any new opening mark (Russian convention); a
// quotation still open at the end of the text runs to the end, because many
// stored texts are cut off mid-quotation.
func scanQuotes(r []rune) []qspan {
	var out []qspan
	type open struct {
		mark rune
		pos  int
	}
	var stack []open
	emit := func(o open, e, after int, closed bool) {
		out = append(out, qspan{open: o.pos, s: o.pos + 1, e: e, after: after, mark: o.mark, closed: closed})
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !markOrBreak(c) {
			continue
		}
		if c == '\n' && len(stack) > 0 {
			stack = stack[:1]
			bottom := stack[0]
			j := i
			for j < len(r) && unicode.IsSpace(r[j]) {
				j++
			}
			switch {
			case j >= len(r):
				emit(bottom, i, i, false)
				stack = stack[:0]
			case r[j] == bottom.mark || (bottom.mark == '„' && r[j] == '„'):
				i = j // the mark re-opens the same quotation: skip it
			case closeComesFirst(r, j, bottom.mark):
				i = j - 1
			default:
				emit(bottom, i, i, false)
				stack = stack[:0]
			}
			continue
		}
		if len(stack) > 0 {
			k := -1
			for x := len(stack) - 1; x >= 0; x-- {
				if closerFor(stack[x].mark, r, i) {
					k = x
					break
				}
			}
			if k >= 0 {
				if k == 0 {
					emit(stack[0], i, i+1, true)
				}
				stack = stack[:k]
				continue
			}
		}
		if opener(r, i, len(stack)) {
			stack = append(stack, open{c, i})
			if len(stack) > 64 { // pathological input: give up on this quotation
				stack = stack[:0]
			}
		}
	}
	if len(stack) > 0 {
		emit(stack[0], len(r), len(r), false)
	}
	return out
}

// closeComesFirst looks ahead from the start of the next paragraph: does a
// mark closing the open quotation come before a mark opening a new one?
func closeComesFirst(r []rune, j int, mark rune) bool {
	depth := 0
	paras := 0
	limit := min(len(r), j+12000)
	for k := j; k < limit; k++ {
		c := r[k]
		if c == '\n' {
			paras++
			if paras > 12 {
				return false
			}
			continue
		}
		if mark == '"' {
			if c == '"' {
				return closingContext(r, k) && !openingContext(r, k)
			}
			continue
		}
		if depth == 0 && closerFor(mark, r, k) {
			return true
		}
		if c == mark || (mark == '“' && c == '„') {
			if k == 0 || r[k-1] == '\n' || paraStart(r, k) {
				return false // a new quotation opens a paragraph
			}
			depth++
			continue
		}
		if depth > 0 && (c == '»' || c == '”' || c == '“') {
			depth--
		}
	}
	return false
}

// paraStart reports whether only spaces stand between r[k] and the line start.
func paraStart(r []rune, k int) bool {
	for x := k - 1; x >= 0; x-- {
		if r[x] == '\n' {
			return true
		}
		if !unicode.IsSpace(r[x]) {
			return false
		}
	}
	return true
}
