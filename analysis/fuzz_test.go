package analysis

import (
	"testing"

	"github.com/inquest-project/inquest"
)

// FuzzNormalizeOffice checks that folding an office name never panics and
// is stable: a folded name folds to itself, so that an alias stored folded
// still matches.
func FuzzNormalizeOffice(f *testing.F) {
	for _, s := range []string{"the Prosecutor General's Office", "Office of the Prosecutor General", "генпрокурор",
		"Мемлекет басшысы", "office of", "'s office's", "the the", "Ministry of Internal Affairs", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := normalizeOffice(s)
		if twice := normalizeOffice(once); twice != once {
			t.Errorf("normalizeOffice(%q) = %q, but normalizeOffice(%q) = %q", s, once, once, twice)
		}
	})
}

// FuzzSuggestMeasure checks that any counted phrase gives a measure of the
// case or none, and never panics.
func FuzzSuggestMeasure(f *testing.F) {
	for _, s := range []string{"deaths in custody", "погибших", "164 people had been killed", "", "s", "ss"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := SuggestMeasure(&inquest.Figure{Measure: s, Text: s}, testMeasures)
		if m != nil && m.ID == 0 {
			t.Errorf("SuggestMeasure(%q) = a measure without an id", s)
		}
		_ = measureKey(s)
	})
}
