package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestSearchFindsNewFormsAtOnce: a search matches its words as prefixes
// (on SQLite through the list of the index's words that begin with each,
// kept between searches, search_terms.go). A form of a word first written
// after a search, by this process or another, is found by the next search;
// a prefix of too many words, or of none, still matches as a prefix.
func TestSearchFindsNewFormsAtOnce(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		server, cli := serverAndCLI(t, dsn)
		c := storetest.NewCase(t, server, "forms")
		search := func(text string) []string {
			t.Helper()
			hits, err := server.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: text, Kinds: []string{"source"}, Workspace: true, Limit: 100})
			if err != nil {
				t.Fatalf("search %q: %v", text, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Title)
			}
			return got
		}
		want := func(text string, titles ...string) {
			t.Helper()
			got := search(text)
			slices.Sort(got)
			slices.Sort(titles)
			if !slices.Equal(got, titles) {
				t.Errorf("search %q found %q, want %q", text, got, titles)
			}
		}
		want("prosecutor") // an index with no words yet
		storetest.NewSource(t, server, c.ID, "a", "a", "The prosecutor spoke to parliament.")
		want("prosecutor", "Source a")

		// New forms, from the server's own handle and from another.
		storetest.NewSource(t, server, c.ID, "b", "b", "Prosecutors were not heard.")
		want("prosecutor", "Source a", "Source b")
		storetest.NewSource(t, cli, c.ID, "c", "c", "Prosecutorial failures were noted.")
		want("prosecutor", "Source a", "Source b", "Source c")
		want("prosecutor failures", "Source c")
		want("prosecutors", "Source b")

		// A prefix that stands for more words than are named one by one.
		var many []string
		for i := range 60 {
			storetest.NewSource(t, cli, c.ID, fmt.Sprint("m", i), fmt.Sprint("m", i), fmt.Sprintf("Detainee number detaineex%d was counted.", i))
			many = append(many, fmt.Sprint("Source m", i))
		}
		want("detainee", many...)
		want("detaineex7", "Source m7") // m70-m79 do not exist
		// A prefix of no word at all.
		want("zzyzx")
	})
}
