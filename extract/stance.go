package extract

import (
	"maps"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// StanceMatcher suggests the stance of quotations on a case's claims.
//
// Build one per set of claims and reuse it for every quotation: compiling the
// claims is the expensive part, reading a quotation is cheap.
//
//	m := extract.NewStanceMatcher(opts.Claims)
//	for i := range quotes {
//		q := &quotes[i]
//		q.Stances, q.StanceConfidence = m.Stances(q.Text, paragraphAround(q), lang)
//	}
//
// A stance is suggested only when the quotation itself carries the claim's key
// concepts (its entities and identities: "foreign", "terrorists") and says
// something about them: it asserts them (supports), or a negation, a denial
// or a verdict of falsehood reaches them (denies). The context (the paragraph
// around the quotation, which may include the quotation) is used for two
// things only: a quotation that opens with a pronoun and names nothing itself
// ("They were not there.") is read as being about what the words just before
// it named, and a denial may take the rest of its claim from those words.
// Mentions that are threatened, possible, aimed at, asked about, or named as
// a criminal charge are not taken as support, and a negation under a
// condition, a possibility or the future is not taken as denial. Each of
// these cues, and each denial, reaches only its own part of the sentence
// (stance_reach.go): what ";", "but" or a new clause after ", and" sets apart
// is read on its own; "there were no X" denies only what its phrase names,
// not a thing X merely describes or a place, group or deed the claim does
// not name (stance_narrow.go); a deed denied of another doer does not deny
// the claim's (stance_doer.go). Precision is preferred to recall: when a quotation both supports
// and denies a claim, nothing is said.
//
// A StanceMatcher is safe for concurrent use.
type StanceMatcher struct {
	claims []stanceClaim
	lits   *stanceLiterals
}

// stanceMinConfidence is the least confidence a suggestion is returned with.
const stanceMinConfidence = 0.5

// NewStanceMatcher compiles claims for Stances. Claims without text in any
// language the lexicon or their own words can match are ignored.
func NewStanceMatcher(claims []*inquest.Claim) *StanceMatcher {
	stanceLexicon()
	m := &StanceMatcher{lits: newStanceLiterals()}
	for _, c := range claims {
		if c == nil || c.Slug == "" {
			continue
		}
		sc := compileStanceClaim(c, m.lits)
		if len(sc.readings) > 0 {
			m.claims = append(m.claims, sc)
		}
	}
	return m
}

// Stances returns, for each claim that quote clearly addresses, the stance it
// takes (inquest.Supports or inquest.Denies) and a confidence in (0, 1].
// context is the text around the quotation, such as its paragraph; lang is
// the quotation's language ("en", "ru", "kk" or ""), a hint only, since the
// lexicon reads all three. Both maps are empty, never nil, when no claim is
// addressed.
func (m *StanceMatcher) Stances(quote, context, lang string) (map[string]inquest.StanceKind, map[string]float64) {
	return m.stancesIn(quote, func() string { return context }, lang)
}

// stancesIn is Stances with the context made only when a denial or a
// pronoun needs it: most quotations are decided by their own words, and the
// orchestrator need not copy a paragraph for each.
func (m *StanceMatcher) stancesIn(quote string, context func() string, lang string) (map[string]inquest.StanceKind, map[string]float64) {
	kinds := map[string]inquest.StanceKind{}
	confs := map[string]float64{}
	if m == nil || len(m.claims) == 0 || strings.TrimSpace(quote) == "" {
		return kinds, confs
	}
	q := readStanceText(quote, m.lits)
	q.lang = lang
	if len(q.occ) == 0 && q.anaphor == 0 {
		return kinds, confs
	}
	// The lead-in is read only when a denial or a pronoun needs it.
	lead := &stanceLeadIn{quote: quote, context: context, lits: m.lits}
	var anaphoric []string
	for i := range m.claims {
		c := &m.claims[i]
		kind, conf, viaAnaphor, ok := m.claimStance(c, q, lead)
		if !ok || conf < stanceMinConfidence {
			continue
		}
		kinds[c.slug] = kind
		confs[c.slug] = conf
		if viaAnaphor {
			anaphoric = append(anaphoric, c.slug)
		}
	}
	// A pronoun refers to one thing: if the words before the quotation name
	// several claims fully, it is not clear which one "they" are.
	if len(anaphoric) > 1 {
		for _, slug := range anaphoric {
			delete(kinds, slug)
			delete(confs, slug)
		}
	}
	return kinds, confs
}

// Stances is NewStanceMatcher(claims).Stances(quote, context, lang). It keeps
// the matcher of the last claims it was given, so that calling it for every
// quotation of a document with the same claims compiles them once; a caller
// that holds a matcher itself avoids even the comparison.
func Stances(quote, context, lang string, claims []*inquest.Claim) (map[string]inquest.StanceKind, map[string]float64) {
	return stanceMatcherFor(claims).Stances(quote, context, lang)
}

var stanceLast struct {
	sync.Mutex
	claims []inquest.Claim // copies: a claim edited in place is a new claim
	ptrs   []*inquest.Claim
	m      *StanceMatcher
}

func stanceMatcherFor(claims []*inquest.Claim) *StanceMatcher {
	stanceLast.Lock()
	defer stanceLast.Unlock()
	if stanceLast.m != nil && stanceSameClaims(claims) {
		return stanceLast.m
	}
	m := NewStanceMatcher(claims)
	stanceLast.m = m
	stanceLast.ptrs = append(stanceLast.ptrs[:0], claims...)
	stanceLast.claims = stanceLast.claims[:0]
	for _, c := range claims {
		var cp inquest.Claim
		if c != nil {
			cp = *c
			cp.Texts = maps.Clone(c.Texts)
		}
		stanceLast.claims = append(stanceLast.claims, cp)
	}
	return m
}

func stanceSameClaims(claims []*inquest.Claim) bool {
	if len(claims) != len(stanceLast.ptrs) {
		return false
	}
	for i, c := range claims {
		if c != stanceLast.ptrs[i] {
			return false
		}
		if c == nil {
			continue
		}
		old := &stanceLast.claims[i]
		if c.Slug != old.Slug || c.Text != old.Text || !maps.Equal(c.Texts, old.Texts) {
			return false
		}
	}
	return true
}

// stanceLead is the part of context before the quotation: the words that
// introduce it ("asked about foreign terrorists, he replied:"). When the
// quotation is not found in context, all of context is taken.
func stanceLead(quote, context string) string {
	lead := context
	q := strings.TrimSpace(quote)
	if i := strings.Index(context, q); i >= 0 {
		lead = context[:i]
	} else if len(q) > 80 {
		// The quotation may differ from the text near its end (an ellipsis,
		// a dropped word): look for its opening.
		n := 80
		for n > 0 && !utf8.RuneStart(q[n]) {
			n--
		}
		if i := strings.Index(context, q[:n]); i >= 0 {
			lead = context[:i]
		}
	}
	// Only the last two sentences are read.
	lead = stanceLastSentences(lead, 2)
	if len(lead) > stanceLeadBytes {
		cut := len(lead) - stanceLeadBytes
		for cut < len(lead) && !utf8.RuneStart(lead[cut]) {
			cut++
		}
		lead = lead[cut:]
	}
	return lead
}

// stanceLastSentences returns the end of text holding its last n sentences
// (more, if an abbreviation looks like a sentence end).
func stanceLastSentences(text string, n int) string {
	end := len(strings.TrimRight(text, " \t\r\n\"“”«»„'‘’—–-:"))
	for i := end - 1; i > 0; i-- {
		if strings.IndexByte(".!?", text[i]) < 0 || i+1 >= len(text) {
			continue
		}
		if c := text[i+1]; c != ' ' && c != '\n' && c != '\t' {
			continue
		}
		if i+1 >= end {
			continue // the mark that ends the last sentence
		}
		n--
		if n == 0 {
			return text[i+1:]
		}
	}
	return text
}

// stanceLeadBytes bounds the lead-in read before a quotation.
const stanceLeadBytes = 1200

// claimStance combines the claim's readings: they must agree.
func (m *StanceMatcher) claimStance(c *stanceClaim, q *stanceText, lead *stanceLeadIn) (inquest.StanceKind, float64, bool, bool) {
	var kind inquest.StanceKind
	var conf float64
	var viaAnaphor, found bool
	q.noLiterals = false
	if q.lang != "" {
		q.noLiterals = true
		for ri := range c.readings {
			if c.readings[ri].lang == q.lang {
				q.noLiterals = false
			}
		}
	}
	for ri := range c.readings {
		r := &c.readings[ri]
		k, cf, an, ok := evalStanceReading(r, q, lead)
		if !ok {
			continue
		}
		if found && k != kind {
			return "", 0, false, false
		}
		if !found || cf > conf {
			kind, conf, viaAnaphor = k, cf, an
		}
		found = true
	}
	return kind, conf, viaAnaphor, found
}

// evalStanceReading decides the stance of quotation q on one reading of a
// claim, sentence by sentence.
func evalStanceReading(r *stanceReading, q *stanceText, lead *stanceLeadIn) (inquest.StanceKind, float64, bool, bool) {
	nSlots := len(r.slots)
	present := make([]bool, nSlots)
	pos := make([]bool, nSlots)
	neg := make([]bool, nSlots)
	// negExist: the slot's own concept (not one implying it) is denied to
	// exist at all.
	negExist := make([]bool, nSlots)

	// Required slots the lead-in names, for denials that leave their subject
	// to the words before the quotation, read on first need.
	var inLead []bool
	leadSlots := func() []bool {
		if inLead != nil {
			return inLead
		}
		inLead = make([]bool, nSlots)
		st := lead.text()
		if st == nil || st.nSent == 0 {
			return inLead
		}
		// The sentence that introduces the quotation and the one before.
		first := st.nSent - 2
		for _, o := range st.occ {
			if o.sent < first || o.negated() {
				continue
			}
			for k := range r.slots {
				if r.slots[k].accepts(o.concept) {
					inLead[k] = true
				}
			}
		}
		return inLead
	}

	// A claim in no language of the quotation: its own words cannot be
	// counted, and what it says is done must be named instead.
	quorum, needPred := r.quorum, false
	if q.noLiterals && r.quorum > 0 {
		quorum = 0
		for _, sl := range r.slots {
			needPred = needPred || sl.kind == stancePredicate
		}
	}
	var bestSup, bestDen float64
	for s := 0; s < q.nSent; s++ {
		clear(present)
		clear(pos)
		clear(neg)
		clear(negExist)
		found := false
		// segPos[seg] lists the slots asserted in each part of the sentence
		// that "but" or "while" sets apart: what a claim joins must be said
		// together ("18 officers were killed, but civilian casualties were
		// not disclosed" does not say civilians were killed).
		segPos := map[int][]bool{}
		for oi := range q.occ {
			o := &q.occ[oi]
			if o.sent != s {
				continue
			}
			// A deed denied of a doer the claim does not name says nothing
			// of the claim's doer ("No militants fired on the protesters",
			// "Protesters did not fire on the troops"): judged on first need.
			doer := 0 // 0 not judged, 1 the claim's or none, 2 another
			// A denial of existence narrowed to what the claim does not
			// name (stanceNarrowed) says nothing of it, or does not deny
			// that its thing exists at all.
			narrowAll, narrowExist := false, false
			if o.narrow != 0 && o.negated() {
				narrowAll, narrowExist = stanceNarrowed(r, q, o)
				if narrowAll {
					continue
				}
			}
			for k := range r.slots {
				if !r.slots[k].accepts(o.concept) {
					continue
				}
				found = true
				present[k] = true
				if o.negated() {
					if doer == 0 {
						doer = 1
						if r.hasAgent && stanceConceptKind(o.concept) != stanceAgent && stanceOtherDoer(r, q, oi) {
							doer = 2
						}
					}
					if !q.question[s] && !o.directed && doer == 1 {
						neg[k] = true
						negExist[k] = negExist[k] || (o.existNeg && !narrowExist && r.slots[k].has(o.concept))
					}
				} else if !o.hedged && !o.legal && !(o.doerless && r.hasAgent) {
					pos[k] = true
					sp := segPos[o.seg]
					if sp == nil {
						sp = make([]bool, nSlots)
						segPos[o.seg] = sp
					}
					sp[k] = true
				}
			}
		}
		if !found {
			continue
		}
		anyNeg, anyReqHere, allReqReach, agentsHere := false, false, true, true
		litPos, litHere := 0, 0
		for k, sl := range r.slots {
			if sl.quorum {
				if pos[k] {
					litPos++
				}
				if present[k] {
					litHere++
					anyReqHere = true
				}
				if neg[k] {
					anyNeg = true
				}
			}
			// A negation counts when it reaches what the claim is about,
			// what it says was done, or how much ("not widespread"), not
			// its setting ("the amnesty won't apply to the events").
			if neg[k] && sl.kind != stanceSetting && sl.kind != stanceAgent {
				anyNeg = true
			}
			if sl.kind == stanceAgent && !pos[k] {
				agentsHere = false
			}
			if !sl.required {
				continue
			}
			if present[k] {
				anyReqHere = true
			} else {
				allReqReach = false
			}
		}
		predHere := false
		for k, sl := range r.slots {
			predHere = predHere || sl.kind == stancePredicate && present[k]
		}
		if litHere < quorum || needPred && !predHere {
			allReqReach = false
		}
		if !allReqReach && anyNeg && anyReqHere && !q.question[s] {
			allReqReach = stanceAllRequired(r, stanceOr(present, leadSlots()), q.noLiterals)
		}
		allPos := false
		for _, sp := range segPos {
			all := true
			for k, sl := range r.slots {
				if sl.required && !sp[k] {
					all = false
				}
			}
			allPos = allPos || all
		}
		aux := stanceAuxCoverage(r, present)
		// Support needs the claim's whole core said together, and its agent
		// when it names one ("security forces used …"): "164 people were
		// killed" does not say who killed them.
		if allPos && litPos >= quorum && (!needPred || predHere) && agentsHere && !anyNeg {
			cf := 0.55 + 0.3*aux
			if q.affirm[s] {
				cf += 0.1
			}
			bestSup = max(bestSup, min(cf, 0.95))
			continue
		}
		if !anyNeg || q.question[s] {
			continue
		}
		// Denying that something exists at all denies any claim that needs
		// it: "there were no terrorists" denies that foreign terrorists took
		// part.
		for k, sl := range r.slots {
			if sl.required && sl.kind == stanceEntity && negExist[k] {
				cf := 0.6 + 0.2*stanceRequiredShare(r, present)
				if q.denial[s] {
					cf += 0.1
				}
				bestDen = max(bestDen, min(cf, 0.95))
			}
		}
		// Otherwise a negation must reach a concept of the claim in a
		// sentence that, with its lead-in, names the whole claim.
		if anyReqHere && allReqReach {
			cf := 0.6 + 0.2*aux
			if q.denial[s] {
				cf += 0.1
			}
			for k, sl := range r.slots {
				if sl.required && !present[k] {
					cf -= 0.1
				}
			}
			bestDen = max(bestDen, min(cf, 0.95))
		} else if len(r.agentStems) > 0 && stanceDeedDenied(r, q, s, lead) {
			// "The police did not shoot at people": the deed denied, by the
			// doer the claim names, at anyone.
			cf := 0.6
			if q.denial[s] {
				cf += 0.1
			}
			bestDen = max(bestDen, cf)
		}
	}
	kind, conf, viaAnaphor := inquest.StanceKind(""), 0.0, false
	switch {
	case bestSup > 0 && bestDen > 0:
		return "", 0, false, false
	case bestSup > 0:
		kind, conf = inquest.Supports, bestSup
	case bestDen > 0:
		kind, conf = inquest.Denies, bestDen
	case q.anaphor != 0 && stanceAllRequired(r, leadSlots(), q.noLiterals):
		viaAnaphor, conf = true, 0.55
		kind = inquest.Denies
		if q.anaphor > 0 {
			kind, conf = inquest.Supports, 0.5
		}
	default:
		return "", 0, false, false
	}
	if r.negated {
		if kind == inquest.Supports {
			kind = inquest.Denies
		} else {
			kind = inquest.Supports
		}
	}
	return kind, conf, viaAnaphor, true
}

// stanceAllRequired reports whether have covers every required slot and a
// quorum of the claim's own words.
//
// noLiterals: the claim is written in no language of the quotation (a Kazakh
// quotation, claims in English and Russian), so its own words cannot be
// counted; the lexicon's concepts stand in for them, and then what the claim
// says is done (its predicate) must be named too.
func stanceAllRequired(r *stanceReading, have []bool, noLiterals bool) bool {
	lits := 0
	hasPred, pred, hasReq := false, false, false
	for k, s := range r.slots {
		if s.required && !have[k] {
			return false
		}
		hasReq = hasReq || s.required
		if s.quorum && have[k] {
			lits++
		}
		if s.kind == stancePredicate {
			hasPred = true
			pred = pred || have[k]
		}
	}
	if noLiterals && r.quorum > 0 {
		return hasReq && (!hasPred || pred)
	}
	return lits >= r.quorum
}

// stanceOr is a or b, slot by slot.
func stanceOr(a, b []bool) []bool {
	out := make([]bool, len(a))
	for i := range a {
		out[i] = a[i] || b[i]
	}
	return out
}

// stanceLeadIn is the text before a quotation, read once, on first need.
type stanceLeadIn struct {
	quote   string
	context func() string
	lits    *stanceLiterals
	done    bool
	st      *stanceText
}

func (l *stanceLeadIn) text() *stanceText {
	if l == nil {
		return nil
	}
	if !l.done {
		l.done = true
		if ctx := l.context(); ctx != "" {
			l.st = readStanceText(stanceLead(l.quote, ctx), l.lits)
		}
	}
	return l.st
}

// stanceAuxCoverage is the weighted share of the claim's other slots (who
// acts, what is done, how much) that the sentence also names.
func stanceAuxCoverage(r *stanceReading, present []bool) float64 {
	if r.auxWeight == 0 {
		return 1
	}
	got := 0.0
	for k, s := range r.slots {
		if !s.required && present[k] {
			got += stanceKindWeight[s.kind]
		}
	}
	return got / r.auxWeight
}

// stanceRequiredShare is the share of the claim's required slots present.
func stanceRequiredShare(r *stanceReading, present []bool) float64 {
	n, got := 0, 0
	for k, s := range r.slots {
		if s.required {
			n++
			if present[k] {
				got++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(got) / float64(n)
}
