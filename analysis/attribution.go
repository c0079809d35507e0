package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// Attribution: a figure is worth holding to account only when someone is
// known to have claimed it. The extractor ties a figure to a claimant only
// when it lies inside a quotation; these rules give the rest of the figures
// theirs, reading the record as an analyst would:
//
//   - a figure inside a quotation belongs to the quotation's speaker (the
//     statement whose span holds it, in the same source);
//   - a figure in a sentence with a speech verb and a named speaker belongs
//     to that speaker: "Khabar 24 reported 164 people had been killed",
//     "погибли 230 человек, … сообщил генеральный прокурор Берик Асылов";
//   - a figure in an official statement belongs to its publisher (see
//     placeFigures).
//
// A figure in a sentence that names nobody beside a speech verb ("Ранее
// сообщалось о гибели 227 человек", "he said") stays unattributed: guessing
// would make up a revision.

// figureSpeaker is who a sentence says claimed a figure: a known person, or
// the name the text gives.
type figureSpeaker struct {
	personID int64
	name     string
}

// attributor finds the speaker of figures from their sources' text.
type attributor struct {
	// forms are the people file's name forms by formKey of their first
	// word: a sentence's word is compared with the few forms that can
	// begin there, not with every form of every person.
	forms map[string][]nameForm
	texts map[int64]string // source id -> text, for sources loaded with text
	// runes is the text last asked for as runes, which figures' offsets
	// count: a source's figures come together, and holding every text as
	// runes would take four bytes a letter for the whole case.
	runes struct {
		sourceID int64
		text     []rune
	}
	// bySource holds each source's statements, for the quotation rule.
	bySource map[int64][]*inquest.Statement
}

// nameForm is one way the people file names a person: a name, an alias,
// or the title of an office only that person has held.
type nameForm struct {
	personID int64
	words    []string
	// order is the form's place in the people file, which settles a tie
	// between two forms as near the verb.
	order int
}

// formKey is what a word must share with a name form's first word to be
// that word (formAt): its first four letters, or all of a shorter one.
func formKey(w string) string {
	n := 0
	for i := range w {
		if n == 4 {
			return w[:i]
		}
		n++
	}
	return w
}

func newAttributor(people []*inquest.Person, sources []*inquest.Source, statements []*inquest.Statement) *attributor {
	a := &attributor{forms: map[string][]nameForm{}, texts: map[int64]string{}, bySource: map[int64][]*inquest.Statement{}}
	for _, s := range sources {
		if s.Text != "" {
			a.texts[s.ID] = s.Text
		}
	}
	for _, st := range statements {
		if st.Review != inquest.Rejected {
			a.bySource[st.SourceID] = append(a.bySource[st.SourceID], st)
		}
	}
	holders := map[string]map[int64]bool{}
	for _, p := range people {
		for _, pos := range p.Positions {
			t := normalizeOffice(pos.Title)
			if holders[t] == nil {
				holders[t] = map[int64]bool{}
			}
			holders[t][p.ID] = true
		}
	}
	order := 0
	add := func(id int64, s string) {
		if w := words(s); len(w) > 0 {
			k := formKey(w[0])
			a.forms[k] = append(a.forms[k], nameForm{personID: id, words: w, order: order})
			order++
		}
	}
	for _, p := range people {
		add(p.ID, p.Name)
		for _, n := range p.Names {
			add(p.ID, n)
		}
		for _, al := range p.Aliases {
			add(p.ID, al)
		}
		for _, pos := range p.Positions {
			if len(holders[normalizeOffice(pos.Title)]) != 1 {
				continue // an office several people held names none of them without a date
			}
			add(p.ID, pos.Title)
			for _, al := range pos.Aliases {
				add(p.ID, al)
			}
		}
	}
	return a
}

// textRunes returns the text of the source as runes, nil when it was not
// loaded with its text.
func (a *attributor) textRunes(sourceID int64) []rune {
	if a.runes.text != nil && a.runes.sourceID == sourceID {
		return a.runes.text
	}
	s, ok := a.texts[sourceID]
	if !ok {
		return nil
	}
	a.runes.sourceID, a.runes.text = sourceID, []rune(s)
	return a.runes.text
}

// quotation returns the statement of f's source whose quotation holds f.
func (a *attributor) quotation(f *inquest.Figure) *inquest.Statement {
	for _, st := range a.bySource[f.SourceID] {
		if st.Start <= f.Start && f.End <= st.End && st.End > st.Start {
			return st
		}
	}
	return nil
}

// speaker returns who the sentence holding f names beside a speech verb.
func (a *attributor) speaker(f *inquest.Figure) (figureSpeaker, bool) {
	text := a.textRunes(f.SourceID)
	if text == nil || f.Start < 0 || f.End > len(text) || f.End < f.Start {
		return figureSpeaker{}, false
	}
	toks := sentenceTokens(text, f.Start, f.End)
	// The speech verb nearest the figure, unless its subject is a pronoun
	// ("he said"): whom that is, the extractor decides.
	verb, at := -1, 0
	for i, t := range toks {
		if t.inFigure {
			at = i
		}
	}
	for i, t := range toks {
		if t.inFigure || !speechVerbs[t.lower] {
			continue
		}
		if i > 0 && (pronouns[toks[i-1].lower] || (i > 1 && pronouns[toks[i-2].lower] && !isCapital(toks[i-1].text))) {
			continue
		}
		if verb < 0 || abs(i-at) < abs(verb-at) {
			verb = i
		}
	}
	if verb < 0 {
		return figureSpeaker{}, false
	}
	// The candidate nearest the verb: a person the people file knows, or
	// the name the text gives right before the verb ("Khabar 24 reported")
	// or soon after it ("сообщил … Берик Асылов"); a known person wins a tie.
	best, bestDist, bestOrder := figureSpeaker{}, -1, 0
	for i, t := range toks {
		for _, form := range a.forms[formKey(t.lower)] {
			if i+len(form.words) > len(toks) || !formAt(form.words, toks[i:]) {
				continue
			}
			d := min(abs(i-verb), abs(i+len(form.words)-1-verb))
			if bestDist < 0 || d < bestDist || (d == bestDist && form.order < bestOrder) {
				best, bestDist, bestOrder = figureSpeaker{personID: form.personID}, d, form.order
			}
		}
	}
	if name := nameBefore(toks, verb); name != "" && (bestDist < 0 || bestDist > 1) {
		return figureSpeaker{name: name}, true
	}
	if name, at := nameAfter(toks, verb); name != "" && (bestDist < 0 || bestDist > at-verb) {
		return figureSpeaker{name: name}, true
	}
	return best, bestDist >= 0
}

// token is a word of the sentence around a figure.
type token struct {
	text, lower string
	inFigure    bool
	first       bool // the sentence's first word: its capital says nothing
}

// sentenceTokens returns the words of the sentence holding [start, end):
// from the previous sentence end (., !, ? or …, then a space) or line break
// to the next one.
func sentenceTokens(text []rune, start, end int) []token {
	from := start
	for from > 0 {
		r := text[from-1]
		if r == '\n' || (isSentenceEnd(r) && from < len(text) && unicode.IsSpace(text[from])) {
			break
		}
		from--
	}
	to := end
	for to < len(text) {
		r := text[to]
		if r == '\n' || (isSentenceEnd(r) && (to+1 == len(text) || unicode.IsSpace(text[to+1]))) {
			break
		}
		to++
	}
	var out []token
	for i := from; i < to; {
		if !isWordRune(text[i]) {
			i++
			continue
		}
		j := i
		for j < to && isWordRune(text[j]) {
			j++
		}
		w := string(text[i:j])
		out = append(out, token{text: w, lower: strings.ToLower(w), inFigure: i < end && j > start, first: len(out) == 0})
		i = j
	}
	return out
}

func isSentenceEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

// words splits a name into lower-case words as sentenceTokens does.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })
}

// formAt reports whether the name form's words begin toks. Cyrillic words
// may carry a case ending ("генпрокурора", "Асылова"); Latin ones must match
// whole, so that "presidential" does not name the President.
func formAt(form []string, toks []token) bool {
	for i, w := range form {
		t := toks[i].lower
		if t == w {
			continue
		}
		if !inflected(t, w) {
			return false
		}
	}
	return true
}

// inflected reports whether t is w with a Russian or Kazakh case ending: they
// share all but the last two letters of w, and t is at most three longer.
func inflected(t, w string) bool {
	// Called for every name form at every word of a figure's sentence, so
	// it compares runes in place and gives up at the first byte that
	// differs within the four letters every match shares.
	if w == "" || w[0] < utf8.RuneSelf || t == "" || t[0] != w[0] {
		return false
	}
	nw := utf8.RuneCountInString(w)
	if nw < 4 || utf8.RuneCountInString(t) > nw+3 {
		return false
	}
	common := 0
	for t != "" && w != "" {
		tr, tn := utf8.DecodeRuneInString(t)
		wr, wn := utf8.DecodeRuneInString(w)
		if tr != wr {
			break
		}
		common++
		t, w = t[tn:], w[wn:]
	}
	return common >= max(4, nw-2)
}

// nameBefore returns the capitalised words right before the verb, with
// the numbers that follow one of them ("Khabar 24"), unless a preposition
// puts them in a place ("на брифинге в СЦК рассказал").
func nameBefore(toks []token, verb int) string {
	i := verb
	for i > 0 {
		t := toks[i-1]
		switch {
		case t.inFigure:
		case isCapital(t.text):
			i--
			continue
		case isNumber(t.text) && i >= 2 && isCapital(toks[i-2].text) && !toks[i-2].inFigure:
			i--
			continue
		}
		break
	}
	if i > 0 && prepositions[toks[i-1].lower] {
		return ""
	}
	return nameOf(toks[i:verb])
}

// nameAfter returns the first capitalised words within six words after the
// verb, and where they begin; not past a figure or the start of what was
// said ("that", "что"), and not a place after a preposition.
func nameAfter(toks []token, verb int) (string, int) {
	for i := verb + 1; i < len(toks) && i <= verb+6; i++ {
		if toks[i].inFigure || complementizers[toks[i].lower] {
			return "", 0
		}
		if !isCapital(toks[i].text) {
			continue
		}
		if prepositions[toks[i-1].lower] {
			return "", 0
		}
		j := i
		for j < len(toks) && nameWord(toks[j], j > i) {
			j++
		}
		return nameOf(toks[i:j]), i
	}
	return "", 0
}

// nameWord reports whether t can be part of a name: capitalised, or a
// number following a capitalised word ("Khabar 24"); never a figure.
func nameWord(t token, afterName bool) bool {
	if t.inFigure {
		return false
	}
	if isCapital(t.text) {
		return true
	}
	return afterName && isNumber(t.text)
}

func isNumber(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// nameOf joins the words of a name; one capitalised word opening the
// sentence is no evidence of a name and gives "".
func nameOf(toks []token) string {
	for len(toks) > 0 && !isCapital(toks[0].text) {
		toks = toks[1:] // a name begins with a capital, not a number
	}
	if len(toks) == 0 || (len(toks) == 1 && toks[0].first) {
		return ""
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// speechVerbs say that someone said something, in English, Russian and
// Kazakh; "according to" and "по словам" are caught by their second word.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "reported": true, "reports": true, "stated": true,
	"states": true, "announced": true, "announces": true, "declared": true, "affirmed": true, "added": true,
	"noted": true, "confirmed": true, "claimed": true, "claims": true, "according": true, "estimated": true,
	"сообщил": true, "сообщила": true, "сообщили": true, "сообщило": true, "сообщает": true, "сообщают": true,
	"заявил": true, "заявила": true, "заявили": true, "заявляет": true, "сказал": true, "сказала": true,
	"сказали": true, "отметил": true, "отметила": true, "отметили": true, "уточнил": true, "уточнила": true,
	"подчеркнул": true, "рассказал": true, "рассказала": true, "рассказали": true, "признал": true,
	"ответил": true, "назвал": true, "привел": true, "привёл": true, "словам": true, "данным": true,
	"деді": true, "мәлімдеді": true, "айтты": true, "хабарлады": true,
}

// pronouns as the subject of a speech verb leave the speaker to the
// extractor, which follows them back to a person.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
	"он": true, "она": true, "они": true, "оно": true, "мы": true, "я": true, "ол": true, "олар": true}

// prepositions before capitalised words make them a place or an object, not
// a speaker.
var prepositions = map[string]bool{"в": true, "во": true, "на": true, "по": true, "из": true, "от": true, "до": true,
	"с": true, "со": true, "к": true, "о": true, "об": true, "при": true, "у": true, "за": true, "под": true, "над": true,
	"in": true, "at": true, "on": true, "from": true, "to": true, "of": true, "for": true, "with": true, "about": true,
	"into": true, "across": true, "throughout": true, "near": true}

// complementizers open what was said: a name after them is not the speaker.
var complementizers = map[string]bool{"that": true, "что": true, "как": true, "чтобы": true}
