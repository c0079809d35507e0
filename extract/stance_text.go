package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stanceTok is one token of a text being read for stances: a normalised word,
// or a punctuation mark that ends a clause or a sentence.
type stanceTok struct {
	w string // lower-case word with ё folded to е; "" for punctuation
	p rune   // the punctuation mark when w is ""
	// upper: the word is written with a capital letter in the text, which
	// inside a sentence names a person or a place.
	upper  bool
	sent   int // sentence number, from 0
	clause int // clause number across the whole text, from 0
	// seg numbers the parts of a sentence that "but", "while" or ";" set
	// against each other, across the whole text.
	seg int
}

// stanceClauseMarks end a clause but not a sentence.
const stanceClauseMarks = ",;:()—–"

// stanceSentenceMarks end a sentence.
const stanceSentenceMarks = ".!?…"

// stanceClauseWords open a new clause: contrastive conjunctions, after which
// a negation no longer reaches ("They were there, but not as fighters").
var stanceClauseWords = map[string]bool{
	"but": true, "however": true, "while": true, "whereas": true, "although": true, "though": true,
	"но": true, "однако": true, "хотя": true, "зато": true,
	"бірақ": true, "алайда": true, "дегенмен": true,
}

// stanceFold normalises one rune the way every stance word is compared.
func stanceFold(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z' || r >= 'а' && r <= 'я' && r != 'ё':
		return r
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r >= 'А' && r <= 'Я':
		return r + 'а' - 'А'
	}
	r = unicode.ToLower(r)
	switch r {
	case 'ё':
		return 'е'
	case '’', 'ʼ', '‘', '`':
		return '\''
	case '‐', '‑':
		return '-'
	}
	return r
}

func stanceWordRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r >= 'А' && r <= 'я':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// stanceTokenize splits text into words and boundary marks. An apostrophe or
// hyphen between letters stays inside the word ("coup d'état", "anti-terrorist",
// "из-за"); English "n't" becomes a separate "not" so that "didn't" negates
// like "did not".
func stanceTokenize(text string) []stanceTok {
	toks := make([]stanceTok, 0, len(text)/6+4)
	sent, clause, seg := 0, 0, 0
	// pendingSent is true after a sentence mark until the next word, so that
	// "..." or "?!" count as one boundary.
	pendingSent := false
	var buf []byte
	upper := false // the next word emitted is capitalised
	emitWord := func(w string) {
		if pendingSent {
			sent++
			clause++
			seg++
			pendingSent = false
		}
		if stanceClauseWords[w] && len(toks) > 0 {
			clause++
			seg++
		}
		toks = append(toks, stanceTok{w: w, sent: sent, clause: clause, seg: seg, upper: upper})
		upper = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if stanceWordRune(r) {
			// Scan the word; keep the text's own bytes when folding changes
			// nothing, which is most words.
			start, same := i, true
			buf = buf[:0]
			for i < len(text) {
				c, n := utf8.DecodeRuneInString(text[i:])
				if !stanceWordRune(c) {
					f := stanceFold(c)
					if f != '\'' && f != '-' || i+n >= len(text) {
						break
					}
					if nc, _ := utf8.DecodeRuneInString(text[i+n:]); !stanceWordRune(nc) {
						break
					}
				}
				f := stanceFold(c)
				if f != c {
					same = false
				}
				buf = utf8.AppendRune(buf, f)
				i += n
			}
			w := text[start:i]
			if !same {
				w = string(buf)
				upper = r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r >= 0x80 && unicode.IsUpper(r)
			}
			switch {
			case w == "cannot":
				emitWord("can")
				emitWord("not")
			case strings.HasSuffix(w, "n't") && len(w) > 3:
				emitWord(strings.TrimSuffix(w, "n't"))
				emitWord("not")
			default:
				emitWord(w)
			}
			continue
		}
		switch {
		case strings.ContainsRune(stanceSentenceMarks, r):
			if len(toks) > 0 && !pendingSent {
				toks = append(toks, stanceTok{p: r, sent: sent, clause: clause, seg: seg})
				pendingSent = true
			}
		case strings.ContainsRune(stanceClauseMarks, r):
			if len(toks) > 0 && !pendingSent {
				toks = append(toks, stanceTok{p: r, sent: sent, clause: clause, seg: seg})
				clause++
				if r == ';' {
					seg++
				}
			}
		case r == '\n':
			// A blank line ends a sentence even without a full stop
			// (headings, list items).
			if i+1 < len(text) && text[i+1] == '\n' && len(toks) > 0 {
				pendingSent = true
			}
		}
		i += size
	}
	return toks
}
