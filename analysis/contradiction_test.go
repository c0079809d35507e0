package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
)

// People of the January events, with the offices that resolve by date.
var testPeople = []*inquest.Person{
	{ID: 1, Slug: "tokayev", Name: "Kassym-Jomart Tokayev", Positions: []inquest.Position{
		{Title: "President of Kazakhstan", Aliases: []string{"the President", "Head of State", "глава государства"}, From: "2019-03-20"}}},
	{ID: 2, Slug: "asylov", Name: "Berik Asylov", Positions: []inquest.Position{
		{Title: "Prosecutor General of Kazakhstan", Aliases: []string{"the Prosecutor General", "General Prosecutor", "генпрокурор"}, From: "2022-02-25"}}},
	{ID: 3, Slug: "nurdauletov", Name: "Gizat Nurdauletov", Positions: []inquest.Position{
		{Title: "Prosecutor General of Kazakhstan", Aliases: []string{"the Prosecutor General"}, From: "2019-09-16", To: "2022-02-24"}}},
	{ID: 4, Slug: "putin", Name: "Vladimir Putin", Positions: []inquest.Position{
		{Title: "President of Russia", Aliases: []string{"Russian President"}, From: "2012-05-07"}}},
}

const claim = 10

// st is a statement by a known person (pid) or by a name as the text gives it.
func st(id, pid int64, name string, on inquest.Date) *inquest.Statement {
	return &inquest.Statement{ID: id, CaseID: 1, SourceID: 100 + id, PersonID: pid, SpeakerName: name, SaidOn: on,
		Text: fmt.Sprintf("statement %d", id), Review: inquest.Suggested}
}

func stance(statementID int64, k inquest.StanceKind) *inquest.Stance {
	return &inquest.Stance{ID: statementID * 7, StatementID: statementID, ClaimID: claim, Stance: k, Review: inquest.Suggested}
}

// describe renders a contradiction the way a test reads best.
func describe(c *inquest.Contradiction) string {
	s := fmt.Sprintf("%s %d>%d", c.Kind, c.AStatementID, c.BStatementID)
	if c.Degree != "" {
		s += " " + c.Degree
	}
	return s
}

func describeAll(cs []*inquest.Contradiction) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, describe(c))
	}
	return out
}

func TestContradictions(t *testing.T) {
	rejected := func(s *inquest.Stance) *inquest.Stance { s.Review = inquest.Rejected; return s }
	confirmed := func(s *inquest.Stance) *inquest.Stance { s.Review = inquest.Confirmed; return s }
	rejectedSt := func(s *inquest.Statement) *inquest.Statement { s.Review = inquest.Rejected; return s }
	withRole := func(s *inquest.Statement, role string) *inquest.Statement { s.SpeakerRole = role; return s }
	tests := []struct {
		name       string
		statements []*inquest.Statement
		stances    []*inquest.Stance
		want       []string
	}{
		{
			name:       "president against prosecutor general is between",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 2, "Asylov", "2022-03-14")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), confirmed(stance(2, inquest.Denies))},
			want:       []string{"between 1>2"},
		},
		{
			name:       "A is the earlier statement whatever the ids",
			statements: []*inquest.Statement{st(1, 2, "Asylov", "2022-03-14"), st(2, 1, "Tokayev", "2022-01-07")},
			stances:    []*inquest.Stance{stance(1, inquest.Denies), stance(2, inquest.Supports)},
			want:       []string{"between 2>1"},
		},
		{
			name:       "an office without a person is an actor against the President",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 0, "Prosecutor General's Office", "2022-03-14")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{"between 1>2"},
		},
		{
			name: "the office against its own holder is a reversal of the office",
			statements: []*inquest.Statement{st(1, 0, "Prosecutor General's Office", "2022-01-20"),
				st(2, 2, "Asylov", "2022-03-14")},
			stances: []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:    []string{"reversal 1>2 full flop"},
		},
		{
			name:       "two holders of one office, resolved by date, reverse the office",
			statements: []*inquest.Statement{st(1, 3, "Nurdauletov", "2022-01-20"), st(2, 2, "Asylov", "2022-03-14")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{"reversal 1>2 full flop"},
		},
		{
			name:       "a role alias names the office",
			statements: []*inquest.Statement{withRole(st(1, 0, "", "2022-01-20"), "the Prosecutor General"), withRole(st(2, 0, "", "2022-03-14"), "генпрокурор")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{"reversal 1>2 full flop"},
		},
		{
			name:       "same person supports then denies: full flop",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 1, "Tokayev", "2022-03-16")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{"reversal 1>2 full flop"},
		},
		{
			name:       "denies then supports is a full flop too",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-03-16"), st(2, 1, "Tokayev", "2022-01-07")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{"reversal 2>1 full flop"},
		},
		{
			name:       "supports then qualifies: half flip",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 1, "Tokayev", "2022-03-16")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Qualifies)},
			want:       []string{"reversal 1>2 half flip"},
		},
		{
			name:       "qualifies then denies: half flip",
			statements: []*inquest.Statement{st(1, 0, "Khabar 24", "2022-01-07"), st(2, 0, "khabar 24", "2022-03-16")},
			stances:    []*inquest.Stance{stance(1, inquest.Qualifies), stance(2, inquest.Denies)},
			want:       []string{"reversal 1>2 half flip"},
		},
		{
			name:       "same stance again: no flip, nothing to report",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 1, "Tokayev", "2022-03-16")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Supports)},
			want:       []string{},
		},
		{
			name:       "one actor both ways on one day is no reversal",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 1, "Tokayev", "2022-01-07")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{},
		},
		{
			name:       "different actors qualifying is no contradiction",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 2, "Asylov", "2022-03-14")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Qualifies)},
			want:       []string{},
		},
		{
			name:       "a rejected stance never counts",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 2, "Asylov", "2022-03-14")},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), rejected(stance(2, inquest.Denies))},
			want:       []string{},
		},
		{
			name:       "a rejected statement never counts",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), rejectedSt(st(2, 2, "Asylov", "2022-03-14"))},
			stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)},
			want:       []string{},
		},
		{
			name: "three actors",
			statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 4, "Putin", "2022-01-10"),
				st(3, 2, "Asylov", "2022-03-14")},
			stances: []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Supports), stance(3, inquest.Denies)},
			want:    []string{"between 1>3", "between 2>3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeAll(Contradictions(Record{CaseID: 1, Statements: tt.statements, Stances: tt.stances, People: testPeople}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDismissedStaysDismissedAfterReanalysis(t *testing.T) {
	r := Record{CaseID: 1, People: testPeople,
		Statements: []*inquest.Statement{st(1, 1, "Tokayev", "2022-01-07"), st(2, 2, "Asylov", "2022-03-14"), st(3, 4, "Putin", "2022-01-10")},
		Stances:    []*inquest.Stance{stance(1, inquest.Supports), stance(2, inquest.Denies)}}
	stored := Contradictions(r)
	if len(stored) != 1 {
		t.Fatalf("got %q, want one contradiction", describeAll(stored))
	}
	stored[0].ID = 41
	stored[0].Status = inquest.ContradictionDismissed
	stored[0].Note = "different periods"
	stored[0].DecidedBy = "aigerim"

	// A new stance adds a contradiction; the analysis runs again from scratch.
	r.Stances = append(r.Stances, stance(3, inquest.Supports))
	again := Contradictions(r)
	Carry(again, stored)
	got := map[string]string{}
	for _, c := range again {
		got[describe(c)] = fmt.Sprintf("%d %s %q %s", c.ID, c.Status, c.Note, c.DecidedBy)
	}
	want := map[string]string{
		"between 1>2": `41 dismissed "different periods" aigerim`,
		"between 3>2": `0 suggested "" `,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestKeySurvivesCorrectedDate(t *testing.T) {
	a := &inquest.Contradiction{ClaimID: 10, AStatementID: 5, BStatementID: 3}
	b := &inquest.Contradiction{ClaimID: 10, AStatementID: 3, BStatementID: 5}
	if KeyOf(a) != KeyOf(b) {
		t.Errorf("KeyOf(%v) = %v, KeyOf(%v) = %v; want equal", a, KeyOf(a), b, KeyOf(b))
	}
}

func TestDegreeOf(t *testing.T) {
	tests := []struct {
		a, b inquest.StanceKind
		want Degree
	}{
		{inquest.Supports, inquest.Supports, NoFlip},
		{inquest.Supports, inquest.Denies, FullFlop},
		{inquest.Denies, inquest.Supports, FullFlop},
		{inquest.Supports, inquest.Qualifies, HalfFlip},
		{inquest.Qualifies, inquest.Denies, HalfFlip},
		{inquest.Qualifies, inquest.Qualifies, NoFlip},
	}
	for _, tt := range tests {
		if got := DegreeOf(tt.a, tt.b); got != tt.want {
			t.Errorf("DegreeOf(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNormalizeOffice(t *testing.T) {
	tests := map[string]string{
		"the Prosecutor General's Office":  "prosecutor general",
		"Office of the Prosecutor General": "prosecutor general",
		"Prosecutor General’s office":      "prosecutor general",
		"Ministry of Internal Affairs":     "ministry of internal affairs",
		"  KNB ":                           "knb",
		"Генпрокурор":                      "генпрокурор",
	}
	for in, want := range tests {
		if got := normalizeOffice(in); got != want {
			t.Errorf("normalizeOffice(%q) = %q, want %q", in, got, want)
		}
	}
}
