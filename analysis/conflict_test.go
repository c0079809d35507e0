package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
)

var testMeasures = []*inquest.Measure{
	{ID: 1, Slug: "deaths", Name: "deaths"},
	{ID: 2, Slug: "security-force-deaths", Name: "security-force deaths"},
	{ID: 3, Slug: "civilian-deaths", Name: "civilian deaths"},
	{ID: 4, Slug: "deaths-in-custody", Name: "deaths in custody"},
	{ID: 5, Slug: "csto-troops", Name: "CSTO troops"},
}

// deaths is split into security-force and civilian deaths.
var testParts = map[int64]int64{2: 1, 3: 1}

// fig is a figure of a measure by a claimant named in the text.
func fig(id int64, measure string, value float64, claimant string, asOf inquest.Date) *inquest.Figure {
	return &inquest.Figure{ID: id, CaseID: 1, SourceID: 100 + id, Measure: measure, Value: value,
		ClaimantName: claimant, AsOf: asOf, Review: inquest.Suggested}
}

func TestFigureConflicts(t *testing.T) {
	qualified := func(f *inquest.Figure, q string) *inquest.Figure { f.Qualifier = q; return f }
	byPerson := func(f *inquest.Figure, pid int64) *inquest.Figure { f.ClaimantName, f.ClaimantID = "", pid; return f }
	rejected := func(f *inquest.Figure) *inquest.Figure { f.Review = inquest.Rejected; return f }
	tests := []struct {
		name    string
		figures []*inquest.Figure
		want    []string
	}{
		{
			name: "an official toll revised twice",
			figures: []*inquest.Figure{
				fig(1, "deaths", 164, "Prosecutor General's Office", "2022-01-10"),
				fig(2, "deaths", 225, "Prosecutor General's Office", "2022-01-15"),
				fig(3, "deaths", 238, "Prosecutor General's Office", "2022-08-15"),
			},
			want: []string{
				"revised: Prosecutor General's Office revised deaths from 164 (as of 2022-01-10) to 225 (as of 2022-01-15)",
				"revised: Prosecutor General's Office revised deaths from 225 (as of 2022-01-15) to 238 (as of 2022-08-15)",
			},
		},
		{
			name: "the same count repeated is no revision",
			figures: []*inquest.Figure{
				fig(1, "killed", 164, "Khabar 24", "2022-01-09"),
				fig(2, "deaths", 164, "khabar 24", "2022-01-10"),
			},
			want: []string{},
		},
		{
			name: "a later exact count within an earlier 'more than' is no revision",
			figures: []*inquest.Figure{
				qualified(fig(1, "deaths", 200, "Ministry of Health", "2022-01-10"), "more than"),
				fig(2, "deaths", 225, "Ministry of Health", "2022-01-15"),
			},
			want: []string{},
		},
		{
			name: "the office revises across its holders",
			figures: []*inquest.Figure{
				byPerson(fig(1, "deaths", 225, "", "2022-01-15"), 3),
				byPerson(fig(2, "deaths", 238, "", "2022-03-14"), 2),
			},
			want: []string{
				"revised: the prosecutor general of kazakhstan revised deaths from 225 (as of 2022-01-15, Gizat Nurdauletov) to 238 (as of 2022-03-14, Berik Asylov)",
			},
		},
		{
			name: "two agencies, one day, different counts",
			figures: []*inquest.Figure{
				fig(1, "deaths", 164, "Ministry of Health", "2022-01-10"),
				fig(2, "deaths", 225, "Ministry of Internal Affairs", "2022-01-10"),
				fig(3, "deaths", 164, "Khabar 24", "2022-01-10"),
			},
			want: []string{
				"disagree: different counts of deaths as of 2022-01-10: Ministry of Health 164; Ministry of Internal Affairs 225; Khabar 24 164",
			},
		},
		{
			name: "two agencies whose counts can both be true",
			figures: []*inquest.Figure{
				qualified(fig(1, "troops", 2500, "CSTO", "2022-01-08"), "about"),
				fig(2, "troops", 2400, "Ministry of Defence of Russia", "2022-01-08"),
			},
			want: []string{},
		},
		{
			name: "one claimant, one day, two counts",
			figures: []*inquest.Figure{
				fig(1, "detainees", 5800, "Ministry of Internal Affairs", "2022-01-09"),
				fig(2, "detained", 7939, "Ministry of Internal Affairs", "2022-01-09"),
			},
			want: []string{"inconsistent: Ministry of Internal Affairs gave two counts of detainees as of 2022-01-09: 5800 and 7939"},
		},
		{
			name: "figures nobody claimed are not held against each other",
			figures: []*inquest.Figure{
				fig(1, "deaths", 164, "", "2022-01-10"),
				fig(2, "deaths", 225, "", "2022-01-10"),
			},
			want: []string{},
		},
		{
			name: "a rejected figure never counts",
			figures: []*inquest.Figure{
				fig(1, "deaths", 164, "Ministry of Health", "2022-01-10"),
				rejected(fig(2, "deaths", 225, "Ministry of Health", "2022-01-15")),
			},
			want: []string{},
		},
		{
			name: "a breakdown that does not add up",
			figures: []*inquest.Figure{
				fig(1, "deaths", 225, "Prosecutor General's Office", "2022-01-15"),
				fig(2, "security force deaths", 19, "Prosecutor General's Office", "2022-01-15"),
				fig(3, "civilian deaths", 200, "Prosecutor General's Office", "2022-01-15"),
			},
			want: []string{"breakdown: Prosecutor General's Office, as of 2022-01-15: 19 security-force deaths + 200 civilian deaths = 219, less than the total of deaths given, 225, though these parts make up the whole"},
		},
		{
			name: "parts that add up to more than the total",
			figures: []*inquest.Figure{
				fig(1, "deaths", 225, "Prosecutor General's Office", "2022-01-15"),
				qualified(fig(2, "security force deaths", 19, "Prosecutor General's Office", "2022-01-15"), "at least"),
				fig(3, "civilian deaths", 210, "Prosecutor General's Office", "2022-01-15"),
			},
			want: []string{"breakdown: Prosecutor General's Office, as of 2022-01-15: at least 19 security-force deaths + 210 civilian deaths = at least 229, more than the total of deaths given, 225"},
		},
		{
			name: "a breakdown that adds up",
			figures: []*inquest.Figure{
				fig(1, "deaths", 225, "Prosecutor General's Office", "2022-01-15"),
				fig(2, "security force deaths", 19, "Prosecutor General's Office", "2022-01-15"),
				fig(3, "civilian deaths", 206, "Prosecutor General's Office", "2022-01-15"),
			},
			want: []string{},
		},
		{
			name: "one part alone already more than the total",
			figures: []*inquest.Figure{
				fig(1, "deaths", 164, "", "2022-01-10"),
				fig(2, "civilians killed", 180, "", "2022-01-10"),
			},
			// Unattributed, so grouped by source: these are two sources.
			want: []string{},
		},
		{
			name: "one part alone already more than the total, in one source",
			figures: func() []*inquest.Figure {
				a, b := fig(1, "deaths", 164, "", "2022-01-10"), fig(2, "civilians killed", 180, "", "2022-01-10")
				b.SourceID = a.SourceID
				return []*inquest.Figure{a, b}
			}(),
			want: []string{"breakdown: one source, as of 2022-01-10: 180 civilian deaths, more than the total of deaths given, 164"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := FigureRecord{Figures: tt.figures, Measures: testMeasures, PartOf: testParts, People: testPeople}
			got := []string{}
			for _, c := range FigureConflicts(r, FigureSeries(r)) {
				got = append(got, string(c.Kind)+": "+c.Reason)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestFigureConflictIDsAreStable(t *testing.T) {
	figures := []*inquest.Figure{
		fig(7, "deaths", 164, "Ministry of Health", "2022-01-10"),
		fig(3, "deaths", 225, "Ministry of Health", "2022-01-15"),
	}
	r := FigureRecord{Figures: figures, Measures: testMeasures}
	first := FigureConflicts(r, FigureSeries(r))
	slices.Reverse(r.Figures)
	again := FigureConflicts(r, FigureSeries(r))
	if len(first) != 1 || len(again) != 1 || first[0].ID != again[0].ID || first[0].ID != "revised:deaths:7-3" {
		t.Errorf("ids %v then %v, want one conflict revised:deaths:7-3 both times", ids(first), ids(again))
	}
}

func ids(cs []FigureConflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestSuggestMeasure(t *testing.T) {
	tests := []struct {
		measure, text string
		want          string
	}{
		{"deaths in custody", "eight people died in custody", "deaths-in-custody"},
		{"deaths", "164 people", "deaths"},
		{"", "164 people had been killed", "deaths"},
		{"killed", "", "deaths"},
		{"troops", "2,030 CSTO troops", "csto-troops"},
		{"погибших", "", "deaths"},
		{"buildings", "300 buildings", ""},
		{"", "two years", ""},
	}
	for _, tt := range tests {
		got := ""
		if m := SuggestMeasure(&inquest.Figure{Measure: tt.measure, Text: tt.text}, testMeasures); m != nil {
			got = m.Slug
		}
		if got != tt.want {
			t.Errorf("SuggestMeasure(%q, %q) = %q, want %q", tt.measure, tt.text, got, tt.want)
		}
	}
}

func TestFigureSeries(t *testing.T) {
	statement := st(50, 1, "Tokayev", "2022-01-11")
	figures := []*inquest.Figure{
		fig(1, "deaths", 225, "Prosecutor General's Office", "2022-01-15"),
		fig(2, "", 164, "", ""), // said in statement 50 by the President
		fig(3, "buildings", 300, "Akimat", ""),
		fig(4, "deaths", 238, "", ""), // only the source's day is known
		fig(5, "deaths", 238, "", ""), // in the office's own statement
	}
	figures[1].Text, figures[1].StatementID = "164 people were killed", 50
	r := FigureRecord{Figures: figures, Measures: testMeasures, People: testPeople,
		Statements: []*inquest.Statement{statement}, Sources: []*inquest.Source{
			{ID: 104, Published: "2022-08-20", Kind: inquest.KindNews, Publisher: "Kazinform"},
			{ID: 105, Published: "2022-09-01", Kind: inquest.KindOfficial, Publisher: "Prosecutor General's Office"}}}
	var got []string
	for _, s := range FigureSeries(r) {
		for _, p := range s.Points {
			got = append(got, s.Measure+" "+string(p.On)+" "+FormatValue(p.Figure)+" "+p.Claimant)
		}
	}
	want := []string{
		"building  300 Akimat",
		"deaths 2022-01-11 164 Kassym-Jomart Tokayev",
		"deaths 2022-01-15 225 Prosecutor General's Office",
		"deaths 2022-08-20 238 ",
		"deaths 2022-09-01 238 Prosecutor General's Office",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestIntervals(t *testing.T) {
	f := func(v float64, q string, max float64) *inquest.Figure {
		return &inquest.Figure{Value: v, Qualifier: q, ValueMax: max}
	}
	tests := []struct {
		a, b *inquest.Figure
		meet bool
	}{
		{f(164, "", 0), f(164, "", 0), true},
		{f(164, "", 0), f(225, "", 0), false},
		{f(200, "more than", 0), f(200, "", 0), false},
		{f(200, "at least", 0), f(200, "", 0), true},
		{f(200, "более", 0), f(238, "", 0), true},
		{f(200, "", 230), f(225, "", 0), true},
		{f(2500, "about", 0), f(2000, "", 0), false},
		{f(100, "up to", 0), f(100, "", 0), true},
		{f(100, "less than", 0), f(100, "", 0), false},
	}
	for _, tt := range tests {
		if got := rangeOf(tt.a).meets(rangeOf(tt.b)); got != tt.meet {
			t.Errorf("%s meets %s = %v, want %v", FormatValue(tt.a), FormatValue(tt.b), got, tt.meet)
		}
	}
}

// TestFirstFigureConflicts: the first n conflicts are FigureConflicts' first
// n, in its order, and the count is of them all, however n falls across
// measures.
func TestFirstFigureConflicts(t *testing.T) {
	claimants := []string{"Ministry of Health", "Prosecutor General", "Almaty akimat"}
	var figures []*inquest.Figure
	for i := range 30 {
		measure := []string{"deaths", "civilians killed", "people detained"}[i%3]
		day := inquest.Date(fmt.Sprintf("2022-01-%02d", 5+i%9))
		figures = append(figures, fig(int64(i+1), measure, float64(100+(i*37)%90), claimants[(i/3)%3], day))
	}
	r := FigureRecord{Figures: figures, Measures: testMeasures, PartOf: testParts, People: testPeople}
	series := FigureSeries(r)
	all := FigureConflicts(r, series)
	measures := map[string]bool{}
	for _, c := range all {
		measures[c.Measure] = true
	}
	if len(all) < 10 || len(measures) < 2 {
		t.Fatalf("%d conflicts over %d measures; the test needs more", len(all), len(measures))
	}
	for _, n := range []int{0, 1, 5, len(all) - 1, len(all), len(all) + 3, -1} {
		got, total := FirstFigureConflicts(r, series, n)
		want := all
		if n >= 0 {
			want = all[:min(n, len(all))]
		}
		if total != len(all) || !slices.Equal(ids(got), ids(want)) {
			t.Errorf("first %d: %v of %d, want %v of %d", n, ids(got), total, ids(want), len(all))
		}
	}
}
