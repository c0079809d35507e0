package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var stanceUpdate = flag.Bool("update-stance", false, "rewrite testdata/stance golden files")

// describeStanceMatcher lists how each claim was read: per language, its
// slots, alternatives joined by "|", required ones marked "!", the claim's
// own words of which a quorum is needed marked "?".
func describeStanceMatcher(m *StanceMatcher) string {
	var b strings.Builder
	names := func(c int) string {
		if c < len(stanceConcepts) {
			return stanceConcepts[c].id
		}
		for stem, id := range m.lits.ids {
			if id == c {
				return "'" + stem + "'"
			}
		}
		return "?"
	}
	for _, c := range m.claims {
		for _, r := range c.readings {
			fmt.Fprintf(&b, "%s %s:", c.slug, r.lang)
			if r.negated {
				b.WriteString(" (negated)")
			}
			if r.quorum > 0 {
				fmt.Fprintf(&b, " (%d of ?)", r.quorum)
			}
			for _, s := range r.slots {
				var alts []string
				for _, x := range s.concepts {
					alts = append(alts, names(x))
				}
				mark := ""
				if s.required {
					mark = "!"
				} else if s.quorum {
					mark = "?"
				}
				fmt.Fprintf(&b, " [%s%s]", strings.Join(alts, "|"), mark)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestStanceClaimReadings pins how the test claims are read, so that a change
// to the lexicon that changes what a claim requires shows in review.
func TestStanceClaimReadings(t *testing.T) {
	got := describeStanceMatcher(NewStanceMatcher(stanceTestClaims()))
	name := filepath.Join("testdata", "stance", "claims.golden")
	if *stanceUpdate {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -run TestStanceClaimReadings -update-stance to create it)", err)
	}
	if got != string(want) {
		t.Errorf("claim readings changed:\n got:\n%s\nwant:\n%s", got, want)
	}
}
