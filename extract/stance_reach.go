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
