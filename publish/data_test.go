package publish

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

type testRow struct {
	ID    int64             `json:"id" csv:"id"`
	Text  string            `json:"text" csv:"text"`
	Texts map[string]string `json:"texts,omitempty" csv:"texts"`
	Score float64           `json:"score,omitempty" csv:"score"`
	Skip  string            `json:"-" csv:"-"`
}

// TestTableWriterInBatches: a table written a batch at a time is byte for
// byte the table written whole, and its JSON is what encoding/json writes
// for the whole slice (which is what the downloads have always been).
func TestTableWriterInBatches(t *testing.T) {
	rows := []testRow{
		{ID: 1, Text: "They were not there."},
		{ID: 2, Text: `<script>&"quotes"</script>`, Texts: map[string]string{"ru": "Их там не было.", "kk": "Олар жоқ болды."}},
		{ID: 3, Text: "=1+1, a formula", Score: 0.5},
		{ID: 4, Text: "line\nbreak, comma"},
	}
	for _, format := range []string{"json", "csv"} {
		for _, n := range []int{0, 1, len(rows)} {
			t.Run(format, func(t *testing.T) {
				var whole bytes.Buffer
				if err := writeTable(&whole, format, rows[:n]); err != nil {
					t.Fatal(err)
				}
				if format == "json" {
					var want bytes.Buffer
					enc := json.NewEncoder(&want)
					enc.SetIndent("", " ")
					if err := enc.Encode(rows[:n]); err != nil {
						t.Fatal(err)
					}
					if whole.String() != want.String() {
						t.Errorf("%d rows:\ngot  %q\nwant %q", n, whole.String(), want.String())
					}
				}
				var batched bytes.Buffer
				tw, err := NewTableWriter(&batched, format, reflect.TypeOf(testRow{}))
				if err != nil {
					t.Fatal(err)
				}
				for i := range n {
					if err := tw.Write(rows[i : i+1]); err != nil {
						t.Fatal(err)
					}
				}
				if err := tw.Close(); err != nil {
					t.Fatal(err)
				}
				if batched.String() != whole.String() {
					t.Errorf("%d rows one at a time:\ngot  %q\nwant %q", n, batched.String(), whole.String())
				}
			})
		}
	}
	var csvOut bytes.Buffer
	if err := WriteCSV(&csvOut, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(csvOut.String(), "id,text,texts,score\n") || !strings.Contains(csvOut.String(), "'=1+1") {
		t.Errorf("CSV lacks its header or lets a formula through:\n%s", csvOut.String())
	}
	if _, err := NewTableWriter(&csvOut, "xml", reflect.TypeOf(testRow{})); err == nil {
		t.Error("a table in format xml was accepted")
	}
	tw, _ := NewTableWriter(&csvOut, "csv", reflect.TypeOf(testRow{}))
	if err := tw.Write([]int{1}); err == nil {
		t.Error("rows of another type were accepted")
	}
}
