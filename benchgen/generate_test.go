package benchgen_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// A generated case holds what the options asked for, and every record's
// span points at its own words in its source's text.
func TestGenerate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var progress bytes.Buffer
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1500, Case: "gen", Seed: 3, Batch: 40, Progress: &progress})
		if err != nil {
			t.Fatal(err)
		}
		if res.Statements != 1500 || res.Sources == 0 || res.Stances == 0 || res.Figures == 0 || res.Questions == 0 || res.People < 50 {
			t.Errorf("generated %+v", res)
		}
		if !strings.Contains(progress.String(), "1500/1500 statements") {
			t.Errorf("progress %q does not end at 1500/1500", progress.String())
		}
		sts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID})
		if err != nil || len(sts) != 1500 {
			t.Fatalf("%d statements stored (%v), want 1500", len(sts), err)
		}
		texts := map[int64][]rune{}
		langs := map[string]int{}
		withPerson := 0
		for _, s := range sts {
			txt, ok := texts[s.SourceID]
			if !ok {
				src, err := db.Source(ctx, s.SourceID)
				if err != nil {
					t.Fatal(err)
				}
				txt = []rune(src.Text)
				texts[s.SourceID] = txt
			}
			if got := string(txt[s.Start:s.End]); got != s.Text {
				t.Fatalf("statement %d: text at %d..%d is %q, want %q", s.ID, s.Start, s.End, got, s.Text)
			}
			langs[s.Language]++
			if s.PersonID != 0 {
				withPerson++
			}
		}
		if len(texts) != res.Sources {
			t.Errorf("statements in %d sources, want %d", len(texts), res.Sources)
		}
		if langs["en"] == 0 || langs["ru"] == 0 {
			t.Errorf("statements by language %v: want both English and Russian", langs)
		}
		if withPerson == 0 || withPerson == len(sts) {
			t.Errorf("%d of %d statements with a known speaker: want some, not all", withPerson, len(sts))
		}
		figs, _ := db.Figures(ctx, res.Case.ID)
		for _, f := range figs {
			if got := string(texts[f.SourceID][f.Start:f.End]); got != f.Text {
				t.Errorf("figure %d: text at span is %q, want %q", f.ID, got, f.Text)
			}
		}
		people, _ := db.People(ctx)
		cyrillic := 0
		for _, p := range people {
			if len(p.Positions) == 0 {
				t.Errorf("person %s has no position", p.Slug)
			}
			if strings.IndexFunc(p.Names["ru"], func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
				cyrillic++
			}
		}
		if cyrillic != len(people) {
			t.Errorf("%d of %d people have a Cyrillic name", cyrillic, len(people))
		}
		// No phrase is left with a formatting error in it.
		srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: res.Case.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range srcs {
			if strings.Contains(src.Text, "%!") {
				t.Fatalf("source %d holds a formatting error: %.200q", src.ID, src.Text[strings.Index(src.Text, "%!"):])
			}
		}
		// The generated text is searchable on both backends.
		hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: res.Case.ID, Text: "задержанных", Workspace: true})
		if err != nil || len(hits) == 0 {
			t.Errorf("search in generated Russian text: %d hits, %v", len(hits), err)
		}
		// A second run into the same case is refused, not mixed in.
		if _, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 10, Case: "gen"}); inquest.ErrorCode(err) != inquest.ECONFLICT {
			t.Errorf("generate into an existing case: %v, want ECONFLICT", err)
		}
	})
}
