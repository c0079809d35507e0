package extract

import (
	"unicode"
	"unicode/utf8"
)

// The figure finder looks at a few words either side of each number, so it
// tokenises small windows of the text on demand rather than the whole text.

type figTokKind uint8

const (
	ftWord figTokKind = iota + 1
	ftNum
	ftPunct
)

// figTok is a word, a run of digits or one punctuation mark, by byte offsets.
type figTok struct {
	s, e  int
	kind  figTokKind
	nl    bool // a line break comes before it
	upper bool // a word starting with a capital letter
	lw    string
	r     rune // the mark, for punctuation
}

// windowBytes bound how far the finder looks either side of a number.
const (
	figWindowBefore = 360
	figWindowAfter  = 480
)

// figTokenize splits text[from:to] into tokens. from and to are rune boundaries.
func figTokenize(text string, from, to int, out []figTok) []figTok {
	i := from
	nl := false
	for i < to {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			nl = true
			i += w
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r):
			j := i + w
			for j < to {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2) {
					j += w2
					continue
				}
				// Hyphens and apostrophes inside words: "Nur-Sultan", "country's".
				if (r2 == '-' || r2 == '\'' || r2 == '’') && j+w2 < to {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if unicode.IsLetter(r3) {
						j += w2
						continue
					}
				}
				break
			}
			var buf [64]byte
			lw := ""
			if j-i <= 48 {
				lw = numLower(buf[:0], text[i:j])
			}
			out = append(out, figTok{s: i, e: j, kind: ftWord, nl: nl, upper: unicode.IsUpper(r), lw: lw})
			nl = false
			i = j
		case r < utf8.RuneSelf && numIsDigit(byte(r)):
			j := i + 1
			for j < to && (numIsDigit(text[j]) || ((text[j] == ',' || text[j] == '.') && j+1 < to && numIsDigit(text[j+1]))) {
				j++
			}
			out = append(out, figTok{s: i, e: j, kind: ftNum, nl: nl})
			nl = false
			i = j
		default:
			out = append(out, figTok{s: i, e: i + w, kind: ftPunct, nl: nl, r: r})
			nl = false
			i += w
		}
	}
	return out
}

// figRuneStart moves i back to the start of the rune it falls in.
func figRuneStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// figTokensBefore returns the tokens that end at or before pos, nearest last.
func figTokensBefore(text string, pos int, buf []figTok) []figTok {
	from := pos - figWindowBefore
	partial := from > 0
	if from < 0 {
		from = 0
	}
	from = figRuneStart(text, from)
	toks := figTokenize(text, from, pos, buf[:0])
	if partial && len(toks) > 0 {
		toks = toks[1:] // may be the tail of a word cut by the window
	}
	return toks
}

// figTokensAfter returns the tokens from pos on.
func figTokensAfter(text string, pos int, buf []figTok) []figTok {
	to := pos + figWindowAfter
	partial := to < len(text)
	if to > len(text) {
		to = len(text)
	}
	to = figRuneStart(text, to)
	toks := figTokenize(text, pos, to, buf[:0])
	if partial && len(toks) > 0 {
		toks = toks[:len(toks)-1]
	}
	return toks
}

func figIsDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' || r == '−' }

func figIsOpenQuote(r rune) bool { return r == '«' || r == '“' || r == '„' || r == '‘' }

func figIsCloseQuote(r rune) bool { return r == '»' || r == '”' || r == '’' }

func figIsQuote(r rune) bool { return figIsOpenQuote(r) || figIsCloseQuote(r) || r == '"' || r == '\'' }

func figIsCurrency(r rune) bool {
	return r == '$' || r == '€' || r == '£' || r == '₸' || r == '₽'
}

// figSentenceEnd reports whether a punctuation mark ends a sentence.
func figSentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' || r == ';' }
