package extract

import "strings"

// stanceOcc is a concept found in a text, with what governs it.
type stanceOcc struct {
	concept    int
	start, end int // token range
	sent       int
	clause     int
	seg        int
	kkNeg      bool // a Kazakh verb with the negative suffix (қатыспады)
	neg        int  // negations that reach it; odd means negated
	existNeg   bool // one of them denies its existence ("there were no …")
	concordNeg bool // a negative word of its clause already reached it
	comitative bool // a Kazakh word in the comitative case ("лаңкестермен")
	hedged     bool // possible, alleged, asked about: not asserted
	directed   bool // ordered, demanded, aimed at, feared: neither asserted nor denied
	legal      bool // named as a charge or article, not asserted
	agentive   bool // a deed that needs its doer beside it to count as asserted
	doerless   bool // … and has none ("dozens were killed")
	// narrow is, for a concept denied to exist, 1 + the index in
	// stanceText.narrows of what narrows the denial, or 0.
	narrow int32
}

func (o *stanceOcc) negated() bool { return o.neg%2 == 1 }

// stanceCueAt is a cue found in a text.
type stanceCueAt struct {
	class      stanceCueClass
	start, end int
	cancelled  bool // "not deny", "is not a lie": the cue is itself negated
	kk         bool // a Kazakh form
}

// stanceText is a quotation or context read for stances.
type stanceText struct {
	toks     []stanceTok
	occ      []stanceOcc
	nSent    int
	question []bool // per sentence: it ends with "?"
	affirm   []bool // per sentence: the speaker confirms or admits
	denial   []bool // per sentence: a verb of denial or a verdict of falsehood
	// anaphor is -1 when the text opens with a pronoun whose clause denies
	// existence or a predicate ("They were not there"), +1 when it opens with
	// a pronoun that takes part in something ("They took part"), else 0.
	anaphor int
	// noLiterals: the claim being read has no text in the quotation's
	// language, so its own words cannot be found there (see
	// stanceAllRequired).
	noLiterals bool
	lang       string // the quotation's language, "" when unknown

	// What starts at each token, and the cues, for the rules that look
	// around a concept (stance_reach.go).
	occAt, cueAt stanceAt
	cues         []stanceCueAt
	// narrows holds what narrows denials of existence, by clause, made on
	// first need (stanceNarrowingOf).
	narrows []stanceNarrowing
}

// stanceKkNegSuffixes are the Kazakh negative verb suffixes, by vowel harmony
// and the preceding consonant.
var stanceKkNegSuffixes = []string{"ма", "ме", "ба", "бе", "па", "пе"}

// stanceTagConcepts finds the concepts of the lexicon (and of lits, when not
// nil) in toks, left to right, longest form first.
func stanceTagConcepts(toks []stanceTok, lits *stanceLiterals) []stanceOcc {
	stanceLexicon()
	var out []stanceOcc
	for i := 0; i < len(toks); {
		if toks[i].w == "" {
			i++
			continue
		}
		m, ok := stanceConceptIdx.at(toks, i)
		if lits != nil {
			if lm, lok := lits.index.at(toks, i); lok && (!ok || lm.end > m.end) {
				m, ok = lm, true
			}
		}
		if !ok {
			i++
			continue
		}
		if m.p.concept >= 0 {
			o := stanceOcc{concept: m.p.concept, start: m.start, end: m.end, sent: toks[i].sent, clause: toks[i].clause, seg: toks[i].seg}
			for _, suf := range []string{"мен", "бен", "пен"} {
				if strings.HasSuffix(m.rest, suf) {
					o.comitative = true
				}
			}
			if m.p.kk && m.p.parts[len(m.p.parts)-1].prefix {
				for _, suf := range stanceKkNegSuffixes {
					if strings.HasPrefix(m.rest, suf) {
						o.kkNeg = true
					}
				}
			}
			o.agentive = m.p.agentive
			out = append(out, o)
		}
		i = m.end
	}
	return out
}

// stancePassiveAux before a participle make it passive.
var stancePassiveAux = map[string]bool{
	"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true,
	"был": true, "была": true, "было": true, "были": true, "будут": true,
}

// stanceByWords introduce the doer of a passive deed.
var stanceByWords = map[string]bool{"by": true, "от": true}

// stanceMarkDoerless marks agentive deeds with no doer (an agent concept
// within two words either side in the clause, or "by" after them).
func stanceMarkDoerless(st *stanceText) {
	for i := range st.occ {
		o := &st.occ[i]
		if !o.agentive {
			continue
		}
		o.doerless = true
		// After "were", "были" the deed is passive: the word before it is
		// what suffered it, and only "by" names the doer.
		passive := o.start > 0 && stancePassiveAux[st.toks[o.start-1].w]
		for _, a := range st.occ {
			if passive {
				break
			}
			if a.clause == o.clause && stanceConceptKind(a.concept) == stanceAgent {
				if a.end <= o.start && o.start-a.end <= 2 || a.start >= o.end && a.start-o.end <= 2 {
					o.doerless = false
				}
			}
		}
		for j := o.end; j < len(st.toks) && j < o.end+4 && st.toks[j].clause == o.clause; j++ {
			if stanceByWords[st.toks[j].w] {
				o.doerless = false
			}
		}
	}
}

// stanceTagCues finds the polarity and commitment cues in toks.
func stanceTagCues(toks []stanceTok) []stanceCueAt {
	var out []stanceCueAt
	for i := 0; i < len(toks); {
		if toks[i].w == "" {
			i++
			continue
		}
		m, ok := stanceCueIdx.at(toks, i)
		if !ok {
			i++
			continue
		}
		out = append(out, stanceCueAt{class: m.p.cue, start: m.start, end: m.end, kk: m.p.kk})
		i = m.end
	}
	return out
}

// readStanceText tokenizes text, finds concepts and cues, and works out which
// negations, hedges and charges reach which concepts.
func readStanceText(text string, lits *stanceLiterals) *stanceText {
	stanceLexicon()
	st := &stanceText{toks: stanceTokenize(text)}
	toks := st.toks
	if len(toks) > 0 {
		st.nSent = toks[len(toks)-1].sent + 1
	}
	st.question = make([]bool, st.nSent)
	st.affirm = make([]bool, st.nSent)
	st.denial = make([]bool, st.nSent)
	// A question asks what its own part of the sentence says; a part
	// before it that ";", "but" or an interrogative sets apart is asserted
	// ("The troops fired on the protesters; who gave the order?").
	var asked [][2]int // token ranges of questions that are part of a sentence
	for p, t := range toks {
		if t.w == "" && t.p == '?' {
			if from, whole := stanceQuestionStart(toks, p); whole {
				st.question[t.sent] = true
			} else {
				asked = append(asked, [2]int{from, p})
			}
		}
	}
	st.occ = stanceTagConcepts(toks, lits)
	stanceMarkDoerless(st)
	cues := stanceTagCues(toks)

	// occAt and cueAt: what starts at each token.
	occAt, cueAt := newStanceAt(len(toks)), newStanceAt(len(toks))
	for i, o := range st.occ {
		occAt.set(o.start, i)
	}
	for i, c := range cues {
		cueAt.set(c.start, i)
	}
	st.occAt, st.cueAt, st.cues = occAt, cueAt, cues
	// Negative words of one clause make one negation: Russian and Kazakh
	// repeat them ("никаких боевиков не было"), and an English clause with
	// two is rare enough. Verbs of denial and verdicts of falsehood always
	// count ("It is not true that there were no …").
	negClause := func(clause int, exist bool) {
		for i := range st.occ {
			if st.occ[i].clause != clause {
				continue
			}
			if exist {
				stanceExistNeg(st, i)
			} else {
				stanceNegate(&st.occ[i], false, true)
			}
		}
	}
	negOcc := func(i int, exist bool) {
		stanceNegate(&st.occ[i], exist, true)
	}
	// negClauses records, per clause, that its existence or predicate was
	// denied, for the pronoun reading of "They were not there".
	negClauses := map[int]bool{}

	// First the simple negations, which may cancel a denial ("not deny").
	for ci := range cues {
		c := &cues[ci]
		if c.class != stanceCueNot {
			continue
		}
		clause := toks[c.start].clause
		j := c.end
		for skipped := 0; j < len(toks) && skipped < 3 && toks[j].w != "" && stanceSkipWords[toks[j].w] && toks[j].clause == clause; skipped++ {
			j++
		}
		if j >= len(toks) || toks[j].w == "" || toks[j].clause != clause {
			continue
		}
		if oi, ok := occAt.get(j); ok {
			if stanceConceptKind(st.occ[oi].concept) == stancePredicate {
				negClause(clause, false)
				negClauses[clause] = true
				continue
			}
			// The negation reaches the noun phrase it stands before.
			for k := oi; k < len(st.occ) && st.occ[k].start < j+5 && st.occ[k].clause == clause; k++ {
				negOcc(k, false)
			}
			continue
		}
		if ti, ok := cueAt.get(j); ok {
			switch cues[ti].class {
			case stanceCueExist, stanceCueAffirm:
				if cues[ti].class == stanceCueAffirm && c.start > 0 && stanceCanWords[toks[c.start-1].w] {
					// "I cannot confirm that …" withholds judgement.
					for i := range st.occ {
						if st.occ[i].clause == clause {
							st.occ[i].hedged = true
						}
					}
					continue
				}
				// "was not found", "did not confirm", "не подтвердилась".
				negClause(clause, true)
				negClauses[clause] = true
				// "Версия о том, что …, не нашла подтверждения": the
				// report whose content was not confirmed stands in the
				// clauses before. The content is denied as a proposition:
				// its things are not said not to exist ("the version that
				// the protesters were paid" does not deny that there were
				// protesters).
				for _, cl := range stanceReportedClauses(st, c.start) {
					negClause(cl, false)
				}
			case stanceCueReceive:
				stanceReceivedNone(st, cues[ti])
			case stanceCueDeny, stanceCueFalse:
				cues[ti].cancelled = true
			case stanceCueOpinion:
				// "I don't think there was a coup" means "I think there
				// was none"; "I don't think so, but …" leaves the rest.
				end := len(toks)
				if !cues[ti].kk {
					end = stanceGovernedEnd(toks, cues[ti])
				}
				for i := range st.occ {
					if st.occ[i].sent == toks[j].sent && st.occ[i].start > j && st.occ[i].start < end {
						stanceNegate(&st.occ[i], false, false)
					}
				}
			}
		}
	}
	for _, c := range cues {
		if c.cancelled {
			continue
		}
		t := toks[c.start]
		switch c.class {
		case stanceCueNoDet:
			exist := stanceExistFrame(st, cueAt, cues, c.start)
			npEnd := -1 // the end of the noun phrase the determiner opens
			for i := range st.occ {
				o := &st.occ[i]
				if o.clause != t.clause || o.start < c.end || o.start >= c.end+5 {
					continue
				}
				if npEnd < 0 && o.start <= c.end+2 || o.start == npEnd {
					npEnd = o.end
				}
				// What comes after a verb is not the thing denied to
				// exist but what it did not do or was not done to: "No
				// journalists interviewed the protesters".
				if exist && !stanceVerbBetween(toks, c.end, o.start) {
					stanceExistNeg(st, i)
				} else {
					negOcc(i, false)
				}
			}
			if exist && npEnd > 0 {
				stanceNoDeeds(st, occAt, c, npEnd)
			}
			negClauses[t.clause] = true
		case stanceCueAbsent:
			negClauses[t.clause] = true
			if stanceKkVerbalNeg(toks, c) {
				// "оқ атқан жоқ": a Kazakh past participle with жоқ is a
				// negated verb ("did not shoot"), not an absence.
				negClause(t.clause, false)
				continue
			}
			for i := range st.occ {
				if st.occ[i].clause == t.clause {
					stanceExistNeg(st, i)
				}
			}
		case stanceCueCopulaNot:
			for i := range st.occ {
				if st.occ[i].clause == t.clause && st.occ[i].end <= c.start {
					negOcc(i, false)
				}
			}
			negClauses[t.clause] = true
		case stanceCueDeny:
			// Its part of the sentence (stanceVerdictReach): the object
			// comes after the verb in English and before it in Kazakh.
			st.denial[t.sent] = true
			end := stanceVerdictEnd(toks, c)
			for i := range st.occ {
				if stanceVerdictReach(st, c, end, i) {
					stanceNegate(&st.occ[i], false, false)
				}
			}
		case stanceCueFalse:
			st.denial[t.sent] = true
			reached, end := false, stanceVerdictEnd(toks, c)
			for i := range st.occ {
				if stanceVerdictReach(st, c, end, i) {
					stanceNegate(&st.occ[i], false, false)
					reached = true
				}
			}
			if reached || t.seg == 0 {
				continue
			}
			// "They say foreign fighters took part. That is a lie.": the
			// part just before, in this sentence or the one before. But
			// after a denial, "All accusations are lies" confirms it.
			target := t.seg - 1
			if target < toks[0].seg || !stanceSegHasOcc(st.occ, target) {
				continue
			}
			if stanceSegNegated(st.occ, target) {
				st.denial[stanceSegSent(st.occ, target)] = true
				continue
			}
			for i := range st.occ {
				if st.occ[i].seg == target {
					stanceNegate(&st.occ[i], false, false)
				}
			}
		case stanceCueHedge, stanceCueDirective, stanceCueLegal:
			// English and Russian put these before what they govern, up to
			// where a new assertion begins (stanceGovernedEnd). Kazakh puts
			// them after: a Kazakh cue governs the few words before it
			// ("билікті басып алу үшін"), or its whole clause when it ends
			// it ("... атпауы тиіс").
			kkFrom, kkClause := c.start-3, stanceEndsClause(toks, c.end)
			end, modal := len(toks), false
			if !c.kk {
				end = stanceGovernedEnd(toks, c)
				// A negation under a condition, a possibility or the
				// future denies no fact ("the troops will not fire").
				modal = c.class == stanceCueHedge && stanceModal(t.w) && stanceNegationIn(cues, c.end, end)
			}
			for i := range st.occ {
				o := &st.occ[i]
				if o.sent != t.sent {
					continue
				}
				if c.kk {
					if o.clause != t.clause || o.start >= c.start || (!kkClause && o.start < kkFrom) {
						continue
					}
				} else if o.start < c.end || o.start >= end {
					continue
				}
				switch c.class {
				case stanceCueHedge:
					o.hedged = true
					o.directed = o.directed || modal
				case stanceCueDirective:
					o.hedged, o.directed = true, true
				case stanceCueLegal:
					o.legal = true
				}
			}
		case stanceCueAffirm:
			st.affirm[t.sent] = true
		}
	}
	// Kazakh negative verbs negate their clause (a predicate) or themselves.
	for i := range st.occ {
		o := &st.occ[i]
		if !o.kkNeg {
			continue
		}
		if stanceConceptKind(o.concept) == stancePredicate {
			negClause(o.clause, false)
			negClauses[o.clause] = true
		} else {
			negOcc(i, false)
		}
	}
	for i := range st.occ {
		o := &st.occ[i]
		if st.question[o.sent] {
			o.hedged = true
		}
		for _, a := range asked {
			if a[0] <= o.start && o.start < a[1] {
				o.hedged, o.directed = true, true
			}
		}
	}
	st.anaphor = stanceAnaphor(st, negClauses)
	return st
}

// stanceKkVerbalNeg reports whether an absence cue is Kazakh "жоқ" after a
// past participle other than "болған" (was): "қатысқан жоқ" (did not take
// part) negates a verb, "болған жоқ" (there was not) denies existence.
func stanceKkVerbalNeg(toks []stanceTok, c stanceCueAt) bool {
	if c.end-c.start != 1 || toks[c.start].w != "жоқ" || c.start == 0 {
		return false
	}
	prev := toks[c.start-1].w
	if prev == "" || strings.HasPrefix(prev, "бол") {
		return false
	}
	for _, suf := range []string{"ған", "ген", "қан", "кен"} {
		if strings.HasSuffix(prev, suf) {
			return true
		}
	}
	return false
}

// stanceCompanionWords introduce a companion of the thing a clause is about:
// "no mercy for terrorists", "никаких переговоров с бандитами" deny the mercy
// and the talks, and take the terrorists for granted.
var stanceCompanionWords = map[string]bool{
	"with": true, "for": true, "against": true, "towards": true,
	"с": true, "со": true, "для": true, "против": true, "перед": true,
	"мен": true, "бен": true, "пен": true, "үшін": true, "қарсы": true,
}

// stanceSetPreps name the group a denial of existence is narrowed to: "no
// foreign militants among those killed" does not deny that anyone was
// killed.
var stanceSetPreps = map[string]bool{"among": true, "amongst": true, "среди": true}

// stancePrepositions introduce a phrase that completes another noun: "no
// losses among the peacekeepers" denies the losses, not the peacekeepers. A
// denial of existence reaches into such a phrase only when the noun it
// completes is evidence ("no cases on terrorism", "нет доказательств участия")
// or a concept itself ("no attempt at a coup").
var stancePrepositions = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "among": true, "from": true, "by": true, "about": true,
	"into": true, "to": true, "under": true, "over": true, "during": true, "within": true, "inside": true,
	"в": true, "во": true, "на": true, "среди": true, "из": true, "от": true, "по": true, "при": true, "у": true,
	"о": true, "об": true, "к": true, "ко": true, "между": true, "под": true, "над": true, "за": true,
	"внутри": true, "около": true,
}

// stanceEvidenceStems name evidence, whose absence is the absence of what it
// would prove.
var stanceEvidenceStems = []string{
	"evidence", "proof", "fact", "case", "sign", "trace", "information", "data", "report", "record",
	"confirmation", "indication", "instance", "version", "claim", "allegation",
	"доказательств", "факт", "дел", "признак", "след", "информаци", "данн", "сведени", "подтвержден",
	"случа", "улик", "верси", "утвержден", "заявлени",
	"дәлел", "дерек", "белгі", "мәлімет", "жағдай", "нұсқа",
}

func stanceIsEvidence(w string) bool {
	for _, s := range stanceEvidenceStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// stanceCompanion reports whether occurrence i is in a companion phrase or a
// phrase completing another noun, which a denial of existence does not reach.
func stanceCompanion(st *stanceText, i int) bool {
	// The noun phrase around i: adjacent occurrences of one clause.
	first, last := i, i
	for first > 0 && st.occ[first-1].end == st.occ[first].start && st.occ[first-1].clause == st.occ[i].clause {
		first--
	}
	for last+1 < len(st.occ) && st.occ[last].end == st.occ[last+1].start && st.occ[last+1].clause == st.occ[i].clause {
		last++
	}
	for k := first; k <= last; k++ {
		if st.occ[k].comitative {
			return true
		}
	}
	o := &st.occ[first]
	for j, n := o.start-1, 0; j >= 0 && n < 2; j, n = j-1, n+1 {
		t := st.toks[j]
		if t.w == "" || t.clause != o.clause || (first > 0 && st.occ[first-1].end > j) {
			return false
		}
		if stanceCompanionWords[t.w] || stanceSetPreps[t.w] {
			return true
		}
		if stancePrepositions[t.w] {
			// What does the phrase complete?
			h := j - 1
			if h < 0 || st.toks[h].w == "" || st.toks[h].clause != o.clause {
				return false
			}
			if first > 0 && st.occ[first-1].end > h {
				return false // a concept: "no attempt at a coup"
			}
			return !stanceIsEvidence(st.toks[h].w)
		}
	}
	return false
}

// stanceExistFrame reports whether a negative determiner at token i denies
// existence: it opens its clause ("No militants took part"), or follows a
// verb of being or finding ("there were no", "found no"). After another verb
// it only negates that verb's object ("fired no shots").
func stanceExistFrame(st *stanceText, cueAt stanceAt, cues []stanceCueAt, i int) bool {
	j := i - 1 // the word before the determiner decides
	if j < 0 {
		return true
	}
	t := st.toks[j]
	if t.clause != st.toks[i].clause || t.w == "" || stanceBeWords[t.w] {
		return true
	}
	if ci, ok := cueAt.get(j); ok && (cues[ci].class == stanceCueExist || cues[ci].class == stanceCueReceive) {
		return true // "there were no", "found no", "received no"
	}
	// The last word of a longer cue ("took place").
	for _, c := range cues {
		if c.start < j && j < c.end && c.class == stanceCueExist {
			return true
		}
	}
	return false
}

// stanceBeWords are forms of "be" and "have" in front of a negative
// determiner.
var stanceBeWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "have": true, "has": true,
	"had": true, "there": true, "exist": true, "exists": true, "existed": true,
	"есть": true, "было": true, "были": true, "был": true, "была": true, "будет": true, "имеется": true,
	"бар": true, "болды": true,
}

// stanceExistNeg applies a denial of existence to occurrence i, unless it is
// a companion: "no talks with militants" takes the militants for granted,
// and is taken as saying nothing about them either way.
func stanceExistNeg(st *stanceText, i int) {
	if stanceCompanion(st, i) || stanceDescribesOther(st, i) {
		st.occ[i].hedged = true
		return
	}
	stanceNegate(&st.occ[i], true, true)
	st.occ[i].narrow = stanceNarrowingOf(st, st.occAt, st.occ[i].clause)
}

// stanceCanWords before "not confirm" make it a refusal to judge.
var stanceCanWords = map[string]bool{"can": true, "could": true, "ca": true}

// stanceNegate records a negation reaching o. A clause negation (concord) is
// counted once per occurrence.
func stanceNegate(o *stanceOcc, exist, concord bool) {
	if concord {
		if o.concordNeg {
			o.existNeg = o.existNeg || exist
			return
		}
		o.concordNeg = true
	}
	o.neg++
	o.existNeg = o.existNeg || exist
}

// stanceEndsClause reports whether token i (the one after a cue) starts a
// new clause or the text ends there.
func stanceEndsClause(toks []stanceTok, i int) bool {
	return i >= len(toks) || toks[i].w == "" || toks[i].clause != toks[i-1].clause
}

// stanceAt maps a token to the item that starts there.
type stanceAt []int32

func newStanceAt(n int) stanceAt {
	a := make(stanceAt, n)
	for i := range a {
		a[i] = -1
	}
	return a
}

func (a stanceAt) set(tok, item int) { a[tok] = int32(item) }

func (a stanceAt) get(tok int) (int, bool) {
	if tok < 0 || tok >= len(a) || a[tok] < 0 {
		return 0, false
	}
	return int(a[tok]), true
}

// stanceSegNegated reports whether a negation reaches a concept of part seg
// of a sentence (cues are applied in text order, so an earlier part is
// complete).
func stanceSegNegated(occ []stanceOcc, seg int) bool {
	for _, o := range occ {
		if o.seg == seg && o.negated() {
			return true
		}
	}
	return false
}

func stanceSegHasOcc(occ []stanceOcc, seg int) bool {
	for _, o := range occ {
		if o.seg == seg {
			return true
		}
	}
	return false
}

// stanceSegSent is the sentence of the occurrences of part seg.
func stanceSegSent(occ []stanceOcc, seg int) int {
	for _, o := range occ {
		if o.seg == seg {
			return o.sent
		}
	}
	return -1
}

// stanceAnaphor reads a text that opens with a pronoun and names nothing
// itself: "They were not there." Its subject is whatever the words before
// the quotation were about.
func stanceAnaphor(st *stanceText, negClauses map[int]bool) int {
	toks := st.toks
	first := -1
	for i, t := range toks {
		if t.w != "" {
			first = i
			break
		}
	}
	if first < 0 || !stancePronouns[toks[first].w] || st.question[0] {
		return 0
	}
	for _, o := range st.occ {
		if o.sent != 0 {
			continue
		}
		switch stanceConceptKind(o.concept) {
		case stanceEntity, stanceIdentity:
			return 0
		}
	}
	if negClauses[toks[first].clause] {
		return -1
	}
	for _, o := range st.occ {
		if o.sent == 0 && o.clause == toks[first].clause && o.concept == stanceConceptByID["participate"] && !o.negated() && !o.hedged {
			return 1
		}
	}
	return 0
}

// stanceReportedClauses returns the clauses whose content a bare negated
// confirmation at token i denies: "The version that the unrest was paid for
// from abroad, which the press repeated, was not confirmed". The negation
// must open a clause that names nothing itself, and an earlier clause of the
// sentence must hold a word for a report or evidence (version, claim,
// information, версия, сведения); the clauses from that one on are its
// content.
func stanceReportedClauses(st *stanceText, i int) []int {
	toks := st.toks
	clause, sent := toks[i].clause, toks[i].sent
	// Only auxiliaries may stand before the negation ("has not been
	// confirmed"), or it does not open its clause.
	for j := i - 1; j >= 0 && toks[j].clause == clause && toks[j].w != ""; j-- {
		if w := toks[j].w; !stanceBeWords[w] && w != "did" && w != "does" && w != "do" {
			return nil
		}
	}
	for _, o := range st.occ {
		if o.clause == clause {
			return nil // the clause names its own subject
		}
	}
	from := -1
	for j := i - 1; j >= 0 && toks[j].sent == sent; j-- {
		if toks[j].w != "" && toks[j].clause != clause && stanceIsEvidence(toks[j].w) {
			from = toks[j].clause
		}
	}
	if from < 0 {
		return nil
	}
	var out []int
	for cl := from; cl < clause; cl++ {
		out = append(out, cl)
	}
	return out
}

// stanceReceivers are concepts of people, who receive rather than are
// received: "протестующие не получали предупреждений" does not deny that
// there were protesters.
var stanceReceivers = map[string]bool{
	"protester": true, "civilian": true, "detainee": true, "forces": true, "armed-group": true, "csto": true,
}

// stanceReceivedNone applies a negated verb of receiving (cue c): the noun
// phrase it takes ("did not receive a single warning", "не получали от
// метеорологов ни одного предупреждения") and a thing before it
// ("предупреждений мы не получали") are denied to exist; its subject, a
// person, is not.
func stanceReceivedNone(st *stanceText, c stanceCueAt) {
	clause := st.toks[c.start].clause
	last := -1 // the end of the object's noun phrase, once found
	for i := range st.occ {
		o := &st.occ[i]
		if o.clause != clause {
			continue
		}
		switch {
		case o.end <= c.start:
			if o.concept >= len(stanceConcepts) || !stanceReceivers[stanceConcepts[o.concept].id] {
				stanceExistNeg(st, i)
			}
		case o.start < c.end:
			// the verb itself
		case last < 0 && o.start < c.end+5 && !stancePrepositions[st.toks[o.start-1].w], o.start == last:
			// The object: not a phrase after a preposition ("from the
			// meteorologists"), and what adjoins it.
			stanceExistNeg(st, i)
			last = o.end
		}
	}
}
