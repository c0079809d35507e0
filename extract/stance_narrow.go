package extract

import "strings"

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

// stanceVerbBetween reports whether a verb stands in tokens [from, to): a
// form stanceVerbForm knows, other than an English "-ing" form, which
// describes as often as it acts ("no ongoing cases"), or a Russian "не".
func stanceVerbBetween(toks []stanceTok, from, to int) bool {
	for j := from; j < to; j++ {
		w := toks[j].w
		if w == "" {
			continue
		}
		if w == "не" || stanceVerbForm(w) && !strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}
