package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit/evidence"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// TestDemoRoundTrip hands the example case over as a bag, from SQLite into
// a fresh workspace on each backend: every source keeps its SHA-256 and
// text, every statement its span and review, and the workspace verifies.
func TestDemoRoundTrip(t *testing.T) {
	ctx := context.Background()
	from := storetest.Open(t)
	if _, err := demo.Load(ctx, from); err != nil {
		t.Fatalf("demo.Load: %v", err)
	}
	bag := filepath.Join(t.TempDir(), "bag")
	if _, err := evidence.Export(ctx, from, demo.CaseSlug, bag, evidence.ExportOptions{}); err != nil {
		t.Fatalf("Export: %v", err)
	}
	want := caseDigest(t, from, demo.CaseSlug)
	if len(want) < 5 {
		t.Fatalf("the demo has only %d sources and statements", len(want))
	}
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		code, stdout, stderr := runIngestCmd(t, "import", "--db", dsn, "--format", "bagit", bag)
		if code != 0 {
			t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
		}
		to, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer to.Close()
		got := caseDigest(t, to, demo.CaseSlug)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("after the round trip:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if code, stdout, _ := runIngestCmd(t, "verify", "--db", dsn); code != 0 {
			t.Errorf("verify after import: exit %d: %s", code, stdout)
		}
	})
}

// caseDigest lists each source (hashes, size, text hash) and each statement
// (source hash, span, text, review, speaker) of a case, sorted, without ids.
func caseDigest(t *testing.T, db *store.DB, slug string) []string {
	t.Helper()
	ctx := context.Background()
	c, err := db.CaseBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	hashOf := map[int64]string{}
	var out []string
	for _, s := range sources {
		hashOf[s.ID] = s.SHA256
		out = append(out, strings.Join([]string{"source", s.SHA256, s.TextSHA256, s.Locator, s.Title, s.RetrievedAt.UTC().String()}, " "))
	}
	stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		out = append(out, strings.Join([]string{"statement", hashOf[s.SourceID][:12], strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Text, string(s.Review), s.SpeakerName, string(s.SaidOn)}, " "))
	}
	sort.Strings(out)
	return out
}

// TestBuildWritesWhatTheSiteServes builds the demo case and compares every
// file of the site with what the site's handler serves at its path: the
// downloads, originals and styles byte for byte, pages and feeds byte for
// byte but for their links, each of which must lead to the file of the
// page the live link names. English is written once, at the unprefixed
// pages, and the language switcher of every page leads to each language.
func TestBuildWritesWhatTheSiteServes(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatalf("demo.Load: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	built := time.Now().Add(-time.Second)
	st, err := buildCaseSite(ctx, db, demo.CaseSlug, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Broken) > 0 {
		t.Errorf("broken links:\n%s", strings.Join(st.Broken, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "en")); err == nil {
		t.Error("the export wrote /en/, a second copy of the English pages")
	}
	live := web.NewCaseSite(db, demo.CaseSlug)
	serve := func(p string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		live.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		return rec
	}
	pages, files, links := 0, 0, 0
	err = filepath.WalkDir(dir, func(file string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(file, dir+string(filepath.Separator)))
		got, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		// A page is written as its path's index.html; anything else under
		// its own name.
		p, rec := "/"+rel, (*httptest.ResponseRecorder)(nil)
		if dirOf, ok := strings.CutSuffix(rel, "index.html"); ok {
			p = "/" + strings.TrimSuffix(dirOf, "/")
			if slices.Contains([]string{"/en", "/ru", "/kk"}, p) {
				p += "/"
			}
			if rec = serve(p); !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
				p, rec = "/"+rel, nil
			} else {
				pages++
			}
		}
		if rec == nil {
			rec = serve(p)
			files++
		}
		if rec.Code != http.StatusOK {
			t.Errorf("%s: the site answers %s with %d", rel, p, rec.Code)
			return nil
		}
		want := rec.Body.Bytes()
		if p == "/"+rel && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %d bytes, the site serves %d at %s; want the same bytes", rel, len(got), len(want), p)
			}
			return nil
		}
		links += compareLinked(t, rel, got, want, built)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != st.Pages || files != st.Files {
		t.Errorf("the site holds %d pages and %d files, the build counted %d and %d", pages, files, st.Pages, st.Files)
	}
	t.Logf("compared %d pages and %d files (%d links) with the live site", pages, files, links)

	// The switcher of a page leads to that page in each language.
	for _, tc := range []struct{ page, lang, want string }{
		{"ru/cases/" + demo.CaseSlug + "/claims/index.html", "en", "cases/" + demo.CaseSlug + "/claims/index.html"},
		{"ru/cases/" + demo.CaseSlug + "/claims/index.html", "kk", "kk/cases/" + demo.CaseSlug + "/claims/index.html"},
		{"cases/" + demo.CaseSlug + "/claims/index.html", "ru", "ru/cases/" + demo.CaseSlug + "/claims/index.html"},
		{"kk/index.html", "en", "index.html"},
		{"index.html", "kk", "kk/index.html"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tc.page)))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`<a href="([^"]*)" lang="` + tc.lang + `"`).FindSubmatch(b)
		if m == nil {
			t.Errorf("%s has no switcher link to %s", tc.page, tc.lang)
			continue
		}
		got := path.Join(path.Dir(tc.page), string(m[1]))
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(got))); got != tc.want || err != nil {
			t.Errorf("%s: the switcher's %s leads to %s (%v), want %s", tc.page, tc.lang, got, err, tc.want)
		}
	}
}

// linkAttr is an attribute that links: its value is what the export
// rewrites.
var linkAttr = regexp.MustCompile(`(href|src)="([^"]*)"`)

// feedUpdated is a feed's time; a feed with no entries is updated now.
var feedUpdated = regexp.MustCompile(`<updated>([^<]*)</updated>`)

// compareLinked holds the page or feed written at rel to what the site
// serves: the same bytes outside the link values, each link of the site
// (an absolute path) leading from rel to the file of that path, and any
// other link as it was. A feed's time since built, the time it was
// served, is the one other difference. It returns how many links it
// compared.
func compareLinked(t *testing.T, rel string, got, want []byte, built time.Time) int {
	t.Helper()
	since := built.UTC().Format(time.RFC3339)
	blank := func(b []byte) string {
		s := linkAttr.ReplaceAllString(string(b), `$1=""`)
		return feedUpdated.ReplaceAllStringFunc(s, func(u string) string {
			if feedUpdated.FindStringSubmatch(u)[1] >= since {
				return "<updated>now</updated>"
			}
			return u
		})
	}
	if g, w := blank(got), blank(want); g != w {
		t.Errorf("%s differs from the live page outside its links:\n%s\nwant\n%s", rel, g, w)
		return 0
	}
	gl, wl := linkAttr.FindAllSubmatch(got, -1), linkAttr.FindAllSubmatch(want, -1)
	for i := range wl {
		g, w := string(gl[i][2]), string(wl[i][2])
		if !strings.HasPrefix(w, "/") || strings.HasPrefix(w, "//") {
			if g != w {
				t.Errorf("%s: link %q became %q; only the site's own links change", rel, w, g)
			}
			continue
		}
		wp, frag, _ := strings.Cut(w, "#")
		wp, _, _ = strings.Cut(wp, "?")
		target := strings.TrimPrefix(wp, "/")
		if base := path.Base(wp); !strings.Contains(base, ".") && base != "original" {
			target = strings.TrimPrefix(strings.TrimSuffix(wp, "/")+"/index.html", "/")
		}
		if frag != "" {
			target += "#" + frag
		}
		if resolved := path.Join(path.Dir(rel), g); resolved != target {
			t.Errorf("%s: the link to %s leads to %s, want %s", rel, w, resolved, target)
		}
	}
	return len(wl)
}
