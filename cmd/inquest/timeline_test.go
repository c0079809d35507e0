package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store/storetest"
)

func TestTimelineCommand(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		checkCase(t, dsn)
		adds := []struct {
			args []string
			out  string
		}{
			{[]string{"--on", "2022-01-05", "--title", "State of emergency declared in Almaty", "--source", "1"},
				"event 1 on 2022-01-05 in january-events: State of emergency declared in Almaty"},
			{[]string{"--on", "unknown", "--title", "Detainees report torture", "--private"}, "event 2 on unknown in january-events"},
		}
		for _, a := range adds {
			code, out, errs := runCmd(t, append([]string{"events", "add", "--case", "january-events", "--db", dsn, "--by", "dana"}, a.args...)...)
			if code != 0 || !strings.Contains(out, a.out) {
				t.Fatalf("events add %q: exit %d, %q, %q", a.args, code, out, errs)
			}
		}
		code, out, errs := runCmd(t, "timeline", "--case", "january-events", "--db", dsn, "--format", "json")
		if code != 0 {
			t.Fatalf("timeline: exit %d, %s", code, errs)
		}
		checkCmdGolden(t, "timeline.golden.json", out)
		var tl struct {
			Days []struct {
				On    string `json:"on"`
				Items []struct {
					Kind        string `json:"kind"`
					Text        string `json:"text"`
					StatementID int64  `json:"statement_id"`
					Revises     string `json:"revises"`
					Suggested   bool   `json:"suggested"`
				} `json:"items"`
			} `json:"days"`
			Undated []struct {
				Kind    string `json:"kind"`
				Private bool   `json:"private"`
			} `json:"undated"`
		}
		if err := json.Unmarshal([]byte(out), &tl); err != nil {
			t.Fatal(err)
		}
		var days []string
		revised, event := false, false
		for _, d := range tl.Days {
			days = append(days, d.On)
			for _, it := range d.Items {
				revised = revised || (d.On == "2022-01-15" && it.Kind == "figure" && it.Revises == "164")
				event = event || (d.On == "2022-01-05" && it.Kind == "event")
			}
		}
		if !strings.HasPrefix(strings.Join(days, " "), "2022-01-05 2022-01-07 2022-01-10") {
			t.Errorf("days %q, want the event's day, then Tokayev's statement, then the first count", days)
		}
		if !revised || !event {
			t.Errorf("timeline lacks the 2022-01-05 event (%v) or the death toll revised from 164 on 2022-01-15 (%v):\n%s", event, revised, out)
		}
		if len(tl.Undated) == 0 || tl.Undated[0].Kind != "event" || !tl.Undated[0].Private {
			t.Errorf("undated items: %+v, want the private undated event first", tl.Undated)
		}

		code, out, errs = runCmd(t, "timeline", "--case", "january-events", "--db", dsn)
		if code != 0 {
			t.Fatalf("timeline text: exit %d, %s", code, errs)
		}
		checkCmdGolden(t, "timeline.golden.txt", out)
	})
}

func TestTimelineCommandsRefuseBadInput(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	checkCase(t, dsn)
	tests := []struct {
		args    []string
		message string
	}{
		{[]string{"events", "add", "--case", "january-events", "--on", "2022-01-05"}, "--on YYYY-MM-DD and --title are required"},
		{[]string{"events", "add", "--case", "january-events", "--on", "5 January", "--title", "x"}, `--on "5 January" is not a day`},
		{[]string{"events", "add", "--case", "january-events", "--on", "2022-01-05", "--title", "x", "--source", "abc"}, `source id "abc" is not a positive number`},
		{[]string{"events", "add", "--case", "january-events", "--on", "2022-01-05", "--title", "x", "--source", "99"}, "source 99"},
		{[]string{"events", "add", "--case", "nowhere", "--on", "2022-01-05", "--title", "x"}, `case "nowhere" does not exist`},
		{[]string{"events", "add", "--case", "january-events", "--on", "2022-01-05", "--title", "x", "stray"}, "events add takes only flags"},
		{[]string{"timeline"}, "--case SLUG is required"},
		{[]string{"timeline", "--case", "january-events", "--format", "csv"}, `--format "csv" is not one of text, json`},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(t, append(tt.args, "--db", dsn)...)
		if code == 0 || !strings.Contains(errs, tt.message) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want failure with %q", tt.args, code, out, errs, tt.message)
		}
	}
	code, out, _ := runCmd(t, "timeline", "--case", "january-events", "--db", dsn, "--format", "json")
	if code != 0 || strings.Contains(out, `"event"`) {
		t.Errorf("refused events were stored:\n%s", out)
	}
	for _, name := range []string{"events add", "timeline"} {
		code, _, errs := runCmd(t, append(strings.Fields(name), "-h")...)
		if code != 0 || !strings.Contains(errs, "Usage: inquest "+name) {
			t.Errorf("%s -h: exit %d, %q", name, code, errs)
		}
	}
}
