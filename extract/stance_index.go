package extract

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// stancePart is one word of a lexicon form: an exact word or a stem.
type stancePart struct {
	s      string
	prefix bool
	any    bool // any one word
}

// stancePattern is one lexicon form compiled, with what it means: a concept
// (index into the concept list, -1 for a blocking form) or a cue class.
type stancePattern struct {
	parts   []stancePart
	concept int
	cue     stanceCueClass
	kk      bool // a Kazakh form, whose stem may take the negative suffix
	// agentive: a deed often reported without its doer ("were killed"),
	// credited only with a doer beside it.
	agentive bool
}

// stanceIndex finds lexicon forms at a token. Forms are indexed by their first
// part: exact words by the word, stems by the stem, so a lookup costs one map
// probe per rune of the word.
type stanceIndex struct {
	exact map[string][]*stancePattern
	// stems maps every prefix of every stem to the forms with that stem
	// (none for a prefix that is only on the way to one): one probe per
	// rune tells both whether a stem ends there and whether to go on.
	stems map[string][]*stancePattern
	// The shortest and longest stems, in bytes: only prefixes of a word
	// between the two are looked up.
	minStem, maxStem int
}

func newStanceIndex() *stanceIndex {
	return &stanceIndex{exact: map[string][]*stancePattern{}, stems: map[string][]*stancePattern{}}
}

// add compiles form, normalised as text is. Its words are separated by
// spaces; "stem*" is a stem, "?" any one word (not first).
func (ix *stanceIndex) add(form string, concept int, cue stanceCueClass, kk bool) {
	var parts []stancePart
	form, agentive := strings.CutPrefix(form, "+")
	for _, f := range strings.Fields(form) {
		if f == "?" {
			if len(parts) > 0 {
				parts = append(parts, stancePart{any: true})
			}
			continue
		}
		w, pre := strings.CutSuffix(f, "*")
		parts = append(parts, stancePart{s: stanceNormWord(w), prefix: pre})
	}
	if len(parts) == 0 {
		return
	}
	p := &stancePattern{parts: parts, concept: concept, cue: cue, kk: kk, agentive: agentive}
	if parts[0].prefix {
		n := len(parts[0].s)
		if ix.minStem == 0 || n < ix.minStem {
			ix.minStem = n
		}
		ix.maxStem = max(ix.maxStem, n)
		for k := 1; k < n; k++ {
			if _, ok := ix.stems[parts[0].s[:k]]; !ok {
				ix.stems[parts[0].s[:k]] = nil
			}
		}
		ix.stems[parts[0].s] = append(ix.stems[parts[0].s], p)
	} else {
		ix.exact[parts[0].s] = append(ix.exact[parts[0].s], p)
	}
}

// stanceMatch is a form found in a token list.
type stanceMatch struct {
	p     *stancePattern
	start int
	end   int    // exclusive token index
	rest  string // what the last word has beyond its stem
}

func stancePartMatches(part stancePart, w string) (bool, string) {
	if part.any {
		return true, ""
	}
	if part.prefix {
		if strings.HasPrefix(w, part.s) {
			return true, w[len(part.s):]
		}
		return false, ""
	}
	return w == part.s, ""
}

// at returns the best form starting at toks[i]: the one with most words, then
// an exact first word over a stem, then the longest stem.
func (ix *stanceIndex) at(toks []stanceTok, i int) (stanceMatch, bool) {
	w := toks[i].w
	if w == "" {
		return stanceMatch{}, false
	}
	var best stanceMatch
	bestScore := -1
	try := func(p *stancePattern, exactFirst bool) {
		j := i
		rest := ""
		for k, part := range p.parts {
			if j >= len(toks) || toks[j].w == "" {
				return
			}
			// A phrase does not run across a sentence.
			if k > 0 && toks[j].sent != toks[i].sent {
				return
			}
			ok, r := stancePartMatches(part, toks[j].w)
			if !ok {
				return
			}
			rest = r
			j++
		}
		score := len(p.parts)*10000 + len(p.parts[0].s)
		if exactFirst {
			score += 5000
		}
		if score > bestScore {
			bestScore = score
			best = stanceMatch{p: p, start: i, end: j, rest: rest}
		}
	}
	for _, p := range ix.exact[w] {
		try(p, true)
	}
	// Every rune boundary of w, and its end, may end a stem.
	for n := max(ix.minStem, 1); n <= len(w) && n <= ix.maxStem; n++ {
		if n < len(w) && !utf8.RuneStart(w[n]) {
			continue
		}
		ps, viable := ix.stems[w[:n]]
		if !viable {
			break
		}
		for _, p := range ps {
			try(p, false)
		}
	}
	return best, bestScore >= 0
}

// The shared lexicon, compiled once.
var (
	stanceLexOnce     sync.Once
	stanceConceptIdx  *stanceIndex
	stanceCueIdx      *stanceIndex
	stanceSkipWords   map[string]bool
	stancePronouns    map[string]bool
	stanceConceptByID map[string]int
)

func stanceLexicon() {
	stanceLexOnce.Do(func() {
		stanceConceptIdx = newStanceIndex()
		stanceConceptByID = map[string]int{}
		for ci, c := range stanceConcepts {
			concept := ci
			if c.id == "" {
				concept = -1
			} else {
				stanceConceptByID[c.id] = ci
			}
			for lang, forms := range c.forms {
				for _, f := range forms {
					stanceConceptIdx.add(f, concept, stanceCueNone, lang == "kk")
				}
			}
		}
		for from, tos := range stanceImplies {
			for _, to := range tos {
				stanceImpliedBy[stanceConceptByID[from]] = append(stanceImpliedBy[stanceConceptByID[from]], stanceConceptByID[to])
			}
		}
		stanceCueIdx = newStanceIndex()
		stanceSkipWords = map[string]bool{}
		stancePronouns = map[string]bool{}
		for class, byLang := range stanceCues {
			for lang, forms := range byLang {
				for _, f := range forms {
					switch class {
					case stanceCueSkip:
						stanceSkipWords[stanceNormWord(f)] = true
					case stanceCuePronoun:
						stancePronouns[stanceNormWord(f)] = true
					default:
						// stanceCueNone forms block the cue words inside them.
						stanceCueIdx.add(f, -1, class, lang == "kk")
					}
				}
			}
		}
	})
}

// stanceNormWord normalises a single word as the tokenizer would.
func stanceNormWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(stanceFold(r))
	}
	return b.String()
}

// stanceConceptKind is the kind of concept c, lexical or literal.
func stanceConceptKind(c int) stanceKind {
	if c >= 0 && c < len(stanceConcepts) {
		return stanceConcepts[c].kind
	}
	return stanceLiteralKind
}
