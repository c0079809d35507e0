package extract

import "strings"

// How far a hedge, an order or a charge reaches in English and Russian,
// which put these cues before what they govern. A cue governs the rest of its
// sentence unless a new assertion begins: after ";", after a contrastive
// conjunction ("but", "но", "however"), or after a comma followed by "and",
// "и" or "а" that opens a clause of its own ("We will publish the report, and
// the troops were withdrawn on the 19th"). A condition ("if", "если")
// governs only its own clause ("If the troops fired, they will answer for
// it"). A cue that stands alone before a comma ("Perhaps, as witnesses say,
// …", "Возможно, …") governs what comes after the comma.

// stanceCoordinators join two clauses after a comma.
var stanceCoordinators = map[string]bool{"and": true, "so": true, "и": true, "а": true}

// stanceSubordinators after a coordinator continue what the cue governs
// ("possible that …, and that …", "asked whether …, and whether …").
var stanceSubordinators = map[string]bool{
	"that": true, "if": true, "whether": true, "what": true, "who": true, "whom": true, "which": true,
	"when": true, "where": true, "why": true, "how": true, "because": true, "to": true, "of": true,
	"что": true, "чтобы": true, "если": true, "ли": true, "как": true, "когда": true, "кто": true,
	"где": true, "почему": true, "зачем": true, "о": true, "об": true,
}

// stanceConditions are cues that govern only their own clause.
var stanceConditions = map[string]bool{"if": true, "unless": true, "если": true}

// stanceGovernedEnd returns the token after the last one governed by the
// English or Russian cue c.
func stanceGovernedEnd(toks []stanceTok, c stanceCueAt) int {
	first := toks[c.start]
	cond := stanceConditions[first.w]
	words := 0 // words governed so far
	for j := c.end; j < len(toks); j++ {
		t := toks[j]
		if t.sent != first.sent {
			return j
		}
		if t.w != "" {
			if t.seg != first.seg && words > 0 {
				return j // "; …", "but …"
			}
			words++
			continue
		}
		if words == 0 {
			continue // "Perhaps, …"
		}
		if cond || t.p == ';' {
			return j
		}
		if j+2 < len(toks) && stanceCoordinators[toks[j+1].w] && stanceNewClause(toks, j+2) {
			return j
		}
	}
	return len(toks)
}

// stanceNewClause reports whether the words from token i, after ", and",
// make a clause of their own rather than a second verb, complement or noun
// of the governed clause: "…, and the troops fired" but not "…, and that
// …", "…, and killed …", "…, и убили …", "…, and the torture of detainees".
// A clause of its own has a subject first and a verb after it.
func stanceNewClause(toks []stanceTok, i int) bool {
	w := toks[i].w
	if w == "" || stanceSubordinators[w] || stanceVerbForm(w) {
		return false
	}
	for j := i + 1; j < len(toks) && toks[j].w != "" && toks[j].clause == toks[i].clause; j++ {
		if stanceVerbForm(toks[j].w) {
			return true
		}
	}
	return false
}

// stanceVerbForm reports whether w looks like a finite verb or a participle:
// an English auxiliary, past form or "-ing" form; a Russian past or present
// form.
func stanceVerbForm(w string) bool {
	if stanceBeWords[w] || stanceAuxWords[w] {
		return true
	}
	if w[0] < 0x80 {
		return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
	}
	for _, suf := range []string{"л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ют", "ут", "ит",
		"ят", "ется", "ются", "ится", "ятся"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+4 {
			return true
		}
	}
	return false
}

// stanceAuxWords are English auxiliaries and common irregular past forms
// that stanceBeWords do not hold.
var stanceAuxWords = map[string]bool{
	"did": true, "does": true, "do": true, "will": true, "would": true, "can": true, "could": true,
	"may": true, "might": true, "must": true, "should": true, "shall": true,
	"took": true, "fought": true, "shot": true, "beat": true, "hid": true, "went": true, "came": true,
	"gave": true, "made": true, "knew": true, "saw": true, "said": true, "told": true, "kept": true,
	"left": true, "began": true, "broke": true, "ran": true, "stood": true, "held": true, "brought": true,
	"fled": true, "lost": true, "paid": true, "sent": true, "set": true, "put": true, "got": true,
	"будет": true, "будут": true, "нет": true,
}

// stanceModal reports whether a hedge word puts what it governs in a
// condition, a possibility or the future. A negation it governs denies no
// fact: "The troops will not fire", "If the troops did not fire, …", "may
// not have fired". A hedge of report ("alleged", "so-called", "якобы") is
// not modal: "the alleged militants never existed" is the speaker's denial.
// Kazakh puts these after what they govern and is not read this way.
// "could" and "would" are left out: "could not have fired" says it did not
// happen, and "I would not say that …" is a denial said politely.
func stanceModal(w string) bool {
	switch w {
	case "will", "may", "might", "if", "unless", "whether", "perhaps", "maybe",
		"если", "может", "могут", "будет", "будут", "ли":
		return true
	}
	return stanceHasPrefix(w, "possib", "probab", "potential", "возможн", "вероятн")
}

// stanceNegationIn reports whether a negation cue of text st lies in the
// token range [from, to).
func stanceNegationIn(cues []stanceCueAt, from, to int) bool {
	for _, c := range cues {
		if c.start < from || c.start >= to || c.cancelled {
			continue
		}
		switch c.class {
		case stanceCueNot, stanceCueNoDet, stanceCueAbsent:
			return true
		}
	}
	return false
}

// What a denial of existence reaches. "There were no X" denies a claim that
// needs X only when what it denies is X itself, everywhere the claim puts it:
//
//   - not when X only describes another thing, the head of its phrase ("no
//     foreign journalists", "no terrorist threat", "террористической угрозы
//     не было"): then the other thing is denied (stanceDescribesOther);
//   - not when a phrase of place or company narrows it to something the
//     claim does not name ("no fighters at the briefing", "среди задержанных
//     не было боевиков"): a place or a group the claim names, or the case's
//     setting, does not narrow it ("no foreign fighters at the airport");
//   - not when a clause that opens with "no" says what they did, and that is
//     not what the claim says ("No militants were detained at the airport"
//     is about detentions, "No militants took part" about the claim).
//
// Which of these apply depends on the claim, so the reading of a text keeps
// the phrases (stanceNarrowing) and evalStanceReading judges them against
// each claim (stanceNarrowed).

// stanceNarrowing is what narrows the denials of existence of one clause.
type stanceNarrowing struct {
	clause int
	// heads are the heads of the clause's phrases of place or company: an
	// occurrence, or -1 for a word the lexicon and the claims do not know.
	heads []int32
	// deeds are what a clause that opens with "no" says was done, or not
	// done, by what it denies.
	deeds []int32
}

// stanceNarrowPreps open a phrase of place or company.
var stanceNarrowPreps = map[string]bool{
	"at": true, "in": true, "on": true, "among": true, "inside": true, "within": true, "during": true,
	"near": true, "amid": true, "amongst": true,
	"в": true, "во": true, "на": true, "среди": true, "у": true, "при": true, "внутри": true, "около": true,
	"возле": true, "посреди": true,
}

// stanceDeterminers stand between a preposition and the word that heads its
// phrase.
var stanceDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true, "its": true, "their": true,
	"our": true, "his": true, "her": true, "my": true, "your": true, "any": true, "all": true, "every": true,
	"each": true, "some": true, "such": true, "same": true,
	"этом": true, "этой": true, "этих": true, "том": true, "той": true, "тех": true, "нашем": true, "нашей": true,
	"наших": true, "всех": true, "каждом": true, "каждой": true, "самом": true, "самой": true,
}

// stanceTimeStems head phrases of time, which narrow nothing a claim is
// about ("in those days", "в эти дни", "at any point").
var stanceTimeStems = []string{
	"day", "night", "morning", "evening", "week", "month", "year", "time", "period", "moment", "point",
	"hour", "stage", "past", "future",
	"дн", "ден", "ноч", "врем", "период", "момент", "утр", "вечер", "недел", "месяц", "год", "сутк", "час",
}

// stanceScenes are the places a case happens in, named without their name
// ("no foreign fighters in the city", "в стране").
var stanceScenes = []string{
	"countr", "city", "cities", "town", "region", "provinc", "capital", "republic", "area", "street", "square",
	"стран", "город", "регион", "столиц", "област", "республик", "улиц", "площад",
}

// stanceNarrowHead returns the head of the phrase of place or company that
// the preposition at token p opens: an occurrence index (the last of
// adjacent ones), -1 for another word, or false when the phrase narrows
// nothing (time, a pronoun, a number) or there is none.
func stanceNarrowHead(st *stanceText, occAt stanceAt, p int) (int32, bool) {
	toks := st.toks
	h := p + 1
	for h < len(toks) && h < p+4 && stanceDeterminers[toks[h].w] {
		h++
	}
	if h >= len(toks) || toks[h].w == "" || toks[h].clause != toks[p].clause {
		return 0, false
	}
	if oi, ok := occAt.get(h); ok {
		for oi+1 < len(st.occ) && st.occ[oi+1].start == st.occ[oi].end && st.occ[oi+1].clause == st.occ[oi].clause {
			oi++
		}
		return int32(oi), true
	}
	w := toks[h].w
	if stancePronouns[w] || stanceStopwords[w] || w[0] >= '0' && w[0] <= '9' || toks[h].upper {
		// A capitalised word is a name, the case's place as a rule: "no
		// terrorists in Almaty".
		return 0, false
	}
	for _, s := range stanceTimeStems {
		if strings.HasPrefix(w, s) {
			return 0, false
		}
	}
	if stanceHasPrefix(w, stanceScenes...) {
		return 0, false
	}
	switch w {
	case "there", "here", "him", "whom", "там", "здесь", "тут", "нем", "ней", "них", "нём":
		return 0, false
	}
	return -1, true
}

// stanceNarrowingOf returns (index+1 into st.narrows) what narrows the
// denials of existence in clause cl, made on first need.
func stanceNarrowingOf(st *stanceText, occAt stanceAt, cl int) int32 {
	for n := range st.narrows {
		if st.narrows[n].clause == cl {
			return int32(n + 1)
		}
	}
	nw := stanceNarrowing{clause: cl}
	toks := st.toks
	for j := range toks {
		if toks[j].clause != cl || !stanceNarrowPreps[toks[j].w] || stanceCovered(st, j) {
			continue
		}
		if h, ok := stanceNarrowHead(st, occAt, j); ok {
			nw.heads = append(nw.heads, h)
		}
	}
	st.narrows = append(st.narrows, nw)
	return int32(len(st.narrows))
}

// stanceCovered reports whether token j is inside a concept's form ("beaten
// in custody", "missing from").
func stanceCovered(st *stanceText, j int) bool {
	for _, o := range st.occ {
		if o.start <= j && j < o.end {
			return true
		}
	}
	return false
}

// stanceNoDeeds records what a clause opening with the negative determiner
// of cue c says was done by what it denies: the concepts after its noun
// phrase (which ends at npEnd), outside phrases of place or company.
func stanceNoDeeds(st *stanceText, occAt stanceAt, c stanceCueAt, npEnd int) {
	toks := st.toks
	cl := toks[c.start].clause
	if c.start > 0 && toks[c.start-1].w != "" && toks[c.start-1].clause == cl {
		return // "there were no …" does not open its clause
	}
	n := stanceNarrowingOf(st, occAt, cl)
	nw := &st.narrows[n-1]
	for i, o := range st.occ {
		if o.clause != cl || o.start < npEnd || stanceConceptKind(o.concept) == stanceSetting {
			continue
		}
		inPhrase := false
		for j, k := o.start-1, 0; j >= npEnd && k < 3; j, k = j-1, k+1 {
			w := toks[j].w
			if stancePrepositions[w] || stanceCompanionWords[w] {
				inPhrase = true
				break
			}
			if !stanceDeterminers[w] {
				break
			}
		}
		if !inPhrase {
			nw.deeds = append(nw.deeds, int32(i))
		}
	}
}

// stanceNarrowed judges the narrowing of occurrence o, denied to exist,
// against reading r: all is true when the denial says nothing about the
// claim (it is narrowed to a group or a thing of the lexicon the claim does
// not name, or to another deed); exist is true when it may not count as a
// denial that the claim's thing exists at all (narrowed to a place the claim
// does not name), though a sentence that names the whole claim still denies
// it.
func stanceNarrowed(r *stanceReading, q *stanceText, o *stanceOcc) (all, exist bool) {
	if o.narrow == 0 {
		return false, false
	}
	nw := &q.narrows[o.narrow-1]
	accepted := func(c int) bool {
		if stanceConceptKind(c) == stanceSetting {
			return true
		}
		for k := range r.slots {
			if r.slots[k].accepts(c) {
				return true
			}
		}
		return false
	}
	for _, h := range nw.heads {
		switch {
		case h < 0:
			exist = true
		case !accepted(q.occ[h].concept):
			if q.occ[h].concept < len(stanceConcepts) {
				return true, true
			}
			exist = true // another claim's word: a place, as a word unknown
		}
	}
	if len(nw.deeds) > 0 {
		own := false
		for _, d := range nw.deeds {
			own = own || accepted(q.occ[d].concept)
		}
		if !own {
			return true, true
		}
	}
	return false, exist
}

// stanceDescribesOther reports whether the noun phrase of occurrence i only
// describes the word after it, which heads the phrase: "foreign
// journalists", "terrorist threat", "иностранных кураторов". A word that
// names evidence ("terrorism cases") or a group ("terrorist groups") passes
// the denial on to what describes it.
func stanceDescribesOther(st *stanceText, i int) bool {
	toks := st.toks
	last := i
	for last+1 < len(st.occ) && st.occ[last].end == st.occ[last+1].start && st.occ[last+1].clause == st.occ[i].clause {
		last++
	}
	j := st.occ[last].end
	if j >= len(toks) || toks[j].w == "" || toks[j].clause != toks[st.occ[last].end-1].clause {
		return false
	}
	if !stanceModifierForm(toks[j-1].w) {
		return false
	}
	w := toks[j].w
	if stanceStopwords[w] || stanceBeWords[w] || stancePrepositions[w] || stanceCompanionWords[w] ||
		stanceSkipWords[w] || stancePronouns[w] || stanceDeterminers[w] || stanceAdverbs[w] ||
		stanceIsEvidence(w) || stanceGroupWord(w) || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	if ci, ok := st.cueAt.get(j); ok {
		switch st.cues[ci].class {
		case stanceCueHedge, stanceCueDirective, stanceCueLegal:
			// "threat", "угрозы": nouns
		default:
			return false
		}
	}
	if w[0] < 0x80 {
		return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly")
	}
	for _, suf := range []string{"л", "ла", "ло", "ли", "ть", "ся", "сь"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// stanceAdverbs may follow a noun phrase without being its head ("no
// terrorism here", "никаких боевиков вообще").
var stanceAdverbs = map[string]bool{
	"here": true, "there": true, "anywhere": true, "everywhere": true, "whatsoever": true, "whatever": true,
	"either": true, "then": true, "now": true, "again": true, "today": true, "yesterday": true, "at": true,
	"вообще": true, "тогда": true, "тут": true, "сейчас": true, "больше": true, "уже": true, "также": true,
	"тоже": true, "здесь": true, "там": true, "нигде": true,
}

// stanceModifierForm reports whether w, the last word of a concept's form,
// may describe a noun after it: an English word that is not plural
// ("foreign", "terrorist"), a Russian adjective ("иностранных",
// "террористической"). Kazakh is not read this way.
func stanceModifierForm(w string) bool {
	if w == "" {
		return false
	}
	if w[0] < 0x80 {
		return !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "men") && w != "people" && w != "children"
	}
	for _, suf := range []string{"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому",
		"ему", "ым", "им", "ых", "их", "ую", "юю", "ыми", "ими"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// stanceGroupWord reports whether w names a group of what describes it
// ("terrorist groups", "бандитские формирования"): the group is the thing.
func stanceGroupWord(w string) bool {
	return stanceHasPrefix(w, "group", "cell", "unit", "formation", "detachment", "squad", "gang",
		"групп", "ячейк", "формирован", "отряд", "подразделен", "банд")
}

// A verb of denial or a verdict of falsehood reaches its own part of the
// sentence, the part that ";" or "but" sets apart: "The ministry denied any
// wrongdoing; the troops fired on the protesters" asserts the second part.
// In English and Russian, after the cue, it ends where a hedge would
// (stanceGovernedEnd); before the cue, and in Kazakh, the whole part is
// reached ("Участие иностранных боевиков министр отрицает").

// stanceVerdictEnd returns the token after the last one cue c reaches.
func stanceVerdictEnd(toks []stanceTok, c stanceCueAt) int {
	if c.kk {
		return len(toks)
	}
	return stanceGovernedEnd(toks, c)
}

// stanceVerdictReach reports whether cue c, which reaches up to token end,
// reaches occurrence i.
func stanceVerdictReach(st *stanceText, c stanceCueAt, end, i int) bool {
	o := &st.occ[i]
	t := st.toks[c.start]
	return o.sent == t.sent && o.seg == t.seg && o.start < end
}

// stanceInterrogatives open a question: a word that asks, or an auxiliary
// put first.
var stanceInterrogatives = map[string]bool{
	"who": true, "what": true, "why": true, "how": true, "when": true, "where": true, "which": true,
	"whom": true, "whose": true, "did": true, "does": true, "do": true, "is": true, "are": true, "was": true,
	"were": true, "has": true, "have": true, "had": true, "can": true, "could": true, "will": true,
	"would": true, "should": true,
	"кто": true, "что": true, "почему": true, "зачем": true, "как": true, "когда": true, "где": true,
	"куда": true, "откуда": true, "разве": true, "неужели": true, "кому": true, "кого": true, "чем": true,
}

// stanceQuestionStart returns where the question that ends with the "?" at
// token p begins, and whether that is the start of its sentence. It begins
// after ";" or "but", or at a clause that opens with an interrogative,
// directly or after "and" or "so" ("…, so who gave the order?", "… — кто
// отдал приказ?").
func stanceQuestionStart(toks []stanceTok, p int) (int, bool) {
	sent := toks[p].sent
	seg := toks[p].seg
	j := p - 1
	for ; j >= 0 && toks[j].sent == sent; j-- {
		t := toks[j]
		if t.w != "" {
			if t.seg != seg {
				return j + 1, false
			}
			continue
		}
		if j+1 >= p {
			continue
		}
		w := toks[j+1].w
		if stanceCoordinators[w] && j+2 < p {
			w = toks[j+2].w
		}
		if stanceInterrogatives[w] {
			return j + 1, j < 0 || toks[j].sent != sent
		}
	}
	return j + 1, true
}

// stanceOtherDoer reports whether the deed at occurrence i of q is said of a
// doer that reading r does not name as its doer: the nearest thing or agent
// named before it in its clause, outside a phrase of a preposition ("No
// militants fired", "Protesters did not fire on the troops"). A passive deed
// ("protesters were not shot") names what suffered it first, and is not
// judged.
func stanceOtherDoer(r *stanceReading, q *stanceText, i int) bool {
	o := &q.occ[i]
	toks := q.toks
	for j := o.start - 1; j >= 0 && j >= o.start-3 && toks[j].clause == o.clause; j-- {
		if stancePassiveAux[toks[j].w] {
			return false
		}
	}
	for k := i - 1; k >= 0 && q.occ[k].clause == o.clause; k-- {
		d := &q.occ[k]
		// Only people act; a deed named before ("fired on the protesters")
		// is not a doer.
		if d.concept >= len(stancePeople) || !stancePeople[d.concept] {
			continue
		}
		if stanceInPhrase(toks, d.start) {
			continue
		}
		for s := range r.slots {
			if r.slots[s].kind == stanceAgent && r.slots[s].accepts(d.concept) {
				return false
			}
		}
		return true
	}
	return false
}

// stancePeople marks, by concept number, the lexicon's concepts of people:
// stanceReceivers.
var stancePeople = func() []bool {
	people := make([]bool, len(stanceConcepts))
	for i, c := range stanceConcepts {
		people[i] = stanceReceivers[c.id]
	}
	return people
}()

// stanceInPhrase reports whether the word at token i follows a preposition,
// directly or through determiners ("on the protesters", "по протестующим").
func stanceInPhrase(toks []stanceTok, i int) bool {
	for j, n := i-1, 0; j >= 0 && n < 3 && toks[j].w != "" && toks[j].clause == toks[i].clause; j, n = j-1, n+1 {
		w := toks[j].w
		if stancePrepositions[w] || stanceCompanionWords[w] {
			return true
		}
		if !stanceDeterminers[w] {
			return false
		}
	}
	return false
}
