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
	var b strings.Builder
	for _, c := range w {
		c = unicode.ToLower(c)
		if t, ok := translit[c]; ok {
			b.WriteString(t)
			continue
		}
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	s := b.String()
	s = strings.ReplaceAll(s, "kh", "h")
	s = strings.ReplaceAll(s, "dzh", "zh")
	bs := []byte(s)
	for i, c := range bs {
		switch c {
		case 'y':
			bs[i] = 'i'
		case 'j':
			bs[i] = 'i'
		case 'w':
			bs[i] = 'v'
		}
	}
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		c := bs[i]
		if c == 'i' {
			prevV := i > 0 && isVowel(bs[i-1])
			nextV := i+1 < len(bs) && isVowel(bs[i+1])
			if nextV && (prevV || i == 0) {
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

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// roleAlias is one way to name an office, as lower-case words.
type roleAlias struct {
	words  []string
	person *inquest.Person
	pos    inquest.Position
}

// nameIndex finds people of the people file in text: by surname or alias in
// any script and case ending, and by the title of an office they held.
type nameIndex struct {
	byKey map[string][]*inquest.Person
	roles []roleAlias
}

func newNameIndex(people []*inquest.Person) *nameIndex {
	ix := &nameIndex{byKey: map[string][]*inquest.Person{}}
	add := func(name string, p *inquest.Person) {
		ws := strings.FieldsFunc(name, func(c rune) bool { return unicode.IsSpace(c) || c == ',' })
		if len(ws) == 0 {
			return
		}
		// the last word of a full name is the surname; a one-word alias is
		// a name in itself (Elbasy).
		k := foldName(ws[len(ws)-1])
		if len(k) < 3 {
			return
		}
		for _, q := range ix.byKey[k] {
			if q == p {
				return
			}
		}
		ix.byKey[k] = append(ix.byKey[k], p)
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
				ws := roleWords(a)
				if len(ws) > 0 {
					ix.roles = append(ix.roles, roleAlias{words: ws, person: p, pos: pos})
				}
			}
		}
	}
	return ix
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
	if len(ix.byKey) == 0 || len(w) < 3 {
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

// wordMatches compares an alias word with a text word, allowing the text word
// a case ending of up to three letters (генпрокурора, главы государства).
func wordMatches(alias, text string) bool {
	if alias == text {
		return true
	}
	stem := alias
	ar := []rune(alias)
	if len(ar) >= 4 {
		last := ar[len(ar)-1]
		if strings.ContainsRune("аяоеыиьйуюіә", last) {
			stem = string(ar[:len(ar)-1])
		}
	} else {
		return false
	}
	if !strings.HasPrefix(text, stem) {
		return false
	}
	rest := utf8.RuneCountInString(text) - utf8.RuneCountInString(stem)
	if rest > 3 {
		return false
	}
	// English words take no case endings beyond a plural or possessive
	if r, _ := utf8.DecodeRuneInString(stem); r < 0x80 {
		return rest == 0 || text[len(stem):] == "s" || text[len(stem):] == "'s"
	}
	return true
}
