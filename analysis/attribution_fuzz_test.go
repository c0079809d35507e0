package analysis

import (
	"testing"

	"github.com/inquest-project/inquest"
)

// FuzzFigureSpeaker reads arbitrary text around arbitrary spans: attribution
// must never panic, and a name it gives must be words of the sentence.
func FuzzFigureSpeaker(f *testing.F) {
	f.Add("State TV channel Khabar 24 reported 164 people had been killed.", 35, 61)
	f.Add("погибли 230 человек, сообщил генеральный прокурор Берик Асылов.", 0, 19)
	f.Add("Он сказал… «20 тысяч» — сообщает Sputnik", 13, 21)
	f.Add("", 0, 0)
	f.Add("said said said", -3, 99)
	people := []*inquest.Person{{ID: 2, Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"},
		Positions: []inquest.Position{{Title: "Prosecutor General", Aliases: []string{"генеральный прокурор"}}}}}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		a := newAttributor(people, []*inquest.Source{{ID: 1, Text: text}}, nil)
		sp, ok := a.speaker(&inquest.Figure{SourceID: 1, Start: start, End: end})
		if ok && sp.personID == 0 && sp.name == "" {
			t.Errorf("attributed to nobody: %q [%d,%d)", text, start, end)
		}
	})
}
