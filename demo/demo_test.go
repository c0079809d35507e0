package demo_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := demo.Load(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if res.Case.Slug != demo.CaseSlug || !res.Case.Public || res.Case.Background == "" {
			t.Errorf("case = %+v, want the public %s case with a background", res.Case, demo.CaseSlug)
		}
		if got, want := res.NewSources, countSources(t); got != want {
			t.Errorf("new sources = %d, want %d", got, want)
		}
		for _, s := range res.Sources {
			if s.Title == "" || !s.Published.Known() || s.Language == "" || s.Publisher == "" || s.Text == "" {
				t.Errorf("source %s lacks metadata or text: %+v", s.Locator, s)
			}
			if !strings.HasPrefix(s.Locator, demo.LocatorPrefix) {
				t.Errorf("source locator %q does not start with %q", s.Locator, demo.LocatorPrefix)
			}
			orig, err := db.Original(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if inquest.SHA256Hex(orig) != s.SHA256 {
				t.Errorf("source %s: archived bytes do not match its hash", s.Locator)
			}
		}
		// The HTML source is read as HTML: its navigation and footer are gone.
		for _, s := range res.Sources {
			if strings.HasSuffix(s.FileName, ".html") && strings.Contains(s.Text, "Subscribe to our newsletter") {
				t.Errorf("source %s kept the page's boilerplate in its text", s.FileName)
			}
		}

		statements, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID})
		if err != nil {
			t.Fatal(err)
		}
		confirmed := 0
		for _, s := range statements {
			if s.Review == inquest.Confirmed {
				confirmed++
			}
		}
		if confirmed != res.Confirmed || confirmed < 9 {
			t.Errorf("confirmed statements = %d (load says %d), want at least 9", confirmed, res.Confirmed)
		}
		figures, err := db.Figures(ctx, res.Case.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []float64{164, 225, 230, 238, 2000, 10000} {
			if !hasFigure(figures, want) {
				t.Errorf("no figure %v among the %d suggested", want, len(figures))
			}
		}

		// The reviewed record shows the President and the Prosecutor General
		// at odds over foreign terrorists.
		stances, err := db.Stances(ctx, res.Case.ID)
		if err != nil {
			t.Fatal(err)
		}
		people, err := db.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var confirmedStatements []*inquest.Statement
		for _, s := range statements {
			if s.Review == inquest.Confirmed {
				confirmedStatements = append(confirmedStatements, s)
			}
		}
		var confirmedStances []*inquest.Stance
		for _, s := range stances {
			if s.Review == inquest.Confirmed {
				confirmedStances = append(confirmedStances, s)
			}
		}
		contradictions := analysis.Contradictions(analysis.Record{CaseID: res.Case.ID, Statements: confirmedStatements, Stances: confirmedStances, People: people})
		if !hasContradiction(contradictions, statements, people, "tokayev", "asylov") {
			t.Errorf("no contradiction between tokayev and asylov among %d derived from the confirmed record", len(contradictions))
		}

		again, err := demo.Load(ctx, db)
		if err != nil {
			t.Fatalf("second load: %v", err)
		}
		if again.NewSources != 0 || len(again.Sources) != len(res.Sources) {
			t.Errorf("second load stored %d new of %d sources, want 0 new of %d", again.NewSources, len(again.Sources), len(res.Sources))
		}
		after, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(statements) {
			t.Errorf("second load: %d statements, want the same %d", len(after), len(statements))
		}
	})
}

func countSources(t *testing.T) int {
	entries, err := fs.ReadDir(demo.Content(), "sources")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".meta.json") {
			n++
		}
	}
	return n
}

func hasFigure(fs []*inquest.Figure, v float64) bool {
	for _, f := range fs {
		if f.Value == v {
			return true
		}
	}
	return false
}

func hasContradiction(cs []*inquest.Contradiction, statements []*inquest.Statement, people []*inquest.Person, a, b string) bool {
	slug := map[int64]string{}
	for _, p := range people {
		slug[p.ID] = p.Slug
	}
	speaker := map[int64]string{}
	for _, s := range statements {
		speaker[s.ID] = slug[s.PersonID]
	}
	for _, c := range cs {
		x, y := speaker[c.AStatementID], speaker[c.BStatementID]
		if (x == a && y == b) || (x == b && y == a) {
			return true
		}
	}
	return false
}

func TestContentFormats(t *testing.T) {
	files := demo.Content()
	for _, name := range []string{"people.json", "claims.json"} {
		f, err := files.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		switch name {
		case "people.json":
			people, err := inquest.ReadPeople(name, f)
			if err != nil || len(people) < 10 {
				t.Errorf("people.json: %d people, err %v; want at least 10 and no error", len(people), err)
			}
		case "claims.json":
			claims, err := inquest.ReadClaims(name, f)
			if err != nil || len(claims) < 4 {
				t.Errorf("claims.json: %d claims, err %v; want at least 4 and no error", len(claims), err)
			}
		}
	}
}

// Every demo source is a summary in the demo's own words that names the
// public records it rests on, and carries the metadata ingest reads.
func TestSourcesNameTheirPublicRecords(t *testing.T) {
	files := demo.Content()
	entries, err := fs.ReadDir(files, "sources")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".meta.json") {
			continue
		}
		b, err := fs.ReadFile(files, "sources/"+name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if !strings.Contains(text, "Rests on:") && !strings.Contains(text, "Основано на:") {
			t.Errorf("%s does not name the public records it rests on", name)
		}
		if !strings.Contains(text, "Inquest demo") && !strings.Contains(text, "демонстрации Inquest") {
			t.Errorf("%s does not say it is a summary written for the demo", name)
		}
		stem := strings.TrimSuffix(name, path.Ext(name))
		meta, err := fs.ReadFile(files, "sources/"+stem+".meta.json")
		if err != nil {
			t.Errorf("%s has no %s.meta.json", name, stem)
			continue
		}
		var m struct{ Title, Published, Language, Kind string }
		if err := json.Unmarshal(meta, &m); err != nil || m.Title == "" || m.Published == "" || m.Language == "" || m.Kind == "" {
			t.Errorf("%s.meta.json = %+v, %v; want title, published, language and kind", stem, m, err)
		}
	}
}
