package store_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// canon renders v as JSON for comparing what went in with what came out.
func canon(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPeopleRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		people, err := inquest.ReadPeople("people.json", strings.NewReader(`{"people": [
			{"id": "tokayev", "name": "Kassym-Jomart Tokayev", "names": {"ru": "Токаев", "kk": "Тоқаев"},
			 "aliases": ["Tokayev", "Токаев К.-Ж."],
			 "positions": [{"title": "President", "organisation": "Republic of Kazakhstan", "aliases": ["Head of State", "Глава государства"], "from": "2019-06-12"}]},
			{"id": "asylov", "name": "Berik Asylov",
			 "positions": [
				{"title": "Prosecutor General", "aliases": ["генпрокурор"], "from": "2022-01-01", "to": "2024-03-01", "approximate": true},
				{"title": "Adviser", "from": "2024-03-02"}]},
			{"id": "knb", "name": "National Security Committee", "kind": "organisation", "aliases": ["KNB", "КНБ"]}
		]}`))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if err := db.UpsertPerson(ctx, p); err != nil {
				t.Fatalf("UpsertPerson %s: %v", p.Slug, err)
			}
			if p.ID == 0 || p.CreatedAt.IsZero() {
				t.Errorf("%s: ID/CreatedAt not set", p.Slug)
			}
		}
		for _, want := range people {
			got, err := db.PersonBySlug(ctx, want.Slug)
			if err != nil {
				t.Fatal(err)
			}
			if canon(t, got) != canon(t, want) {
				t.Errorf("PersonBySlug(%s):\n got %s\nwant %s", want.Slug, canon(t, got), canon(t, want))
			}
			byID, err := db.Person(ctx, want.ID)
			if err != nil || canon(t, byID) != canon(t, want) {
				t.Errorf("Person(%d) = %s, %v", want.ID, canon(t, byID), err)
			}
		}
		all, err := db.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range all {
			names = append(names, p.Name)
		}
		if got, want := strings.Join(names, "|"), "Berik Asylov|Kassym-Jomart Tokayev|National Security Committee"; got != want {
			t.Errorf("People by name = %s, want %s", got, want)
		}
		if canon(t, all[0]) != canon(t, people[1]) {
			t.Errorf("People()[0] = %s, want %s", canon(t, all[0]), canon(t, people[1]))
		}

		// Upserting again replaces names, aliases and positions; private stays.
		asylov := people[1]
		asylov.Private, asylov.Note = true, "protected until the trial"
		if err := db.UpsertPerson(ctx, asylov); err != nil {
			t.Fatal(err)
		}
		reimport := &inquest.Person{Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"},
			Positions: []inquest.Position{{Title: "Prosecutor General", From: "2022-01-01"}}}
		if err := db.UpsertPerson(ctx, reimport); err != nil {
			t.Fatal(err)
		}
		got, err := db.PersonBySlug(ctx, "asylov")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != asylov.ID || !got.Private || got.Note != "protected until the trial" || len(got.Positions) != 1 ||
			got.Positions[0].To != "" || got.Names["ru"] != "Берик Асылов" || len(got.Aliases) != 0 {
			t.Errorf("after re-import: %s", canon(t, got))
		}
		if !reimport.Private {
			t.Error("the upserted person was not updated to the stored private flag")
		}
		log, err := db.AuditLog(ctx, "person", asylov.ID, 0)
		if err != nil || len(log) != 3 || log[2].Action != "person.update" || !strings.Contains(log[2].Before, "Adviser") {
			t.Errorf("audit of asylov = %d entries, %v", len(log), err)
		}

		_, err = db.PersonBySlug(ctx, "nobody")
		wantCode(t, err, inquest.ENOTFOUND)
		_, err = db.Person(ctx, 9999)
		wantCode(t, err, inquest.ENOTFOUND)
		wantCode(t, db.UpsertPerson(ctx, &inquest.Person{Slug: "x", Name: "X",
			Positions: []inquest.Position{{Title: "Minister", From: "2022-02-01", To: "2022-01-01"}}}), inquest.EINVALID)
	})
}

func TestClaims(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "c")
		claims, err := inquest.ReadClaims("claims.json", strings.NewReader(`{"claims": [
			{"id": "foreign-terrorists", "text": "Foreign terrorists took part", "text_ru": "Иностранные террористы участвовали"},
			{"id": "death-toll", "text": "The death toll was 238"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		for _, cl := range claims {
			cl.CaseID = c.ID
			if err := db.UpsertClaim(ctx, cl); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Claims(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Slug != "death-toll" || got[1].TextIn("ru") != "Иностранные террористы участвовали" || got[0].Texts != nil {
			t.Errorf("Claims = %s", canon(t, got))
		}
		// Replacing the texts.
		again := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part in the January events",
			Texts: map[string]string{"kk": "Шетелдік террористер"}}
		if err := db.UpsertClaim(ctx, again); err != nil {
			t.Fatal(err)
		}
		got, _ = db.Claims(ctx, c.ID)
		if got[1].ID != claims[0].ID || got[1].Text != again.Text || len(got[1].Texts) != 1 || got[1].Texts["kk"] == "" {
			t.Errorf("after replacing: %s", canon(t, got[1]))
		}
		wantCode(t, db.UpsertClaim(ctx, &inquest.Claim{Slug: "x", Text: "x"}), inquest.EINVALID)
		wantCode(t, db.UpsertClaim(ctx, &inquest.Claim{CaseID: 999, Slug: "x", Text: "x"}), inquest.EINVALID)
	})
}
