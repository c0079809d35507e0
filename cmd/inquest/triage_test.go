package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// checkJSON runs check on the case of checkCase and decodes what triage
// changes: contradictions with their status and open questions.
func checkJSON(t *testing.T, dsn string) (contradictions map[int64]string, open []int64) {
	t.Helper()
	code, out, errs := runCmd(t, "check", "--case", "january-events", "--db", dsn, "--format", "json", "--today", "2026-11-26")
	if code != 0 {
		t.Fatalf("check: exit %d, %s", code, errs)
	}
	var r struct {
		Contradictions []struct {
			ID     int64  `json:"id"`
			Status string `json:"status"`
		} `json:"contradictions"`
		OpenQuestions []struct {
			ID int64 `json:"id"`
		} `json:"open_questions"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	contradictions = map[int64]string{}
	for _, c := range r.Contradictions {
		contradictions[c.ID] = c.Status
	}
	for _, q := range r.OpenQuestions {
		open = append(open, q.ID)
	}
	return contradictions, open
}

func TestTriageCommands(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		db := checkCase(t, dsn)
		before, open := checkJSON(t, dsn)
		// Contradiction 1 is Tokayev's terrorists against Asylov's "They
		// were not there" (statements 1 and 2), as the check golden file shows.
		if before[1] != "suggested" {
			t.Fatalf("contradiction 1 before triage: %q", before[1])
		}
		steps := []struct {
			args []string
			out  string
		}{
			{[]string{"contradictions", "confirm", "1", "--note", "the two versions cannot both hold", "--by", "aigerim"}, "contradiction 1 confirmed by aigerim"},
			{[]string{"contradictions", "dismiss", "2", "--by", "aigerim", "--note", "an office's early line"}, "contradiction 2 dismissed by aigerim"},
			// Asylov's denial removed: contradiction 1 goes; restored: it
			// comes back, still confirmed.
			{[]string{"stance", "set", "--statement", "2", "--claim", "foreign-terrorists", "--stance", "none", "--by", "dana", "--note", "misread"},
				"statement 2: stance on foreign-terrorists removed by dana"},
			{[]string{"stance", "set", "--statement", "2", "--claim", "foreign-terrorists", "--stance", "denies", "--by", "dana"},
				"#1 between, statements 1 and 2, confirmed"},
			// Rejecting the President's first statement takes contradiction 1
			// away; confirming it brings it back, still confirmed.
			{[]string{"statements", "review", "1", "rejected", "--by", "dana"}, "statement 1 rejected by dana; re-analysed: 0 contradictions of it hold"},
			{[]string{"statements", "review", "1", "confirmed", "--by", "dana"}, "statement 1 confirmed by dana; re-analysed: 2 contradictions of it hold"},
			{[]string{"measures", "create", "--case", "january-events", "deaths-in-custody", "--part-of", "deaths", "--by", "dana"},
				"measure deaths-in-custody (id 3) of case january-events: deaths in custody, a part of deaths"},
			{[]string{"figures", "assign", "1", "deaths-in-custody", "--by", "dana"}, `figure 1 ("164 people were killed") counts deaths in custody`},
			{[]string{"measures", "list", "--case", "january-events"}, "deaths-in-custody        deaths in custody (1 figure assigned, part of deaths)"},
			{[]string{"figures", "assign", "1", "none"}, "figure 1 (\"164 people were killed\") unassigned"},
			{[]string{"questions", "answer", "1", "--statement", "2", "--by", "dana"}, "question 1 answered by statement 2"},
			{[]string{"questions", "status", "3", "refused", "--by", "dana", "--note", "the office declined"}, "question 3 is refused"},
		}
		for _, s := range steps {
			code, out, errs := runCmd(t, append(s.args, "--db", dsn)...)
			if code != 0 || !strings.Contains(out, s.out) {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", s.args, code, out, errs, s.out)
			}
		}
		after, openAfter := checkJSON(t, dsn)
		if after[1] != "confirmed" || after[2] != "dismissed" {
			t.Errorf("after triage: contradiction 1 %q, 2 %q; want confirmed and dismissed", after[1], after[2])
		}
		if len(open) != 2 || len(openAfter) != 0 {
			t.Errorf("open questions before %v, after answering one and refusing the other %v", open, openAfter)
		}
		// The stance decision is on record, with who and why.
		stances, err := db.Stances(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stances {
			if s.StatementID == 2 && (s.Stance != inquest.Denies || s.Review != inquest.Confirmed || s.DecidedBy != "dana") {
				t.Errorf("statement 2's stance: %+v", s)
			}
		}
	})
}

func TestTriageCommandsRefuseBadInput(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	checkCase(t, dsn)
	if code, _, errs := runCmd(t, "check", "--case", "january-events", "--db", dsn); code != 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"contradictions", "confirm", "1", "--by", "dana"}, 2, "--note TEXT is required"},
		{[]string{"contradictions", "confirm", "1", "--note", "x"}, 2, "--by NAME is required"},
		{[]string{"contradictions", "dismiss", "99", "--note", "x", "--by", "dana"}, 2, "there is no contradiction 99"},
		{[]string{"contradictions", "dismiss", "one", "--note", "x", "--by", "dana"}, 2, `contradiction id "one" is not a positive number`},
		{[]string{"contradictions", "dismiss", "--note", "x", "--by", "dana"}, 2, "give exactly one contradiction id"},
		{[]string{"stance", "set", "--statement", "2", "--claim", "foreign-terrorists", "--by", "dana"}, 2, "--stance are all required"},
		{[]string{"stance", "set", "--statement", "2", "--claim", "foreign-terrorists", "--stance", "refutes", "--by", "dana"}, 2,
			`--stance "refutes" is not supports, denies, qualifies or none`},
		{[]string{"stance", "set", "--statement", "2", "--claim", "coup", "--stance", "denies", "--by", "dana"}, 2,
			`no claim "coup"; its claims are: foreign-terrorists`},
		{[]string{"stance", "set", "--statement", "42", "--claim", "foreign-terrorists", "--stance", "denies", "--by", "dana"}, 2, "there is no statement 42"},
		{[]string{"stance", "set", "--statement", "2", "--claim", "foreign-terrorists", "--stance", "denies", "--review", "rejected", "--by", "dana"}, 2,
			"use --stance none to remove a stance"},
		{[]string{"statements", "review", "1", "approved", "--by", "dana"}, 2, `review "approved" is not confirmed, rejected or suggested`},
		{[]string{"statements", "review", "99", "rejected", "--by", "dana"}, 2, "statement 99 does not exist"},
		{[]string{"measures", "create", "--case", "january-events", "Deaths!"}, 2, "must be lower-case letters"},
		{[]string{"measures", "create", "--case", "nowhere", "deaths"}, 2, `case "nowhere" does not exist`},
		{[]string{"measures", "create", "--case", "january-events", "x", "--part-of", "nothing"}, 2, `has no measure "nothing"; its measures are: deaths, security-force-deaths`},
		{[]string{"measures", "list"}, 2, "--case SLUG is required"},
		{[]string{"figures", "assign", "1"}, 2, "give a figure id and a measure slug"},
		{[]string{"figures", "assign", "77", "deaths"}, 2, "there is no figure 77"},
		{[]string{"figures", "assign", "1", "troops"}, 2, `no measure "troops"`},
		{[]string{"questions", "answer", "1", "--by", "dana"}, 2, "--statement ID is required"},
		{[]string{"questions", "answer", "1", "--statement", "99", "--by", "dana"}, 2, "statement 99 does not exist"},
		{[]string{"questions", "status", "1", "answered", "--by", "dana"}, 2, "inquest questions answer 1 --statement ID"},
		{[]string{"questions", "status", "1", "pending", "--by", "dana"}, 2, `status "pending" is not open, evaded or refused`},
		{[]string{"questions", "status", "99", "evaded", "--by", "dana"}, 2, "question 99 does not exist"},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(t, append(tt.args, "--db", dsn)...)
		if code != tt.code || !strings.Contains(errs, tt.message) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errs, tt.code, tt.message)
		}
	}
	// Nothing refused was stored: the check reads as before.
	contradictions, open := checkJSON(t, dsn)
	for id, status := range contradictions {
		if status != "suggested" {
			t.Errorf("contradiction %d is %s after refused commands", id, status)
		}
	}
	if len(open) != 2 {
		t.Errorf("open questions after refused commands: %v", open)
	}
	for _, name := range []string{"contradictions confirm", "contradictions dismiss", "stance set", "statements review", "measures list", "measures create",
		"figures assign", "questions answer", "questions status"} {
		code, _, errs := runCmd(t, append(strings.Fields(name), "-h")...)
		if code != 0 || !strings.Contains(errs, "Usage: inquest "+name) {
			t.Errorf("%s -h: exit %d, %q", name, code, errs)
		}
	}
}
