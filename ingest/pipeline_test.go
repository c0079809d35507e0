package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// corpusDir returns ../shared/corpus/dev relative to the module root. Without
// it the test skips, except under CI, where the corpus must be present.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus", "dev")
	if _, err := os.Stat(corpus); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus %s is missing: CI must run the ingest tests on it", corpus)
		}
		t.Skipf("corpus %s is missing", corpus)
	}
	return corpus
}

// loadCorpusActors stores the corpus's people and claims in the case.
func loadCorpusActors(t testing.TB, db inquest.Store, corpus string, caseID int64) {
	t.Helper()
	ctx := context.Background()
	f, err := os.Open(filepath.Join(corpus, "people.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	people, err := inquest.ReadPeople("people.json", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if err := db.UpsertPerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	g, err := os.Open(filepath.Join(corpus, "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	claims, err := inquest.ReadClaims("claims.json", g)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range claims {
		c.CaseID = caseID
		if err := db.UpsertClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
}

// ingestAll reads every item and ingests it, returning the stored sources in
// order and failing the test on any error.
func ingestAll(t testing.TB, p *Pipeline, r *Reader, items []string) (sources []*inquest.Source, created int) {
	t.Helper()
	err := r.Walk(context.Background(), items, func(item string, doc *Document, err error) error {
		if err != nil {
			return err
		}
		src, c, err := p.Ingest(context.Background(), doc)
		if err != nil {
			return err
		}
		sources = append(sources, src)
		if c {
			created++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sources, created
}

// The "Done when": ingesting the corpus twice gives the same source
// count both times, with every source's SHA-256 that of its file's bytes.
func TestIngestCorpusTwice(t *testing.T) {
	corpus := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus texts in %s: %v", corpus, err)
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		loadCorpusActors(t, db, corpus, c.ID)
		p, err := NewPipeline(ctx, db, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(DefaultOptions())

		first, created := ingestAll(t, p, r, files)
		if created != len(files) {
			t.Errorf("first ingest created %d sources, want %d", created, len(files))
		}
		second, created := ingestAll(t, p, r, files)
		if created != 0 {
			t.Errorf("second ingest created %d sources, want 0", created)
		}
		all, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(files) {
			t.Errorf("after two ingests the case holds %d sources, want %d", len(all), len(files))
		}
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			want := hex.EncodeToString(sum[:])
			if first[i].SHA256 != want || second[i].SHA256 != want || first[i].ID != second[i].ID {
				t.Errorf("%s: sha256 %s then %s (ids %d, %d), want %s both times for one source", filepath.Base(f), first[i].SHA256, second[i].SHA256, first[i].ID, second[i].ID, want)
			}
			orig, err := db.Original(ctx, first[i].ID)
			if err != nil || string(orig) != string(b) {
				t.Errorf("%s: archived original differs from the file (err %v)", filepath.Base(f), err)
			}
		}
		// The meta files' metadata reached the sources.
		if s := first[0]; s.Title == "" || s.Language == "" || s.Kind == "" {
			t.Errorf("source %s has title %q, language %q, kind %q; want them from its meta file", s.Locator, s.Title, s.Language, s.Kind)
		}
		statements, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		known := 0
		for _, st := range statements {
			if st.Review != inquest.Suggested || st.Origin != inquest.Extracted {
				t.Errorf("statement %d is %s/%s, want suggested/extracted", st.ID, st.Review, st.Origin)
			}
			if st.PersonID != 0 {
				known++
			}
		}
		t.Logf("corpus: %d sources, %d suggested statements, %d with a known speaker", len(all), len(statements), known)
		if len(statements) == 0 || known == 0 {
			t.Errorf("corpus gave %d suggested statements, %d with a known speaker; want some of each", len(statements), known)
		}
		// Nothing new on the second run: statements stay as they were.
		if _, _ = ingestAll(t, p, r, files[:1]); true {
			again, _ := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
			if len(again) != len(statements) {
				t.Errorf("re-ingest changed the statement count from %d to %d", len(statements), len(again))
			}
		}
	})
}

// What the engine proposes is stored as it proposed it: every quotation a
// suggested statement with its span, its speaker resolved to the person, and
// its stances tied to the case's claims.
func TestIngestStoresEngineSuggestions(t *testing.T) {
	const text = "On 14 March 2022 the Prosecutor General Berik Asylov told the Majilis: \"They were not there. No foreign terrorists took part in the riots,\" he said.\n\n" +
		"He added that 232 people had died in the January events, including 19 members of the security forces.\n\n" +
		"Deputy Aidos Sarym asked Asylov: \"Who gave the order to shoot without warning?\""
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		asylov := &inquest.Person{Slug: "asylov", Name: "Berik Asylov", Kind: inquest.ActorPerson, Aliases: []string{"Asylov"},
			Positions: []inquest.Position{{Title: "Prosecutor General of Kazakhstan", Aliases: []string{"the Prosecutor General", "Prosecutor General"}, From: "2022-02-25"}}}
		if err := db.UpsertPerson(ctx, asylov); err != nil {
			t.Fatal(err)
		}
		claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part in the January events"}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "majilis.txt"), text)
		write(t, filepath.Join(dir, "majilis.meta.json"), `{"title": "Majilis", "published": "2022-03-15", "language": "en", "kind": "news"}`)
		doc, err := NewReader(DefaultOptions()).Read(ctx, filepath.Join(dir, "majilis.txt"))
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPipeline(ctx, db, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		src, created, err := p.Ingest(ctx, doc)
		if err != nil || !created {
			t.Fatalf("ingest: created %v, err %v", created, err)
		}
		want := extract.NewEngine(extract.Options{People: []*inquest.Person{asylov}, Claims: []*inquest.Claim{claim}}).
			ExtractFor(text, "en", "2022-03-15")
		if len(want.Quotes) == 0 {
			t.Fatal("the engine found no quotation in a text with two; nothing to check")
		}
		got, err := db.Statements(ctx, inquest.StatementFilter{SourceID: src.ID})
		if err != nil {
			t.Fatal(err)
		}
		bySpan := map[[2]int]*inquest.Statement{}
		for _, st := range got {
			bySpan[[2]int{st.Start, st.End}] = st
		}
		runes := []rune(text)
		wantStances := 0
		for _, q := range want.Quotes {
			st := bySpan[[2]int{q.Start, q.End}]
			if st == nil {
				t.Errorf("quotation %q at %d..%d was not stored", q.Text, q.Start, q.End)
				continue
			}
			if st.Text != q.Text || st.SpeakerName != q.Speaker || st.Review != inquest.Suggested || st.Origin != inquest.Extracted {
				t.Errorf("statement %+v does not match the engine's %+v", st, q)
			}
			if !strings.Contains(string(runes[st.Start:st.End]), strings.Fields(q.Text)[0]) {
				t.Errorf("span %d..%d (%q) does not hold the quotation %q", st.Start, st.End, string(runes[st.Start:st.End]), q.Text)
			}
			if q.SpeakerID == "asylov" && st.PersonID != asylov.ID {
				t.Errorf("statement by %q has person %d, want %d", q.Speaker, st.PersonID, asylov.ID)
			}
			if st.Context == "" || !strings.Contains(st.Context, q.Text[:min(10, len(q.Text))]) {
				t.Errorf("statement context %q does not hold the quotation", st.Context)
			}
			wantStances += len(q.Stances)
		}
		stances, err := db.Stances(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(stances) != wantStances {
			t.Errorf("stored %d stances, the engine suggested %d", len(stances), wantStances)
		}
		for _, s := range stances {
			if s.ClaimID != claim.ID || s.Review != inquest.Suggested {
				t.Errorf("stance %+v: want claim %d, suggested", s, claim.ID)
			}
		}
		figures, err := db.Figures(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(figures) != len(want.Figures) {
			t.Errorf("stored %d figures, the engine found %d", len(figures), len(want.Figures))
		}
		questions, err := db.Questions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(questions) != len(want.Questions) {
			t.Errorf("stored %d questions, the engine found %d", len(questions), len(want.Questions))
		}
	})
}

func TestIngestChangedCopyBecomesNewVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		p, err := NewPipelineWith(ctx, db, c.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(DefaultOptions())
		path := filepath.Join(t.TempDir(), "statement.txt")
		steps := []struct {
			content     string
			wantCreated bool
			wantVersion int
		}{
			{"The death toll is 164.", true, 1},
			{"The death toll is 225.", true, 2},
			{"The death toll is 225.", false, 2},
			{"The death toll is 238.", true, 3},
		}
		var prev *inquest.Source
		for i, s := range steps {
			write(t, path, s.content)
			doc, err := r.Read(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			src, created, err := p.Ingest(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			if created != s.wantCreated || src.Version != s.wantVersion {
				t.Errorf("step %d: created %v, version %d; want %v, %d", i, created, src.Version, s.wantCreated, s.wantVersion)
			}
			if created && prev != nil && src.PreviousID != prev.ID {
				t.Errorf("step %d: previous id %d, want %d", i, src.PreviousID, prev.ID)
			}
			prev = src
		}
		versions, err := db.Versions(ctx, prev.ID)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, v := range versions {
			full, err := db.Source(ctx, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, full.Text)
		}
		if got, want := strings.Join(texts, "|"), "The death toll is 164.|The death toll is 225.|The death toll is 238."; got != want {
			t.Errorf("versions = %q, want %q", got, want)
		}
	})
}

func TestIngestBadFileAmongGoodOnes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		p, err := NewPipelineWith(ctx, db, c.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "1-good.txt"), "First statement.")
		write(t, filepath.Join(dir, "2-bad.bin"), "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")
		write(t, filepath.Join(dir, "3-good.html"), "<html><head><title>Second</title></head><body><p>Second statement.</p></body></html>")
		var stored []string
		var failures []error
		err = NewReader(DefaultOptions()).Walk(ctx, []string{dir, filepath.Join(dir, "missing.txt")}, func(item string, doc *Document, err error) error {
			if err != nil {
				failures = append(failures, err)
				return nil
			}
			src, _, err := p.Ingest(ctx, doc)
			if err != nil {
				return err
			}
			stored = append(stored, src.Title)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(stored, "|"), "First statement.|Second"; got != want {
			t.Errorf("stored %q, want %q", got, want)
		}
		if len(failures) != 2 || !strings.Contains(failures[0].Error(), "2-bad.bin") || !strings.Contains(failures[1].Error(), "missing.txt") {
			t.Errorf("failures = %v, want one naming 2-bad.bin and one naming missing.txt", failures)
		}
	})
}

func TestIngestURLArchivesBodyAndHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Date", "Sat, 15 Jan 2022 12:00:00 GMT")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		p, err := NewPipeline(ctx, db, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := NewReader(Options{AllowPrivate: true}).Read(ctx, srv.URL+"/briefing")
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := p.Ingest(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Source(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := db.Original(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if string(orig) != page || got.SHA256 != inquest.SHA256Hex([]byte(page)) {
			t.Error("archived original is not the raw response body")
		}
		if !strings.Contains(got.Headers, "Date: Sat, 15 Jan 2022 12:00:00 GMT") || got.URL != srv.URL+"/briefing" || got.ContentType != "text/html; charset=utf-8" {
			t.Errorf("source url %q, content type %q, headers:\n%s", got.URL, got.ContentType, got.Headers)
		}
		if mm, err := db.VerifyArchive(ctx); err != nil || len(mm) != 0 {
			t.Errorf("VerifyArchive = %v, %v", mm, err)
		}
	})
}
