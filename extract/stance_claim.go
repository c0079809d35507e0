package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// stanceSlot is one thing a claim says: a concept, or alternatives joined by
// "or" in the claim ("protesters or bystanders").
type stanceSlot struct {
	concepts []int
	kind     stanceKind
	required bool // must be named
	quorum   bool // one of the claim's own words, of which enough must be named
	// target: the people the claim's deed is done to (stanceTargetSlot).
	target bool
}

func (s *stanceSlot) has(c int) bool {
	for _, x := range s.concepts {
		if x == c {
			return true
		}
	}
	return false
}

// accepts reports whether a quotation's concept c fills the slot, directly or
// through an implication.
func (s *stanceSlot) accepts(c int) bool {
	if s.has(c) {
		return true
	}
	for _, w := range stanceImpliedBy[c] {
		if s.has(w) {
			return true
		}
	}
	return false
}

// stanceReading is a claim as one of its texts puts it.
type stanceReading struct {
	lang  string
	slots []stanceSlot
	// negated is true when the claim itself is phrased as a negation ("CSTO
	// troops did not fight"): then a quotation that denies the fact supports
	// the claim.
	negated bool
	// auxWeight is the total weight of the slots that are not required.
	auxWeight float64
	// quorum is how many of the quorum slots must be named.
	quorum int
	// hasAgent: the claim names who acted ("security forces used …").
	hasAgent bool
	// agentStems are the stems of the words that name the doer ("polic"
	// for "Police"), for denials that name the doer by the claim's own word
	// (stanceDeedDenied).
	agentStems []string
}

// stanceClaim is a claim compiled for matching.
type stanceClaim struct {
	slug     string
	readings []stanceReading
}

// stanceImplies lets a concept of a quotation fill a claim's slot for a wider
// concept: shooting is an act of fighting.
var stanceImplies = map[string][]string{
	"lethal": {"combat"},
	// Unarmed people or civilians shot in a crowd are the protesters a claim
	// about shooting at protesters means.
	"civilian": {"protester"},
	"csto":     {"forces"},
}

// stanceImpliedBy is stanceImplies by concept number, filled with the lexicon.
var stanceImpliedBy = map[int][]int{}

// stanceAlternation joins alternatives in a claim text.
var stanceAlternation = map[string]bool{"or": true, "или": true, "либо": true, "немесе": true}

// stanceStopwords are claim words too common to say what a claim is about.
var stanceStopwords = map[string]bool{}

func init() {
	for _, w := range []string{
		// en
		"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "and", "or",
		"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "did", "does", "do", "that",
		"this", "these", "those", "their", "there", "which", "who", "whom", "its", "it", "they", "them",
		"against", "about", "over", "under", "during", "after", "before", "than", "more", "most", "some",
		"other", "such", "also", "only", "very", "will", "would", "should", "could", "can", "may", "not",
		"made", "make", "part", "took", "take", "state", "people", "what", "when", "where", "while",
		// ru
		"в", "во", "на", "и", "или", "с", "со", "по", "к", "ко", "от", "до", "из", "за", "о", "об", "для",
		"был", "была", "было", "были", "быть", "это", "этот", "эта", "эти", "что", "как", "который",
		"которые", "против", "при", "под", "над", "после", "перед", "его", "её", "их", "они", "он", "она",
		"также", "более", "все", "всех", "не", "ни", "же", "бы", "ли", "люди", "людей",
		// kk
		"және", "мен", "пен", "бен", "да", "де", "та", "те", "бұл", "ол", "олар", "сол", "үшін", "деп",
		"болды", "болған", "еді", "немесе", "кезінде", "арқылы", "туралы",
	} {
		stanceStopwords[w] = true
	}
}

// compileStanceClaim builds a reading for each of the claim's texts, and the
// literal stems of words the lexicon does not know.
func compileStanceClaim(c *inquest.Claim, lits *stanceLiterals) stanceClaim {
	sc := stanceClaim{slug: c.Slug}
	texts := map[string]string{}
	if c.Text != "" {
		texts["en"] = c.Text
	}
	for lang, t := range c.Texts {
		if t != "" {
			texts[lang] = t
		}
	}
	langs := make([]string, 0, len(texts))
	for lang := range texts {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		if r, ok := compileStanceReading(lang, texts[lang], lits); ok {
			sc.readings = append(sc.readings, r)
		}
	}
	return sc
}

func compileStanceReading(lang, text string, lits *stanceLiterals) (stanceReading, bool) {
	toks := stanceTokenize(text)
	occ := stanceTagConcepts(toks, nil)
	r := stanceReading{lang: lang}
	r.slots, r.agentStems = stanceClaimSlots(text, toks, occ, lits)
	r.slots = stanceDedupSlots(r.slots)
	for i := range r.slots {
		r.slots[i].target = stanceTargetSlot(&r.slots[i])
	}
	// What is required: every entity and identity, and a quorum of the
	// claim's own words that the lexicon does not know, so that a claim
	// about anything still needs its key words ("foreign journalists were
	// expelled" is not addressed by "foreign" alone): two thirds of them
	// when the lexicon found no entity, half of them when it did.
	hasEntity := false
	for _, s := range r.slots {
		if s.kind == stanceEntity {
			hasEntity = true
		}
	}
	nQuorum, nReq := 0, 0
	for i := range r.slots {
		s := &r.slots[i]
		s.required = s.kind == stanceEntity || s.kind == stanceIdentity
		// A deed the claim offers in the lexicon's word or its own ("organised
		// or paid for") is one of its own words too.
		s.quorum = s.kind == stanceLiteralKind || !s.required && s.kind == stancePredicate && lits.hasAny(s.concepts)
		r.hasAgent = r.hasAgent || s.kind == stanceAgent
		switch {
		case s.required:
			nReq++
		case s.quorum:
			nQuorum++
		default:
			r.auxWeight += stanceKindWeight[s.kind]
		}
	}
	hasPredicate := false
	for _, s := range r.slots {
		hasPredicate = hasPredicate || s.kind == stancePredicate
	}
	switch {
	case hasEntity && hasPredicate:
		// the lexicon knows what the claim is about and what is done: a
		// third of its other words is enough ("the management ignored the
		// warnings" for "the mine's management ignored safety warnings
		// before the collapse")
		r.quorum = (nQuorum + 2) / 3
	case hasEntity:
		r.quorum = (nQuorum + 1) / 2
	default:
		r.quorum = (2*nQuorum + 2) / 3
	}
	if nReq+nQuorum == 0 {
		return r, false
	}
	r.negated = stanceClaimNegated(toks)
	return r, true
}

// stanceDedupSlots drops a slot whose concepts another slot already has
// ("attempt to seize power (a coup)" says coup twice).
func stanceDedupSlots(slots []stanceSlot) []stanceSlot {
	var out []stanceSlot
	for _, s := range slots {
		dup := false
		for i := range out {
			all := true
			for _, c := range s.concepts {
				if !out[i].has(c) {
					all = false
				}
			}
			if all {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// stanceClaimNegated reports whether a claim text is itself a negation.
func stanceClaimNegated(toks []stanceTok) bool {
	for i := 0; i < len(toks); i++ {
		m, ok := stanceCueIdx.at(toks, i)
		if !ok {
			continue
		}
		switch m.p.cue {
		case stanceCueNot, stanceCueNoDet, stanceCueAbsent, stanceCueCopulaNot:
			return true
		}
		i = m.end - 1
	}
	return false
}

// stanceLiterals holds the stems of claim words the lexicon does not know,
// as concepts numbered after the lexicon's.
type stanceLiterals struct {
	ids   map[string]int
	index *stanceIndex
}

func newStanceLiterals() *stanceLiterals {
	return &stanceLiterals{ids: map[string]int{}, index: newStanceIndex()}
}

// hasAny reports whether one of concepts is a literal.
func (l *stanceLiterals) hasAny(concepts []int) bool {
	for _, c := range concepts {
		if c >= len(stanceConcepts) {
			return true
		}
	}
	return false
}

// add returns the concept for word, by its stem (stanceLiteralStem).
func (l *stanceLiterals) add(word string) int {
	stem := stanceLiteralStem(word)
	if id, ok := l.ids[stem]; ok {
		return id
	}
	id := len(stanceConcepts) + len(l.ids)
	l.ids[stem] = id
	l.index.add(stem+"*", id, stanceCueNone, false)
	return id
}

// stanceClaimProperNames returns, folded as stanceTokenize folds them, the
// words of a claim text written with a capital letter inside a sentence.
func stanceClaimProperNames(text string) map[string]bool {
	var out map[string]bool
	sentenceStart := true
	for _, t := range strings.FieldsFunc(text, unicode.IsSpace) {
		w := strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		first, _ := utf8.DecodeRuneInString(w)
		if !sentenceStart && unicode.IsUpper(first) {
			for _, tok := range stanceTokenize(w) {
				if out == nil {
					out = map[string]bool{}
				}
				out[tok.w] = true
			}
		}
		sentenceStart = strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
	}
	return out
}
