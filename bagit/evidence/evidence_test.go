package evidence

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

var exportTime = func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

func exportFixture(t *testing.T, opt ExportOptions) (*store.DB, *fixture, string) {
	t.Helper()
	db := storetest.Open(t)
	f := buildFixture(t, db)
	dir := filepath.Join(t.TempDir(), "bag")
	opt.Now = exportTime
	if _, err := Export(context.Background(), db, f.c.Slug, dir, opt); err != nil {
		t.Fatalf("Export: %v", err)
	}
	if _, err := bagit.Validate(dir); err != nil {
		t.Fatalf("exported bag does not validate: %v", err)
	}
	return db, f, dir
}

// bagFiles returns every file of the bag, tag files included, by path.
func bagFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExportLayout(t *testing.T) {
	_, f, dir := exportFixture(t, ExportOptions{})
	files := bagFiles(t, dir)
	for _, want := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
		"data/case.json", "data/sources.json", "data/statements.json", "data/people.json", "data/claims.json",
		"data/stances.json", "data/figures.json", "data/questions.json", "data/events.json"} {
		if _, ok := files[want]; !ok {
			t.Errorf("bag lacks %s", want)
		}
	}
	// Every original under data/sources/ID-HASHPREFIX.EXT with its bytes.
	for name, s := range f.sources {
		var found bool
		for p, b := range files {
			if strings.HasPrefix(p, "data/sources/") && strings.Contains(p, s.SHA256[:12]) {
				found = true
				if inquest.SHA256Hex(b) != s.SHA256 {
					t.Errorf("%s: bytes hash to %s, want %s", p, inquest.SHA256Hex(b), s.SHA256)
				}
			}
		}
		if !found {
			t.Errorf("source %s (%s) has no original in the bag", name, s.SHA256[:12])
		}
	}
	if _, ok := files["data/sources/"+itoa(f.sources["pdf"].ID)+"-"+f.sources["pdf"].SHA256[:12]+".pdf"]; !ok {
		t.Errorf("the PDF is not stored with its extension; files: %v", keys(files))
	}

	var srcs []map[string]any
	must(t, json.Unmarshal(files["data/sources.json"], &srcs))
	for _, field := range []string{"id", "case_id", "version", "locator", "title", "retrieved_at", "sha256", "size", "text_sha256", "private", "created_at", "original", "text_file"} {
		if _, ok := srcs[0][field]; !ok {
			t.Errorf("sources.json record lacks %q: %v", field, srcs[0])
		}
	}
	if got := srcs[1]["previous_id"]; got != float64(f.sources["news1"].ID) {
		t.Errorf("second version's previous_id = %v, want %d", got, f.sources["news1"].ID)
	}
	if got := srcs[0]["headers"]; !strings.Contains(got.(string), "Last-Modified") {
		t.Errorf("headers = %v", got)
	}

	var stmts []struct {
		Text   string `json:"text"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
		Target target `json:"target"`
	}
	must(t, json.Unmarshal(files["data/statements.json"], &stmts))
	var ru bool
	for _, s := range stmts {
		if s.Text != "Их там не было" {
			continue
		}
		ru = true
		want := []selector{
			{Type: "TextQuoteSelector", Exact: "Их там не было", Prefix: "арта генпрокурор Асылов заявил в Мажилисе: «", Suffix: "». Он сказал, что погибли 238 человек"},
			{Type: "TextPositionSelector", Start: &s.Start, End: &s.End},
		}
		want[0].Prefix = string([]rune(want[0].Prefix)[len([]rune(want[0].Prefix))-quoteContext:])
		want[0].Suffix = string([]rune(want[0].Suffix)[:quoteContext])
		if !reflect.DeepEqual(s.Target.Selector, want) {
			t.Errorf("selectors = %+v, want %+v", s.Target.Selector, want)
		}
		if !strings.HasPrefix(s.Target.Source, "texts/") {
			t.Errorf("target source = %q", s.Target.Source)
		}
		if text := string(files["data/"+s.Target.Source]); string([]rune(text)[s.Start:s.End]) != s.Text {
			t.Errorf("span %d..%d of %s is not the quote", s.Start, s.End, s.Target.Source)
		}
	}
	if !ru {
		t.Error("the Russian statement is not in statements.json")
	}
	info := string(files["bag-info.txt"])
	for _, want := range []string{"Source-Organization: Inquest workspace", "External-Description: Inquest evidence bag of case january-events",
		"Bagging-Date: 2026-11-26", "Payload-Oxum: ", "External-Identifier: inquest:case:january-events"} {
		if !strings.Contains(info, want) {
			t.Errorf("bag-info.txt lacks %q:\n%s", want, info)
		}
	}
}

// TestExportPublicOnly puts a marker into every private field and checks
// that a public export holds it nowhere, in no file, while a full export
// (the hand-over bag) does.
func TestExportPublicOnly(t *testing.T) {
	_, _, full := exportFixture(t, ExportOptions{})
	var inFull []string
	for p, b := range bagFiles(t, full) {
		if bytes.Contains(b, []byte(marker)) {
			inFull = append(inFull, p)
		}
	}
	sort.Strings(inFull)
	// The hand-over bag carries the private material: the marker is in the
	// private source's bytes and text and in the JSON of each kind.
	for _, want := range []string{"data/sources.json", "data/statements.json", "data/people.json", "data/claims.json",
		"data/stances.json", "data/figures.json", "data/questions.json", "data/events.json"} {
		if !contains(inFull, want) {
			t.Errorf("full export: marker missing from %s (found in %v)", want, inFull)
		}
	}

	_, _, pub := exportFixture(t, ExportOptions{PublicOnly: true})
	for p, b := range bagFiles(t, pub) {
		if bytes.Contains(b, []byte(marker)) {
			i := bytes.Index(b, []byte(marker))
			t.Errorf("public export: %s holds private material: …%s…", p, b[max(0, i-80):min(len(b), i+40)])
		}
	}
	files := bagFiles(t, pub)
	var c caseFile
	must(t, json.Unmarshal(files["data/case.json"], &c))
	want := map[string]int{"sources": 4, "people": 2, "claims": 2, "statements": 3, "stances": 2, "figures": 2, "questions": 2, "events": 2}
	if !reflect.DeepEqual(c.Counts, want) {
		t.Errorf("public export counts = %v, want %v", c.Counts, want)
	}
	if !strings.Contains(string(files["bag-info.txt"]), "Inquest-Public-Only: true") {
		t.Errorf("bag-info.txt does not say the bag is public-only")
	}
}

func TestExportPublicOnlyRefusesPrivateCase(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	must(t, db.CreateCase(ctx, &inquest.Case{Slug: "closed", Title: "Closed"}))
	dir := filepath.Join(t.TempDir(), "bag")
	_, err := Export(ctx, db, "closed", dir, ExportOptions{PublicOnly: true})
	if inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), "not public") {
		t.Errorf("Export of a private case with PublicOnly: %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a refused export left %s behind", dir)
	}
}

// TestRoundTrip exports a case from SQLite and imports it into a fresh
// workspace on each backend: every source keeps its bytes, hashes and text,
// every statement its span, and the rest of the record comes along.
func TestRoundTrip(t *testing.T) {
	from, f, dir := exportFixture(t, ExportOptions{})
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, to *store.DB) {
		sum, err := Import(ctx, to, dir, ImportOptions{Actor: "tester"})
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		if len(sum.Warnings) > 0 {
			t.Errorf("warnings: %v", sum.Warnings)
		}
		want := map[string]int{"sources": 5, "people": 3, "claims": 3, "statements": 5, "stances": 5, "figures": 4, "questions": 3, "events": 3}
		if got := sum.counts(); !reflect.DeepEqual(got, want) {
			t.Errorf("imported %v, want %v", got, want)
		}
		compareCases(t, from, to, f.c.Slug, f.c.Slug)
		if id, err := to.VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("audit chain after import: broken at %d, %v", id, err)
		}
		if m, err := to.VerifyArchive(ctx); err != nil || len(m) > 0 {
			t.Errorf("archive after import: %v, %v", m, err)
		}
		c, _ := to.CaseBySlug(ctx, f.c.Slug)
		log, err := to.AuditLog(ctx, "case", c.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		var audited bool
		for _, e := range log {
			if e.Action == "case.import" && e.Actor == "tester" && strings.Contains(e.After, `"manifest_sha256"`) {
				audited = true
			}
		}
		if !audited {
			t.Errorf("no case.import audit entry with the manifest hash: %+v", log)
		}
	})
}

// compareCases checks that case b of st2 holds what case a of st1 holds,
// matching records by what survives a change of ids.
func compareCases(t *testing.T, st1, st2 inquest.Store, a, b string) {
	t.Helper()
	ctx := context.Background()
	c1, err := st1.CaseBySlug(ctx, a)
	must(t, err)
	c2, err := st2.CaseBySlug(ctx, b)
	must(t, err)
	if c1.Title != c2.Title || c1.Background != c2.Background || !reflect.DeepEqual(c1.Languages, c2.Languages) ||
		c1.PeriodFrom != c2.PeriodFrom || c1.PeriodTo != c2.PeriodTo || c1.Public != c2.Public {
		t.Errorf("case: got %+v, want %+v", c2, c1)
	}
	s1, err := st1.Sources(ctx, inquest.SourceFilter{CaseID: c1.ID})
	must(t, err)
	s2, err := st2.Sources(ctx, inquest.SourceFilter{CaseID: c2.ID})
	must(t, err)
	if len(s1) != len(s2) {
		t.Fatalf("%d sources, want %d", len(s2), len(s1))
	}
	locOf1, locOf2 := map[int64]string{}, map[int64]string{}
	for i := range s1 {
		x, y := s1[i], s2[i]
		locOf1[x.ID], locOf2[y.ID] = x.SHA256, y.SHA256
		if x.SHA256 != y.SHA256 || x.Size != y.Size || x.Text != y.Text || x.TextSHA256 != y.TextSHA256 ||
			x.Locator != y.Locator || x.Version != y.Version || x.Title != y.Title || x.URL != y.URL || x.FileName != y.FileName ||
			x.Publisher != y.Publisher || x.Kind != y.Kind || x.Language != y.Language || x.Published != y.Published ||
			!x.RetrievedAt.Equal(y.RetrievedAt) || x.ContentType != y.ContentType || x.Headers != y.Headers || x.Private != y.Private {
			t.Errorf("source %d:\n got %+v\nwant %+v", i, y, x)
		}
		if (x.PreviousID == 0) != (y.PreviousID == 0) {
			t.Errorf("source %s: previous version link lost", x.Locator)
		}
		o1, err := st1.Original(ctx, x.ID)
		must(t, err)
		o2, err := st2.Original(ctx, y.ID)
		must(t, err)
		if !bytes.Equal(o1, o2) {
			t.Errorf("source %s: original bytes differ", x.Locator)
		}
	}
	p1 := peopleBySlug(t, st1)
	p2 := peopleBySlug(t, st2)
	st1s, err := st1.Statements(ctx, inquest.StatementFilter{CaseID: c1.ID})
	must(t, err)
	st2s, err := st2.Statements(ctx, inquest.StatementFilter{CaseID: c2.ID})
	must(t, err)
	key := func(s *inquest.Statement, loc map[int64]string, people map[int64]string) string {
		j, _ := json.Marshal([]any{loc[s.SourceID], s.Start, s.End, s.Text, people[s.PersonID], s.SpeakerName, s.SpeakerRole, s.Context,
			s.SaidOn, s.Venue, s.Language, s.Translations, s.Origin, s.Review, s.Confidence, s.Note})
		return string(j)
	}
	var k1, k2 []string
	for _, s := range st1s {
		k1 = append(k1, key(s, locOf1, p1))
	}
	for _, s := range st2s {
		k2 = append(k2, key(s, locOf2, p2))
	}
	sort.Strings(k1)
	sort.Strings(k2)
	if !reflect.DeepEqual(k1, k2) {
		t.Errorf("statements differ:\n got %s\nwant %s", strings.Join(k2, "\n"), strings.Join(k1, "\n"))
	}
	counts := func(st inquest.Store, id int64) []int {
		cl, _ := st.Claims(ctx, id)
		sn, _ := st.Stances(ctx, id)
		fg, _ := st.Figures(ctx, id)
		qs, _ := st.Questions(ctx, id)
		ev, _ := st.Events(ctx, id)
		return []int{len(cl), len(sn), len(fg), len(qs), len(ev)}
	}
	if got, want := counts(st2, c2.ID), counts(st1, c1.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("claims, stances, figures, questions, events = %v, want %v", got, want)
	}
}

func peopleBySlug(t *testing.T, st inquest.Store) map[int64]string {
	ps, err := st.People(context.Background())
	must(t, err)
	out := map[int64]string{}
	for _, p := range ps {
		out[p.ID] = p.Slug
	}
	return out
}

// TestExportPeople checks that a bag carries the actors the case refers to,
// and every actor of the workspace only when asked.
func TestExportPeople(t *testing.T) {
	for _, tt := range []struct {
		all  bool
		want []string
	}{
		{false, []string{"asylov", "tokayev", "witness-a"}},
		{true, []string{"asylov", "knb", "tokayev", "witness-a"}},
	} {
		_, _, dir := exportFixture(t, ExportOptions{AllPeople: tt.all})
		var people []*inquest.Person
		must(t, json.Unmarshal(bagFiles(t, dir)["data/people.json"], &people))
		var got []string
		for _, p := range people {
			got = append(got, p.Slug)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("AllPeople=%v: people %v, want %v", tt.all, got, tt.want)
		}
	}
}

func TestImportRejectsChangedByte(t *testing.T) {
	_, f, dir := exportFixture(t, ExportOptions{})
	name := filepath.Join(dir, "data", "sources", itoa(f.sources["ru"].ID)+"-"+f.sources["ru"].SHA256[:12]+".txt")
	b, err := os.ReadFile(name)
	must(t, err)
	b[len(b)/2] ^= 0x20
	must(t, os.WriteFile(name, b, 0o600))

	to := storetest.Open(t)
	_, err = Import(context.Background(), to, dir, ImportOptions{})
	rel := "data/sources/" + filepath.Base(name)
	if inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), rel) || !strings.Contains(err.Error(), "changed") {
		t.Errorf("Import of a changed bag: %v; want an error naming %s", err, rel)
	}
	if cs, _ := to.Cases(context.Background()); len(cs) != 0 {
		t.Errorf("a rejected bag created %d cases", len(cs))
	}
}

func TestImportIntoTakenSlug(t *testing.T) {
	from, f, dir := exportFixture(t, ExportOptions{})
	ctx := context.Background()
	_, err := Import(ctx, from, dir, ImportOptions{})
	if inquest.ErrorCode(err) != inquest.ECONFLICT || !strings.Contains(err.Error(), "--case") {
		t.Errorf("Import into a taken slug: %v", err)
	}
	// The same workspace, a new slug: the copy is a case of its own, and
	// sources with the same bytes share the archived blob.
	if _, err := Import(ctx, from, dir, ImportOptions{CaseSlug: "january-copy"}); err != nil {
		t.Fatalf("Import under a new slug: %v", err)
	}
	compareCases(t, from, from, f.c.Slug, "january-copy")
}

// TestImportUndoesHalfImport loads a bag that passes every check but holds a
// figure the store refuses, after sources and statements were written: the
// half-imported case must vanish, archived bytes included, and the audit log
// must stay intact and tell what happened.
func TestImportUndoesHalfImport(t *testing.T) {
	_, _, dir := exportFixture(t, ExportOptions{})
	broken := rebag(t, dir, func(name string, b []byte) []byte {
		if name != fileFigures {
			return b
		}
		var figs []map[string]any
		must(t, json.Unmarshal(b, &figs))
		figs[len(figs)-1]["value_max"] = -5.0 // a range that ends below its start
		out, _ := json.Marshal(figs)
		return out
	})
	storetest.Each(t, func(t *testing.T, to *store.DB) {
		ctx := context.Background()
		_, err := Import(ctx, to, broken, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), "figure") || !strings.Contains(err.Error(), "was removed") {
			t.Fatalf("Import of a bag the store refuses halfway: %v", err)
		}
		if cs, _ := to.Cases(ctx); len(cs) != 0 {
			t.Errorf("%d cases left behind", len(cs))
		}
		var blobs int
		must(t, to.RawQueryRow(ctx, "SELECT count(*) FROM blobs").Scan(&blobs))
		if blobs != 0 {
			t.Errorf("%d archived blobs left behind", blobs)
		}
		if ps, _ := to.People(ctx); len(ps) != 0 {
			t.Errorf("%d people the failed import added are left behind", len(ps))
		}
		if id, err := to.VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("audit chain after undo: broken at %d, %v", id, err)
		}
		var undo int
		must(t, to.RawQueryRow(ctx, "SELECT count(*) FROM audit_log WHERE action = 'case.import.undo'").Scan(&undo))
		if undo != 1 {
			t.Errorf("%d case.import.undo audit entries, want 1", undo)
		}
	})
}

// rebag copies the payload of a bag into a new, valid bag, letting edit
// change the JSON files: a bag that some other tool made with bad records.
func rebag(t *testing.T, dir string, edit func(name string, b []byte) []byte) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "rebagged")
	w, err := bagit.Create(out, nil)
	must(t, err)
	for p, b := range bagFiles(t, dir) {
		if name, ok := strings.CutPrefix(p, "data/"); ok {
			must(t, w.WriteFile(name, edit(name, b)))
		}
	}
	must(t, w.Close())
	return out
}

func TestImportRejectsInconsistentBag(t *testing.T) {
	_, _, dir := exportFixture(t, ExportOptions{})
	tests := []struct {
		name string
		edit func(name string, b []byte) []byte
		want string
	}{
		{"statement of a missing source", func(name string, b []byte) []byte {
			if name == fileStatements {
				return bytes.Replace(b, []byte(`"source_id": `), []byte(`"source_id": 9999`), 1)
			}
			return b
		}, "refers to source 9999"},
		{"source record with another hash", func(name string, b []byte) []byte {
			if name == fileSources {
				var srcs []map[string]any
				must(t, json.Unmarshal(b, &srcs))
				srcs[0]["sha256"] = strings.Repeat("0", 64)
				b, _ = json.Marshal(srcs)
			}
			return b
		}, "but its record says 0000"},
		{"span that misses its quote", func(name string, b []byte) []byte {
			if name == fileStatements {
				var ss []map[string]any
				must(t, json.Unmarshal(b, &ss))
				ss[0]["start"] = ss[0]["start"].(float64) + 1
				ss[0]["end"] = ss[0]["end"].(float64) + 1
				b, _ = json.Marshal(ss)
			}
			return b
		}, "does not hold its quoted words"},
		{"unknown field", func(name string, b []byte) []byte {
			if name == fileClaims {
				return bytes.Replace(b, []byte(`"slug"`), []byte(`"bogus": 1, "slug"`), 1)
			}
			return b
		}, "data/claims.json is not what an Inquest bag holds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			to := storetest.Open(t)
			_, err := Import(context.Background(), to, rebag(t, dir, tt.edit), ImportOptions{})
			if inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Import: %v; want EINVALID with %q", err, tt.want)
			}
			if cs, _ := to.Cases(context.Background()); len(cs) != 0 {
				t.Errorf("an inconsistent bag created %d cases", len(cs))
			}
			if ps, _ := to.People(context.Background()); len(ps) != 0 {
				t.Errorf("an inconsistent bag created %d people", len(ps))
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
