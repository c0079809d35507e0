package extract

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquest-project/inquest"
)

// TestStanceTuning checks the rules that let the suggester read claims it
// was not written for, on quotations and claims of invented cases written
// for this test (testdata/stance/tuning), in English and Russian. Each case
// names the cause it exercises and the claims it is read against; a case
// whose want is empty guards a rule against saying too much.
func TestStanceTuning(t *testing.T) {
	dir := filepath.Join("testdata", "stance", "tuning")
	claims := readTestClaims(t, dir)
	var file struct {
		Cases []struct {
			Cause   string                        `json:"cause"`
			Claims  []string                      `json:"claims"`
			Lang    string                        `json:"lang"`
			Quote   string                        `json:"quote"`
			Context string                        `json:"context"`
			Want    map[string]inquest.StanceKind `json:"want"`
		} `json:"cases"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	bySlug := map[string]*inquest.Claim{}
	for _, c := range claims {
		bySlug[c.Slug] = c
	}
	for _, tc := range file.Cases {
		// Each case is read against the claims it names, so that a rule is
		// judged on the claim it is about.
		var set []*inquest.Claim
		for _, slug := range tc.Claims {
			c, ok := bySlug[slug]
			if !ok {
				t.Fatalf("%s: no claim %q in claims.json", tc.Cause, slug)
			}
			set = append(set, c)
		}
		if len(set) == 0 {
			t.Fatalf("%s: the case names no claims", tc.Cause)
		}
		got, _ := NewStanceMatcher(set).Stances(tc.Quote, tc.Context, tc.Lang)
		want := tc.Want
		if want == nil {
			want = map[string]inquest.StanceKind{}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: Stances(%q, %s) = %v, want %v", tc.Cause, tc.Quote, tc.Lang, got, want)
		}
	}
}

// TestStanceTuningClaimReadings pins how the tuning claims are read: "or"
// alternatives of words the lexicon does not know, light verbs left out,
// the police of "in police custody" as setting (not marked), protests that
// may be called unrest.
func TestStanceTuningClaimReadings(t *testing.T) {
	claims := readTestClaims(t, filepath.Join("testdata", "stance", "tuning"))
	got := describeStanceMatcher(NewStanceMatcher(claims))
	name := filepath.Join("testdata", "stance", "tuning", "claims.golden")
	if *stanceUpdate {
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -run TestStanceTuningClaimReadings -update-stance to create it)", err)
	}
	if got != string(want) {
		t.Errorf("claim readings changed:\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStanceLiteralStem(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"concealed", "concea"},
		{"management", "managem"},
		{"mine's", "mine"},
		{"shots", "shot"},
		{"press", "press"}, // not a plural
		{"focus", "focus"},
		{"paid", "paid"},
		{"шахты", "шахт"},
		{"число", "числ"},
		{"погибших", "погиб"},
		{"марск", "марск"}, // no vowel ending
		{"дети", "дети"},   // too short to lose a letter
	} {
		if got := stanceLiteralStem(tc.word); got != tc.want {
			t.Errorf("stanceLiteralStem(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
