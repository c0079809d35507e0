package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"токаев", "тока"},
		{"токаева", "токаев"},
		{"асылова", "асылов"},
		{"террористов", "террорист"},
		{"тоқаевтың", "тоқаев"},
		{"тоқаевқа", "тоқаев"},
		{"мир", "мир"},         // too short to lose anything
		{"tokayev", "tokayev"}, // not Cyrillic
	}
	for _, tt := range tests {
		if got := store.Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// The contract of SearchRecord on both backends: one inflected form finds
// the others, in sources, statements, people and claims; filters narrow.
func TestSearchRecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january-events")
		tokayev := &inquest.Person{Slug: "tokayev", Name: "Kassym-Jomart Tokayev", Names: map[string]string{"ru": "Касым-Жомарт Токаев", "kk": "Қасым-Жомарт Тоқаев"}}
		asylov := &inquest.Person{Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"}, Private: true}
		for _, p := range []*inquest.Person{tokayev, asylov} {
			if err := db.UpsertPerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part.",
			Texts: map[string]string{"ru": "В беспорядках участвовали иностранные террористы."}}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		add := func(title, text, lang string, published inquest.Date, private bool) *inquest.Source {
			s := &inquest.Source{CaseID: c.ID, Locator: title, Title: title, Text: text, Language: lang, Published: published, Private: private,
				SHA256: inquest.SHA256Hex([]byte(title + text)), TextSHA256: inquest.SHA256Hex([]byte(text))}
			stored, _, err := db.AddSource(ctx, s, []byte(title+text))
			if err != nil {
				t.Fatal(err)
			}
			return stored
		}
		ru := add("Обращение", "Обращение Президента Токаева к народу. Токаеву доложили о террористах.", "ru", "2022-01-07", false)
		en := add("Address", "President Tokayev spoke of terrorists.", "en", "2022-01-07", false)
		secret := add("Записка", "Асылова спросили о террористах.", "ru", "2022-03-14", true)
		stmt := func(src *inquest.Source, p *inquest.Person, text string, said inquest.Date, r inquest.Review) *inquest.Statement {
			s := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, PersonID: p.ID, SpeakerName: p.Name, Text: text, Start: 0, End: len([]rune(text)),
				SaidOn: said, Language: src.Language, Review: r}
			if err := db.AddStatement(ctx, s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		s1 := stmt(ru, tokayev, "Террористы атаковали Алматы", "2022-01-07", inquest.Confirmed)
		s2 := stmt(en, tokayev, "Terrorists attacked", "2022-01-10", inquest.Suggested)
		s3 := stmt(secret, asylov, "Террористов там не было", "2022-03-14", inquest.Confirmed)
		if err := db.DecideStance(ctx, s3.ID, claim.ID, inquest.Denies, "", "tester", ""); err != nil {
			t.Fatal(err)
		}

		key := func(h inquest.RecordHit) string { return fmt.Sprintf("%s%d", h.Kind[:2], h.ID) }
		tests := []struct {
			name string
			q    inquest.RecordQuery
			want []string
		}{
			{"a form finds another", inquest.RecordQuery{Text: "Токаев", Workspace: true}, []string{key(inquest.RecordHit{Kind: "source", ID: ru.ID}), key(inquest.RecordHit{Kind: "person", ID: tokayev.ID})}},
			{"genitive finds nominative", inquest.RecordQuery{Text: "Токаева", Kinds: []string{"person"}, Workspace: true}, []string{fmt.Sprintf("pe%d", tokayev.ID)}},
			{"kazakh", inquest.RecordQuery{Text: "Тоқаевтың", Kinds: []string{"person"}, Workspace: true}, []string{fmt.Sprintf("pe%d", tokayev.ID)}},
			{"statements", inquest.RecordQuery{Text: "террористами", Kinds: []string{"statement"}, Workspace: true}, []string{fmt.Sprintf("st%d", s1.ID), fmt.Sprintf("st%d", s3.ID)}},
			{"claims in Russian", inquest.RecordQuery{Text: "террористов", Kinds: []string{"claim"}, Workspace: true}, []string{fmt.Sprintf("cl%d", claim.ID)}},
			{"by speaker", inquest.RecordQuery{Text: "террористы", PersonID: asylov.ID, Workspace: true}, []string{fmt.Sprintf("st%d", s3.ID)}},
			{"by claim", inquest.RecordQuery{Text: "террористы", ClaimID: claim.ID, Workspace: true}, []string{fmt.Sprintf("st%d", s3.ID)}},
			{"by language", inquest.RecordQuery{Text: "terrorists", Language: "en", Workspace: true}, []string{fmt.Sprintf("so%d", en.ID), fmt.Sprintf("st%d", s2.ID)}},
			{"by dates", inquest.RecordQuery{Text: "террористы", From: "2022-03-01", To: "2022-12-31", Workspace: true}, []string{fmt.Sprintf("so%d", secret.ID), fmt.Sprintf("st%d", s3.ID)}},
			{"public: no private, no suggested", inquest.RecordQuery{Text: "террористы terrorists Асылов"}, nil},
			{"public statements", inquest.RecordQuery{Text: "террористы", Kinds: []string{"statement"}}, []string{fmt.Sprintf("st%d", s1.ID)}},
			{"public people", inquest.RecordQuery{Text: "Асылова", Kinds: []string{"person"}}, nil},
		}
		for _, tt := range tests {
			tt.q.CaseID = c.ID
			hits, err := db.SearchRecord(ctx, tt.q)
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			var got []string
			for _, h := range hits {
				got = append(got, key(h))
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q found %v, want %v", tt.name, tt.q.Text, got, want)
			}
		}
		hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: "Токаева", Kinds: []string{"source"}, Workspace: true})
		if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, store.MarkStart+"Токаева"+store.MarkEnd) {
			t.Errorf("snippet of %+v (%v) does not mark Токаева", hits, err)
		}
		if _, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: "  «» "}); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("empty query: err = %v, want EINVALID", err)
		}
	})
}

// People and claims are found by what they are now: a new alias, name or
// translation is found at once, a removed one no longer, and a merged
// person's names and aliases find the person they were merged into. On
// PostgreSQL their text vectors are stored (migration 0010) and kept by
// triggers; on SQLite in people_fts and claims_fts.
func TestSearchPeopleAndClaimsFollowChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "changes")
		ids := func(kind, text string) []int64 {
			t.Helper()
			hits, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: text, Kinds: []string{kind}, Workspace: true})
			if err != nil {
				t.Fatalf("search %ss for %q: %v", kind, text, err)
			}
			var out []int64
			for _, h := range hits {
				out = append(out, h.ID)
			}
			return out
		}
		masimov := &inquest.Person{Slug: "masimov", Name: "Karim Massimov", Aliases: []string{"KNB chairman"}}
		sagintayev := &inquest.Person{Slug: "sagintayev", Name: "Bakytzhan Sagintayev", Names: map[string]string{"ru": "Бакытжан Сагинтаев"}, Aliases: []string{"deputy premier"}}
		for _, p := range []*inquest.Person{masimov, sagintayev} {
			if err := db.UpsertPerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		claim := &inquest.Claim{CaseID: c.ID, Slug: "shots", Text: "Warning shots were fired.", Texts: map[string]string{"ru": "Стреляли в воздух."}}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		check := func(step string, tests []struct {
			kind, text string
			want       []int64
		}) {
			t.Helper()
			for _, tt := range tests {
				if got := ids(tt.kind, tt.text); !sameSet(got, tt.want) {
					t.Errorf("%s: %s search %q found %v, want %v", step, tt.kind, tt.text, got, tt.want)
				}
			}
		}
		type probe = struct {
			kind, text string
			want       []int64
		}
		check("created", []probe{
			{"person", "chairman", []int64{masimov.ID}},
			{"person", "Сагинтаева", []int64{sagintayev.ID}},
			{"person", "premier", []int64{sagintayev.ID}},
			{"claim", "воздух", []int64{claim.ID}},
			{"claim", "warning shots", []int64{claim.ID}},
		})

		masimov.Name = "Karim Masimov"
		masimov.Aliases = []string{"former prime minister"}
		masimov.Names = map[string]string{"kk": "Кәрім Мәсімов"}
		if err := db.UpsertPerson(ctx, masimov); err != nil {
			t.Fatal(err)
		}
		claim.Text = "Live rounds were fired."
		claim.Texts = map[string]string{"kk": "Оқ атылды."}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		check("changed", []probe{
			{"person", "chairman", nil},
			{"person", "Massimov", nil},
			{"person", "Masimov", []int64{masimov.ID}},
			{"person", "former minister", []int64{masimov.ID}},
			{"person", "Мәсімов", []int64{masimov.ID}},
			{"claim", "воздух", nil},
			{"claim", "warning", nil},
			{"claim", "live rounds", []int64{claim.ID}},
			{"claim", "атылды", []int64{claim.ID}},
		})

		if err := db.MergePeople(ctx, sagintayev.ID, masimov.ID, "tester"); err != nil {
			t.Fatal(err)
		}
		check("merged", []probe{
			{"person", "premier", []int64{masimov.ID}},
			{"person", "Сагинтаев", []int64{masimov.ID}},
			{"person", "minister", []int64{masimov.ID}},
		})
	})
}
