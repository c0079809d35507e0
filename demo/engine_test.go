package demo

import (
	"testing"

	"github.com/inquest-project/inquest/extract"
)

func TestReviewedEngineLeavesOutContradictedSuggestions(t *testing.T) {
	text := "Deputies asked. “They were not there,” the Prosecutor General said on 14 March. “Other words,” he added."
	e := reviewedEngine{decisions: []decision{{Quote: "They were not there", Speaker: "asylov", SaidOn: "2022-03-14"}}}
	start, end, ok := runeSpan(text, "They were not there")
	if !ok {
		t.Fatal("quotation not found")
	}
	other, otherEnd, _ := runeSpan(text, "Other words")
	tests := []struct {
		name string
		q    extract.Quote
		want bool
	}{
		{"same speaker and day", extract.Quote{Span: extract.Span{Start: start, End: end}, SpeakerID: "asylov", SaidOn: "2022-03-14"}, false},
		{"another speaker", extract.Quote{Span: extract.Span{Start: start, End: end}, SpeakerID: "nurdauletov", SaidOn: "2022-03-14"}, true},
		{"speaker unresolved", extract.Quote{Span: extract.Span{Start: start - 1, End: end + 1}, SaidOn: "2022-03-14"}, true},
		{"another day", extract.Quote{Span: extract.Span{Start: start, End: end}, SpeakerID: "asylov", SaidOn: "2022-03-15"}, true},
		{"day unknown", extract.Quote{Span: extract.Span{Start: start, End: end}, SpeakerID: "asylov"}, true},
		{"an undecided quotation", extract.Quote{Span: extract.Span{Start: other, End: otherEnd}, SpeakerID: "someone"}, false},
	}
	for _, tt := range tests {
		if got := e.contradicted(text, tt.q); got != tt.want {
			t.Errorf("%s: contradicted = %v, want %v", tt.name, got, tt.want)
		}
	}
}
