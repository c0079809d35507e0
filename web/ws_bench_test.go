package web_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/web"
)

// BenchmarkWorkspacePages serves each workspace page to a signed-in
// analyst, in process, one request at a time: the processor cost of a
// page, and its size. The workspace is never cached, so this is what each
// request of it costs.
//
//	go test ./web -run '^$' -bench WorkspacePages -cpu 1 -benchtime 20x
//
// On a generated case of INQUEST_BENCH_STATEMENTS statements (5,000
// unless set), or on an existing database: INQUEST_BENCH_DB=/path/to/a/COPY.db
// INQUEST_BENCH_CASE=bench (the run adds an analyst and a session to it,
// so never point it at a database you care about).
func BenchmarkWorkspacePages(b *testing.B) {
	ctx := context.Background()
	dsn, slug := os.Getenv("INQUEST_BENCH_DB"), os.Getenv("INQUEST_BENCH_CASE")
	if dsn == "" {
		dsn, slug = filepath.Join(b.TempDir(), "ws.db"), "bench"
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c, err := db.CaseBySlug(ctx, slug)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND && os.Getenv("INQUEST_BENCH_DB") == "" {
		n := 5000
		if v, err := strconv.Atoi(os.Getenv("INQUEST_BENCH_STATEMENTS")); err == nil && v > 0 {
			n = v
		}
		res, gerr := benchgen.Generate(ctx, db, benchgen.Options{Statements: n, Case: slug, Seed: 1})
		if gerr != nil {
			b.Fatal(gerr)
		}
		c, err = res.Case, nil
	}
	if err != nil {
		b.Fatal(err)
	}
	name := make([]byte, 6)
	rand.Read(name)
	u := &inquest.User{Name: "wsbench-" + hex.EncodeToString(name), Role: inquest.RoleAnalyst}
	if err := db.CreateUser(ctx, u, "a long enough password for the bench"); err != nil {
		b.Fatal(err)
	}
	secret, _, err := db.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	defer db.DeleteUserSessions(context.WithoutCancel(ctx), u.ID)
	cookie := &http.Cookie{Name: "inquest_session", Value: secret}

	srcs, _, err := db.LatestSourcesPage(ctx, c.ID, 1, 0)
	if err != nil || len(srcs) == 0 {
		b.Fatalf("no source in case %s (%v)", c.Slug, err)
	}
	claims, err := db.Claims(ctx, c.ID)
	if err != nil || len(claims) == 0 {
		b.Fatalf("no claim in case %s (%v)", c.Slug, err)
	}
	people, err := db.People(ctx)
	if err != nil || len(people) == 0 {
		b.Fatalf("no people (%v)", err)
	}
	base := "/w/cases/" + c.Slug
	h := web.NewServer(db, web.Options{}).Handler()
	for _, p := range []struct{ name, path string }{
		{"home", "/w/"},
		{"case", base},
		{"review", base + "/review"},
		{"source", fmt.Sprintf("/w/sources/%d", srcs[0].ID)},
		{"search", base + "/search?q=prosecutor"},
		{"claims", base + "/claims"},
		{"claim", base + "/claims?claim=" + claims[len(claims)/2].Slug},
		{"contradictions", base + "/contradictions"},
		// Derived again on every request, as without the kept derivation
		// (ws_figures_cache.go); then as kept from that.
		{"figures-fresh", base + "/figures?fresh=1"},
		{"figures", base + "/figures"},
		{"figures-2", base + "/figures?page=2"},
		{"questions", base + "/questions"},
		{"people", "/w/people"},
		{"person", "/w/people/" + people[len(people)/2].Slug},
	} {
		b.Run(p.name, func(b *testing.B) {
			size := 0
			cpu0 := processCPU()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, p.path, nil)
				req.AddCookie(cookie)
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", p.path, rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size)/1024, "KiB/page")
			b.ReportMetric(float64(processCPU()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}
