package web

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
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
	c := newClient(t, NewServer(db, Options{Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))}).Handler())
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
				// A browser sends no fragment.
				path, _, _ = strings.Cut(html.UnescapeString(m[1]), "#")
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

	// The triage pages and people: each reads a page of its own list, and
	// "next" reaches every item of it once.
	stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: res.Case.ID})
	if err != nil {
		t.Fatal(err)
	}
	stmtByID := map[int64]*inquest.Statement{}
	perPerson := map[int64]int{}
	var busiest int64
	for _, st := range stmts {
		stmtByID[st.ID] = st
		if st.PersonID != 0 && st.Review != inquest.Rejected {
			if perPerson[st.PersonID]++; perPerson[st.PersonID] > perPerson[busiest] {
				busiest = st.PersonID
			}
		}
	}
	stances, err := db.Stances(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := db.Claims(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	listed, _ := crawl("/w/cases/bench/claims", regexp.MustCompile(`<li id="claim-([^"]+)"><a href="/w/cases/bench/claims\?claim=`))
	if len(listed) != len(claims) {
		t.Errorf("claims page lists %d claims, want %d", len(listed), len(claims))
	}
	wantOn := map[int64]map[string]int{}
	for _, sn := range stances {
		if sn.Review != inquest.Rejected && stmtByID[sn.StatementID].Review != inquest.Rejected {
			if wantOn[sn.ClaimID] == nil {
				wantOn[sn.ClaimID] = map[string]int{}
			}
			wantOn[sn.ClaimID][fmt.Sprint(sn.ID)] = 1
		}
	}
	for _, cl := range claims[:3] {
		got, _ := crawl("/w/cases/bench/claims?claim="+cl.Slug, regexp.MustCompile(`<li id="stance-(\d+)">`))
		if want := wantOn[cl.ID]; fmt.Sprint(got) != fmt.Sprint(want) && (len(got) > 0 || len(want) > 0) {
			t.Errorf("claim %s shows stances %v, want %v", cl.Slug, got, want)
		}
	}
	if rec := c.do("GET", "/w/cases/bench/claims?claim=no-such", nil); rec.Code != http.StatusNotFound {
		t.Errorf("an unknown claim = %d, want 404", rec.Code)
	}

	person, err := db.Person(ctx, busiest)
	if err != nil {
		t.Fatal(err)
	}
	said, _ := crawl("/w/people/"+person.Slug, regexp.MustCompile(`<li class="statement [^"]*" id="st-(\d+)">`))
	if len(said) != perPerson[busiest] {
		t.Errorf("%s's page shows %d statements, want %d", person.Slug, len(said), perPerson[busiest])
	}

	questions, err := db.Questions(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantQ := 0
	for _, q := range questions {
		if q.Review != inquest.Rejected {
			wantQ++
		}
	}
	asked, _ := crawl("/w/cases/bench/questions", regexp.MustCompile(`<li id="q-(\d+)">`))
	if len(asked) != wantQ || wantQ == 0 {
		t.Errorf("questions page shows %d questions, want %d", len(asked), wantQ)
	}

	figures, err := db.Figures(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantF := 0
	for _, f := range figures {
		if f.Review != inquest.Rejected {
			wantF++
		}
	}
	shownF, pages := crawl("/w/cases/bench/figures", regexp.MustCompile(`<li id="fig-(\d+)">`))
	if len(shownF) != wantF || pages < 2 {
		t.Errorf("figures page shows %d figures on %d pages, want %d on at least 2", len(shownF), pages, wantF)
	}
	for id, n := range shownF {
		if n != 1 {
			t.Errorf("figure %s listed %d times", id, n)
		}
	}

	everyone, err := db.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	listedP, _ := crawl("/w/people", regexp.MustCompile(`<li><a href="/w/people/([^"]+)">`))
	if len(listedP) != len(everyone) {
		t.Errorf("people page lists %d people, want %d", len(listedP), len(everyone))
	}

	if rec := c.do("GET", "/w/", nil); rec.Code != http.StatusOK || !regexp.MustCompile(`>\d+( or more)? waiting for review<`).MatchString(rec.Body.String()) {
		t.Errorf("front page %d does not say how much waits", rec.Code)
	}
}
