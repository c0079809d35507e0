package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/inquest-project/inquest"
)

// attribution state carried through a document in reading order.
type state struct {
	lastSpeaker     who
	lastSpeakerPara int
	surnames        map[string]string // surname of a name not in the people file -> full name
	mentioned       map[*inquest.Person]bool
	datedSpeaker    map[string]datedAt
	venues          map[string]inquest.Date
	dateline        inquest.Date
}

type datedAt struct {
	date inquest.Date
	para int
}

func speakerKey(w who) string {
	if w.id != "" {
		return "#" + w.id
	}
	return w.name
}

// quotations finds the document's quotations with speakers and dates.
func (d *document) quotations() []Quote {
	st := &state{surnames: map[string]string{}, mentioned: map[*inquest.Person]bool{},
		datedSpeaker: map[string]datedAt{}, venues: map[string]inquest.Date{}}
	d.dayAnchor = d.published
	if len(d.spans) > 0 {
		st.dateline = d.dateline()
		if st.dateline != "" {
			d.dayAnchor = st.dateline
		}
	}
	d.noteMentionsAll(st)
	d.mentioned = st.mentioned
	var out []Quote
	for si := range d.sents {
		s := d.sents[si]
		hasQuote, hasSpeech := false, false
		for i := s.t0; i < s.t1; i++ {
			t := &d.toks[i]
			if t.k == tQuote {
				hasQuote = true
			} else if t.k == tWord && t.cls&(cSpeech|cAccordingTo|cWordsOf|cPronoun|cSozinshe) != 0 {
				hasSpeech = true
			}
		}
		if !hasQuote && !hasSpeech {
			d.noteDatedDeed(st, s)
			continue
		}
		limit := maxFrames
		if !hasQuote {
			limit = 1 // only who speaks in it matters
		}
		frames := d.framesUpTo(si, limit)
		date := d.dateIn(s.t0, s.t1, frames)
		venue := d.venueIn(s.t0, s.t1)
		var main who
		for _, f := range frames {
			if f.has {
				if w := d.resolve(st, f.c, s, date); w.ok() && !d.relays(f, w) {
					main = w
					break
				}
			}
		}
		var lastQuoted who
		past := d.hasClass(s.t0, s.t1, cPast)
		for i := s.t0; i < s.t1; i++ {
			if d.toks[i].k != tQuote {
				continue
			}
			sp := d.spans[d.toks[i].q]
			q, keep := d.quoteText(sp)
			if !keep {
				continue
			}
			w, how := d.attribute(st, si, i, frames, date)
			q.Speaker, q.SpeakerID, q.SpeakerRole = w.name, w.id, w.role
			if w.t0 >= 0 && w.t1 > w.t0 {
				q.SpeakerSpan = Span{int(d.toks[w.t0].s), int(d.toks[w.t1-1].e)}
			}
			q.Venue = d.venueNote(i, s.t1)
			// the day said
			said := date
			switch {
			case said != "":
			case w.ok() && st.datedSpeaker[speakerKey(w)].date != "" && st.datedSpeaker[speakerKey(w)].para >= s.para-1:
				said = st.datedSpeaker[speakerKey(w)].date
			case past:
				// "earlier", "ранее": not the day of the report
			case venue != "" && st.venues[venue] != "":
				said = st.venues[venue]
			default:
				said = st.dateline
			}
			q.SaidOn = said
			q.Confidence = quoteConfidence(sp, q, how, w)
			if w.ok() {
				lastQuoted = w
				if date != "" {
					st.datedSpeaker[speakerKey(w)] = datedAt{date, s.para}
				}
			}
			out = append(out, q)
		}
		if date != "" {
			if main.ok() {
				st.datedSpeaker[speakerKey(main)] = datedAt{date, s.para}
			}
			if venue != "" && st.venues[venue] == "" {
				st.venues[venue] = date
			}
		}
		switch {
		case lastQuoted.ok() && !lastQuoted.org:
			st.lastSpeaker, st.lastSpeakerPara = lastQuoted, s.para
		case main.ok() && !isOutlet(main.name):
			st.lastSpeaker, st.lastSpeakerPara = main, s.para
		}
	}
	return out
}

func (d *document) hasClass(t0, t1 int, c wclass) bool {
	for i := t0; i < t1; i++ {
		if d.toks[i].k == tWord && d.toks[i].cls&c != 0 {
			return true
		}
	}
	return false
}

func isOutlet(name string) bool {
	return strings.Contains(name, ".") && !strings.Contains(name, " ")
}

// quoteText turns a span into a Quote with its text, or reports that it is
// not a statement: fewer than four words, or the name of a thing.
func (d *document) quoteText(sp qspan) (Quote, bool) {
	s, e := sp.s, sp.e
	for s < e && unicode.IsSpace(d.r[s]) {
		s++
	}
	for e > s && (unicode.IsSpace(d.r[e-1]) || d.r[e-1] == ',') {
		e--
	}
	if quoteWordCount(d.r[s:e], 4) < 4 {
		return Quote{}, false
	}
	if d.nameOfThing(sp, s, e) {
		return Quote{}, false
	}
	return Quote{Span: Span{s, e}, Text: string(d.r[s:e])}, true
}

// quoteWordCount counts runs of letters and digits, as the corpus scorer
// does, stopping at limit.
func quoteWordCount(r []rune, limit int) int {
	n := 0
	in := false
	for _, c := range r {
		w := isWordRune(c) || c == '_'
		if w && !in {
			n++
			if n >= limit {
				return n
			}
		}
		in = w
	}
	return n
}

// nameOfThing: a quoted name of an operation, law, newspaper or channel
// ("телеканал «Хабар 24»", "the so-called «…»"): short, no sentence
// punctuation, after a word naming such a thing; or a Title Case phrase.
func (d *document) nameOfThing(sp qspan, s, e int) bool {
	if sp.dash {
		return false
	}
	words := quoteWordCount(d.r[s:e], 11)
	if words > 10 {
		return false
	}
	for _, c := range d.r[s:e] {
		if isFinal(c) || c == ',' || c == ':' || c == ';' {
			return false
		}
	}
	// the word before the opening mark
	j := sp.open - 1
	for j >= 0 && unicode.IsSpace(d.r[j]) {
		j--
	}
	k := j + 1
	for j >= 0 && (isWordRune(d.r[j]) || d.r[j] == '-') {
		j--
	}
	if k > j+1 {
		cls, _ := d.classify(j+1, k)
		if cls&(cThing|cSoCalled) != 0 {
			return true
		}
	}
	// Title Case: every word of four letters or more capitalised
	caps, long := 0, 0
	inWord := false
	for x := s; x < e; x++ {
		c := d.r[x]
		w := isWordRune(c)
		if w && !inWord {
			n := x
			for n < e && isWordRune(d.r[n]) {
				n++
			}
			if n-x >= 4 {
				long++
				if unicode.IsUpper(c) {
					caps++
				}
			}
		}
		inWord = w
	}
	return long >= 3 && caps == long
}

// quoteConfidence combines how sure the span and the speaker are.
func quoteConfidence(sp qspan, q Quote, how float64, w who) float64 {
	c := 0.95
	if !sp.closed {
		c = 0.75
	}
	if sp.dash {
		c = 0.85
	}
	if !w.ok() {
		return c * 0.5
	}
	return round2(c * how)
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// venueNote finds "(Source: Kremlin.ru)" right after a quotation.
func (d *document) venueNote(qi, end int) string {
	i := qi + 1
	end = min(end, i+24)
	if i+3 < end && d.toks[i].k == tPunct && d.toks[i].c == '(' && d.isWord(i+1) {
		k := d.key(&d.toks[i+1])
		if (k == "source" || k == "источник" || k == "дереккөз") && d.toks[i+2].k == tPunct && d.toks[i+2].c == ':' {
			j := i + 3
			for j < end && !(d.toks[j].k == tPunct && d.toks[j].c == ')') {
				j++
			}
			return d.tokText(i+3, j)
		}
	}
	return ""
}

// venueIn returns the first venue word of [t0, t1) (Majilis, briefing),
// stemmed to its first five letters so that Мажилис and Мажилисе agree.
func (d *document) venueIn(t0, t1 int) string {
	for i := t0; i < t1; i++ {
		t := &d.toks[i]
		if t.k == tWord && t.cls&cVenue != 0 {
			r := []rune(d.key(t))
			return string(r[:min(5, len(r))])
		}
	}
	return ""
}

// noteDatedDeed remembers the day of a sentence that tells what a person of
// the file did without a verb of saying ("The governor met the families on 18
// November", "Жанатов вчера представил выводы"): words the same person is
// quoted with in the next paragraph were said that day, as a verb of saying
// would have told.
func (d *document) noteDatedDeed(st *state, s sentence) {
	if s.t1 <= s.t0 || !d.quoteSoonAfter(int(d.toks[s.t1-1].e)) {
		return
	}
	dated := false
	for i := s.t0; i < s.t1 && !dated; i++ {
		t := &d.toks[i]
		dated = t.k == tWord && (t.cls&cDay != 0 || d.number(i) >= 0)
	}
	if !dated {
		return
	}
	date := d.dateIn(s.t0, s.t1, nil)
	if date == "" {
		return
	}
	// the subject: a person or office of the file opening the sentence
	end := min(s.t1, s.t0+8)
	for _, c := range d.candidates(s.t0, end) {
		if c.prep || c.kind != kPerson && c.kind != kAlias {
			continue
		}
		if w := d.resolve(st, c, s, date); w.ok() && w.person != nil && !w.org {
			st.datedSpeaker[speakerKey(w)] = datedAt{date, s.para}
		}
		return
	}
}

// quoteSoonAfter reports whether a quotation opens after rune offset at, in
// the same paragraph or the next one.
func (d *document) quoteSoonAfter(at int) bool {
	k := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].open >= at })
	if k == len(d.spans) || d.spans[k].open-at > 2000 {
		return false
	}
	breaks := 0
	for i := at; i < d.spans[k].open; i++ {
		if d.r[i] == '\n' {
			if breaks++; breaks > 3 {
				return false
			}
		}
	}
	return true
}
