package web_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/publish"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// TestPublicListsPaged: the case page's sources, the contradictions, the
// timeline and a person's statements of a generated case come a page at a time, and following the
// "next" links reaches every item the unpaged list shows, each once; the
// static export follows them too.
func TestPublicListsPaged(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1500, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	fd, err := casework.New(db).Analyse(ctx, res.Case, inquest.DateOf(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range fd.Contradictions {
		if err := db.SetContradictionStatus(ctx, k.ID, inquest.ContradictionConfirmed, "", "test"); err != nil {
			t.Fatal(err)
		}
	}
	// The person who speaks most in the case, for a person page of
	// several pages.
	confirmed, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID, Review: inquest.Confirmed})
	if err != nil {
		t.Fatal(err)
	}
	said := map[int64]int{}
	var most int64
	for _, st := range confirmed {
		if said[st.PersonID]++; st.PersonID != 0 && said[st.PersonID] > said[most] {
			most = st.PersonID
		}
	}
	speaker, err := db.Person(ctx, most)
	if err != nil {
		t.Fatal(err)
	}
	lists := []struct {
		name, start string
		item        *regexp.Regexp
		minPages    int
	}{
		{"person", "/people/" + speaker.Slug, regexp.MustCompile(`<li id="s-(\d+)">`), 2}, // pages of 10; the case gives its busiest speaker a dozen
		{"sources", "/cases/bench", regexp.MustCompile(`<h3><a href="/sources/(\d+)"`), 2},
		{"contradictions", "/cases/bench/contradictions", regexp.MustCompile(`<li id="c-(\d+)"`), 3},
		{"matrix actors", "/cases/bench/matrix", regexp.MustCompile(`<a href="(/people/[^"]+)"`), 2},
		{"timeline", "/cases/bench/timeline", regexp.MustCompile(`<li class="tl-[a-z]+"><span class="tl-kind">[^<]*</span>\s*<a href="([^"]+)"`), 2},
	}
	// Small pages, so that every list has several; the same lists unpaged
	// are the reference.
	defer web.SetPageSizesForTest(10, 50)()
	paged := web.NewServer(db, web.Options{}).Handler()
	for _, l := range lists {
		t.Run(l.name, func(t *testing.T) {
			restore := web.SetPageSizesForTest(1<<30, 1<<30)
			want, pages := crawl(t, web.NewServer(db, web.Options{}).Handler(), l.start, l.item)
			restore()
			if pages != 1 {
				t.Fatalf("unpaged list has %d pages", pages)
			}
			if len(want) <= 10 {
				t.Fatalf("only %d items: the case is too small to test paging", len(want))
			}
			got, pages := crawl(t, paged, l.start, l.item)
			if pages < l.minPages {
				t.Errorf("%d pages, want at least %d", pages, l.minPages)
			}
			if !maps.Equal(got, want) {
				t.Errorf("pages show %d items, the whole list %d", len(got), len(want))
			}
		})
	}
	for _, path := range []string{"/cases/bench/page/1", "/cases/bench/page/0", "/cases/bench/page/02", "/cases/bench/page/99", "/cases/bench/contradictions/page/x", "/people/" + speaker.Slug + "/page/1", "/people/" + speaker.Slug + "/page/99"} {
		if rec := get(t, paged, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, rec.Code)
		}
	}

	t.Run("static export", func(t *testing.T) {
		dir := t.TempDir()
		st, err := publish.Export(ctx, web.NewCaseSite(db, "bench"), dir, publish.ExportOptions{Start: web.SiteStart("bench"), Skip: web.NotPublic})
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Broken) > 0 {
			t.Errorf("%d broken links, first %s", len(st.Broken), st.Broken[0])
		}
		for _, p := range []string{"cases/bench/page/2/index.html", "cases/bench/contradictions/page/3/index.html", "ru/cases/bench/timeline/page/2/index.html"} {
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				t.Errorf("export lacks %s: %v", p, err)
			}
		}
		srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: res.Case.ID, PublicOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("sources/%d/index.html", s.ID))); err != nil {
				t.Errorf("export lacks source %d: %v", s.ID, err)
				break
			}
		}
	})
}

var nextLink = regexp.MustCompile(`<a rel="next" href="([^"]+)"`)

// crawl follows the "next" links from start and counts the items item
// matches on every page.
func crawl(t *testing.T, h http.Handler, start string, item *regexp.Regexp) (map[string]int, int) {
	t.Helper()
	items := map[string]int{}
	pages := 0
	for path := start; path != ""; pages++ {
		rec := get(t, h, path)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		body := rec.Body.String()
		for _, m := range item.FindAllStringSubmatch(body, -1) {
			items[m[1]]++
		}
		path = ""
		if m := nextLink.FindStringSubmatch(body); m != nil {
			path = m[1]
		}
		if pages > 1000 {
			t.Fatal("the pages never end")
		}
	}
	return items, pages
}
