package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
)

func TestOpenQuestions(t *testing.T) {
	qs := []*inquest.Question{
		{ID: 1, Text: "Why was the authority waiting for 2,000 CSTO peacekeepers?", AskerName: "Azamat Abildayev",
			AddresseeName: "Prosecutor General", AskedOn: "2022-03-14", Status: inquest.Open, Review: inquest.Suggested},
		{ID: 2, Text: "Who gave the order to shoot?", AskedOn: "2022-01-20", Status: inquest.Evaded, Review: inquest.Confirmed},
		{ID: 3, Text: "How many died?", AskedOn: "2022-01-12", Status: inquest.Open, AnswerStatementID: 9, Review: inquest.Confirmed},
		{ID: 4, Text: "Will you publish the names?", AskedOn: "2022-02-01", Status: inquest.Refused, Review: inquest.Confirmed},
		{ID: 5, Text: "Not a question to anyone", AskedOn: "2022-01-01", Status: inquest.Open, Review: inquest.Rejected},
		{ID: 6, Text: "When was it asked?", Status: "", Review: inquest.Suggested},
	}
	tests := []struct {
		today inquest.Date
		want  []string
	}{
		{"2022-03-15", []string{"2 evaded 54", "1 open 1", "6 open -1"}},
		{"2022-04-14", []string{"2 evaded 84", "1 open 31", "6 open -1"}},
		{"2026-11-26", []string{"2 evaded 1771", "1 open 1718", "6 open -1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, o := range OpenQuestions(qs, tt.today) {
			got = append(got, fmt.Sprintf("%d %s %d", o.Question.ID, o.Status, o.DaysOpen))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("today %s: got %q, want %q", tt.today, got, tt.want)
		}
	}
}
