package extract

import "strings"

// A denial of the deed itself, by the doer the claim names: "Полиция не
// стреляла по людям" denies that the police fired at protesters, though it
// does not name the protesters: whoever did not shoot at all, or at people
// at all, did not shoot at protesters. Two things keep this from denying
// more than was said: the doer must be named by the claim's own word (the
// peacekeepers' "not a single shot" says nothing of the troops), and the
// deed must not be narrowed to another target ("did not fire at the
// journalists").

// stanceTargetConcepts are the people a deed is done to: a claim that names
// them is denied by a denial of the deed at anyone.
var stanceTargetConcepts = map[string]bool{"protester": true, "civilian": true}

// stanceTargetSlot reports whether every alternative of slot s is a target
// (or the events that a protest is).
func stanceTargetSlot(s *stanceSlot) bool {
	for _, c := range s.concepts {
		if c >= len(stanceConcepts) {
			return false
		}
		id := stanceConcepts[c].id
		if !stanceTargetConcepts[id] && id != "events" {
			return false
		}
	}
	return true
}

// stanceGenericWords name anyone or any time: after a denied deed they do
// not narrow it ("did not shoot at people", "at any point").
var stanceGenericWords = map[string]bool{
	"people": true, "person": true, "persons": true, "anyone": true, "anybody": true, "someone": true,
	"somebody": true, "everyone": true, "everybody": true, "one": true, "single": true, "all": true,
	"any": true, "ever": true, "once": true, "point": true, "time": true, "times": true,
	"люди": true, "людей": true, "людям": true, "людьми": true, "человек": true, "человека": true,
	"кого": true, "никого": true, "кого-либо": true, "кого-то": true, "никому": true, "одного": true,
	"единого": true, "разу": true, "раза": true, "всех": true, "вообще": true, "ни": true,
}

// stanceQuantifiers before a word make it generic ("at any point").
var stanceQuantifiers = map[string]bool{
	"any": true, "every": true, "all": true, "no": true, "ни": true, "любой": true, "любом": true,
	"любого": true, "никакой": true, "никакого": true, "никаком": true,
}

// stanceDeedDenied reports whether sentence s of q names the claim's doer by
// the claim's own word and denies the claim's deed without narrowing it, so
// that the targets the claim names need not be named.
//
// The doer may also be named by the words that introduce the quotation
// ("Полиция заявила: «Мы ни в кого не стреляли»").
func stanceDeedDenied(r *stanceReading, q *stanceText, s int, lead *stanceLeadIn) bool {
	var buf [32]bool
	var have []bool
	if len(r.slots) <= len(buf) {
		have = buf[:len(r.slots)]
	} else {
		have = make([]bool, len(r.slots))
	}
	deed := -1
	for i, o := range q.occ {
		if o.sent != s {
			continue
		}
		for k := range r.slots {
			sl := &r.slots[k]
			if !sl.accepts(o.concept) {
				continue
			}
			have[k] = true
			if sl.required && !sl.target && o.negated() && !o.hedged && !o.directed {
				deed = i
			}
		}
	}
	if deed < 0 {
		return false
	}
	for k := range r.slots {
		if r.slots[k].required && !have[k] {
			if !r.slots[k].target {
				return false
			}
			have[k] = true
		}
	}
	if !stanceAllRequired(r, have, q.noLiterals) || !stanceDeedUnrestricted(r, q, deed) {
		return false
	}
	if stanceNamesDoer(r, q, s) {
		return true
	}
	// Only a sentence still open when the quotation begins introduces it:
	// "Police arrived. «We never fired», said a protester" does not.
	st := lead.text()
	if st == nil || len(st.toks) == 0 || !stanceNamesDoer(r, st, st.nSent-1) {
		return false
	}
	last := st.toks[len(st.toks)-1]
	return last.w != "" || !strings.ContainsRune(stanceSentenceMarks, last.p)
}

// stanceDeedUnrestricted reports whether the rest of the clause after the
// denied deed occ[deed] names nothing but the claim's own concepts and
// generic words.
func stanceDeedUnrestricted(r *stanceReading, q *stanceText, deed int) bool {
	o := q.occ[deed]
	next := deed + 1
	for j := o.end; j < len(q.toks) && q.toks[j].w != "" && q.toks[j].clause == o.clause; {
		for next < len(q.occ) && q.occ[next].end <= j {
			next++
		}
		if next < len(q.occ) && q.occ[next].start <= j {
			c := q.occ[next].concept
			ok := false
			for k := range r.slots {
				ok = ok || r.slots[k].accepts(c)
			}
			if !ok {
				return false // "did not fire at the militants"
			}
			j = q.occ[next].end
			continue
		}
		w := q.toks[j].w
		generic := stanceStopwords[w] || stancePrepositions[w] || stanceSkipWords[w] || stanceGenericWords[w] ||
			j > 0 && stanceQuantifiers[q.toks[j-1].w]
		if !generic {
			return false
		}
		j++
	}
	return true
}

// stanceNamesDoer reports whether sentence s of t names the claim's doer,
// asserted, by one of the claim's own words for it.
func stanceNamesDoer(r *stanceReading, t *stanceText, s int) bool {
	for _, o := range t.occ {
		if o.sent != s || o.negated() || o.hedged || stanceConceptKind(o.concept) != stanceAgent {
			continue
		}
		for j := o.start; j < o.end; j++ {
			if stanceHasPrefix(t.toks[j].w, r.agentStems...) {
				return true
			}
		}
	}
	return false
}
