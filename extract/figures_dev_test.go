package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The dev-set test scores Figures against the gold corpus at ../shared (next
// to the module root) with the rule of eval/score: the value must be equal and
// at least half of the gold phrase's non-digit words must be in the found
// text; pairs are matched greedily, best first.

const figureF1Target = 0.85

// corpusDir returns ../shared/corpus/dev beside the module root, or "".
func corpusDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	dev := filepath.Join(dir, "..", "shared", "corpus", "dev")
	if _, err := os.Stat(dev); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gold corpus missing at %s: CI needs it", dev)
		}
		return ""
	}
	return dev
}

type goldFigure struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
}

type devDoc struct {
	name    string
	text    string
	lang    string
	figures []goldFigure
}

func loadDevSet(t testing.TB) []devDoc {
	dev := corpusDir(t)
	if dev == "" {
		t.Skip("gold corpus ../shared/corpus/dev not found")
	}
	names, err := filepath.Glob(filepath.Join(dev, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []devDoc
	for _, g := range names {
		base := strings.TrimSuffix(g, ".gold.json")
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			continue
		}
		var gold struct {
			Figures []goldFigure `json:"figures"`
		}
		var meta struct {
			Language string `json:"language"`
		}
		if err := readJSON(g, &gold); err != nil {
			t.Fatal(err)
		}
		if err := readJSON(base+".meta.json", &meta); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, devDoc{name: filepath.Base(base), text: string(text), lang: meta.Language, figures: gold.Figures})
	}
	if len(docs) == 0 {
		t.Fatalf("no gold documents in %s", dev)
	}
	return docs
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// scoreTokens are the scorer's \w+ tokens of the lower-cased text.
func scoreTokens(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
	})
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

func figureMatchScore(p Figure, g goldFigure) float64 {
	if d := p.Value - g.Value; d > 1e-9*max(1, g.Value) || -d > 1e-9*max(1, g.Value) {
		return 0
	}
	pt := map[string]bool{}
	for _, w := range scoreTokens(p.Text) {
		pt[w] = true
	}
	words := map[string]bool{}
	all := map[string]bool{}
	for _, w := range scoreTokens(g.Text) {
		all[w] = true
		if !allDigits(w) {
			words[w] = true
		}
	}
	if len(words) == 0 {
		for w := range all {
			if pt[w] {
				return 1
			}
		}
		return 0
	}
	n := 0
	for w := range words {
		if pt[w] {
			n++
		}
	}
	share := float64(n) / float64(len(words))
	if share < 0.5 {
		return 0
	}
	return share
}

// matchFigures pairs found and gold figures greedily, best score first, as
// the scorer does; it returns gold index -> found index.
func matchFigures(found []Figure, gold []goldFigure) map[int]int {
	type pair struct {
		s      float64
		gi, pi int
	}
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range found {
			if s := figureMatchScore(p, g); s > 0 {
				pairs = append(pairs, pair{s, gi, pi})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].s != pairs[b].s {
			return pairs[a].s > pairs[b].s
		}
		if pairs[a].gi != pairs[b].gi {
			return pairs[a].gi > pairs[b].gi
		}
		return pairs[a].pi > pairs[b].pi
	})
	usedP := map[int]bool{}
	out := map[int]int{}
	for _, p := range pairs {
		if _, ok := out[p.gi]; ok || usedP[p.pi] {
			continue
		}
		out[p.gi] = p.pi
		usedP[p.pi] = true
	}
	return out
}

func TestFiguresDevSet(t *testing.T) {
	docs := loadDevSet(t)
	var tp, npred, ngold int
	for _, d := range docs {
		found := Figures(d.text, d.lang)
		m := matchFigures(found, d.figures)
		tp += len(m)
		npred += len(found)
		ngold += len(d.figures)
		matchedP := map[int]bool{}
		for _, pi := range m {
			matchedP[pi] = true
		}
		for gi, g := range d.figures {
			if _, ok := m[gi]; !ok {
				t.Logf("%s: missed %v %q", d.name, g.Value, g.Text)
			}
		}
		for pi, p := range found {
			if !matchedP[pi] {
				t.Logf("%s: extra %v %q", d.name, p.Value, p.Text)
			}
		}
	}
	p, r := float64(tp)/float64(max(npred, 1)), float64(tp)/float64(max(ngold, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("figures on the dev set: P %.3f R %.3f F1 %.3f (%d found, %d gold, %d matched)", p, r, f1, npred, ngold, tp)
	if p < figureF1Target || r < figureF1Target || f1 < figureF1Target {
		t.Errorf("figures P %.3f R %.3f F1 %.3f; want each ≥ %.2f", p, r, f1, figureF1Target)
	}
	_ = strconv.Itoa
}
