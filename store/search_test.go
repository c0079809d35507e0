package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// The search contract for sources: the same queries find the same sources
// on SQLite (FTS5) and PostgreSQL (tsvector); only the newest version of a
// source is found; the public view finds no private source.
func TestSearchRecordSources(t *testing.T) {
	eachPlan(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january-events")
		other := storetest.NewCase(t, db, "other")
		add := func(caseID int64, locator, title, text string, private bool) *inquest.Source {
			s := &inquest.Source{CaseID: caseID, Locator: locator, Title: title, Text: text, Private: private}
			stored, _, err := db.AddSource(ctx, s, []byte(locator+text))
			if err != nil {
				t.Fatal(err)
			}
			return stored
		}
		toll := add(c.ID, "toll", "Death toll revised", "The death toll was revised from 164 to 225 and then to 238.", false)
		majilis := add(c.ID, "majilis", "Генпрокурор в Мажилисе", "«Их там не было», — заявил генпрокурор о международных ТЕРРОРИСТАХ.", false)
		add(c.ID, "bandits", "Address to the nation", "Twenty thousand bandits and international terrorists attacked Almaty.", false)
		secret := add(c.ID, "notes", "Witness notes", "Terrorists were never seen by the witness.", true)
		add(other.ID, "elsewhere", "Other case", "International terrorists elsewhere.", false)
		bandits2 := add(c.ID, "bandits", "Address to the nation", "Twenty thousand bandits and international terrorists attacked Almaty and Taldykorgan.", false)

		tests := []struct {
			query     string
			workspace bool
			want      []int64
		}{
			{"death toll", false, []int64{toll.ID}},
			{"DEATH Toll", false, []int64{toll.ID}},
			{"238", false, []int64{toll.ID}},
			{"revis", false, []int64{toll.ID}}, // a prefix
			{"террорист", false, []int64{majilis.ID}},
			{"Генпрокурор", false, []int64{majilis.ID}}, // in the title and the text
			{"terrorists", true, []int64{secret.ID, bandits2.ID}},
			{"terrorists", false, []int64{bandits2.ID}},
			{"international terrorists almaty", false, []int64{bandits2.ID}},
			{"taldykorgan", false, []int64{bandits2.ID}},
			{`"terror*" OR death`, true, nil}, // operators are words, not syntax: no source has "or"
			{"nothing-like-this", true, nil},
		}
		for _, tt := range tests {
			hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: tt.query, Kinds: []string{"source"}, Workspace: tt.workspace})
			if err != nil {
				t.Errorf("search %q: %v", tt.query, err)
				continue
			}
			var got []int64
			for _, h := range hits {
				got = append(got, h.ID)
				if !strings.Contains(h.Snippet, store.MarkStart) || !strings.Contains(h.Snippet, store.MarkEnd) {
					t.Errorf("search %q: snippet %q marks no word", tt.query, h.Snippet)
				}
			}
			if !sameSet(got, tt.want) {
				t.Errorf("search %q (workspace %v) = %v, want %v", tt.query, tt.workspace, got, tt.want)
			}
		}
		hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: "toll revised", Kinds: []string{"source"}})
		if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, store.MarkStart+"revised"+store.MarkEnd) {
			t.Errorf("snippet = %+v, %v", hits, err)
		}
	})
}

// A search ranks a bounded window of the matches (search_window.go).
// Matches in another case, or filtered out, must never hide the matches the
// analyst asked for, and within the window the best match comes first.
func TestSearchWindowHidesNoMatch(t *testing.T) {
	eachPlan(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		restore := store.SetSearchWindow(3)
		defer restore()
		c := storetest.NewCase(t, db, "small")
		big := storetest.NewCase(t, db, "big")
		// Matches in another case, stored first, fill window after window.
		for i := range 60 {
			storetest.NewSource(t, db, big.ID, fmt.Sprint("big-", i), fmt.Sprint("big original ", i), fmt.Sprintf("Detainees in the big case, %d.", i))
		}
		var want []int64
		for i := range 4 {
			s := storetest.NewSource(t, db, c.ID, fmt.Sprint("small-", i), fmt.Sprint("original ", i), fmt.Sprintf("Detainees number %d were counted.", i))
			want = append(want, s.ID)
		}
		hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: "detainees", Kinds: []string{"source"}, Workspace: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.ID)
		}
		if !sameSet(got, want) {
			t.Errorf("search in the small case found %v, want all four of its sources %v", got, want)
		}
		// A limit smaller than the matches gives exactly the limit.
		hits, err = db.SearchRecord(ctx, inquest.RecordQuery{CaseID: big.ID, Text: "detainees big", Kinds: []string{"source"}, Workspace: true, Limit: 10})
		if err != nil || len(hits) != 10 {
			t.Errorf("search with limit 10 in 60 matches: %d hits, %v", len(hits), err)
		}
		// Within the window, the better match first: a text that repeats the
		// word outranks one that has it once.
		d := storetest.NewCase(t, db, "ranked")
		once := storetest.NewSource(t, db, d.ID, "once", "once original", "The commission met once and spoke of many other things at length, then adjourned.")
		often := storetest.NewSource(t, db, d.ID, "often", "often original", "Commission, commission: the commission.")
		hits, err = db.SearchRecord(ctx, inquest.RecordQuery{CaseID: d.ID, Text: "commission", Kinds: []string{"source"}, Workspace: true})
		if err != nil || len(hits) != 2 || hits[0].ID != often.ID || hits[1].ID != once.ID {
			t.Errorf("ranking: got %+v (%v), want %d before %d", hits, err, often.ID, once.ID)
		}
	})
}

// eachPlan runs fn on SQLite and on PostgreSQL once for each way
// PostgreSQL can take a search's matches (search_pg.go), and once as the
// store chooses ("chosen"): all must find the same.
func eachPlan(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, storetest.Open(t)) })
	for _, name := range []string{"scan", "index", "rare", "probe", "chosen"} {
		t.Run("postgres-"+name, func(t *testing.T) {
			db := storetest.OpenPostgres(t)
			plan := name
			if name == "chosen" {
				plan = ""
			}
			defer store.ForcePostgresSearchPlan(plan)()
			fn(t, db)
		})
	}
}

func sameSet(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[int64]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// Words that are each common but rarely or never together, and a word that
// is in no text at all: every way PostgreSQL can take the matches, the
// rarest word's alone among them, finds exactly the texts that hold all the
// words, however many texts hold one of them, in this case or another.
func TestSearchWordsSeldomTogether(t *testing.T) {
	eachPlan(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		restore := store.SetSearchWindow(3)
		defer restore()
		c := storetest.NewCase(t, db, "seldom")
		other := storetest.NewCase(t, db, "other")
		for i := range 20 {
			storetest.NewSource(t, db, other.ID, fmt.Sprint("other-both-", i), fmt.Sprint("other ", i), fmt.Sprintf("The commission published its report, part %d.", i))
			storetest.NewSource(t, db, c.ID, fmt.Sprint("commission-", i), fmt.Sprint("commission ", i), fmt.Sprintf("The commission met for the %dth time.", i))
			storetest.NewSource(t, db, c.ID, fmt.Sprint("report-", i), fmt.Sprint("report ", i), fmt.Sprintf("A report was filed, number %d.", i))
		}
		both := storetest.NewSource(t, db, c.ID, "both", "both", "The commissioners signed the final report.")
		// Statements too (the probe of a read in order is theirs), in
		// sources of the other case and of this one.
		speaker := &inquest.Person{Slug: "speaker", Name: "Speaker"}
		if err := db.UpsertPerson(ctx, speaker); err != nil {
			t.Fatal(err)
		}
		at := 0 // each statement at its own place: one place holds one statement
		say := func(src *inquest.Source, text string) *inquest.Statement {
			at += 100
			s := &inquest.Statement{CaseID: src.CaseID, SourceID: src.ID, PersonID: speaker.ID, SpeakerName: speaker.Name, Text: text,
				Start: at, End: at + len([]rune(text)), Language: "en", Review: inquest.Confirmed}
			if err := db.AddStatement(ctx, s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		elsewhere := storetest.NewSource(t, db, other.ID, "statements-other", "statements other", "Said elsewhere.")
		here := storetest.NewSource(t, db, c.ID, "statements-here", "statements here", "Said here.")
		for i := range 20 {
			say(elsewhere, fmt.Sprintf("The commission wrote report %d.", i))
			say(here, fmt.Sprintf("The commission sat, day %d.", i))
			say(here, fmt.Sprintf("A report came in, day %d.", i))
		}
		said := []int64{say(here, "The commissioners read the report.").ID, say(here, "Their report reached the commission.").ID}
		tests := []struct {
			kind, query string
			want        []int64
		}{
			{"source", "commission report", []int64{both.ID}},
			{"source", "report commission", []int64{both.ID}},
			{"source", "commission inquiry", nil}, // "inquiry" is in no text
			{"source", "commission met report", nil},
			{"source", "signed commissioners", []int64{both.ID}},
			{"statement", "commission report", said},
			{"statement", "report commission", said},
			{"statement", "commission inquiry", nil},
			{"statement", "commission wrote", nil}, // only in the other case
			{"statement", "commission came", nil},
			{"statement", "sat report", nil},
		}
		for _, tt := range tests {
			hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: tt.query, Kinds: []string{tt.kind}, Workspace: true})
			if err != nil {
				t.Errorf("search %q: %v", tt.query, err)
				continue
			}
			var got []int64
			for _, h := range hits {
				got = append(got, h.ID)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("search %ss for %q = %v, want %v", tt.kind, tt.query, got, tt.want)
			}
		}
	})
}
