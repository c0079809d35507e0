package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestSourcesList(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		if code, _, stderr := runCLI(t, "", "demo", "--load-only", "--db", dsn); code != 0 {
			t.Fatalf("demo --load-only = %d %s", code, stderr)
		}
		code, stdout, stderr := runCLI(t, "", "sources", "list", "--case", "january-events", "--format", "json", "--db", dsn)
		if code != 0 {
			t.Fatalf("sources list = %d %s", code, stderr)
		}
		var lines []map[string]any
		if err := json.Unmarshal([]byte(stdout), &lines); err != nil {
			t.Fatalf("sources list --format json is not a JSON array: %v\n%s", err, stdout)
		}
		if len(lines) != 6 {
			t.Fatalf("sources list: %d sources, want the demo's 6", len(lines))
		}
		db := openTestDSN(t, dsn)
		for _, l := range lines {
			for _, k := range []string{"id", "sha256", "title", "url", "published", "language", "version"} {
				if _, ok := l[k]; !ok {
					t.Errorf("source %v lacks %q", l["id"], k)
				}
			}
			orig, err := db.Original(context.Background(), int64(l["id"].(float64)))
			if err != nil {
				t.Fatal(err)
			}
			if got := inquest.SHA256Hex(orig); l["sha256"] != got {
				t.Errorf("source %v: sha256 %v, want the hash of its original bytes %s", l["id"], l["sha256"], got)
			}
		}
		// The golden file holds what does not depend on when the demo ran.
		stable := make([]map[string]any, len(lines))
		for i, l := range lines {
			stable[i] = map[string]any{}
			for _, k := range []string{"id", "sha256", "title", "url", "published", "language", "version", "kind", "publisher", "file_name", "size"} {
				stable[i][k] = l[k]
			}
		}
		b, _ := json.MarshalIndent(stable, "", "  ")
		listingGolden(t, "sources_list.json", append(b, '\n'))

		code, stdout, _ = runCLI(t, "", "sources", "list", "--case", "january-events", "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "President Tokayev's televised address of 7 January 2022") || !strings.Contains(stdout, "2022-01-07") {
			t.Errorf("sources list (text) = %d\n%s", code, stdout)
		}
	})
}

func TestSourcesShow(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	if code, _, stderr := runCLI(t, "", "demo", "--load-only", "--db", dsn); code != 0 {
		t.Fatalf("demo --load-only = %d %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", "sources", "show", "4", "--format", "json", "--db", dsn)
	if code != 0 {
		t.Fatalf("sources show 4 = %d %s", code, stderr)
	}
	var d struct {
		ID         int64  `json:"id"`
		SHA256     string `json:"sha256"`
		TextSHA256 string `json:"text_sha256"`
		Case       string `json:"case"`
		Text       string `json:"text"`
		Versions   []struct {
			ID     int64  `json:"id"`
			SHA256 string `json:"sha256"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.ID != 4 || d.Case != "january-events" || !strings.Contains(d.Text, "They were not there") ||
		d.TextSHA256 != inquest.SHA256Hex([]byte(d.Text)) || len(d.Versions) != 1 || d.Versions[0].SHA256 != d.SHA256 {
		t.Errorf("sources show 4 --format json = %+v", d)
	}

	code, stdout, _ = runCLI(t, "", "sources", "show", "4", "--db", dsn)
	for _, want := range []string{"SHA-256", d.SHA256 + "  (original bytes)", d.TextSHA256 + "  (extracted text)", "Published", "2022-03-14", "Text:\n", "They were not there"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("sources show 4 (text) lacks %q:\n%s", want, stdout)
		}
	}

	for _, tt := range []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"sources", "show", "999"}, 2, "there is no source 999"},
		{[]string{"sources", "show", "abc"}, 2, `source ID "abc" is not a number`},
		{[]string{"sources", "list"}, 2, "--case SLUG is required"},
		{[]string{"sources", "list", "--case", "nope"}, 2, `case "nope" does not exist`},
	} {
		code, _, stderr := runCLI(t, "", append(tt.args, "--db", dsn)...)
		if code != tt.code || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("inquest %s = %d %q, want %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.wantErr)
		}
	}
}
