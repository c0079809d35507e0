package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// The search contract: the same queries find the same sources on SQLite
// (FTS5) and PostgreSQL (tsvector).
func TestSearchSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
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
		bandits := add(c.ID, "bandits", "Address to the nation", "Twenty thousand bandits and international terrorists attacked Almaty.", false)
		secret := add(c.ID, "notes", "Witness notes", "Terrorists were never seen by the witness.", true)
		add(other.ID, "elsewhere", "Other case", "International terrorists elsewhere.", false)
		bandits2 := add(c.ID, "bandits", "Address to the nation", "Twenty thousand bandits and international terrorists attacked Almaty and Taldykorgan.", false)

		tests := []struct {
			query  string
			filter store.SearchFilter
			want   []int64
		}{
			{"death toll", store.SearchFilter{}, []int64{toll.ID}},
			{"DEATH Toll", store.SearchFilter{}, []int64{toll.ID}},
			{"238", store.SearchFilter{}, []int64{toll.ID}},
			{"revis", store.SearchFilter{}, []int64{toll.ID}}, // a prefix
			{"террорист", store.SearchFilter{}, []int64{majilis.ID}},
			{"Генпрокурор", store.SearchFilter{}, []int64{majilis.ID}}, // in the title and the text
			{"terrorists", store.SearchFilter{}, []int64{bandits.ID, secret.ID, bandits2.ID}},
			{"terrorists", store.SearchFilter{PublicOnly: true, LatestOnly: true}, []int64{bandits2.ID}},
			{"international terrorists almaty", store.SearchFilter{}, []int64{bandits.ID, bandits2.ID}},
			{"taldykorgan", store.SearchFilter{}, []int64{bandits2.ID}},
			{`"terror*" OR death`, store.SearchFilter{}, nil}, // operators are words, not syntax: no source has "or"
			{"nothing-like-this", store.SearchFilter{}, nil},
		}
		for _, tt := range tests {
			f := tt.filter
			f.CaseID, f.Query = c.ID, tt.query
			hits, err := db.SearchSources(ctx, f)
			if err != nil {
				t.Errorf("search %q: %v", tt.query, err)
				continue
			}
			var got []int64
			for _, h := range hits {
				got = append(got, h.Source.ID)
				if h.Source.Text != "" {
					t.Errorf("search %q: hit carries the whole text", tt.query)
				}
				if !strings.Contains(h.Snippet, store.MarkStart) || !strings.Contains(h.Snippet, store.MarkEnd) {
					t.Errorf("search %q: snippet %q marks no word", tt.query, h.Snippet)
				}
			}
			if !sameSet(got, tt.want) {
				t.Errorf("search %q %+v = %v, want %v", tt.query, tt.filter, got, tt.want)
			}
		}
		hits, err := db.SearchSources(ctx, store.SearchFilter{CaseID: c.ID, Query: "toll revised"})
		if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, store.MarkStart+"revised"+store.MarkEnd) {
			t.Errorf("snippet = %+v, %v", hits, err)
		}
		_, err = db.SearchSources(ctx, store.SearchFilter{Query: " -- ? "})
		wantCode(t, err, inquest.EINVALID)
	})
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
