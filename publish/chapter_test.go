package publish

import (
	"strings"
	"testing"
)

func testResolver(r Ref) (Target, bool) {
	switch r {
	case Ref{Kind: RefStatement, ID: 12}:
		return Target{Href: "/sources/3#ts-12", Label: "Berik Asylov, 14 March 2022", Quote: "They were not there."}, true
	case Ref{Kind: RefClaim, Slug: "foreign-terrorists"}:
		return Target{Href: "/cases/jan/claims/foreign-terrorists", Label: "Claim: foreign terrorists took part"}, true
	case Ref{Kind: RefFigure, ID: 45}:
		return Target{Href: "/sources/4#tf-45", Label: "238 deaths"}, true
	case Ref{Kind: RefQuestion, ID: 7}:
		return Target{Href: "/cases/jan/questions#q-7", Label: "Why wait?"}, true
	}
	return Target{}, false
}

func TestRenderChapter(t *testing.T) {
	for _, tc := range []struct {
		name      string
		md        string
		wantHTML  []string
		notHTML   []string
		wantNotes []string // Href of each note, "" for missing
	}{
		{
			name:      "one statement",
			md:        "The Prosecutor General denied it.[@s12]",
			wantHTML:  []string{`<p>The Prosecutor General denied it.<sup class="cite"><a href="#fn-1" id="fnref-1-1" aria-label="note 1">1</a></sup></p>`},
			wantNotes: []string{"/sources/3#ts-12"},
		},
		{
			name: "every kind, a repeat keeps its number",
			md:   "A [@claim:foreign-terrorists], B [@f45; @q7], again [@s12] and [@claim:foreign-terrorists].",
			wantHTML: []string{`href="#fn-1" id="fnref-1-1"`, `href="#fn-2" id="fnref-2-1"`, `href="#fn-3" id="fnref-3-1"`,
				`href="#fn-4" id="fnref-4-1"`, `href="#fn-1" id="fnref-1-2"`},
			wantNotes: []string{"/cases/jan/claims/foreign-terrorists", "/sources/4#tf-45", "/cases/jan/questions#q-7", "/sources/3#ts-12"},
		},
		{
			name:      "unknown or private reference is numbered but leads nowhere",
			md:        "Secret [@s99].",
			wantHTML:  []string{`href="#fn-1"`},
			wantNotes: []string{""},
		},
		{
			name:     "not a citation stays text",
			md:       "An email [@someone] and [see @s12 here].",
			wantHTML: []string{"[@someone]", "[see @s12 here]"},
			notHTML:  []string{"cite"},
		},
		{
			name:     "raw HTML and scripts are dropped",
			md:       "Hello <script>alert(1)</script> [x](javascript:alert(1)) <b onclick=\"x()\">b</b>",
			notHTML:  []string{"<script", "javascript:", "onclick"},
			wantHTML: []string{"Hello"},
		},
		{
			name:     "a forged token is not a marker",
			md:       "INQCITE7X",
			wantHTML: []string{"INQCITE7X"},
			notHTML:  []string{"<sup"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, notes, err := RenderChapter(tc.md, testResolver)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.wantHTML {
				if !strings.Contains(string(got), w) {
					t.Errorf("HTML lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notHTML {
				if strings.Contains(string(got), w) {
					t.Errorf("HTML has %q:\n%s", w, got)
				}
			}
			if len(notes) != len(tc.wantNotes) {
				t.Fatalf("got %d notes %+v, want %d", len(notes), notes, len(tc.wantNotes))
			}
			for i, n := range notes {
				if n.N != i+1 || n.Target.Href != tc.wantNotes[i] || n.Missing != (tc.wantNotes[i] == "") {
					t.Errorf("note %d = %+v, want href %q", i+1, n, tc.wantNotes[i])
				}
			}
		})
	}
}

func FuzzRenderChapter(f *testing.F) {
	for _, s := range []string{"a [@s1] b", "[@claim:x; @f2]", "[@", "INQCITE0X [@q3]", "`[@s1]`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out, notes, err := RenderChapter(md, testResolver)
		if err != nil {
			return
		}
		if strings.Contains(strings.ToLower(string(out)), "<script") {
			t.Errorf("script in output of %q", md)
		}
		for i, n := range notes {
			if n.N != i+1 || len(n.Backrefs) == 0 {
				t.Errorf("note %d malformed: %+v", i, n)
			}
		}
	})
}

// TestCitedRefs: a page reads what a chapter cites before rendering it, so
// CitedRefs must find every citation RenderChapter resolves, and nothing
// RenderChapter leaves as text.
func TestCitedRefs(t *testing.T) {
	tests := []struct {
		md   string
		want []Ref
	}{
		{"No citations.", nil},
		{"One [@s12].", []Ref{{Kind: RefStatement, ID: 12}}},
		{"Two [@s12; @f45] and a claim [@claim:foreign-terrorists], [@q7].",
			[]Ref{{Kind: RefStatement, ID: 12}, {Kind: RefFigure, ID: 45}, {Kind: RefClaim, Slug: "foreign-terrorists"}, {Kind: RefQuestion, ID: 7}}},
		{"Not a citation [@s12; see below] nor [s12] nor [@x1].", nil},
	}
	for _, tt := range tests {
		got := CitedRefs(tt.md)
		if len(got) != len(tt.want) {
			t.Errorf("CitedRefs(%q) = %v, want %v", tt.md, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("CitedRefs(%q)[%d] = %v, want %v", tt.md, i, got[i], tt.want[i])
			}
		}
		// Every ref RenderChapter resolves is among them.
		_, notes, err := RenderChapter(tt.md, testResolver)
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) != len(got) {
			t.Errorf("%q: RenderChapter made %d notes, CitedRefs found %d", tt.md, len(notes), len(got))
		}
	}
}
