package analysis

import (
	"encoding/json"
	"testing"

	"github.com/inquest-project/inquest"
)

func TestBuildTimeline(t *testing.T) {
	r := TimelineRecord{
		Events: []*inquest.Event{
			{ID: 1, On: "2022-01-05", Title: "State of emergency declared in Almaty", SourceIDs: []int64{1}},
			{ID: 2, Title: "Detainees report torture", Private: true},
			{ID: 3, On: "2022-01-15", Title: "CSTO troops begin to leave"},
		},
		Statements: []*inquest.Statement{
			{ID: 10, SourceID: 1, SpeakerName: "Kassym-Jomart Tokayev", Text: "international terrorists", SaidOn: "2022-01-07", Review: inquest.Confirmed},
			{ID: 11, SourceID: 2, SpeakerName: "Berik Asylov", Text: "They were not there.", Review: inquest.Suggested},
			{ID: 12, SourceID: 1, SpeakerName: "Khabar 24", Text: "No foreigners.", SaidOn: "2022-01-10", Review: inquest.Rejected},
			{ID: 13, SourceID: 3, SpeakerName: "Someone", Text: "Undated words.", Review: inquest.Suggested},
		},
		Sources: []*inquest.Source{{ID: 1, Published: "2022-01-08"}, {ID: 2, Published: "2022-03-15"}, {ID: 3}},
		Figures: FigureRecord{Figures: []*inquest.Figure{
			{ID: 20, SourceID: 1, Measure: "deaths", Text: "164 people were killed", Value: 164, ClaimantName: "Ministry of Health", AsOf: "2022-01-10", Review: inquest.Confirmed},
			{ID: 21, SourceID: 1, Measure: "deaths", Text: "225 people died", Value: 225, ClaimantName: "Ministry of Health", AsOf: "2022-01-15", Review: inquest.Suggested},
			{ID: 22, SourceID: 3, Measure: "deaths", Text: "238 dead", Value: 238, ClaimantName: "Prosecutor General's Office", Review: inquest.Suggested},
			{ID: 23, SourceID: 1, Measure: "deaths", Text: "9000 dead", Value: 9000, Review: inquest.Rejected, AsOf: "2022-01-15"},
		}},
	}
	got := BuildTimeline(r)
	want := Timeline{
		Days: []Day{
			{On: "2022-01-05", Items: []Item{{Kind: ItemEvent, On: "2022-01-05", DatedBy: DatedOn, Text: "State of emergency declared in Almaty", EventID: 1, SourceIDs: []int64{1}}}},
			{On: "2022-01-07", Items: []Item{{Kind: ItemStatement, On: "2022-01-07", DatedBy: DatedOn, Text: "international terrorists",
				Who: "Kassym-Jomart Tokayev", StatementID: 10, SourceIDs: []int64{1}}}},
			{On: "2022-01-10", Items: []Item{{Kind: ItemFigure, On: "2022-01-10", DatedBy: DatedAsOf, Text: "164 people were killed",
				Who: "Ministry of Health", FigureID: 20, SourceIDs: []int64{1}, Measure: "deaths", Value: "164"}}},
			{On: "2022-01-15", Items: []Item{
				{Kind: ItemEvent, On: "2022-01-15", DatedBy: DatedOn, Text: "CSTO troops begin to leave", EventID: 3},
				{Kind: ItemFigure, On: "2022-01-15", DatedBy: DatedAsOf, Text: "225 people died", Who: "Ministry of Health", FigureID: 21,
					SourceIDs: []int64{1}, Suggested: true, Measure: "deaths", Value: "225", Revises: "164"},
			}},
			{On: "2022-03-15", Items: []Item{{Kind: ItemStatement, On: "2022-03-15", DatedBy: DatedPublished, Text: "They were not there.",
				Who: "Berik Asylov", StatementID: 11, SourceIDs: []int64{2}, Suggested: true}}},
		},
		Undated: []Item{
			{Kind: ItemEvent, Text: "Detainees report torture", EventID: 2, Private: true},
			{Kind: ItemStatement, Text: "Undated words.", Who: "Someone", StatementID: 13, SourceIDs: []int64{3}, Suggested: true},
			{Kind: ItemFigure, Text: "238 dead", Who: "Prosecutor General's Office", FigureID: 22, SourceIDs: []int64{3}, Suggested: true,
				Measure: "deaths", Value: "238"},
		},
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	if string(g) != string(w) {
		t.Errorf("timeline:\n%s\nwant:\n%s", g, w)
	}
}

func TestBuildTimelineEmpty(t *testing.T) {
	got, err := json.Marshal(BuildTimeline(TimelineRecord{}))
	if err != nil || string(got) != `{"days":[],"undated":[]}` {
		t.Errorf("empty timeline: %s, %v", got, err)
	}
}
