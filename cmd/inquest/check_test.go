package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// -update rewrites the golden files; another test file of this package may
// have defined the flag already, and a flag can be defined only once.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updatingCheckGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkCase stores a small January-events case: the President's
// "international terrorists" against the Prosecutor General's "They were not
// there", the President's own later words, the death toll revised, two
// agencies' counts, a breakdown that does not add up, and Abildayev's CSTO
// question.
func checkCase(t *testing.T, dsn string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := storetest.NewCase(t, db, "january-events")
	text := "Tokayev spoke of international terrorists. Asylov: They were not there."
	src := storetest.NewSource(t, db, c.ID, "https://example.org/majilis", "<p>"+text+"</p>", text)
	people := []*inquest.Person{
		{Slug: "tokayev", Name: "Kassym-Jomart Tokayev", Positions: []inquest.Position{{Title: "President of Kazakhstan", From: "2019-03-20"}}},
		{Slug: "asylov", Name: "Berik Asylov", Positions: []inquest.Position{{Title: "Prosecutor General of Kazakhstan",
			Aliases: []string{"the Prosecutor General"}, From: "2022-02-25"}}},
		{Slug: "abildayev", Name: "Azamat Abildayev"},
	}
	for _, p := range people {
		if err := db.UpsertPerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists or militants took part in the January events."}
	if err := db.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	statements := []struct {
		person  int // index in people, -1 for none
		speaker string
		on      inquest.Date
		text    string
		stance  inquest.StanceKind
		review  inquest.Review
	}{
		{0, "Tokayev", "2022-01-07", "Kazakhstan was attacked by international terrorists.", inquest.Supports, inquest.Confirmed},
		{1, "Asylov", "2022-03-14", "They were not there.", inquest.Denies, inquest.Suggested},
		{-1, "Prosecutor General's Office", "2022-01-20", "Foreign militants were among the attackers.", inquest.Supports, inquest.Suggested},
		{0, "Tokayev", "2022-03-16", "There was no foreign interference as such.", inquest.Qualifies, inquest.Suggested},
		{-1, "Khabar 24", "2022-01-10", "No foreigners were found.", inquest.Denies, inquest.Rejected},
	}
	for i, s := range statements {
		st := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: s.speaker, Text: s.text, Start: i * 10, End: i*10 + 9,
			SaidOn: s.on, Review: inquest.Suggested}
		if s.person >= 0 {
			st.PersonID = people[s.person].ID
		}
		if err := db.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st.ID, ClaimID: claim.ID, Stance: s.stance, Review: s.review}); err != nil {
			t.Fatal(err)
		}
	}
	deaths := &inquest.Measure{CaseID: c.ID, Slug: "deaths", Name: "deaths"}
	security := &inquest.Measure{CaseID: c.ID, Slug: "security-force-deaths", Name: "security-force deaths"}
	for _, m := range []*inquest.Measure{deaths, security} {
		if err := db.UpsertMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetMeasurePart(ctx, security.ID, deaths.ID); err != nil {
		t.Fatal(err)
	}
	figures := []*inquest.Figure{
		{Measure: "deaths", Text: "164 people were killed", Value: 164, ClaimantName: "Ministry of Health", AsOf: "2022-01-10"},
		{Measure: "killed", Text: "225 people died", Value: 225, ClaimantName: "Ministry of Health", AsOf: "2022-01-15"},
		{Measure: "deaths", Text: "238 people died", Value: 238, ClaimantName: "Prosecutor General's Office", AsOf: "2022-01-15"},
		{Measure: "security force deaths", Text: "19 law-enforcement officers", Value: 19, ClaimantName: "Ministry of Internal Affairs", AsOf: "2022-01-10"},
		{Measure: "security force deaths", Text: "more than 170 officers", Value: 170, Qualifier: "more than", ClaimantName: "Ministry of Health", AsOf: "2022-01-10"},
	}
	for i, f := range figures {
		f.CaseID, f.SourceID, f.Start, f.End = c.ID, src.ID, 100+i*10, 105+i*10
		if err := db.AddFigure(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	questions := []*inquest.Question{
		{Text: "Why was the authority waiting for 2,000 CSTO peacekeepers?", AskerID: people[2].ID, AddresseeName: "Prosecutor General",
			AskedOn: "2022-03-14", Venue: "Majilis"},
		{Text: "How many died?", AskerName: "a journalist", AskedOn: "2022-01-11", Status: inquest.Answered},
		{Text: "Who gave the order to shoot to kill?", AskerName: "Human Rights Watch", AddresseeName: "Kassym-Jomart Tokayev",
			AskedOn: "2022-01-12", Status: inquest.Evaded},
	}
	for i, q := range questions {
		q.CaseID, q.SourceID, q.Start, q.End = c.ID, src.ID, 200+i*10, 205+i*10
		if err := db.AddQuestion(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestCheckCommand(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		db := checkCase(t, dsn)
		args := []string{"check", "--case", "january-events", "--db", dsn, "--today", "2026-11-26"}

		code, out, errs := runCmd(t, append(args, "--format", "json")...)
		if code != 0 {
			t.Fatalf("check: exit %d, stderr %q", code, errs)
		}
		checkCmdGolden(t, "check.golden.json", out)
		var report struct {
			Contradictions []struct {
				ID     int64  `json:"id"`
				Claim  string `json:"claim"`
				Kind   string `json:"kind"`
				Status string `json:"status"`
				A, B   struct {
					Speaker   string  `json:"speaker"`
					SpeakerID *string `json:"speaker_id"`
					Text      string  `json:"text"`
				}
			} `json:"contradictions"`
			FigureConflicts []struct {
				Reason string `json:"reason"`
			} `json:"figure_conflicts"`
			OpenQuestions []struct {
				Asker    string `json:"asker"`
				AskedOn  string `json:"asked_on"`
				DaysOpen int    `json:"days_open"`
			} `json:"open_questions"`
		}
		if err := json.Unmarshal([]byte(out), &report); err != nil {
			t.Fatalf("check --format json is not JSON: %v\n%s", err, out)
		}
		var tokayevAsylov int64
		for _, c := range report.Contradictions {
			if c.Kind == "between" && c.A.Speaker == "Kassym-Jomart Tokayev" && c.B.Text == "They were not there." &&
				c.B.SpeakerID != nil && *c.B.SpeakerID == "asylov" && c.Claim == "foreign-terrorists" {
				tokayevAsylov = c.ID
			}
			if strings.Contains(c.A.Text+c.B.Text, "No foreigners") {
				t.Errorf("a rejected stance made contradiction %d", c.ID)
			}
		}
		if tokayevAsylov == 0 {
			t.Errorf("no contradiction between Tokayev's terrorists and Asylov's 'They were not there':\n%s", out)
		}
		if len(report.OpenQuestions) == 0 || report.OpenQuestions[1].Asker != "Azamat Abildayev" || report.OpenQuestions[1].DaysOpen != 1718 {
			t.Errorf("open questions: %+v, want Abildayev's asked 2022-03-14 open for 1718 days by 2026-11-26", report.OpenQuestions)
		}

		// An analyst dismisses it; checking again keeps it dismissed, same id.
		ctx := context.Background()
		if err := db.SetContradictionStatus(ctx, tokayevAsylov, inquest.ContradictionDismissed, "test", "aigerim"); err != nil {
			t.Fatal(err)
		}
		code, out, errs = runCmd(t, append(args, "--format", "json")...)
		if code != 0 || !strings.Contains(out, `"status": "dismissed"`) {
			t.Fatalf("check after dismissal: exit %d, stderr %q:\n%s", code, errs, out)
		}
		if err := json.Unmarshal([]byte(out), &report); err != nil {
			t.Fatal(err)
		}
		for _, c := range report.Contradictions {
			if (c.ID == tokayevAsylov) != (c.Status == "dismissed") {
				t.Errorf("after dismissing %d and checking again: contradiction %d is %s", tokayevAsylov, c.ID, c.Status)
			}
		}

		code, out, errs = runCmd(t, args...)
		if code != 0 {
			t.Fatalf("check --format text: exit %d, stderr %q", code, errs)
		}
		checkCmdGolden(t, "check.golden.txt", out)
	})
}

func TestCheckEmptyCaseListsAreEmpty(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		db, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		storetest.NewCase(t, db, "quiet")
		db.Close()
		code, out, errs := runCmd(t, "check", "--case", "quiet", "--db", dsn, "--format", "json", "--today", "2022-06-01")
		if code != 0 {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		for _, field := range []string{`"contradictions": []`, `"figure_conflicts": []`, `"open_questions": []`} {
			if !strings.Contains(out, field) {
				t.Errorf("output lacks %s:\n%s", field, out)
			}
		}
	})
}

func TestCheckRefusesBadInput(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	storetest.NewCase(t, db, "january-events")
	db.Close()
	tests := []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"check", "--case", "no-such-case", "--db", dsn}, 2, `there is no case "no-such-case"`},
		{[]string{"check", "--db", dsn}, 2, "--case SLUG is required"},
		{[]string{"check", "--case", "january-events", "--db", dsn, "--format", "yaml"}, 2, `--format "yaml" is not one of text, json`},
		{[]string{"check", "--case", "january-events", "--db", dsn, "--today", "14 March"}, 2, `--today "14 March" is not a day`},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.message) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errs, tt.code, tt.message)
		}
	}
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkCmdGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updatingCheckGolden() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs from %s at line %d:\n got %q\nwant %q\n(run go test -run %s -update if the change is intended)",
					t.Name(), path, i+1, g, w, t.Name())
				return
			}
		}
	}
}

// TestReanalyseOneChangeMatchesFullCheck changes one stance, then one
// statement, re-analyses only what each can affect, and checks that a full
// check afterwards finds exactly the same contradictions, verdicts included.
func TestReanalyseOneChangeMatchesFullCheck(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := checkCase(t, dsn)
		c, err := db.CaseBySlug(ctx, "january-events")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := check(ctx, db, c.Slug, "2026-11-26"); err != nil {
			t.Fatal(err)
		}
		listed := func() []string {
			cs, err := db.Contradictions(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			out := []string{}
			for _, x := range cs {
				out = append(out, fmt.Sprintf("#%d %s %d>%d %s %s", x.ID, x.Kind, x.AStatementID, x.BStatementID, x.Degree, x.Status))
			}
			return out
		}
		first := listed()
		if err := db.SetContradictionStatus(ctx, 3, inquest.ContradictionDismissed, "the office spoke before Asylov took it", "aigerim"); err != nil {
			t.Fatal(err)
		}
		stances, err := db.Stances(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		claimID := stances[0].ClaimID
		changes := []struct {
			name   string
			change func() inquest.ContradictionScope
		}{
			{"Khabar's rejected denial is restored as a suggestion", func() inquest.ContradictionScope {
				// Statement 5's stance was rejected; an analyst reopens it.
				if _, err := db.RawExec(ctx, "UPDATE stances SET review = ? WHERE statement_id = ?", "suggested", 5); err != nil {
					t.Fatal(err)
				}
				return inquest.ContradictionScope{ClaimID: claimID, StatementID: 5}
			}},
			{"Asylov's denial is rejected", func() inquest.ContradictionScope {
				s := &inquest.Stance{StatementID: 2, ClaimID: claimID, Stance: inquest.Denies, Review: inquest.Rejected}
				if err := db.AddStance(ctx, s); err != nil {
					t.Fatal(err)
				}
				return inquest.ContradictionScope{ClaimID: claimID, StatementID: 2}
			}},
			{"Asylov's denial comes back, the dismissal with it", func() inquest.ContradictionScope {
				if _, err := db.RawExec(ctx, "UPDATE stances SET review = ? WHERE statement_id = ?", "confirmed", 2); err != nil {
					t.Fatal(err)
				}
				return inquest.ContradictionScope{ClaimID: claimID, StatementID: 2}
			}},
			{"the President's first statement is rejected", func() inquest.ContradictionScope {
				if err := db.SetStatementReview(ctx, 1, inquest.Rejected, "aigerim"); err != nil {
					t.Fatal(err)
				}
				return inquest.ContradictionScope{StatementID: 1}
			}},
		}
		var history [][]string
		for _, ch := range changes {
			if _, err := reanalyse(ctx, db, c.ID, ch.change()); err != nil {
				t.Fatalf("%s: %v", ch.name, err)
			}
			incremental := listed()
			if _, err := check(ctx, db, c.Slug, "2026-11-26"); err != nil {
				t.Fatal(err)
			}
			if full := listed(); !slices.Equal(incremental, full) {
				t.Errorf("%s:\nincremental %q\nfull check  %q", ch.name, incremental, full)
			}
			history = append(history, incremental)
		}
		// The changes were real: the list moved, and the dismissal survived.
		if slices.Equal(history[0], first) || slices.Equal(history[1], history[0]) {
			t.Errorf("a change left the contradictions as they were: %q", history)
		}
		if !slices.ContainsFunc(history[2], func(s string) bool { return strings.HasPrefix(s, "#3 ") && strings.HasSuffix(s, " dismissed") }) {
			t.Errorf("contradiction 3 did not come back dismissed: %q", history[2])
		}
	})
}
