package extract

import (
	"testing"

	"github.com/inquest-project/inquest"
)

func TestQuestionsAttributed(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published inquest.Date
		want      Question
	}{
		{"asked by the speaker of the quotation, of a title resolved by date",
			"On March 3 a deputy, Aliya Nurova, asked the Prosecutor General: “Why were the names of the dead never published?”", "2022-03-10",
			Question{Text: "Why were the names of the dead never published?", Asker: "Aliya Nurova", Addressee: "Daniyar Bekov", AddresseeID: "bekov", AskedOn: "2022-03-03"}},
		{"Russian",
			"14 марта Тулегенов спросил у генпрокурора: «Почему задержанных не допускали к адвокатам?»", "2022-03-20",
			Question{Text: "Почему задержанных не допускали к адвокатам?", Asker: "Yerzhan Tulegenov", AskerID: "tulegenov", Addressee: "Daniyar Bekov", AddresseeID: "bekov", AskedOn: "2022-03-14"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(tt.text, Options{Published: tt.published, People: testPeople()})
			var got *Question
			for i := range res.Questions {
				if res.Questions[i].Text == tt.want.Text {
					got = &res.Questions[i]
				}
			}
			if got == nil {
				t.Fatalf("question %q not found in %+v", tt.want.Text, res.Questions)
			}
			if got.Asker != tt.want.Asker || got.AskerID != tt.want.AskerID || got.Addressee != tt.want.Addressee ||
				got.AddresseeID != tt.want.AddresseeID || got.AskedOn != tt.want.AskedOn {
				t.Errorf("got asker %q (%q) addressee %q (%q) on %q, want %q (%q) %q (%q) on %q",
					got.Asker, got.AskerID, got.Addressee, got.AddresseeID, got.AskedOn,
					tt.want.Asker, tt.want.AskerID, tt.want.Addressee, tt.want.AddresseeID, tt.want.AskedOn)
			}
		})
	}
}
