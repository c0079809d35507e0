package analysis

import (
	"strings"
	"unicode"

	"github.com/inquest-project/inquest"
)

// SuggestMeasure returns the measure a figure counts: the one an analyst
// assigned, else the case's measure whose words all appear in what the
// extractor said the figure counts (or, failing that, in the figure's phrase),
// preferring the most specific ("deaths in custody" over "deaths"). It
// returns nil when no measure of the case fits.
func SuggestMeasure(f *inquest.Figure, measures []*inquest.Measure) *inquest.Measure {
	return newMeasureMatcher(measures).suggest(f)
}

// measureMatcher suggests measures for many figures: the words of each
// measure are found once, and those of each phrase once however many
// figures share it (a large case has tens of thousands of figures and a
// few dozen phrases).
type measureMatcher struct {
	measures []*inquest.Measure
	// names are each measure's word sets: of its name and of its slug.
	names [][]map[string]bool
	// phrases are the words of what figures were said to count.
	phrases map[string]map[string]bool
}

func newMeasureMatcher(measures []*inquest.Measure) *measureMatcher {
	m := &measureMatcher{measures: measures, names: make([][]map[string]bool, len(measures)), phrases: map[string]map[string]bool{}}
	for i, ms := range measures {
		for _, name := range []string{ms.Name, strings.ReplaceAll(ms.Slug, "-", " ")} {
			if w := measureWords(name); len(w) > 0 {
				m.names[i] = append(m.names[i], w)
			}
		}
	}
	return m
}

func (m *measureMatcher) suggest(f *inquest.Figure) *inquest.Measure {
	if f.MeasureID != 0 {
		for _, ms := range m.measures {
			if ms.ID == f.MeasureID {
				return ms
			}
		}
	}
	for i, phrase := range []string{f.Measure, f.Text} {
		// What the extractor said a figure counts is one of a few phrases;
		// the figure's own words are its own.
		words, ok := m.phrases[phrase]
		if !ok {
			words = measureWords(phrase)
			if i == 0 {
				m.phrases[phrase] = words
			}
		}
		if len(words) == 0 {
			continue
		}
		var best *inquest.Measure
		bestScore := 0
		for i, ms := range m.measures {
			score := matchScore(words, m.names[i])
			if score > bestScore || (score == bestScore && score > 0 && ms.ID < best.ID) {
				best, bestScore = ms, score
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// matchScore is the number of words of the measure's name (or slug) when
// every one of them is among words, else 0.
func matchScore(words map[string]bool, names []map[string]bool) int {
	best := 0
	for _, mw := range names {
		all := true
		for w := range mw {
			if !words[w] {
				all = false
				break
			}
		}
		if all && len(mw) > best {
			best = len(mw)
		}
	}
	return best
}

// measureSynonyms folds the words that texts use for what a figure counts, in
// English and Russian, onto one stem each.
var measureSynonyms = map[string]string{
	"killed": "death", "dead": "death", "died": "death", "death": "death", "deaths": "death",
	"fatalities": "death", "lives": "death", "погибли": "death", "погибших": "death", "погибло": "death",
	"погиб": "death", "убиты": "death", "убитых": "death", "жертв": "death", "жертвы": "death", "смерти": "death",
	"detained": "detain", "detainees": "detain", "detainee": "detain", "detention": "detain",
	"arrested": "detain", "arrests": "detain", "задержаны": "detain", "задержанных": "detain",
	"задержано": "detain", "задержанные": "detain",
	"troops": "troop", "peacekeepers": "troop", "soldiers": "troop", "servicemen": "troop",
	"military": "troop", "миротворцев": "troop", "военнослужащих": "troop", "войск": "troop",
	"custody": "custody", "стражей": "custody",
	"torture": "torture", "tortured": "torture", "пыток": "torture", "пытки": "torture", "пыткам": "torture",
	"cases": "case", "дел": "case", "дела": "case",
	"security": "security", "force": "security", "forces": "security", "officers": "security",
	"police": "security", "policemen": "security", "law": "security", "enforcement": "security",
	"силовиков": "security", "полицейских": "security", "сотрудников": "security",
	"civilians": "civilian", "civilian": "civilian", "мирных": "civilian",
	"injured": "injur", "wounded": "injur", "injuries": "injur", "пострадали": "injur", "ранены": "injur",
}

// measureStop are words that say nothing about what is counted.
var measureStop = map[string]bool{"in": true, "of": true, "the": true, "from": true, "by": true,
	"people": true, "persons": true, "person": true, "a": true, "and": true, "were": true, "was": true,
	"had": true, "been": true, "have": true, "человек": true, "в": true, "и": true, "под": true}

// measureWords returns the stems of the words of s that say what is counted.
func measureWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if measureStop[w] {
			continue
		}
		if syn, ok := measureSynonyms[w]; ok {
			w = syn
		} else if len(w) > 3 && strings.HasSuffix(w, "s") && w[0] < unicode.MaxASCII {
			w = strings.TrimSuffix(w, "s")
		}
		out[w] = true
	}
	return out
}

// stemWords name each stem in a measure key.
var stemWords = map[string]string{"death": "deaths", "detain": "detainees", "troop": "troops",
	"case": "cases", "civilian": "civilians", "injur": "injured"}

// measureKey turns a counted phrase that fits no measure of the case into a
// key for its own series, so that "detained" and "задержанных" fall in one
// series before an analyst has created the measure: "deaths in custody"
// becomes "deaths-custody".
func measureKey(s string) string {
	var words []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if measureStop[w] {
			continue
		}
		if syn, ok := measureSynonyms[w]; ok {
			w = syn
		} else if len(w) > 3 && strings.HasSuffix(w, "s") && w[0] < unicode.MaxASCII {
			w = strings.TrimSuffix(w, "s")
		}
		if name, ok := stemWords[w]; ok {
			w = name
		}
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return strings.Join(words, "-")
}
