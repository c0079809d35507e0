package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// mention is a person named in the text, for pronouns and relative clauses.
type mention struct {
	t int
	w who
}

// noteMentionsAll records every person named in the document: people of the
// file in any script and case, and full names (two words or more) of others.
func (d *document) noteMentionsAll(st *state) {
	ix := d.eng.names
	for i := 0; i < len(d.toks); i++ {
		t := &d.toks[i]
		if t.k != tWord || !t.cap {
			continue
		}
		j := i
		for j < len(d.toks) && d.toks[j].k == tWord && d.toks[j].cap && (j == i || !d.possessive(&d.toks[j-1])) {
			j++
		}
		found := false
		for k := i; k < j; k++ {
			if d.toks[k].cls&(cStop|cTitle|cRole) != 0 || d.allCaps(&d.toks[k]) {
				continue
			}
			if ps := ix.lookup(d.r[d.toks[k].s:d.toks[k].e]); len(ps) > 0 {
				p := ps[0]
				st.mentioned[p] = true
				d.mentions = append(d.mentions, mention{k, who{name: p.Name, id: p.Slug, person: p, t0: k, t1: k + 1, org: p.Kind == inquest.ActorOrganisation}})
				found = true
			}
		}
		if !found && j-i >= 2 {
			prep := i > 0 && d.isWord(i-1) && d.toks[i-1].cls&cPrep != 0
			if c, ok := d.nameRun(i, j, prep); ok && c.kind == kName && c.words >= 2 && !prep && !d.placeLike(c) {
				last := d.tokText(c.t1-1, c.t1)
				if _, seen := st.surnames[last]; !seen {
					st.surnames[last] = d.tokText(c.t0, c.t1)
				}
				d.mentions = append(d.mentions, mention{c.t0, who{name: d.tokText(c.t0, c.t1), t0: c.t0, t1: c.t1}})
			}
		}
		i = j - 1
	}
}

// placeLike: a two-word run that is a place or body rather than a person
// ("Central Asia", "Human Rights") — its last word is not a surname shape.
func (d *document) placeLike(c cand) bool {
	for k := c.t0; k < c.t1; k++ {
		if d.toks[k].cls&(cVenue|cOrgHead|cThing) != 0 {
			return true
		}
	}
	return false
}

// personBefore returns the last person named before token t, at or after
// token from.
func (d *document) personBefore(t, from int) (who, bool) {
	k := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].t >= t })
	if k > 0 && d.mentions[k-1].t >= from {
		return d.mentions[k-1].w, true
	}
	return who{}, false
}

// resolve turns a candidate into a speaker.
func (d *document) resolve(st *state, c cand, s sentence, date inquest.Date) who {
	switch c.kind {
	case kPerson:
		p := c.person
		return who{name: p.Name, id: p.Slug, person: p, t0: c.t0, t1: c.t1, org: p.Kind == inquest.ActorOrganisation, conf: 0.95}
	case kName:
		name := d.stripHonorific(c.t0, c.t1)
		if c.genitive {
			name = nominative(name)
		}
		if c.words == 1 {
			if full, ok := st.surnames[name]; ok {
				name = full
			}
		}
		return who{name: name, t0: c.t0, t1: c.t1, org: c.org, conf: 0.85}
	case kAlias:
		if date == "" {
			date = d.published
		}
		var held []roleAlias
		for _, ra := range c.aliases {
			if ra.pos.HeldOn(date) && !containsPerson(held, ra.person) {
				held = append(held, ra)
			}
		}
		if len(held) > 1 {
			var named []roleAlias
			for _, ra := range held {
				if st.mentioned[ra.person] {
					named = append(named, ra)
				}
			}
			if len(named) > 0 {
				held = named
			}
		}
		if len(held) == 1 {
			p := held[0].person
			return who{name: p.Name, id: p.Slug, person: p, role: held[0].pos.Title, t0: c.t0, t1: c.t1, conf: 0.85}
		}
		return who{name: stripArticle(d.tokText(c.t0, c.t1)), t0: c.t0, t1: c.t1, conf: 0.6}
	case kRoleNP:
		if c.anaph {
			// "the minister said": the last speaker, unless the file
			// says another office is theirs and a person named before
			// holds this one ("Industry Minister Zhanatov … — деді
			// министр").
			role := d.key(&d.toks[c.t1-1])
			last := st.lastSpeaker
			if last.ok() && !last.org && (last.person == nil || d.personHoldsRole(last.person, role)) {
				last.t0, last.t1, last.conf = c.t0, c.t1, 0.7
				return last
			}
			if w, ok := d.holderBefore(c.t0, role); ok {
				w.t0, w.t1, w.conf = c.t0, c.t1, 0.7
				return w
			}
			if last.ok() && !last.org {
				last.t0, last.t1, last.conf = c.t0, c.t1, 0.7
				return last
			}
		}
		if c.org && c.t1-c.t0 == 1 {
			// "the Office said": the body named in full before ("Office of
			// the Prosecutor General")
			if full := d.fullBodyBefore(c.t0); full != "" {
				return who{name: full, t0: c.t0, t1: c.t1, org: true, conf: 0.7}
			}
		}
		return who{name: stripArticle(d.tokText(c.t0, c.t1)), t0: c.t0, t1: c.t1, org: c.org, conf: 0.7}
	case kPronoun:
		// the last person named in the paragraph, else the last speaker
		// (a person: "he" is not the ministry)
		if w, ok := d.personBefore(c.t0, d.paraStart(s.para)); ok && !w.org {
			w.conf = 0.8
			return w
		}
		if st.lastSpeaker.ok() && !st.lastSpeaker.org {
			w := st.lastSpeaker
			w.t0, w.t1, w.conf = c.t0, c.t1, 0.8
			return w
		}
		if w, ok := d.personBefore(c.t0, 0); ok {
			w.conf = 0.6
			return w
		}
	case kRelative:
		if w, ok := d.personBefore(c.t0, s.t0); ok {
			w.conf = 0.8
			return w
		}
		if w, ok := d.personBefore(c.t0, 0); ok {
			w.conf = 0.6
			return w
		}
	case kGeneric:
		// "the statement said": the body that issued it, named before
		if d.toks[c.t1-1].cls&cSpeechNoun != 0 && st.lastSpeaker.ok() {
			w := st.lastSpeaker
			w.t0, w.t1, w.conf = c.t0, c.t1, 0.6
			return w
		}
		return who{name: c.text, t0: c.t0, t1: c.t1, conf: 0.5}
	}
	return who{}
}

func containsPerson(list []roleAlias, p *inquest.Person) bool {
	for _, ra := range list {
		if ra.person == p {
			return true
		}
	}
	return false
}

func stripArticle(s string) string {
	for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

func (d *document) stripHonorific(t0, t1 int) string {
	for t0 < t1-1 && d.toks[t0].cls&cHonorific != 0 {
		t0++
		if t0 < t1 && d.toks[t0].k == tPunct {
			t0++
		}
	}
	return d.tokText(t0, t1)
}

// attribute finds who said the quotation at token qi of sentence si, and how
// sure that is.
func (d *document) attribute(st *state, si, qi int, frames []frame, date inquest.Date) (who, float64) {
	s := d.sents[si]
	// 1. a reporting clause right after: “…,” he said / », — заявил он
	words := 0
	for i := qi + 1; i < s.t1 && words <= 6 && i <= qi+16; i++ {
		t := &d.toks[i]
		if t.k == tQuote || t.k == tNL {
			break
		}
		if t.k == tPunct {
			if (t.c == '.' || t.c == '!' || t.c == '?') && i > qi+1 {
				break
			}
			if t.c == '(' {
				break
			}
			continue
		}
		words++
		for _, f := range frames {
			if f.at != i || f.kind == fAccording && !f.has {
				continue
			}
			if f.has {
				if w := d.resolve(st, f.c, s, date); w.ok() && !d.relays(f, w) {
					return w, w.conf
				}
				if d.relays(f, d.resolve(st, f.c, s, date)) {
					break // a news outlet relaying: look further back
				}
			}
			// SOV: Мемлекет басшысы «…» деп атап өтті
			if c, ok := d.sentenceSubject(s.t0, qi); ok {
				if w := d.resolve(st, c, s, date); w.ok() {
					return w, w.conf * 0.9
				}
			}
		}
	}
	// 2. a headline: «…» – Таймерденов
	if i := qi + 1; i+1 < s.t1+1 && i < len(d.toks) && d.toks[i].k == tPunct && isDash(d.toks[i].c) {
		j := i + 1
		for j < len(d.toks) && j <= i+6 && d.isWord(j) && d.toks[j].cap {
			j++
		}
		if j > i+1 && j-i-1 <= 4 && (j >= len(d.toks) || d.toks[j].k == tNL) {
			if c, ok := d.best(d.candidates(i+1, j), i, true); ok {
				if w := d.resolve(st, c, s, date); w.ok() {
					return w, w.conf * 0.95
				}
			}
		}
	}
	// 3. a reporting clause before, the nearest with a subject
	participle := false
	for k := len(frames) - 1; k >= 0; k-- {
		f := frames[k]
		if f.at >= qi {
			continue
		}
		if f.kind == fParticiple || !f.has {
			participle = true
			continue
		}
		if w := d.resolve(st, f.c, s, date); w.ok() && !d.relays(f, w) {
			return w, w.conf * 0.95
		}
	}
	// 4. Putin, for his part, supported this version: “…”
	if participle || (qi > s.t0 && d.toks[qi-1].k == tPunct && d.toks[qi-1].c == ':') {
		if c, ok := d.sentenceSubject(s.t0, qi); ok {
			if w := d.resolve(st, c, s, date); w.ok() {
				return w, w.conf * 0.85
			}
		}
	}
	// 5. «…». Об этом заявил министр.
	if si+1 < len(d.sents) && d.toks[s.t1-1].k != tWord {
		n := d.sents[si+1]
		if n.para == s.para && d.isWord(n.t0) {
			switch d.key(&d.toks[n.t0]) {
			case "об", "this", "that", "так", "это", "such", "these", "those", "бұл", "осылай":
				for _, f := range d.frames(si + 1) {
					if f.has {
						if w := d.resolve(st, f.c, n, date); w.ok() {
							return w, w.conf * 0.9
						}
					}
				}
			}
		}
	}
	// 6. the subject of the sentence before, in the same paragraph, when that
	// sentence reports no one: Smirnova was blunt. “…”
	if si > 0 && d.sents[si-1].para == s.para && d.quoteOpens(s, qi) {
		p := d.sents[si-1]
		if len(d.framesUpTo(si-1, 1)) == 0 {
			if c, ok := d.sentenceSubject(p.t0, p.t1); ok && (c.kind == kPerson || c.kind == kName || c.kind == kAlias) {
				if w := d.resolve(st, c, p, date); w.ok() {
					return w, 0.6
				}
			}
		}
	}
	// 7. carried over from the paragraphs before
	if st.lastSpeaker.ok() && s.para-st.lastSpeakerPara <= 3 {
		w := st.lastSpeaker
		w.t0, w.t1 = -1, -1
		return w, 0.6
	}
	if c, ok := d.sentenceSubject(s.t0, qi); ok && c.kind != kGeneric {
		if w := d.resolve(st, c, s, date); w.ok() {
			return w, w.conf * 0.6
		}
	}
	// 8. the last person named in this paragraph or the one before
	if w, ok := d.personBefore(qi, d.paraStart(s.para-1)); ok {
		w.t0, w.t1 = -1, -1
		return w, 0.4
	}
	return who{t0: -1, t1: -1}, 0
}

// relays: the frame is a news outlet passing words on ("передает
// Kazpravda.kz", "reports Interfax.kz") rather than someone speaking.
func (d *document) relays(f frame, w who) bool {
	return w.ok() && (isOutlet(w.name) || d.toks[f.at].cls&cRelay != 0 && w.id == "" && (w.org || !strings.Contains(w.name, " ")))
}

// paraStart returns the first token of paragraph p (0 for p < 0).
func (d *document) paraStart(p int) int {
	k := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].para >= p })
	if k < len(d.sents) {
		return d.sents[k].t0
	}
	return len(d.toks)
}

// quoteOpens: only punctuation stands before the quotation in its sentence.
func (d *document) quoteOpens(s sentence, qi int) bool {
	if qi-s.t0 > 3 {
		return false
	}
	for i := s.t0; i < qi; i++ {
		if d.toks[i].k != tPunct {
			return false
		}
	}
	return true
}

// sentenceSubject is the first candidate of the sentence before token end,
// skipping adverbial segments: "On February 10, Tokayev …".
func (d *document) sentenceSubject(t0, end int) (cand, bool) {
	end = min(end, t0+2*maxWindow)
	a := t0
	for j := t0; j <= end; j++ {
		if j < end && !d.isBreak(j) {
			continue
		}
		if j > a {
			if c, ok := d.best(d.candidates(a, j), j, false); ok {
				return c, true
			}
		}
		a = j + 1
	}
	return cand{}, false
}

// holderBefore returns the last person of the people file named before token
// t whose positions name role.
func (d *document) holderBefore(t int, role string) (who, bool) {
	k := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].t >= t })
	for i := k - 1; i >= 0 && i >= k-32; i-- {
		if p := d.mentions[i].w.person; p != nil && !d.mentions[i].w.org && d.personHoldsRole(p, role) {
			return d.mentions[i].w, true
		}
	}
	return who{}, false
}

// personHoldsRole reports whether one of p's positions is named with the
// role word (a stem match, so that "министр" finds "Өнеркәсіп министрі").
func (d *document) personHoldsRole(p *inquest.Person, role string) bool {
	if utf8.RuneCountInString(role) < 4 {
		return false
	}
	for _, w := range d.eng.roleWords[p] {
		if strings.HasPrefix(w, role) || strings.HasPrefix(role, w) && utf8.RuneCountInString(w) >= 4 {
			return true
		}
	}
	return false
}

// roleWordsOf lists, per person, the lower-case words of their offices.
func roleWordsOf(people []*inquest.Person) map[*inquest.Person][]string {
	out := map[*inquest.Person][]string{}
	split := func(name string) []string {
		return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		var ws []string
		for _, pos := range p.Positions {
			ws = append(ws, split(pos.Title)...)
			for _, a := range pos.Aliases {
				ws = append(ws, split(a)...)
			}
		}
		if len(ws) > 0 {
			out[p] = ws
		}
	}
	return out
}

// fullBodyBefore returns the longer name of the body whose head word stands
// alone at token h ("Office", "Ministry"), as the text gave it before: the
// same capitalised head with an "of …" complement.
func (d *document) fullBodyBefore(h int) string {
	head := d.key(&d.toks[h])
	for j := h - 1; j >= 0 && j >= h-2000; j-- {
		t := &d.toks[j]
		if t.k != tWord || !t.cap || d.key(t) != head {
			continue
		}
		// the capitalised name and its function words, up to the first
		// word in lower case ("Office of the State Auditor published")
		e, last := j+1, j+1
		for e < len(d.toks) && e < j+12 && d.isWord(e) {
			w := &d.toks[e]
			if w.cap {
				last = e + 1
			} else if k := d.key(w); k != "of" && k != "the" && k != "for" && k != "and" {
				break
			}
			e++
		}
		if last > j+1 {
			return d.tokText(j, last)
		}
	}
	return ""
}
