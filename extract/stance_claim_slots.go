package extract

import (
	"sort"
	"unicode/utf8"
)

// stanceClaimItem is one thing found in a claim text: a concept of the
// lexicon or a word it does not know.
type stanceClaimItem struct {
	start, end int
	concepts   []int
	kind       stanceKind
	literal    bool
}

// stanceClaimSlots turns a claim's tokens into slots: the lexicon's concepts
// in text order, then the claim's other words. Words joined by "or" make one
// slot of alternatives, whether the lexicon knows them or not: "organised or
// paid for from abroad" asks for one of the two deeds, and "abroad" on its
// own; "tortured or humiliated" does not need both. It also returns the
// stems of the words that name the claim's doer.
func stanceClaimSlots(text string, toks []stanceTok, occ []stanceOcc, lits *stanceLiterals) ([]stanceSlot, []string) {
	var agentStems []string
	covered := make([]bool, len(toks))
	items := make([]stanceClaimItem, 0, len(occ)+4)
	for _, o := range occ {
		for i := o.start; i < o.end; i++ {
			covered[i] = true
		}
		it := stanceClaimItem{start: o.start, end: o.end, concepts: []int{o.concept}, kind: stanceConcepts[o.concept].kind}
		if it.kind == stanceAgent && stanceClaimAgentIsPlace(toks, o.start) {
			// "beaten in police custody": the police name where, not who.
			it.kind = stanceSetting
		}
		if it.kind == stanceAgent {
			agentStems = append(agentStems, stanceLiteralStem(toks[o.start].w))
		}
		if ev, ok := stanceClaimEventNoun(toks, o); ok {
			// "the protests were organised from abroad": the protests are the
			// events, which a quotation may call unrest or riots.
			it.concepts = append(it.concepts, ev)
		}
		items = append(items, it)
	}
	// Claim words the lexicon does not know, matched literally. A proper
	// name (a place, a company) says which case the claim belongs to, not
	// what it asserts, and quotations about the case seldom repeat it: it
	// counts as setting, never as a required word.
	names := stanceClaimProperNames(text)
	for i, t := range toks {
		if t.w == "" || covered[i] || stanceStopwords[t.w] || stanceLightVerb(t.w) || utf8.RuneCountInString(t.w) < 4 {
			continue
		}
		if cue, ok := stanceCueIdx.at(toks, i); ok && cue.p.cue != stanceCueSkip {
			continue
		}
		kind := stanceLiteralKind
		if names[t.w] {
			kind = stanceSetting
		}
		items = append(items, stanceClaimItem{start: i, end: i + 1, concepts: []int{lits.add(t.w)}, kind: kind, literal: true})
	}
	sort.SliceStable(items, func(a, b int) bool { return items[a].start < items[b].start })

	// group[i] is the first item of item i's group of alternatives.
	group := make([]int, len(items))
	inAlt := false // the previous item was joined by "or"
	for i := range items {
		group[i] = i
		if i == 0 {
			continue
		}
		prev := &items[i-1]
		alt := false
		for k := prev.end; k < items[i].start; k++ {
			alt = alt || stanceAlternation[toks[k].w]
		}
		// After "or", the words the lexicon does not know that follow the
		// alternative at once belong to it ("the fighting or the
		// anti-terrorist operation").
		cont := inAlt && items[i].literal && items[i].start == prev.end
		if alt || cont {
			group[i] = group[i-1]
		}
		inAlt = alt || cont
	}
	// Slots: groups holding a concept first, then the others, each in text
	// order, as claims were read before alternatives of literal words.
	var out []stanceSlot
	for pass := 0; pass < 2; pass++ {
		for i := range items {
			if group[i] != i {
				continue
			}
			s := stanceSlot{kind: items[i].kind}
			lexical := false
			for j := i; j < len(items); j++ {
				if group[j] != i {
					continue
				}
				lexical = lexical || !items[j].literal
				for _, c := range items[j].concepts {
					if !s.has(c) {
						s.concepts = append(s.concepts, c)
					}
				}
				s.kind = min(s.kind, items[j].kind)
			}
			if lexical == (pass == 0) {
				out = append(out, s)
			}
		}
	}
	return out, agentStems
}

// stanceClaimPlacePreps put what follows them in a place or make it a target:
// a doer named after them ("in police custody", "против полиции") is not the
// claim's doer. "by" and "от", which name the doer of a passive, are not
// among them.
var stanceClaimPlacePreps = map[string]bool{
	"in": true, "at": true, "inside": true, "within": true, "under": true, "into": true, "against": true,
	"on": true, "among": true,
	"в": true, "во": true, "на": true, "под": true, "внутри": true, "среди": true, "против": true,
}

// stanceClaimAgentIsPlace reports whether the doer at token i follows a
// place preposition, directly or through an article.
func stanceClaimAgentIsPlace(toks []stanceTok, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].w == "the" || toks[j].w == "a" || toks[j].w == "an") {
		j--
	}
	return j >= 0 && toks[j].clause == toks[i].clause && stanceClaimPlacePreps[toks[j].w]
}

// stanceEventNouns name a protest as an event rather than the people in it
// ("protests" against "protesters").
var stanceEventNouns = map[string]bool{
	"protest": true, "protests": true, "rally": true, "rallies": true,
	"протест": true, "протеста": true, "протесты": true, "протестов": true, "протестах": true,
	"протестам": true, "протестами": true, "протесте": true, "протестом": true,
}

// stanceClaimEventNoun returns the events concept when occurrence o of a
// claim names a protest as an event.
func stanceClaimEventNoun(toks []stanceTok, o stanceOcc) (int, bool) {
	if o.end-o.start != 1 || stanceConcepts[o.concept].id != "protester" {
		return 0, false
	}
	w := toks[o.start].w
	if !stanceEventNouns[w] && !stanceHasPrefix(w, "митинг", "наразылық", "шеру") {
		return 0, false
	}
	ev, ok := stanceConceptByID["events"]
	return ev, ok
}

// stanceLightVerb reports whether w is a verb that only carries the deed
// named after it ("subjected to ill-treatment", "подвергали жестокому
// обращению", "carried out arrests"): the deed is what a quotation must
// name, not the verb.
func stanceLightVerb(w string) bool {
	switch w {
	case "subjected", "subject", "подверг", "subjecting", "carried", "carry", "carrying", "underwent", "undergo",
		"conducted", "conduct", "committed", "commit":
		return true
	}
	return stanceHasPrefix(w, "подверга", "подвергл", "подвергну", "осуществл", "проводил", "провели", "провел",
		"соверша", "соверши")
}

func stanceHasPrefix(w string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(w) >= len(p) && w[:len(p)] == p {
			return true
		}
	}
	return false
}
