package extract

import (
	"strings"

	"github.com/inquest-project/inquest"
)

// who is a resolved speaker.
type who struct {
	name, id, role string
	person         *inquest.Person
	t0, t1         int // evidence tokens, -1 when carried over
	org            bool
	conf           float64
}

func (w who) ok() bool { return w.name != "" }

// maxWindow bounds, in tokens, how far from a verb its subject is looked for,
// and maxFrames the reporting clauses read in one sentence: a text without
// full stops must not make the engine quadratic.
const (
	maxWindow = 48
	maxFrames = 32
)

type fkind uint8

const (
	fVerb       fkind = iota + 1 // said, заявил
	fParticiple                  // adding, saying: no subject of its own
	fAccording                   // according to X, по словам X
)

// frame is a reporting clause: a verb of saying (or "according to") and the
// phrase that says who speaks.
type frame struct {
	at   int // token of the verb
	kind fkind
	c    cand
	has  bool
}

func (d *document) isBreak(i int) bool {
	t := &d.toks[i]
	switch t.k {
	case tQuote, tNL:
		return true
	case tPunct:
		switch t.c {
		case ',', ';', ':', '(', ')', '—', '–', '[', ']':
			return true
		case '-':
			return i > 0 && d.toks[i-1].e < t.s // a spaced hyphen is a dash
		}
	}
	return false
}

// segments splits [a, b) at breaks into word segments, returned from the
// last to the first.
func (d *document) segmentsBack(a, b int) [][2]int {
	var out [][2]int
	end := b
	for j := b - 1; j >= a-1; j-- {
		if j == a-1 || d.isBreak(j) {
			if j+1 < end {
				out = append(out, [2]int{j + 1, end})
			} else {
				out = append(out, [2]int{end, end})
			}
			if j >= a && d.toks[j].k == tQuote {
				break // never look past a quotation
			}
			end = j
		}
	}
	return out
}

// rank orders candidates: people of the file, full names, surnames, offices,
// pronouns, roles.
func rank(c cand) int {
	switch c.kind {
	case kPerson:
		return 0
	case kName:
		if c.words >= 2 {
			return 1
		}
		return 2
	case kAlias:
		return 3
	case kPronoun, kRelative:
		return 4
	case kRoleNP:
		return 5
	}
	return 6
}

// best picks the best usable candidate of a segment; near is the token the
// subject should be close to (the verb), used for ties and one-word names.
func (d *document) best(cs []cand, near int, after bool) (cand, bool) {
	var out cand
	found := false
	for _, c := range cs {
		if c.kind == kName {
			if c.prep {
				continue
			}
			adjacent := c.t1 == near || c.t0 == near+1 || (after && c.t0 <= near+2)
			if c.words < 2 && !adjacent {
				continue
			}
		}
		if c.kind == kPerson && c.prep && !after {
			continue
		}
		if c.kind == kAlias && c.prep {
			continue
		}
		if !found || rank(c) < rank(out) || (rank(c) == rank(out) && !after && c.t0 > out.t0) {
			out, found = c, true
		}
	}
	return out, found
}

// segmentIsAdverbial: "On February 10", "for his part", "However": a segment
// that cannot hold the subject.
func (d *document) segmentIsAdverbial(a, b int) bool {
	if a >= b {
		return true
	}
	t := &d.toks[a]
	if t.k != tWord {
		return true
	}
	if t.cls&(cAdverbial|cSubord) != 0 || t.cls&cPrep != 0 || d.month(a) > 0 || d.number(a) >= 0 {
		return true
	}
	return false
}

// subjectBefore finds who speaks in the words before verb v, inside the
// sentence [t0, v): the nearest segment with a candidate, skipping
// adverbials and appositions ("Ozharov, a top official at …, told").
func (d *document) subjectBefore(t0, v int) (cand, bool) {
	t0 = max(t0, v-maxWindow) // a subject is near its verb; keeps long sentences linear
	n := -1
	appo := false // the segment just before the verb was an apposition
	for _, sg := range d.segmentsBack(t0, v) {
		a, b := sg[0], sg[1]
		if a >= b {
			continue
		}
		n++
		if n > 4 {
			break
		}
		first := &d.toks[a]
		if first.k == tWord && first.cls&cArticle != 0 && (d.key(first) == "a" || d.key(first) == "an") && n == 0 && a > t0 &&
			d.toks[a-1].k == tPunct && d.toks[a-1].c == ',' {
			appo = true
			continue // an apposition after the name
		}
		cs := d.candidates(a, b)
		if d.impersonal(v) {
			unprep(cs, d, a)
		}
		if c, ok := d.best(cs, v, false); ok {
			// "Nika Melia, chairman of the party, said": the name before
			// the apposition is the subject
			if (c.kind == kRoleNP || c.kind == kAlias) && a > t0 && d.toks[a-1].k == tPunct && d.toks[a-1].c == ',' {
				if p, ok := d.nameBefore(t0, a-1); ok {
					return p, true
				}
			}
			return c, true
		}
		if d.segmentIsAdverbial(a, b) {
			continue
		}
		if n == 0 && d.participial(a) {
			continue // "Tokayev, speaking at the Majilis, said"
		}
		// "One detainee, a student, told us": the one the apposition
		// describes.
		if (n == 0 || n == 1 && appo) && d.contentWords(a, b) > 0 {
			return cand{kind: kGeneric, t0: a, t1: b, text: d.genericText(a, b)}, true
		}
		if n > 0 {
			break
		}
	}
	return cand{}, false
}

// nameBefore returns a name that makes up the whole segment ending at token
// end: the head of an apposition.
func (d *document) nameBefore(t0, end int) (cand, bool) {
	a := end
	for a > t0 && !d.isBreak(a-1) {
		a--
	}
	for _, c := range d.candidates(a, end) {
		if (c.kind == kPerson || c.kind == kName && c.words >= 2) && !c.prep && c.t1 == end {
			return c, true
		}
	}
	return cand{}, false
}

// quotative: the Kazakh particle деп that closes a quotation before its verb.
func (d *document) quotative(j int) bool {
	return d.isWord(j) && d.toks[j].cls&cParticiple != 0 && d.key(&d.toks[j]) == "деп"
}

// participial: the segment opens with a participle or gerund ("speaking at",
// "выступая в", "отвечая на"), a clause set between a subject and its verb.
func (d *document) participial(a int) bool {
	t := &d.toks[a]
	if t.k != tWord || t.cap && a > 0 && d.toks[a-1].k == tPunct && d.toks[a-1].c != ',' {
		return false
	}
	w := d.r[t.s:t.e]
	n := len(w)
	if n < 5 || isUpper(w[0]) {
		return false
	}
	end := string(w[n-3:])
	switch {
	case end == "ing":
		return true
	case isCyrillic(w[n-1]) && (w[n-1] == 'я' || strings.HasSuffix(end, "ясь") || strings.HasSuffix(end, "вшись") || strings.HasSuffix(end, "ав") || strings.HasSuffix(end, "ив") || strings.HasSuffix(end, "ев")):
		return true
	}
	return false
}

func (d *document) contentWords(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if t.k == tWord && t.cls&(cStop|cAux|cArticle|cAdverbial|cSubord|cParticiple) == 0 {
			n++
		}
	}
	return n
}

// genericText is a description such as "Kazakhstan's authorities" or
// "Rights activists", at most six words, without a leading article.
func (d *document) genericText(a, b int) string {
	for a < b && d.toks[a].k == tWord && d.toks[a].cls&(cArticle|cAdverbial|cStop|cPrep) != 0 && d.toks[a].cls&cRole == 0 && b-a > 1 {
		a++
	}
	if b-a > 6 {
		b = a + 6
	}
	return d.tokText(a, b)
}

// subjectAfter finds who speaks after verb v: "said Marie Struthers",
// "сообщил премьер-министр Армении Никол Пашинян", "declared by …", and in
// Russian past adverbials: "сообщил в четверг на брифинге замгенпрокурора
// Асет Чиндалиев".
func (d *document) subjectAfter(v, end int) (cand, bool) {
	end = min(end, v+maxWindow)
	i := v + 1
	if i < end && d.isWord(i) && (d.key(&d.toks[i]) == "by") {
		i++
	}
	// the window: up to a clause or sentence boundary, two commas at most
	w, commas, npEnd := i, 0, -1
	for ; w < end && w-i < 16; w++ {
		t := &d.toks[w]
		if t.k == tWord {
			if t.cls&(cSpeech|cParticiple|cRelative|cSubord) != 0 {
				break
			}
			if k := d.key(t); k == "that" || k == "что" || k == "чтобы" {
				break
			}
			if t.cls&cNPEnd != 0 && w > i && npEnd < 0 {
				npEnd = w
			}
			continue
		}
		if t.k == tPunct && t.c == ',' && commas < 2 {
			commas++
			if npEnd < 0 {
				npEnd = w
			}
			continue
		}
		if t.k == tPunct && (t.c == '-' || t.c == '\'' || t.c == '’') {
			continue
		}
		break
	}
	if npEnd < 0 {
		npEnd = w
	}
	// "цитирует Tengrinews слова Токаева": the words are the person's
	for j := i; j < w; j++ {
		if d.toks[j].k == tWord && d.toks[j].cls&cWordsNoun != 0 {
			for _, c := range d.candidates(j+1, w) {
				if c.kind == kPerson || c.kind == kName || c.kind == kAlias {
					return c, true
				}
			}
		}
	}
	// the phrase right after the verb; "сообщили в КНБ": the body is in
	// the locative after an impersonal plural
	impersonal := d.impersonal(v)
	if impersonal && d.isWord(i) && d.toks[i].cls&cPrep != 0 {
		if k := d.key(&d.toks[i]); k == "в" || k == "во" {
			npEnd = w
			for j := i + 1; j < w; j++ {
				if d.toks[j].k != tWord || d.toks[j].cls&(cNPEnd|cPrep) != 0 {
					npEnd = j
					break
				}
			}
		}
	}
	near := d.candidates(i, npEnd)
	if impersonal {
		unprep(near, d, i)
	}
	if c, ok := d.best(near, v, true); ok && (c.kind == kPerson || c.kind == kName || c.kind == kPronoun) {
		return c, true
	}
	// a name further on: an apposition or past adverbials
	for _, c := range d.candidates(npEnd, w) {
		if (c.kind == kPerson || c.kind == kName && c.words >= 2) && !c.prep {
			return c, true
		}
	}
	if c, ok := d.best(near, v, true); ok {
		return c, true
	}
	// "— рассказал свидетель", "said one of the detainees"
	if a, b := i, npEnd; b > a && b-a <= 5 && d.contentWords(a, b) > 0 && d.toks[a].k == tWord && (d.toks[a].cls&cPrep == 0 || impersonal) &&
		!(b-a == 1 && objectPronouns[d.key(&d.toks[a])]) {
		return cand{kind: kGeneric, t0: a, t1: b, text: d.genericText(a, b)}, true
	}
	return cand{}, false
}

// impersonal: a Russian plural verb of saying without a subject ("в МВД
// сообщили", "заявили в прокуратуре"), whose speaker is the body named after
// "в".
func (d *document) impersonal(v int) bool {
	k := d.key(&d.toks[v])
	return strings.HasSuffix(k, "ли") && isCyrillic([]rune(k)[0])
}

// unprep lets a body named after "в"/"во" speak: the preposition marks the
// place the words came from, not a complement.
func unprep(cs []cand, d *document, from int) {
	for i := range cs {
		c := &cs[i]
		if c.prep && c.t0 > from && d.isWord(c.t0-1) {
			if k := d.key(&d.toks[c.t0-1]); k == "в" || k == "во" {
				c.prep = false
			}
		}
	}
}

// inverted: the verb comes right after a quotation or a dash (“…,” said X;
// », — заявил X), or, in Russian and Kazakh, right after a comma (…,
// сообщил X): its subject follows it.
func (d *document) inverted(t0, v int) bool {
	if v == t0 {
		return true
	}
	j := v - 1
	for j > t0 && (d.toks[j].k == tPunct && (d.toks[j].c == ',' || isDash(d.toks[j].c)) || d.quotative(j)) {
		j--
	}
	if d.toks[j].k == tQuote {
		return true
	}
	p := &d.toks[v-1]
	return d.lang != "en" && p.k == tPunct && (p.c == ',' || isDash(p.c))
}

// frames finds the reporting clauses of sentence si outside its quotations.
func (d *document) frames(si int) []frame { return d.framesUpTo(si, maxFrames) }

// framesUpTo reads reporting clauses until it has found limit with a
// subject: a sentence without quotations only needs its first.
func (d *document) framesUpTo(si, limit int) []frame {
	s := d.sents[si]
	var out []frame
	found := 0
	for i := s.t0; i < s.t1; i++ {
		t := &d.toks[i]
		if t.k != tWord {
			continue
		}
		if len(out) >= maxFrames || found >= limit {
			break
		}
		if n := len(out); n > 0 && out[n-1].has {
			found++
			if found >= limit {
				break
			}
		}
		switch {
		case t.cls&cSpeech != 0:
			k := d.key(t)
			if (k == "атап" || k == "баса") && !(i+1 < s.t1 && d.isWord(i+1)) {
				continue
			}
			if i > s.t0 && d.isWord(i-1) && d.toks[i-1].cls&cSubord != 0 {
				continue // "when asked by journalists"
			}
			if i > s.t0+1 && d.isWord(i-2) && d.toks[i-2].cls&cSubord != 0 && d.toks[i-1].cls&cAux != 0 {
				continue
			}
			f := frame{at: i, kind: fVerb}
			passive := i > s.t0 && d.isWord(i-1) && d.toks[i-1].cls&cAux != 0
			byNext := i+1 < s.t1 && d.isWord(i+1) && d.key(&d.toks[i+1]) == "by"
			switch {
			case byNext:
				f.c, f.has = d.subjectAfter(i, s.t1)
			case passive:
				// "it was reported": nobody named
			case d.inverted(s.t0, i):
				f.c, f.has = d.subjectAfter(i, s.t1)
				if !f.has {
					f.c, f.has = d.subjectBefore(s.t0, i)
				}
			default:
				f.c, f.has = d.subjectBefore(s.t0, i)
				if !f.has {
					f.c, f.has = d.subjectAfter(i, s.t1)
				}
			}
			out = append(out, f)
			// a Kazakh two-word verb (атап өтті): skip its second word
			if k == "атап" || k == "баса" {
				i++
			}
		case t.cls&cParticiple != 0:
			out = append(out, frame{at: i, kind: fParticiple})
		case t.cls&cAccordingTo != 0 && i+1 < s.t1 && d.isWord(i+1) && d.key(&d.toks[i+1]) == "to":
			f := frame{at: i, kind: fAccording}
			f.c, f.has = d.subjectAfter(i+1, s.t1)
			out = append(out, f)
		case t.cls&cWordsOf != 0 && i > s.t0 && d.isWord(i-1):
			// по словам X, по его словам
			p := d.key(&d.toks[i-1])
			f := frame{at: i, kind: fAccording}
			if p == "по" {
				f.c, f.has = d.subjectAfter(i, s.t1)
				f.c.genitive = true
			} else if i > s.t0+1 && d.key(&d.toks[i-2]) == "по" && (p == "его" || p == "её" || p == "ее" || p == "их") {
				f.c, f.has = cand{kind: kPronoun, t0: i - 1, t1: i}, true
			} else {
				continue
			}
			out = append(out, f)
		case t.cls&cSpeechNoun != 0 && i+1 < s.t1 && d.isWord(i+1) && (d.key(&d.toks[i+1]) == "of" || d.key(&d.toks[i+1]) == "by"):
			f := frame{at: i, kind: fVerb}
			f.c, f.has = d.subjectAfter(i+1, s.t1)
			out = append(out, f)
		case t.cls&cSozinshe != 0:
			f := frame{at: i, kind: fAccording}
			f.c, f.has = d.subjectBefore(s.t0, i)
			f.c.genitive = true
			out = append(out, f)
		}
	}
	return out
}

// objectPronouns are the ones spoken to after a verb of saying ("told us",
// "сказал нам"), never the one who speaks.
var objectPronouns = map[string]bool{
	"us": true, "me": true, "him": true, "her": true, "them": true, "you": true,
	"нам": true, "мне": true, "ему": true, "ей": true, "им": true, "вам": true, "тебе": true,
	"бізге": true, "маған": true, "оған": true, "оларға": true, "сізге": true,
}
