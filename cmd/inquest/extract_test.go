package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runExtractCmd runs `inquest extract ARGS` in-process.
func runExtractCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), e, append([]string{"extract"}, args...))
	return code, out.String(), errb.String()
}

const extractPeople = `{"people": [
 {"id": "bekov", "name": "Daniyar Bekov", "names": {"ru": "Данияр Беков"}, "aliases": ["Bekov", "Беков"],
  "positions": [{"title": "Prosecutor General", "aliases": ["the Prosecutor General", "генпрокурор"], "from": "2021-01-01"}]}
]}`

const extractClaims = `{"claims": [
 {"id": "foreign-fighters", "text": "Foreign fighters took part in the unrest.",
  "text_ru": "В беспорядках участвовали иностранные боевики."}
]}`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExtractJSONL(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"people.json": extractPeople,
		"claims.json": extractClaims,
		"a.txt": "On March 14 the Prosecutor General answered deputies.\n\n" +
			"“There were no foreign fighters in the city at all,” the Prosecutor General said on March 14. " +
			"He added that eight people had died in custody.",
	})
	code, out, errs := runExtractCmd(t, "--published", "2022-03-20", "--people", filepath.Join(dir, "people.json"),
		"--claims", filepath.Join(dir, "claims.json"), "--format", "jsonl", filepath.Join(dir, "a.txt"))
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var quotes, figures int
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", line, err)
		}
		if m["doc"] != filepath.Join(dir, "a.txt") {
			t.Errorf("doc = %v, want the file argument as given", m["doc"])
		}
		switch m["type"] {
		case "quote":
			quotes++
			want := map[string]any{"text": "There were no foreign fighters in the city at all", "speaker": "Daniyar Bekov",
				"speaker_id": "bekov", "speaker_role": "Prosecutor General", "said_on": "2022-03-14",
				"start": float64(len([]rune("On March 14 the Prosecutor General answered deputies.\n\n“")))}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("quote %s = %v, want %v", k, m[k], v)
				}
			}
			st, _ := m["stances"].(map[string]any)
			if st["foreign-fighters"] != "denies" {
				t.Errorf("stances = %v, want foreign-fighters denies", m["stances"])
			}
			for _, k := range []string{"end", "confidence"} {
				if _, ok := m[k]; !ok {
					t.Errorf("quote has no %s", k)
				}
			}
		case "figure":
			figures++
			if m["value"] != float64(8) {
				t.Errorf("figure value = %v, want 8", m["value"])
			}
		}
	}
	if quotes != 1 || figures != 1 {
		t.Errorf("got %d quotes and %d figures, want 1 and 1:\n%s", quotes, figures, out)
	}
}

func TestExtractNullsForUnknowns(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b.txt": "“We have counted every single detainee twice,” said Aliya Nurova."})
	code, out, errs := runExtractCmd(t, filepath.Join(dir, "b.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &m); err != nil {
		t.Fatal(err)
	}
	if m["speaker"] != "Aliya Nurova" {
		t.Errorf("speaker = %v, want Aliya Nurova", m["speaker"])
	}
	for _, k := range []string{"speaker_id", "speaker_role", "said_on"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %v), want null", k, v, ok)
		}
	}
}

func TestExtractBadFilesDoNotStopOthers(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.txt":   "“The inquiry will report to parliament in the spring,” Bekov said.",
		"binary.txt": "text\x00with a NUL byte",
		"latin1.txt": "caf\xe9 \xab quoted \xbb",
	})
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	args := []string{missing, filepath.Join(dir, "binary.txt"), filepath.Join(dir, "folder"),
		filepath.Join(dir, "latin1.txt"), filepath.Join(dir, "good.txt")}
	code, out, errs := runExtractCmd(t, args...)
	if code == 0 {
		t.Errorf("exit 0, want non-zero after bad files")
	}
	for _, want := range []string{"missing.txt", "binary.txt: binary file", "folder: is a directory", "latin1.txt: not valid UTF-8"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if !strings.Contains(out, `"doc":"`+filepath.Join(dir, "good.txt")+`"`) || !strings.Contains(out, "Bekov") {
		t.Errorf("the good file was not processed:\n%s", out)
	}
}

func TestExtractTextFormat(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"people.json": extractPeople,
		"c.txt":       "«Никаких иностранных боевиков в городе не было», — заявил Беков.",
	})
	code, out, errs := runExtractCmd(t, "--format", "text", "--people", filepath.Join(dir, "people.json"), filepath.Join(dir, "c.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"c.txt (ru): 1 quotations", "Daniyar Bekov [bekov]", "Никаких иностранных"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractUsageErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "text", "bad.json": "{"})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr", filepath.Join(dir, "a.txt")}, `--lang "fr"`},
		{[]string{"--published", "14 March", filepath.Join(dir, "a.txt")}, "--published"},
		{[]string{"--format", "xml", filepath.Join(dir, "a.txt")}, `--format "xml"`},
		{[]string{"--people", filepath.Join(dir, "bad.json"), filepath.Join(dir, "a.txt")}, "people file"},
		{[]string{"--claims", filepath.Join(dir, "nope.json"), filepath.Join(dir, "a.txt")}, "nope.json"},
		{[]string{}, "Usage"},
	}
	for _, tt := range tests {
		code, _, errs := runExtractCmd(t, tt.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		if !strings.Contains(errs, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errs, tt.want)
		}
	}
}
