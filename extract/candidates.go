package extract

import (
	"strings"
	"unicode"

	"github.com/inquest-project/inquest"
)

type ckind uint8

// Candidate kinds, best first: a person of the people file named, a name not
// in it, an office of the people file, a role or body described in words, a
// pronoun. The order is the preference when a phrase holds several.
const (
	kPerson ckind = iota + 1
	kName
	kAlias
	kRoleNP
	kPronoun
	kRelative
	kGeneric
)

// cand is a possible speaker found in a phrase.
type cand struct {
	kind    ckind
	t0, t1  int // token range
	person  *inquest.Person
	aliases []roleAlias // kAlias: the offices the words name
	text    string      // kGeneric: the description; others read tokens t0..t1
	words   int         // kName: how many words the name has
	anaph   bool        // kRoleNP: a bare role ("the minister") that refers back
	org     bool
	prep    bool // preceded by a preposition: a complement, weaker as subject
	// genitive: the name stands in the genitive ("по словам Ивана
	// Петрова", "Асқаровтың сөзінше") and is printed in the nominative.
	genitive bool
}

func (d *document) tokText(t0, t1 int) string {
	if t0 >= t1 {
		return ""
	}
	return strings.TrimSpace(string(d.r[d.toks[t0].s:d.toks[t1-1].e]))
}

func (d *document) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].k == tWord }

// allCaps reports an acronym (KNB, СЦК) — not a personal name.
func (d *document) allCaps(t *tok) bool {
	n := 0
	for _, c := range d.r[t.s:t.e] {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func (d *document) possessive(t *tok) bool {
	n := t.e - t.s
	return n > 2 && (d.r[t.e-2] == '\'' || d.r[t.e-2] == '’') && (d.r[t.e-1] == 's' || d.r[t.e-1] == 'S')
}

var prepositions = map[string]bool{
	"of": true, "for": true, "at": true, "in": true, "from": true, "to": true, "with": true, "on": true,
	"about": true, "against": true, "into": true, "under": true, "over": true, "between": true,
	"в": true, "на": true, "во": true, "из": true, "от": true, "до": true, "для": true, "с": true, "со": true,
	"у": true, "о": true, "об": true, "при": true, "к": true, "по": true, "за": true, "против": true,
}

// candidates lists the possible speakers in tokens [a, b) in text order.
func (d *document) candidates(a, b int) []cand {
	var out []cand
	// offices of the people file, longest match first
	for i := a; i < b; i++ {
		if d.toks[i].k != tWord {
			continue
		}
		if al, n := d.matchAlias(i, b); n > 0 {
			// "the Prosecutor General's Office" names the office, not the man
			last := &d.toks[i+n-1]
			if !d.possessive(last) && !(i+n < b && d.isWord(i+n) && d.toks[i+n].cls&cOrgHead != 0 && d.toks[i+n].cap) {
				out = append(out, cand{kind: kAlias, t0: i, t1: i + n, aliases: al, prep: d.afterPreposition(a, i)})
			}
			i += n - 1
		}
	}
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if t.k != tWord {
			continue
		}
		prep := d.afterPreposition(a, i)
		switch {
		case t.cls&cPronoun != 0:
			out = append(out, cand{kind: kPronoun, t0: i, t1: i + 1})
			continue
		case t.cls&cRelative != 0:
			out = append(out, cand{kind: kRelative, t0: i, t1: i + 1})
			continue
		}
		if t.cap && d.allCaps(t) && t.cls&cStop == 0 && !d.capNeighbour(i+1, b) && !d.capNeighbour(i-1, b) && (i > a || !d.capNeighbour(i-1, b)) {
			// KNB, МВД, CSTO: a body named by its acronym
			if ps := d.eng.names.lookup(d.r[t.s:t.e]); len(ps) > 0 {
				out = append(out, cand{kind: kPerson, t0: i, t1: i + 1, person: ps[0], prep: prep})
				continue
			}
			out = append(out, cand{kind: kName, t0: i, t1: i + 1, words: 1, org: true, prep: prep})
			continue
		}
		if t.cap && !d.allCaps(t) {
			j := i
			for j < b && d.isWord(j) && d.toks[j].cap && !d.allCaps(&d.toks[j]) && (j == i || !d.possessive(&d.toks[j-1])) {
				j++
			}
			if c, ok := d.nameRun(i, j, prep); ok && !(c.kind == kName && insideAlias(out, c)) {
				out = append(out, c)
			}
			// a lower-case role may follow a capitalised adjective
			for k := i; k < j; k++ {
				if d.toks[k].cls&(cRole|cOrgHead) != 0 && d.toks[k].cls&cTitle == 0 {
					out = append(out, d.roleNP(a, k, b))
				}
			}
			i = j - 1
			continue
		}
		if t.cls&(cRole|cOrgHead) != 0 {
			c := d.roleNP(a, i, b)
			out = append(out, c)
			i = max(i, c.t1-1) // the complement belongs to this role
		}
	}
	return out
}

// capNeighbour: token j is a capitalised word that could belong to a name
// with its neighbour (not "В" opening a sentence).
func (d *document) capNeighbour(j, b int) bool {
	return j >= 0 && j < b && d.isWord(j) && d.toks[j].cap && d.toks[j].cls&(cStop|cPrep) == 0
}

// insideAlias: the name's words are all part of an office or body of the
// people file already found ("Комитете национальной безопасности").
func insideAlias(cs []cand, c cand) bool {
	for _, a := range cs {
		if a.kind == kAlias && a.t0 <= c.t0 && c.t1 <= a.t1 {
			return true
		}
	}
	return false
}

// afterPreposition: the word at i follows a preposition ("at the General
// Prosecutor's Office", "of the Majilis"), so it is a complement.
func (d *document) afterPreposition(a, i int) bool {
	return i > a && d.isWord(i-1) && d.toks[i-1].cls&cPrep != 0 ||
		i > a+1 && d.isWord(i-2) && d.key(&d.toks[i-2]) == "of" && d.toks[i-1].cls&cArticle != 0
}

// nameRun turns a run of capitalised words [i, j) into a name candidate: a
// person of the people file if any word names one (the last such word), else
// the last two or three words that are neither titles nor common words.
func (d *document) nameRun(i, j int, prep bool) (cand, bool) {
	if d.possessive(&d.toks[j-1]) {
		return cand{}, false // "Tokayev's spokesman": a modifier
	}
	ix := d.eng.names
	for k := j - 1; k >= i; k-- {
		if ps := ix.lookup(d.r[d.toks[k].s:d.toks[k].e]); len(ps) > 0 {
			if k < j-2 {
				break // "пресс-секретарь Токаева Руслан Желдибай": the full name after is the person
			}
			p := d.pickPerson(ps)
			return cand{kind: kPerson, t0: k, t1: k + 1, person: p, prep: prep}, true
		}
	}
	// "Russian leader", "Kazakh president", "Казахстанского бюро": a
	// capitalised adjective before a noun is not a name
	if j < len(d.toks) && d.isWord(j) && !d.toks[j].cap {
		if d.toks[j].cls&(cRole|cOrgHead) != 0 || j-i == 1 && russianAdjective(d.r[d.toks[i].s:d.toks[i].e]) {
			return cand{}, false
		}
	}
	// drop leading titles, honorifics and common words
	s := i
	for s < j && d.toks[s].cls&(cStop|cTitle|cHonorific|cRole|cOrgHead|cVenue) != 0 {
		s = s + 1
	}
	for k := s; k < j; k++ {
		if d.toks[k].cls&(cStop|cTitle|cHonorific|cRole|cOrgHead|cVenue) != 0 {
			s = k + 1
		}
	}
	if s >= j {
		return cand{}, false
	}
	n := j - s
	if n > 2 {
		s = j - 2
		if j-3 >= i && patronymic(d.r[d.toks[j-2].s:d.toks[j-2].e]) {
			s = j - 3
		}
		n = j - s
	}
	return cand{kind: kName, t0: s, t1: j, words: n, prep: prep}, true
}

// russianAdjective: a capitalised word with an adjective ending
// (Казахстанского, Национальной, Верховный).
func russianAdjective(w []rune) bool {
	if len(w) < 6 || !isCyrillic(w[0]) {
		return false
	}
	s := strings.ToLower(string(w[len(w)-3:]))
	switch s {
	case "ого", "его", "ому", "ему", "ной", "кой", "ный", "кий", "ная", "кая", "ное", "кое", "ных", "ких", "ым", "ими":
		return true
	}
	return false
}

func patronymic(w []rune) bool {
	s := strings.ToLower(string(w))
	for _, suf := range []string{"ович", "евич", "овна", "евна", "ична", "ұлы", "улы", "қызы", "кызы"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// pickPerson chooses among people sharing a surname key: the one already
// named in the document, else the first.
func (d *document) pickPerson(ps []*inquest.Person) *inquest.Person {
	return ps[0]
}

// roleNP describes a role or body around head token h: adjectives before it
// (after an article) and an "of …" complement after it, within [a, b).
func (d *document) roleNP(a, h, b int) cand {
	s := h
	for s-1 >= a && d.isWord(s-1) {
		p := &d.toks[s-1]
		if p.cls&(cArticle|cNPEnd|cSpeech|cAdverbial) != 0 && p.cls&cTitle == 0 || p.cls&cStop != 0 && !p.cap {
			break
		}
		if p.cls&cStop != 0 && p.cap && p.cls&cTitle == 0 {
			break
		}
		s--
	}
	e := h + 1
	of, gen := false, false
	// "head of the Special Prosecutor's service", "министр внутренних дел"
	for e < b && d.isWord(e) {
		w := &d.toks[e]
		k := d.key(w)
		if !gen && (k == "of" || k == "for" || k == "at") {
			of = true
			e++
			continue
		}
		if of && (w.cls&cArticle != 0 || w.cls&(cNPEnd|cSpeech|cParticiple|cRelative|cPronoun|cSubord|cAux) == 0) {
			e++
			continue
		}
		if !of && isCyrillic(d.r[w.s]) && w.cls&(cNPEnd|cSpeech|cPronoun|cRelative) == 0 && !w.cap && e-h <= 3 && d.genitiveLike(w) {
			gen = true
			e++
			continue
		}
		break
	}
	head := &d.toks[h]
	c := cand{kind: kRoleNP, t0: s, t1: e, org: head.cls&cOrgHead != 0 && head.cls&cRole == 0}
	c.anaph = !of && !gen && !c.org && head.cls&cRole != 0
	if h > a && d.isWord(h-1) {
		switch d.key(&d.toks[h-1]) {
		case "a", "an", "one", "another":
			c.anaph = false // "a spokesman": someone new
		case "his", "her", "their", "its", "my", "our", "your":
			// "His spokesman": someone new, who speaks for the one before.
			c.anaph = false
		}
	}
	return c
}

// genitiveLike: a Russian adjective or noun in the genitive plural or singular
// (внутренних дел, полиции), which continues a role description.
func (d *document) genitiveLike(t *tok) bool {
	k := d.key(t)
	for _, suf := range []string{"ых", "их", "ов", "ев", "ии", "ей", "дел", "ства", "ции", "ого", "его", "ой"} {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

// matchAlias finds the longest office alias of the people file at token i.
func (d *document) matchAlias(i, b int) ([]roleAlias, int) {
	ix := d.eng.names
	if len(ix.roles) == 0 {
		return nil, 0
	}
	best := 0
	var out []roleAlias
	first := unicode.ToLower(d.r[d.toks[i].s])
	if first == 'ё' {
		first = 'е'
	}
	for _, ri := range ix.roleFirst[first] {
		ra := ix.roles[ri]
		n := len(ra.words)
		if n < best || i+n > b {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			t := &d.toks[i+k]
			if t.k != tWord || !wordMatches(ra.words[k], ra.stems[k], d.key(t)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if n > best {
			best, out = n, out[:0]
		}
		out = append(out, ra)
	}
	return out, best
}
