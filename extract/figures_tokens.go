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
	lw    string // the word in lower case
	r     rune   // the mark, for punctuation
	kind  figTokKind
	nl    bool // a line break comes before it
	upper bool // a word starting with a capital letter
}

// figTokenize splits text[from:to] into tokens. from and to are rune boundaries.
func figTokenize(text string, from, to int, out []figTok) []figTok {
	i := from
	nl := false
	for i < to {
		r, w := numDecode(text, i)
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			nl = true
			i += w
		case r == ' ' || r == '\t' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += w
		case numIsLetter(r):
			j := i + w
			clean := !(r == 'ё' || numIsUpper(r)) // already lower case
			for j < to {
				// Fast paths for the two scripts of the texts.
				if c := text[j]; c < utf8.RuneSelf {
					if uint32(c|0x20)-'a' < 26 {
						if c <= 'Z' {
							clean = false
						}
						j++
						continue
					}
				} else if (c == 0xD0 || c == 0xD1) && j+1 < to && text[j+1]&0xC0 == 0x80 {
					// а-я (D0 B0 - D1 8F) are lower case, А-Я and Ё upper.
					c2 := text[j+1]
					if c == 0xD1 && c2 <= 0x8F || c == 0xD0 && c2 >= 0xB0 {
						j += 2
						continue
					}
				}
				r2, w2 := numDecode(text, j)
				if numIsLetter(r2) || (r2 >= 0x0300 && unicode.Is(unicode.Mn, r2)) {
					if r2 == 'ё' || numIsUpper(r2) {
						clean = false
					}
					j += w2
					continue
				}
				// Hyphens and apostrophes inside words: "Nur-Sultan", "country's".
				if (r2 == '-' || r2 == '\'' || r2 == '’') && j+w2 < to {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if numIsLetter(r3) {
						j += w2
						continue
					}
				}
				break
			}
			lw := text[i:j]
			if !clean {
				var buf [64]byte
				lw = numLower(buf[:0], lw)
			}
			out = append(out, figTok{s: i, e: j, kind: ftWord, nl: nl, upper: numIsUpper(r), lw: lw})
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

func figIsDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' || r == '−' }

func figIsOpenQuote(r rune) bool { return r == '«' || r == '“' || r == '„' || r == '‘' }

func figIsCloseQuote(r rune) bool { return r == '»' || r == '”' || r == '’' }

func figIsQuote(r rune) bool { return figIsOpenQuote(r) || figIsCloseQuote(r) || r == '"' || r == '\'' }

func figIsCurrency(r rune) bool {
	return r == '$' || r == '€' || r == '£' || r == '₸' || r == '₽'
}

// figSentenceEnd reports whether a punctuation mark ends a sentence.
func figSentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' || r == ';' }

// figRuneStart moves i back to the start of the rune it falls in.
func figRuneStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
