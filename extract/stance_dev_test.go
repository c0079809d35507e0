package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

// stanceDevDir is the shared gold corpus; it is not part of the project.
const stanceDevDir = "../../shared/corpus/dev"

type stanceGoldQuote struct {
	Text    string                        `json:"text"`
	Stances map[string]inquest.StanceKind `json:"stances"`
}

// stanceScorerTokens counts words as the scorer does (Python's \w+ on NFKC
// lower-case text): quotations under four words are neither credited nor
// penalised.
var stanceScorerWord = regexp.MustCompile(`[\p{L}\p{N}_\p{Mn}]+`)

// stanceParagraph is the paragraph of text that holds quote, as the
// orchestrator passes it, or "" when the quote is not found.
func stanceParagraph(text, quote string) string {
	i := strings.Index(text, quote)
	if i < 0 {
		rs := []rune(quote)
		if len(rs) > 30 {
			i = strings.Index(text, string(rs[:30]))
		}
	}
	if i < 0 {
		return ""
	}
	s := strings.LastIndex(text[:i], "\n") + 1
	e := strings.Index(text[i:], "\n")
	if e < 0 {
		e = len(text)
	} else {
		e += i
	}
	if e < i+len(quote) {
		e = min(len(text), i+len(quote))
	}
	return text[s:e]
}

// TestStancesDevSet scores the stance suggester on the gold quotations of the
// development corpus the way eval/score does: only supports and denies count;
// precision is right suggestions over all suggestions, recall right
// suggestions over all gold stances.
func TestStancesDevSet(t *testing.T) {
	if _, err := os.Stat(stanceDevDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the gold corpus is required under CI: %v", err)
		}
		t.Skipf("no gold corpus at %s", stanceDevDir)
	}
	stanceScoreSet(t, stanceDevDir, 0.80, 0.50)
}

// TestStancesHeldout scores the suggester on the held-out texts of other
// cases (testdata/heldout), whose claims the lexicon was not written for.
func TestStancesHeldout(t *testing.T) {
	// The targets are precision 0.80 and recall 0.50. On texts of other
	// cases recall is at 0.60 (12 of 20, precision 12 of 12), so the floor
	// is what is reached. The eight still missed name the claim's things
	// only indirectly ("the command knew about it") or by words the claim
	// does not use ("financed" for "paid for", "officers" for "police",
	// "foreign curators" for organisers from abroad).
	stanceScoreSet(t, filepath.Join("testdata", "heldout"), 0.80, 0.60)
}

// stanceScoreSet scores the gold quotations of one corpus folder and fails
// below the targets.
func stanceScoreSet(t *testing.T, stanceDevDir string, minPrecision, minRecall float64) {
	t.Helper()
	claims := readTestClaims(t, stanceDevDir)
	m := NewStanceMatcher(claims)
	golds, err := filepath.Glob(filepath.Join(stanceDevDir, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files in %s: %v", stanceDevDir, err)
	}
	sort.Strings(golds)
	var tp, predRel, goldRel int
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		var gold struct {
			Quotes []stanceGoldQuote `json:"quotes"`
		}
		var meta struct {
			Language string `json:"language"`
		}
		stanceReadJSON(t, g, &gold)
		stanceReadJSON(t, filepath.Join(stanceDevDir, name+".meta.json"), &meta)
		raw, err := os.ReadFile(filepath.Join(stanceDevDir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		for _, q := range gold.Quotes {
			if len(stanceScorerWord.FindAllString(strings.ToLower(q.Text), -1)) < 4 {
				continue
			}
			got, conf := m.Stances(q.Text, stanceParagraph(text, q.Text), meta.Language)
			slugs := map[string]bool{}
			for s := range got {
				slugs[s] = true
			}
			for s := range q.Stances {
				slugs[s] = true
			}
			for s := range slugs {
				want, have := q.Stances[s], got[s]
				if have != inquest.Supports && have != inquest.Denies {
					have = ""
				}
				if want != "" {
					goldRel++
				}
				if have != "" {
					predRel++
				}
				if want != "" && want == have {
					tp++
				}
				if want != have {
					t.Logf("%s: %s: got %q (%.2f), want %q: %.90s", name, s, have, conf[s], want, q.Text)
				}
			}
		}
	}
	precision, recall := 1.0, 1.0
	if predRel > 0 {
		precision = float64(tp) / float64(predRel)
	}
	if goldRel > 0 {
		recall = float64(tp) / float64(goldRel)
	}
	t.Logf("stances: precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, tp, predRel, recall, tp, goldRel)
	if precision < minPrecision || recall < minRecall {
		t.Errorf("stances: precision %.3f, recall %.3f; want precision ≥ %.2f and recall ≥ %.2f", precision, recall, minPrecision, minRecall)
	}
}

func stanceReadJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// readTestClaims reads the claims.json of a test corpus folder.
func readTestClaims(t *testing.T, dir string) []*inquest.Claim {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	claims, err := inquest.ReadClaims("claims.json", f)
	if err != nil {
		t.Fatal(err)
	}
	return claims
}
