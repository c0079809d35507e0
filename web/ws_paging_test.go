package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestWorkspaceListsPaged: the workspace's case page and review queue of a
// generated case come a page at a time, and the "next" links reach every
// source and every suggestion, each once.
func TestWorkspaceListsPaged(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1500, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "pager", inquest.RoleAnalyst)
	c := newClient(t, NewServer(db, Options{}).Handler())
	c.login("pager")
	next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
	crawl := func(start string, item *regexp.Regexp) (map[string]int, int) {
		seen, pages := map[string]int{}, 0
		for path := start; path != ""; pages++ {
			rec := c.do("GET", path, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", path, rec.Code)
			}
			body := rec.Body.String()
			for _, m := range item.FindAllStringSubmatch(body, -1) {
				seen[m[1]]++
			}
			path = ""
			if m := next.FindStringSubmatch(body); m != nil {
				path = html.UnescapeString(m[1])
			}
			if pages > 500 {
				t.Fatal("the pages never end")
			}
		}
		return seen, pages
	}

	srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: res.Case.ID, LatestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, pages := crawl("/w/cases/bench", regexp.MustCompile(`<tr><td><a href="/w/sources/(\d+)"`))
	if pages < 2 || len(got) != len(srcs) {
		t.Errorf("case page: %d sources on %d pages, want %d on at least 2", len(got), pages, len(srcs))
	}
	for id, n := range got {
		if n != 1 {
			t.Errorf("source %s listed %d times", id, n)
		}
	}

	counts, err := db.ReviewCounts(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, n := range counts {
		want += n.Total()
	}
	items, pages := crawl("/w/cases/bench/review", regexp.MustCompile(`<li class="ws-item [^"]*" id="(item-[a-z]+-\d+)"`))
	if pages < 2 || len(items) != want {
		t.Errorf("review queue: %d items on %d pages, want %d on at least 2", len(items), pages, want)
	}
	for id, n := range items {
		if n != 1 {
			t.Errorf("item %s shown %d times", id, n)
		}
	}
	if rec := c.do("GET", "/w/cases/bench?page=999", nil); rec.Code != http.StatusNotFound {
		t.Errorf("a page past the end = %d, want 404", rec.Code)
	}

	// Contradictions, one status at a time: following "next" shows each
	// derived contradiction of the status once.
	if _, err := jobs.Reanalyse(ctx, db, res.Case.ID, inquest.ContradictionScope{}); err != nil {
		t.Fatal(err)
	}
	derived, err := db.ContradictionsByStatus(ctx, res.Case.ID, inquest.ContradictionSuggested)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetContradictionStatus(ctx, derived[0].ID, inquest.ContradictionDismissed, "not the same period", "pager"); err != nil {
		t.Fatal(err)
	}
	item := regexp.MustCompile(`<article class="ws-contradiction [^"]*" id="c-(\d+)"`)
	shown, pages := crawl("/w/cases/bench/contradictions", item)
	if pages < 2 || len(shown) != len(derived)-1 {
		t.Errorf("suggested contradictions: %d on %d pages, want %d on at least 2", len(shown), pages, len(derived)-1)
	}
	if _, ok := shown[fmt.Sprint(derived[0].ID)]; ok {
		t.Errorf("dismissed contradiction %d is listed among the suggested", derived[0].ID)
	}
	dismissed, _ := crawl("/w/cases/bench/contradictions?status=dismissed", item)
	if len(dismissed) != 1 || dismissed[fmt.Sprint(derived[0].ID)] != 1 {
		t.Errorf("dismissed list shows %v, want only %d", dismissed, derived[0].ID)
	}
	if rec := c.do("GET", "/w/cases/bench/contradictions?status=maybe", nil); rec.Code != http.StatusBadRequest {
		t.Errorf("an unknown status = %d, want 400", rec.Code)
	}
}
