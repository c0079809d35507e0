package extract

import (
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

type tkind uint8

const (
	tWord tkind = iota
	tPunct
	tQuote // a whole quotation, marks included
	tNL    // a line break outside quotations: a paragraph ends
)

// tok is a token of the text outside quotations; a quotation is one token.
type tok struct {
	s, e int32 // rune span
	q    int32 // tQuote: index into document.spans
	c    rune  // tPunct: the character
	cls  wclass
	key  int32 // index into document.keys of the folded word, 0 until needed
	k    tkind
	cap  bool // a word starting with an upper-case letter
}

type sentence struct {
	t0, t1 int // token range [t0, t1)
	para   int
}

// document holds the per-text state of one extraction.
type document struct {
	r         []rune
	lang      string
	published inquest.Date
	// dayAnchor is what "today" and "on Friday" count from: the dateline if
	// the text has one, else the publication day.
	dayAnchor inquest.Date
	eng       *Engine
	spans     []qspan
	toks      []tok
	sents     []sentence
	buf       []byte
	keys      []string // folded words, indexed by tok.key; keeps toks free of pointers
	year      int
	mentions  []mention
	mentioned map[*inquest.Person]bool // people of the file the text names
}

func newDocument(text, lang string, published inquest.Date, e *Engine) *document {
	return newDocumentIn(&document{}, text, lang, published, e)
}

// newDocumentIn reads text into d, reusing the buffers d already has: the
// engine keeps a few documents in a pool so that reading many files does not
// allocate (and zero) a rune array and a token array for each.
func newDocumentIn(d *document, text, lang string, published inquest.Date, e *Engine) *document {
	*d = document{r: d.r[:0], toks: d.toks[:0], keys: d.keys[:0], sents: d.sents[:0], mentions: d.mentions[:0],
		buf: d.buf[:0], lang: lang, published: published, eng: e}
	if n := len(text); cap(d.r) < n/2 {
		// size once: growing by doubling would copy and zero it again
		d.r = make([]rune, 0, utf8.RuneCountInString(text))
	}
	for _, c := range text {
		d.r = append(d.r, c)
	}
	d.spans = d.findSpans()
	d.tokenize()
	d.split()
	return d
}

// pooledLimit is the largest text (in runes) whose buffers go back to the
// pool; a rare huge file should not pin its memory.
const pooledLimit = 4 << 20

var documentPool = sync.Pool{New: func() any { return &document{} }}

func releaseDocument(d *document) {
	if cap(d.r) > pooledLimit {
		return
	}
	d.eng = nil
	clear(d.keys[:cap(d.keys)]) // let the strings go
	d.keys = d.keys[:0]
	clear(d.mentions[:cap(d.mentions)])
	d.mentions = d.mentions[:0]
	documentPool.Put(d)
}

// findSpans merges the quotation-mark scan with direct speech opened by a dash.
func (d *document) findSpans() []qspan {
	spans := d.splitDashBreaks(scanQuotes(d.r))
	dash := scanDashSpeech(d.r, spans)
	if len(dash) == 0 {
		return spans
	}
	spans = append(spans, dash...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].open < spans[j].open })
	return spans
}

// lowerKey folds a rune for dictionary look-ups.
func lowerKey(c rune) rune {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 32
	case c < 0x80:
		return c
	case c >= 0x410 && c <= 0x42F:
		return c + 0x20
	case c >= 0x430 && c <= 0x44F:
		return c
	}
	switch c {
	case 'ё':
		return 'е'
	case 'Ё':
		return 'е'
	case '’', 'ʼ':
		return '\''
	}
	return unicode.ToLower(c)
}

// wordKey returns the folded lower-case form of r[s:e], reusing d.buf, and
// the word class. The string is only allocated when the word is known.
func (d *document) classify(s, e int) (wclass, string) {
	if n := e - s; n < 32 {
		if f := lowerKey(d.r[s]); f < rune(len(lexFilter)) && lexFilter[f]&(1<<n) == 0 {
			return 0, ""
		}
	} else {
		return 0, ""
	}
	d.buf = d.buf[:0]
	for _, c := range d.r[s:e] {
		d.buf = utf8.AppendRune(d.buf, lowerKey(c))
	}
	le, ok := lexicon[string(d.buf)]
	if !ok {
		return 0, ""
	}
	return le.cls, le.key
}

func (d *document) key(t *tok) string {
	if t.key != 0 || t.k != tWord {
		return d.keys[t.key]
	}
	d.buf = d.buf[:0]
	for _, c := range d.r[t.s:t.e] {
		d.buf = utf8.AppendRune(d.buf, lowerKey(c))
	}
	d.keys = append(d.keys, string(d.buf))
	t.key = int32(len(d.keys) - 1)
	return d.keys[t.key]
}

func isWordRune(c rune) bool {
	switch {
	case c < 0x80:
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	case c >= 0x400 && c <= 0x4FF:
		return c >= 0x410 && c <= 0x44F || c == 'ё' || c == 'Ё' || isKazakhLetter(c) || unicode.IsLetter(c)
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// tokenize splits the text outside quotations into words, punctuation and
// line breaks, with each quotation as a single token.
func (d *document) tokenize() {
	r := d.r
	qi := 0
	if want := len(r)/5 + 8; cap(d.toks) < want {
		d.toks = make([]tok, 0, want)
	}
	d.keys = append(d.keys[:0], "")
	for i := 0; i < len(r); {
		if qi < len(d.spans) && i == d.spans[qi].open {
			sp := d.spans[qi]
			end := sp.after
			if end <= i {
				end = sp.e
			}
			d.toks = append(d.toks, tok{s: int32(i), e: int32(end), k: tQuote, q: int32(qi)})
			i = max(end, i+1)
			qi++
			for qi < len(d.spans) && d.spans[qi].open < i {
				qi++ // overlapping dash speech inside a quotation: ignore
			}
			continue
		}
		c := r[i]
		switch {
		case c == '\n':
			d.toks = append(d.toks, tok{s: int32(i), e: int32(i + 1), k: tNL})
			i++
		case c == ' ' || c == '\t' || c == '\r' || (c > 0x7F && unicode.IsSpace(c)):
			i++
		case isWordRune(c):
			j := i + 1
			for j < len(r) {
				x := r[j]
				if isWordRune(x) {
					j++
					continue
				}
				// Hyphens, apostrophes and dots inside a word keep it whole:
				// Kassym-Jomart, won't, Kazpravda.kz, и.о.
				if (x == '-' || x == '\'' || x == '’' || x == '.') && j+1 < len(r) && isWordRune(r[j+1]) {
					j += 2
					continue
				}
				break
			}
			// "и.о." and "т.д.": keep the final dot of a dotted abbreviation.
			if j < len(r) && r[j] == '.' && containsRune(r[i:j], '.') && j-i <= 5 {
				j++
			}
			t := tok{s: int32(i), e: int32(j), k: tWord, cap: isUpper(c)}
			var k string
			if t.cls, k = d.classify(i, j); k != "" {
				d.keys = append(d.keys, k)
				t.key = int32(len(d.keys) - 1)
			}
			d.toks = append(d.toks, t)
			i = j
		default:
			d.toks = append(d.toks, tok{s: int32(i), e: int32(i + 1), k: tPunct, c: c})
			i++
		}
	}
}

func isUpper(c rune) bool {
	switch {
	case c < 0x80:
		return c >= 'A' && c <= 'Z'
	case c >= 0x410 && c <= 0x42F:
		return true
	case c >= 0x430 && c <= 0x44F:
		return false
	}
	return unicode.IsUpper(c)
}

func containsRune(rs []rune, c rune) bool {
	for _, x := range rs {
		if x == c {
			return true
		}
	}
	return false
}

// abbreviations that end with a dot without ending a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "prof": true, "vs": true, "no": true, "gov": true, "sen": true, "rep": true,
	"т": true, "г": true, "гг": true, "д": true, "им": true, "ст": true, "тыс": true, "млн": true,
	"млрд": true, "руб": true, "ул": true, "др": true, "пр": true, "см": true, "п": true, "ч": true,
}

// split groups tokens into sentences; a line break ends a paragraph.
func (d *document) split() {
	para := 0
	start := 0
	flush := func(end int) {
		if end > start {
			d.sents = append(d.sents, sentence{t0: start, t1: end, para: para})
		}
		start = end
	}
	for i := 0; i < len(d.toks); i++ {
		t := &d.toks[i]
		switch t.k {
		case tNL:
			flush(i)
			start = i + 1
			// a blank line or a single break both end the paragraph
			if i+1 < len(d.toks) && d.toks[i+1].k != tNL {
				para++
			}
		case tPunct:
			if t.c == '.' || t.c == '!' || t.c == '?' || t.c == '…' {
				if d.sentenceEnds(i) {
					flush(i + 1)
				}
			}
		case tQuote:
			// a quotation ending in a full stop and followed by a capital
			// ends the sentence: “They were not there.” The public …
			sp := d.spans[t.q]
			if sp.e > sp.s && isFinal(d.r[lastNonSpace(d.r, sp.s, sp.e)]) && i+1 < len(d.toks) {
				n := &d.toks[i+1]
				if (n.k == tWord && n.cap) || n.k == tQuote {
					flush(i + 1)
				}
			}
		}
	}
	flush(len(d.toks))
}

func isFinal(c rune) bool { return c == '.' || c == '!' || c == '?' || c == '…' }

func lastNonSpace(r []rune, s, e int) int {
	for e > s && unicode.IsSpace(r[e-1]) {
		e--
	}
	if e == s {
		return s
	}
	return e - 1
}

// sentenceEnds decides whether the full stop at token i ends a sentence.
func (d *document) sentenceEnds(i int) bool {
	if d.toks[i].c == '.' && i > 0 {
		p := &d.toks[i-1]
		if p.k == tWord && p.e == d.toks[i].s {
			if p.cls&cAbbrev != 0 || (p.e-p.s == 1 && unicode.IsLetter(d.r[p.s])) || p.cls&cMonth != 0 && p.e-p.s <= 4 {
				return false
			}
		}
	}
	for j := i + 1; j < len(d.toks); j++ {
		n := &d.toks[j]
		switch n.k {
		case tNL, tQuote:
			return true
		case tWord:
			return n.cap || !unicode.IsLetter(d.r[n.s])
		case tPunct:
			if isDash(n.c) || n.c == '(' {
				return true
			}
			if isFinal(n.c) || n.c == ')' {
				continue
			}
			return false
		}
	}
	return true
}

// context returns the paragraph around a span: the text a reader needs to
// judge the quotation (used for stances).
func (d *document) context(sp Span) string {
	s, e := sp.Start, sp.End
	for s > 0 && d.r[s-1] != '\n' {
		s--
	}
	for e < len(d.r) && d.r[e] != '\n' {
		e++
	}
	if e-s > 2000 {
		s = max(s, sp.Start-600)
		e = min(e, sp.End+600)
	}
	return string(d.r[s:e])
}
