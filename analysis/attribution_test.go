package analysis

import (
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

// figureIn returns a figure of source 1 spanning the first occurrence of
// phrase in text, counted in code points as the extract contract counts.
func figureIn(t *testing.T, text, phrase string, value float64) *inquest.Figure {
	t.Helper()
	i := strings.Index(text, phrase)
	if i < 0 {
		t.Fatalf("%q not in %q", phrase, text)
	}
	start := len([]rune(text[:i]))
	return &inquest.Figure{ID: 1, SourceID: 1, Measure: "deaths", Text: phrase, Value: value, Start: start, End: start + len([]rune(phrase))}
}

func TestFigureClaimantFromTheSentence(t *testing.T) {
	people := []*inquest.Person{
		{ID: 1, Slug: "tokayev", Name: "Kassym-Jomart Tokayev", Names: map[string]string{"ru": "Касым-Жомарт Токаев"}, Aliases: []string{"Tokayev", "Токаев"},
			Positions: []inquest.Position{{Title: "President of Kazakhstan", Aliases: []string{"the President", "президент"}}}},
		{ID: 2, Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"}, Aliases: []string{"Асылов"},
			Positions: []inquest.Position{{Title: "Prosecutor General of Kazakhstan", Aliases: []string{"генпрокурор", "генеральный прокурор"}, From: "2022-02-25"}}},
		{ID: 3, Slug: "nurdauletov", Name: "Gizat Nurdauletov",
			Positions: []inquest.Position{{Title: "Prosecutor General of Kazakhstan", Aliases: []string{"генпрокурор"}, To: "2022-02-25"}}},
	}
	tests := []struct {
		name, text, phrase string
		want               string
	}{
		{"a named outlet and a speech verb", "Thousands were detained. State TV channel Khabar 24 reported 164 people had been killed during the clashes. More later.",
			"164 people had been killed", "Khabar 24"},
		{"a known person after the verb, in Russian",
			"В Казахстане во время январских протестов погибли 230 человек, среди них 19 военных, сообщил генеральный прокурор республики Берик Асылов на заседании в Мажилисе.",
			"погибли 230 человек", "Berik Asylov"},
		{"a known person by an inflected surname", "По словам Асылова, погибли 238 человек.", "погибли 238 человек", "Berik Asylov"},
		{"a known person before the verb", "Tokayev said 225 people died.", "225 people died", "Kassym-Jomart Tokayev"},
		{"an outlet nearer the verb than a person talked about",
			"Он рассказал, откуда президент получил информацию о 20 тысячах боевиков, сообщает Sputnik Казахстан.", "20 тысячах боевиков", "Sputnik Казахстан"},
		{"an impersonal report names nobody", "Ранее сообщалось о гибели 227 человек. Власти молчат.", "гибели 227 человек", ""},
		{"a pronoun is left to the extractor", "Также он заявил о гибели 20 граждан.", "гибели 20 граждан", ""},
		{"a place after a preposition is no speaker", "Начальник полиции на брифинге в СЦК рассказал, что погибли 149 человек.", "погибли 149 человек", ""},
		{"no speech verb", "Kazakhstan: 164 people, including two children, killed in violent unrest", "164 people", ""},
		{"an office two people held, without a day, names neither", "По словам генпрокурора, погибли 139 человек.", "погибли 139 человек", ""},
		{"a capital opening the sentence is no name", "Officials said 225 people died.", "225 people died", ""},
		{"the speech verb of another sentence does not count", "Khabar 24 reported clashes. 164 people died.", "164 people died", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := figureIn(t, tt.text, tt.phrase, 1)
			series := FigureSeries(FigureRecord{Figures: []*inquest.Figure{f}, People: people,
				Sources: []*inquest.Source{{ID: 1, Kind: inquest.KindNews, Text: tt.text}}})
			if len(series) != 1 || len(series[0].Points) != 1 {
				t.Fatalf("series: %+v", series)
			}
			if got := series[0].Points[0].Claimant; got != tt.want {
				t.Errorf("claimant %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFigureInAQuotationIsTheSpeakers(t *testing.T) {
	text := `Tokayev spoke. "About 225 people died," the minister told reporters.`
	f := figureIn(t, text, "225 people died", 225)
	st := &inquest.Statement{ID: 7, SourceID: 1, SpeakerName: "Alexei Tsoy", Text: "About 225 people died,", Start: 15, End: 38,
		SaidOn: "2022-01-15", Review: inquest.Suggested}
	series := FigureSeries(FigureRecord{Figures: []*inquest.Figure{f}, Statements: []*inquest.Statement{st},
		Sources: []*inquest.Source{{ID: 1, Text: text}}})
	p := series[0].Points[0]
	if p.Claimant != "Alexei Tsoy" || p.StatementID != 7 || p.On != "2022-01-15" {
		t.Errorf("figure in statement 7's quotation: claimant %q, statement %d, day %s; want Alexei Tsoy, 7, 2022-01-15", p.Claimant, p.StatementID, p.On)
	}
}

// A death toll revised by the same outlet in two reports becomes a figure
// conflict once the sentences give it a claimant.
func TestAttributedFiguresRevealARevision(t *testing.T) {
	texts := []string{"Khabar 24 reported 164 people had been killed.", "Khabar 24 reported 225 people had been killed."}
	var r FigureRecord
	for i, text := range texts {
		f := figureIn(t, text, strings.Fields(text)[3]+" people had been killed", []float64{164, 225}[i])
		f.ID, f.SourceID = int64(i+1), int64(i+1)
		r.Figures = append(r.Figures, f)
		r.Sources = append(r.Sources, &inquest.Source{ID: int64(i + 1), Text: text, Published: []inquest.Date{"2022-01-09", "2022-01-15"}[i]})
	}
	conflicts := FigureConflicts(r, FigureSeries(r))
	if len(conflicts) != 1 || conflicts[0].Kind != Revised ||
		conflicts[0].Reason != "Khabar 24 revised deaths from 164 (as of 2022-01-09) to 225 (as of 2022-01-15)" {
		t.Errorf("conflicts: %+v", conflicts)
	}
}

func TestInflected(t *testing.T) {
	tests := []struct {
		t, w string
		want bool
	}{
		{"асылова", "асылов", true}, // genitive of a surname
		{"генпрокурора", "генпрокурор", true},
		{"асыловым", "асылов", true},
		{"асылов", "асылов", true},
		{"асыл", "асылов", true},        // shares all but the last two letters
		{"ас", "асылов", false},         // shares too little
		{"асыловаааа", "асылов", false}, // four letters longer
		{"касым", "касымов", true},
		{"тока", "токаев", true},
		{"токаев", "ток", false}, // a form of three letters is too short to inflect
		{"президента", "president", false},
		{"presidential", "president", false}, // Latin words match whole
		{"", "асылов", false},
		{"басылова", "асылов", false},
	}
	for _, tt := range tests {
		if got := inflected(tt.t, tt.w); got != tt.want {
			t.Errorf("inflected(%q, %q) = %v, want %v", tt.t, tt.w, got, tt.want)
		}
	}
}
