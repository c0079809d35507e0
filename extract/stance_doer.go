package extract

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
