package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// translit spells Cyrillic letters (Russian and Kazakh) in Latin, the way the
// corpus scorer does, so that Токаев, Тоқаев and Tokayev fold together.
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'ә': "a", 'ғ': "g", 'қ': "k",
	'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
}

// foldName reduces a name word to a spelling-independent key: Latin letters,
// kh→h, y and j treated as i, an i between vowels or before a vowel at the
// start dropped (Tokayev/Tokaev, Yerlan/Ерлан), doubled letters single
// (Assylov/Asylov).
func foldName(w string) string {
	var raw [64]byte
	bs := raw[:0]
	for _, c := range w {
		c = lowerKey(c)
		if t, ok := translitOf(c); ok {
			bs = append(bs, t...)
			continue
		}
		if c >= 'a' && c <= 'z' {
			bs = append(bs, byte(c))
		}
	}
	var outb [64]byte
	out := outb[:0]
	for i := 0; i < len(bs); i++ {
		c := bs[i]
		switch c {
		case 'k':
			if i+1 < len(bs) && bs[i+1] == 'h' {
				continue // kh -> h
			}
		case 'd':
			if i+2 < len(bs) && bs[i+1] == 'z' && bs[i+2] == 'h' {
				continue // dzh -> zh
			}
		case 'y', 'j':
			c = 'i'
		case 'w':
			c = 'v'
		}
		if c == 'i' {
			prevV := len(out) > 0 && isVowel(out[len(out)-1])
			nextV := i+1 < len(bs) && isVowel(bs[i+1])
			if nextV && (prevV || len(out) == 0) {
				continue
			}
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// translitTable is translit as an array over the Cyrillic block.
var translitTable = func() (t [0x100]*string) {
	for c, s := range translit {
		s := s
		t[c-0x400] = &s
	}
	return t
}()

func translitOf(c rune) (string, bool) {
	if c < 0x400 || c >= 0x500 {
		return "", false
	}
	if p := translitTable[c-0x400]; p != nil {
		return *p, true
	}
	return "", false
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// roleAlias is one way to name an office, as lower-case words.
type roleAlias struct {
	words  []string
	stems  []string // words without a final vowel, for case endings
	person *inquest.Person
	pos    inquest.Position
}

// nameIndex finds people of the people file in text: by surname or alias in
// any script and case ending, and by the title of an office they held.
type nameIndex struct {
	byKey map[string][]*inquest.Person
	// heads holds the folded first letters of every indexed word, a cheap
	// test that rejects most capitalised words before any folding.
	heads map[[2]rune]bool
	roles []roleAlias
	// roleFirst maps the first letter of an office's first word to the
	// offices, so that matching tries only a few at each word.
	roleFirst map[rune][]int
}

func newNameIndex(people []*inquest.Person) *nameIndex {
	ix := &nameIndex{byKey: map[string][]*inquest.Person{}, heads: map[[2]rune]bool{}, roleFirst: map[rune][]int{}}
	key := func(w string, p *inquest.Person) {
		k := foldName(w)
		if len(k) < 3 {
			return
		}
		ix.heads[headOf([]rune(w))] = true
		for _, q := range ix.byKey[k] {
			if q == p {
				return
			}
		}
		ix.byKey[k] = append(ix.byKey[k], p)
	}
	add := func(name string, p *inquest.Person) {
		ws := strings.FieldsFunc(name, func(c rune) bool { return unicode.IsSpace(c) || c == ',' })
		switch {
		case len(ws) == 0:
			return
		case len(ws) == 1:
			key(ws[0], p) // a name in itself: Elbasy, KNB
			return
		case p.Kind == inquest.ActorOrganisation:
			// "National Security Committee": matched as a whole phrase,
			// never by its last word
			ra := roleAlias{words: roleWords(name), person: p}
			ix.addRole(ra)
			return
		}
		// the last word of a full name is the surname; a surname written
		// first ("Токаев Касым-Жомарт Кемелевич") is known by its ending
		key(ws[len(ws)-1], p)
		for _, w := range ws[:len(ws)-1] {
			if surnameShape(w) {
				key(w, p)
			}
		}
	}
	for _, p := range people {
		add(p.Name, p)
		for _, n := range p.Names {
			add(n, p)
		}
		for _, a := range p.Aliases {
			add(a, p)
		}
		for _, pos := range p.Positions {
			for _, a := range append([]string{pos.Title}, pos.Aliases...) {
				if ws := roleWords(a); len(ws) > 0 {
					ix.addRole(roleAlias{words: ws, person: p, pos: pos})
				}
			}
		}
	}
	return ix
}

func (ix *nameIndex) addRole(ra roleAlias) {
	if len(ra.words) == 0 {
		return
	}
	for _, w := range ra.words {
		ra.stems = append(ra.stems, aliasStem(w))
	}
	first, _ := utf8.DecodeRuneInString(ra.words[0])
	ix.roleFirst[first] = append(ix.roleFirst[first], len(ix.roles))
	ix.roles = append(ix.roles, ra)
}

// surnameShape: a word shaped like a Russian or Kazakh surname (-ов, -ева,
// -ин, -ұлы), so that a surname written before the given name is found.
func surnameShape(w string) bool {
	f := foldName(w)
	if len(f) < 5 {
		return false
	}
	for _, suf := range []string{"ov", "ev", "ova", "eva", "in", "ina", "uli", "ski", "skaa"} {
		if strings.HasSuffix(f, suf) {
			return true
		}
	}
	return false
}

// roleWords lower-cases a title and drops a leading article.
func roleWords(a string) []string {
	var ws []string
	for _, w := range strings.Fields(a) {
		w = strings.ToLower(strings.ReplaceAll(w, "ё", "е"))
		ws = append(ws, w)
	}
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	return ws
}

// lookup finds the people a word names, trying the word without case endings
// (Токаева, Тоқаевтың, Tokayev's).
func (ix *nameIndex) lookup(w []rune) []*inquest.Person {
	if len(ix.byKey) == 0 || len(w) < 3 || !ix.heads[headOf(w)] {
		return nil
	}
	n := len(w)
	if n > 2 && (w[n-2] == '\'' || w[n-2] == '’') && (w[n-1] == 's' || w[n-1] == 'S') {
		n -= 2
	}
	for cut := 0; cut <= 4 && n-cut >= 3; cut++ {
		if cut > 0 && !isCyrillic(w[n-cut]) && cut > 1 {
			break
		}
		if ps, ok := ix.byKey[foldName(string(w[:n-cut]))]; ok {
			return ps
		}
		// feminine surnames: Смирновой, Смирновую -> Смирнова
		if cut == 2 && isCyrillic(w[n-1]) {
			if ps, ok := ix.byKey[foldName(string(w[:n-cut])+"а")]; ok {
				return ps
			}
		}
	}
	return nil
}

func isCyrillic(c rune) bool { return c >= 0x400 && c <= 0x4FF }

// headOf is the lower-cased first two letters of a word with Cyrillic and
// Latin spellings of a name brought together (Т/T, о/o), enough to reject
// words that cannot be an indexed name.
func headOf(w []rune) [2]rune {
	var h [2]rune
	n := 0
	for _, c := range w {
		if n == 2 {
			break
		}
		c = lowerKey(c)
		if t, ok := translitOf(c); ok {
			if t == "" {
				continue
			}
			c = rune(t[0])
		}
		switch c {
		case 'y', 'j':
			c = 'i'
		case 'w':
			c = 'v'
		}
		if n == 1 && (c == h[0] || c == 'i' || c == 'h') {
			continue // doubled letters, a dropped i, kh
		}
		if n == 0 && c == 'i' {
			continue // Yerlan / Ерлан
		}
		h[n] = c
		n++
	}
	return h
}

// aliasStem is an office word without a final vowel, so that the word
// matches its case forms (глава/главы, генпрокурор/генпрокурора).
func aliasStem(alias string) string {
	ar := []rune(alias)
	if len(ar) < 4 {
		return alias
	}
	if strings.ContainsRune("аяоеыиьйуюіә", ar[len(ar)-1]) {
		return string(ar[:len(ar)-1])
	}
	return alias
}

// wordMatches compares an office word (and its stem) with a text word,
// allowing the text word a case ending of up to three letters.
func wordMatches(alias, stem, text string) bool {
	if alias == text {
		return true
	}
	if len(alias) < 4 || !strings.HasPrefix(text, stem) {
		return false
	}
	rest := text[len(stem):]
	if stem[0] < 0x80 {
		// English words take no case endings beyond a plural or possessive
		return rest == "" || rest == "s" || rest == "'s"
	}
	return utf8.RuneCountInString(rest) <= 3
}
