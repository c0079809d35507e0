package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest/publish"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

var (
	linkAttrRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	jsonLDRe   = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
)

// buildSite exports h from the start paths into a new directory.
func buildSite(t *testing.T, h http.Handler, start []string) (string, publish.ExportStats) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	st, err := publish.Export(context.Background(), h, dir, publish.ExportOptions{Start: start, Skip: web.NotPublic})
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

// checkLinks follows every link of every HTML file under dir as a browser
// opening the files from disk would, and reports each that leads nowhere:
// a missing file, or a fragment with no element of that id.
func checkLinks(t *testing.T, dir string) int {
	t.Helper()
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		b, _ := os.ReadFile(file)
		m := map[string]bool{}
		for _, x := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllSubmatch(b, -1) {
			m[string(x[1])] = true
		}
		ids[file] = m
		return m
	}
	checked, broken := 0, 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range linkAttrRe.FindAllSubmatch(b, -1) {
			link := string(m[1])
			if strings.HasPrefix(link, "http://") || strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			if strings.HasPrefix(link, "/") {
				t.Errorf("%s: absolute link %q in the static site", rel(dir, p), link)
				broken++
				continue
			}
			file, frag, _ := strings.Cut(link, "#")
			target := p
			if file != "" {
				target = filepath.Join(filepath.Dir(p), filepath.FromSlash(file))
			}
			checked++
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: link %q leads to no file", rel(dir, p), link)
				broken++
				continue
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[frag] {
				t.Errorf("%s: link %q leads to no element #%s", rel(dir, p), link, frag)
				broken++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if broken > 0 {
		t.Errorf("%d of %d links lead nowhere", broken, checked)
	}
	return checked
}

func rel(dir, p string) string { r, _ := filepath.Rel(dir, p); return r }

// checkNoMarker reports every file under dir that holds the private marker.
func checkNoMarker(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if i := bytes.Index(b, []byte(pubMarker)); i >= 0 {
			lo, hi := max(0, i-120), min(len(b), i+60)
			t.Errorf("private material in %s: …%s…", rel(dir, p), b[lo:hi])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStaticBuildOfDemoCase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ps := newPublicSite(t, db)
		dir, st := buildSite(t, web.NewCaseSite(db, ps.c.Slug), web.SiteStart(ps.c.Slug))
		if len(st.Broken) > 0 {
			t.Errorf("the export met %d broken links:\n%s", len(st.Broken), strings.Join(st.Broken, "\n"))
		}
		if st.Pages < 60 {
			t.Errorf("the export wrote %d pages; the demo case has more", st.Pages)
		}
		links := checkLinks(t, dir)
		files := checkNoMarker(t, dir)
		t.Logf("static site: %d pages, %d other files, %d links checked, %d files searched", st.Pages, st.Files, links, files)

		base := filepath.Join(dir, "cases", ps.c.Slug)
		// Both feeds are Atom that parses, with the entries readers should see.
		type atom struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			Title   string   `xml:"title"`
			Updated string   `xml:"updated"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		for _, tc := range []struct {
			file   string
			titles []string
			n      int
		}{
			{"feed.atom", []string{"1. Who was there", "2. The toll"}, 2},
			{"contradictions.atom", nil, ps.confirmed},
		} {
			b, err := os.ReadFile(filepath.Join(base, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			var f atom
			if err := xml.Unmarshal(b, &f); err != nil {
				t.Fatalf("%s does not parse as Atom: %v", tc.file, err)
			}
			if len(f.Entries) != tc.n || f.Updated == "" {
				t.Errorf("%s: %d entries, updated %q; want %d entries and a time", tc.file, len(f.Entries), f.Updated, tc.n)
			}
			for i, want := range tc.titles {
				if i < len(f.Entries) && f.Entries[i].Title != want {
					t.Errorf("%s entry %d: %q, want %q", tc.file, i, f.Entries[i].Title, want)
				}
			}
			for _, e := range f.Entries {
				if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" {
					t.Errorf("%s: entry %q has id %q, updated %q", tc.file, e.Title, e.ID, e.Updated)
				}
				// The entry's link, relative to the feed, is a page of the site.
				file, _, _ := strings.Cut(e.Link.Href, "#")
				if _, err := os.Stat(filepath.Join(base, filepath.FromSlash(file))); err != nil {
					t.Errorf("%s: entry link %q leads to no file", tc.file, e.Link.Href)
				}
			}
		}
		if ps.confirmed == 0 {
			t.Error("fixture: the demo case should have contradictions to confirm")
		}

		// Every claim page embeds ClaimReview JSON-LD that parses.
		claimPages, _ := filepath.Glob(filepath.Join(base, "claims", "*", "index.html"))
		if len(claimPages) < 3 {
			t.Errorf("%d claim pages, want the demo's claims", len(claimPages))
		}
		for _, p := range claimPages {
			b, _ := os.ReadFile(p)
			m := jsonLDRe.FindSubmatch(b)
			if m == nil {
				t.Errorf("%s has no JSON-LD", rel(dir, p))
				continue
			}
			var ld struct {
				Context       string `json:"@context"`
				Type          string `json:"@type"`
				ClaimReviewed string `json:"claimReviewed"`
				ItemReviewed  struct {
					Type string `json:"@type"`
				} `json:"itemReviewed"`
				ReviewRating struct {
					AlternateName string `json:"alternateName"`
				} `json:"reviewRating"`
			}
			if err := json.Unmarshal(m[1], &ld); err != nil {
				t.Errorf("%s: JSON-LD does not parse: %v", rel(dir, p), err)
				continue
			}
			if ld.Context != "https://schema.org" || ld.Type != "ClaimReview" || ld.ClaimReviewed == "" || ld.ItemReviewed.Type != "Claim" || ld.ReviewRating.AlternateName == "" {
				t.Errorf("%s: JSON-LD %+v is not a ClaimReview of a claim", rel(dir, p), ld)
			}
		}

		// Open data: every table parses, in both formats, with as many rows.
		for _, table := range []string{"statements", "claims", "stances", "contradictions", "figures", "questions"} {
			jb, err := os.ReadFile(filepath.Join(base, "data", table+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var rows []map[string]any
			if err := json.Unmarshal(jb, &rows); err != nil {
				t.Errorf("%s.json: %v", table, err)
			}
			cb, _ := os.ReadFile(filepath.Join(base, "data", table+".csv"))
			recs, err := csv.NewReader(bytes.NewReader(cb)).ReadAll()
			if err != nil {
				t.Errorf("%s.csv: %v", table, err)
			}
			if len(recs) != len(rows)+1 || len(rows) == 0 {
				t.Errorf("%s: %d JSON rows, %d CSV records; want rows and a header", table, len(rows), len(recs))
			}
			for _, r := range rows {
				if u, ok := r["url"].(string); ok && !strings.HasPrefix(u, "/") {
					t.Errorf("%s: url %q is not a site path", table, u)
				}
			}
		}

		// The first chapter: numbered notes leading to the evidence, and the next chapter.
		ch, err := os.ReadFile(filepath.Join(base, "chapters", "who-was-there", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`<sup class="cite"><a href="#fn-1"`, `id="fn-4"`, `rel="next" href="../../../../cases/january-events/chapters/the-toll/index.html"`, `#ts-`} {
			if !bytes.Contains(ch, []byte(want)) {
				t.Errorf("chapter 1 lacks %q", want)
			}
		}
		if !bytes.Contains(ch, []byte("A second version adds this sentence.")) || !bytes.Contains(ch, []byte(`chapters/who-was-there/versions/1/index.html`)) {
			t.Error("chapter 1 should show its second version and link its first")
		}
		v1, err := os.ReadFile(filepath.Join(base, "chapters", "who-was-there", "versions", "1", "index.html"))
		if err != nil || bytes.Contains(v1, []byte("A second version")) || !bytes.Contains(v1, []byte("An earlier version")) {
			t.Errorf("version 1 of chapter 1 should be built as it was published (%v)", err)
		}
		if bytes.Contains(ch, []byte("This evidence is not public.")) {
			t.Error("chapter 1 cites only public records, yet says some are not public")
		}
		two, _ := os.ReadFile(filepath.Join(base, "chapters", "the-toll", "index.html"))
		if !bytes.Contains(two, []byte("This evidence is not public.")) || !bytes.Contains(two, []byte(`rel="prev"`)) {
			t.Errorf("chapter 2 should say its private citations are not public and link back")
		}
		if _, err := os.Stat(filepath.Join(base, "chapters", "draft")); err == nil {
			t.Error("the draft chapter was built")
		}
	})
}

// TestLiveSiteKeepsPrivateMaterial crawls the whole live site, as any
// reader could, from the front page in every language, and searches every
// response for the private marker.
func TestLiveSiteKeepsPrivateMaterial(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ps := newPublicSite(t, db)
		h := web.NewServer(db, web.Options{}).Handler()
		dir, st := buildSite(t, h, append(web.SiteStart(ps.c.Slug), "/cases/hidden-case", "/people/protected-witness",
			"/cases/"+ps.c.Slug+"/chapters/draft", "/cases/"+ps.c.Slug+"/claims/private-claim"))
		checkNoMarker(t, dir)
		for _, want := range []string{"/cases/hidden-case (404)", "/people/protected-witness (404)", "/chapters/draft (404)", "/claims/private-claim (404)"} {
			if !slicesContainsSuffix(st.Broken, want) {
				t.Errorf("%s should answer 404; broken: %v", want, st.Broken)
			}
		}
		if len(st.Broken) != 4 {
			t.Errorf("live crawl met broken links beyond the four asked for: %v", st.Broken)
		}
		if st.Pages < 60 {
			t.Errorf("crawled %d pages", st.Pages)
		}
		// The protected person's words are public, without the name.
		page := get(t, h, "/cases/"+ps.c.Slug+"/claims/"+"foreign-terrorists").Body.String()
		_ = page
	})
}

func slicesContainsSuffix(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

func TestPublicLanguages(t *testing.T) {
	db := storetest.Open(t)
	ps := newPublicSite(t, db)
	h := web.NewServer(db, web.Options{}).Handler()
	for _, tc := range []struct {
		name, path, accept string
		want               []string
	}{
		{"English by default", "/cases/" + ps.c.Slug + "/claims", "", []string{`<html lang="en">`, "<h1>Claims</h1>", `href="/cases/` + ps.c.Slug + `/claims/`}},
		{"Russian by prefix", "/ru/cases/" + ps.c.Slug + "/claims", "", []string{`<html lang="ru">`, "<h1>Утверждения</h1>", `href="/ru/cases/` + ps.c.Slug + `/claims/`, `<span aria-current="true" lang="ru">Русский</span>`}},
		{"Kazakh by Accept-Language", "/cases/" + ps.c.Slug + "/claims", "kk-KZ,kk;q=0.9,ru;q=0.8", []string{`<html lang="kk">`, "Мәлімдемелер"}},
		{"Russian preferred over English", "/", "en;q=0.5, ru", []string{`<html lang="ru">`, "Дела"}},
		{"prefix beats Accept-Language", "/en/", "ru", []string{`<html lang="en">`, "<h1>Cases</h1>", `href="/en/cases/`}},
		{"switcher links the same page", "/ru/cases/" + ps.c.Slug + "/timeline", "", []string{`href="/kk/cases/` + ps.c.Slug + `/timeline"`, `href="/en/cases/` + ps.c.Slug + `/timeline"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Language", tc.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", tc.path, rec.Code)
			}
			body := rec.Body.String()
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s (Accept-Language %q) lacks %q", tc.path, tc.accept, w)
				}
			}
		})
	}
}

func TestPublicChartsAndQuestions(t *testing.T) {
	db := storetest.Open(t)
	ps := newPublicSite(t, db)
	defer web.SetClockForTest(func() time.Time { return time.Date(2022, 3, 1, 12, 0, 0, 0, time.UTC) })()
	h := web.NewServer(db, web.Options{}).Handler()
	base := "/cases/" + ps.c.Slug
	matrix := get(t, h, base+"/matrix").Body.String()
	for _, want := range []string{`<svg class="matrix"`, `role="img"`, `<title id="matrix-title">Who contradicts whom</title>`, `class="cell supports"`, `class="cell denies"`} {
		if !strings.Contains(matrix, want) {
			t.Errorf("matrix lacks %q", want)
		}
	}
	chart := get(t, h, base+"/figures/deaths").Body.String()
	if n := strings.Count(chart, `<a href="/sources/`); n < 3 {
		t.Errorf("chart and table link %d figures, want the 3 public ones", n)
	}
	for _, want := range []string{`<svg class="chart"`, "<title id=\"chart-deaths-title\">Deaths</title>", "Prosecutor General&#39;s Office, 15 January 2022: 225", "revised"} {
		if !strings.Contains(chart, want) {
			t.Errorf("figure page lacks %q", want)
		}
	}
	if strings.Contains(chart, "999") {
		t.Error("the figure of a private source is plotted")
	}
	q := get(t, h, base+"/questions").Body.String()
	if !strings.Contains(q, "<strong>40 days</strong> unanswered") { // 20 January to 1 March 2022
		t.Errorf("questions page does not count 40 days unanswered:\n%s", q)
	}
	tl := get(t, h, base+"/timeline").Body.String()
	for _, want := range []string{"State of emergency declared", `datetime="2022-01-05"`, "revises"} {
		if !strings.Contains(tl, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	_ = path.Join
}
