package store_test

import (
	"cmp"
	"context"
	"maps"
	"os"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// benchStatements is the size of the generated case for the benchmarks at
// scale: 100,000 statements unless INQUEST_BENCH_STATEMENTS says otherwise.
func benchStatements(b *testing.B) int {
	n := 100_000
	if v := os.Getenv("INQUEST_BENCH_STATEMENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("INQUEST_BENCH_STATEMENTS=%q is not a positive number", v)
		}
	}
	return n
}

// searchQueries mix rare and common words, English and Russian, one word and
// several, and prefixes, as analysts type them.
var searchQueries = []string{
	"prosecutor", "Taldykorgan", "tortured custody", "иностранные боевики", "задержанных", "airport seized",
	"Suleimenov", "Жанаозене", "peacekeeping contingent", "evidence", "пыткам", "commission report",
	"террорист", "Kenzhebaev", "were not there", "Шымкенте",
}

// BenchmarkSearchAtScale generates a case of INQUEST_BENCH_STATEMENTS
// statements (default 100,000; about 10,000 sources) on each backend, then
// runs full-text searches over its sources and reports the latency
// percentiles of one search (first page of 50 hits with snippets).
//
//	INQUEST_TEST_POSTGRES=postgres://... go test -run '^$' -bench SearchAtScale -benchtime 400x -timeout 60m ./store/
func BenchmarkSearchAtScale(b *testing.B) {
	for _, backend := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.Open}, {"postgres", storetest.OpenPostgres}} {
		b.Run(backend.name, func(b *testing.B) {
			ctx := context.Background()
			db := backend.open(b)
			res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: benchStatements(b), Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("generated %d statements in %d sources in %s (%.0f statements/s)", res.Statements, res.Sources, res.Took.Round(time.Second), res.PerSecond())
			var took []time.Duration
			byQuery := map[string]time.Duration{}
			hits := 0
			cpuStart := cpuTime()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				got, err := db.SearchSources(ctx, store.SearchFilter{CaseID: res.Case.ID, Query: searchQueries[i%len(searchQueries)], LatestOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
				byQuery[searchQueries[i%len(searchQueries)]] = max(byQuery[searchQueries[i%len(searchQueries)]], time.Since(start))
				hits += len(got)
			}
			slowest := slices.SortedFunc(maps.Keys(byQuery), func(x, y string) int { return cmp.Compare(byQuery[y], byQuery[x]) })
			for _, q := range slowest[:min(4, len(slowest))] {
				b.Logf("slowest: %q %s", q, byQuery[q].Round(time.Millisecond))
			}
			// The processor time of this process per search: on SQLite the
			// whole cost, which is what a search takes on an idle core.
			b.ReportMetric(float64((cpuTime()-cpuStart).Microseconds())/1000/float64(b.N), "cpu-ms/search")
			if hits == 0 {
				b.Fatal("no search found anything: the generated text and the queries do not meet")
			}
			reportPercentiles(b, took)
		})
	}
}

// cpuTime is the processor time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportPercentiles reports the p50 and p95 of ds in milliseconds.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	at := func(p float64) float64 {
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(0, "ns/op") // the percentiles say it better than a mean
}
