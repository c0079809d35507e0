package store_test

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the server's processes

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// searchQueries mix rare and common words, English and Russian, one word and
// several, and prefixes, as analysts type them.
var searchQueries = []string{
	"prosecutor", "Taldykorgan", "tortured custody", "иностранные боевики", "задержанных", "airport seized",
	"Suleimenov", "Жанаозене", "peacekeeping contingent", "evidence", "пыткам", "commission report",
	"террорист", "Kenzhebaev", "were not there", "Шымкенте",
}

// BenchmarkSearchAtScale runs full-text searches over a large generated
// case on each backend and reports the latency percentiles of one search:
// "sources" is the first page of 50 sources with snippets, "record" the
// workspace's search page (up to 50 hits of each kind: sources, statements,
// people, claims). The case is generated
// (INQUEST_BENCH_STATEMENTS, default 100,000) unless INQUEST_BENCH_SQLITE or
// INQUEST_BENCH_POSTGRES name a database made by 'inquest bench gen'.
//
//	INQUEST_TEST_POSTGRES=postgres://... go test -run '^$' -bench SearchAtScale -benchtime 400x -timeout 60m ./store/
func BenchmarkSearchAtScale(b *testing.B) {
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			ctx := context.Background()
			db, c := storetest.BenchCase(b, backend)
			for _, kind := range []struct {
				name   string
				search func(q string) (int, error)
			}{
				{"sources", searchKinds(ctx, db, c, "source")},
				{"record", searchKinds(ctx, db, c)},
				// The record's parts alone, to tell which one its p95 comes from.
				{"statements", searchKinds(ctx, db, c, "statement")},
				{"people", searchKinds(ctx, db, c, "person")},
				{"claims", searchKinds(ctx, db, c, "claim")},
			} {
				b.Run(kind.name, func(b *testing.B) {
					// One untimed round first: the figures are of a warm
					// cache and of as many warm connections as the search
					// uses at once, as on a server that has been up a while.
					for _, q := range searchQueries {
						if _, err := kind.search(q); err != nil {
							b.Fatal(err)
						}
					}
					server := serverCPU(b, backend)
					var took []time.Duration
					byQuery := map[string]time.Duration{}
					hits := 0
					cpuStart := cpuTime()
					for i := 0; b.Loop(); i++ {
						q := searchQueries[i%len(searchQueries)]
						start := time.Now()
						n, err := kind.search(q)
						if err != nil {
							b.Fatal(err)
						}
						took = append(took, time.Since(start))
						byQuery[q] = max(byQuery[q], time.Since(start))
						hits += n
					}
					slowest := slices.SortedFunc(maps.Keys(byQuery), func(x, y string) int { return cmp.Compare(byQuery[y], byQuery[x]) })
					for _, q := range slowest[:min(4, len(slowest))] {
						b.Logf("slowest: %q %s", q, byQuery[q].Round(time.Millisecond))
					}
					// The processor time of this process per search: on SQLite
					// the whole cost, which is what a search takes on an idle core.
					b.ReportMetric(float64((cpuTime()-cpuStart).Microseconds())/1000/float64(b.N), "cpu-ms/search")
					if server != nil {
						// PostgreSQL's share, which wall time on a busy
						// machine hides: the search's cost on idle cores.
						b.ReportMetric(float64(server().Microseconds())/1000/float64(b.N), "server-cpu-ms/search")
					}
					if hits == 0 {
						b.Fatal("no search found anything: the generated text and the queries do not meet")
					}
					reportPercentiles(b, took)
				})
			}
		})
	}
}

// searchKinds returns a search of the workspace over kinds (all kinds when
// none), reporting the number of hits.
func searchKinds(ctx context.Context, db *store.DB, c *inquest.Case, kinds ...string) func(q string) (int, error) {
	return func(q string) (int, error) {
		got, err := db.SearchRecord(ctx, inquest.RecordQuery{CaseID: c.ID, Text: q, Kinds: kinds, Workspace: true})
		return len(got), err
	}
}

// serverCPU returns a function that reports the processor time the
// PostgreSQL server's processes serving the benchmark's database have used
// since serverCPU was called, when the benchmark runs on a database named by
// EnvBenchPostgres on this machine (the processes' /proc/PID/stat); nil
// otherwise. Other clients of the same database would be counted too.
func serverCPU(b *testing.B, backend string) func() time.Duration {
	dsn := os.Getenv(storetest.EnvBenchPostgres)
	if backend != "postgres" || dsn == "" {
		return nil
	}
	conn, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close() })
	ticks := func() map[int]int64 {
		rows, err := conn.Query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		out := map[int]int64{}
		for rows.Next() {
			var pid int
			if err := rows.Scan(&pid); err != nil {
				b.Fatal(err)
			}
			stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
			if err != nil {
				continue // on another machine, or gone
			}
			// Fields after the command's closing parenthesis: state is the
			// first, utime and stime the 12th and 13th.
			fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
			if len(fields) > 12 {
				utime, _ := strconv.ParseInt(fields[11], 10, 64)
				stime, _ := strconv.ParseInt(fields[12], 10, 64)
				out[pid] = utime + stime
			}
		}
		return out
	}
	start := ticks()
	return func() time.Duration {
		var used int64
		for pid, t := range ticks() {
			used += t - start[pid]
		}
		return time.Duration(used) * time.Second / 100 // USER_HZ
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
