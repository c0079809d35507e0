package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/publish"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/web"
)

// The public site's speed on a generated case: pages served live (the
// handler, through the cached public record) against the same pages served
// as files from the static export, and the export's pages per second.
//
//	INQUEST_BENCH_STATEMENTS=100000 go test -run '^$' -bench Public -benchtime 2000x ./web/
//
// The case has 5,000 statements unless INQUEST_BENCH_STATEMENTS says more.

type benchCase struct {
	db     *store.DB
	c      *inquest.Case
	live   http.Handler
	static http.Handler
	built  publish.ExportStats
	paths  map[string]string
}

var (
	benchOnce sync.Once
	benchSite *benchCase
	benchErr  error
)

func benchStatements() int {
	if n, err := strconv.Atoi(os.Getenv("INQUEST_BENCH_STATEMENTS")); err == nil && n > 0 {
		return n
	}
	return 5000
}

// publicBenchCase generates the case once for all the benchmarks of a run,
// in a directory removed at the end of the process.
func publicBenchCase(b *testing.B) *benchCase {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "inquest-pub-bench-")
		if err != nil {
			benchErr = err
			return
		}
		ctx := context.Background()
		db, err := store.Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			benchErr = err
			return
		}
		start := time.Now()
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: benchStatements(), Case: "bench", Seed: 1})
		if err != nil {
			benchErr = err
			return
		}
		fd, err := casework.New(db).Analyse(ctx, res.Case, inquest.DateOf(time.Now()))
		if err != nil {
			benchErr = err
			return
		}
		for i, k := range fd.Contradictions {
			if i >= 500 {
				break
			}
			if err := db.SetContradictionStatus(ctx, k.ID, inquest.ContradictionConfirmed, "", "bench"); err != nil {
				benchErr = err
				return
			}
		}
		ch := &inquest.Chapter{CaseID: res.Case.ID, Slug: "one", Title: "One", Body: "Text [@claim:" + fd.Record.Claims[0].Slug + "]."}
		if err := db.CreateChapter(ctx, ch, "bench"); err != nil {
			benchErr = err
			return
		}
		if _, err := db.PublishChapter(ctx, ch.ID, "bench"); err != nil {
			benchErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "generated %d statements, %d sources, %d contradictions in %s\n",
			res.Statements, res.Sources, len(fd.Contradictions), time.Since(start).Round(time.Millisecond))
		bc := &benchCase{db: db, c: res.Case, live: web.NewServer(db, web.Options{}).Handler()}
		out := filepath.Join(dir, "site")
		bc.built, err = publish.Export(ctx, web.NewCaseSite(db, "bench"), out, publish.ExportOptions{Start: []string{"/", "/cases/bench"}, Skip: web.NotPublic})
		if err != nil {
			benchErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "built %d pages and %d files (%.0f MB) in %s: %.0f pages/s; %d broken links\n",
			bc.built.Pages, bc.built.Files, float64(bc.built.Bytes)/(1<<20), bc.built.Took.Round(time.Millisecond), bc.built.PagesPerSecond(), len(bc.built.Broken))
		bc.static = http.FileServer(http.Dir(out))
		srcs, _ := db.Sources(ctx, inquest.SourceFilter{CaseID: res.Case.ID, Limit: 1})
		people, _ := db.People(ctx)
		bc.paths = map[string]string{
			"case":     "/cases/bench",
			"claim":    "/cases/bench/claims/" + fd.Record.Claims[0].Slug,
			"chapter":  "/cases/bench/chapters/one",
			"source":   fmt.Sprintf("/sources/%d", srcs[0].ID),
			"matrix":   "/cases/bench/matrix",
			"figures":  "/cases/bench/figures",
			"question": "/cases/bench/questions",
			"person":   "/people/" + people[0].Slug,
		}
		benchSite = bc
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchSite
}

func BenchmarkPublicLive(b *testing.B) {
	bc := publicBenchCase(b)
	for _, name := range []string{"case", "chapter", "claim", "source", "matrix", "figures", "question", "person"} {
		path := bc.paths[name]
		for _, mode := range []struct {
			name string
			h    http.Handler
			path string
		}{{"live", bc.live, path}, {"static", bc.static, staticPath(path)}} {
			b.Run(name+"/"+mode.name, func(b *testing.B) {
				if code := serve(mode.h, mode.path); code != http.StatusOK {
					b.Fatalf("GET %s = %d", mode.path, code)
				}
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if code := serve(mode.h, mode.path); code != http.StatusOK {
							b.Errorf("GET %s = %d", mode.path, code)
							return
						}
					}
				})
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			})
		}
	}
}

// BenchmarkPublicBuild exports the whole generated case again each round.
func BenchmarkPublicBuild(b *testing.B) {
	bc := publicBenchCase(b)
	pages := 0
	for b.Loop() {
		st, err := publish.Export(context.Background(), web.NewCaseSite(bc.db, "bench"), filepath.Join(b.TempDir(), "site"),
			publish.ExportOptions{Start: []string{"/", "/cases/bench"}, Skip: web.NotPublic})
		if err != nil {
			b.Fatal(err)
		}
		pages += st.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

func serve(h http.Handler, path string) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code
}

// staticPath is where the export wrote the page at path.
func staticPath(path string) string { return path + "/" }
