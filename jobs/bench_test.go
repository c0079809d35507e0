package jobs_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

var backends = []struct {
	name string
	open func(testing.TB) *store.DB
}{{"sqlite", storetest.Open}, {"postgres", storetest.OpenPostgres}}

func envInt(b *testing.B, name string, def int) int {
	if v := os.Getenv(name); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("%s=%q is not a positive number", name, v)
		}
		return n
	}
	return def
}

// BenchmarkReanalyseAfterOneChange generates a case of
// INQUEST_BENCH_STATEMENTS statements (default 100,000), or takes the case
// "bench" of the database INQUEST_BENCH_SQLITE or INQUEST_BENCH_POSTGRES
// names (it changes stances there: use a copy), and then, in each
// iteration, changes one stance as an analyst would (DecideStance) and
// re-analyses what that change can affect, as the analysis.reanalyse job
// does: reading the claim's stances, deriving and saving its contradictions.
// The log gives the time of the first, full analysis of the case (skipped
// when the database given already holds the case's contradictions).
//
//	INQUEST_TEST_POSTGRES=postgres://... go test -run '^$' -bench ReanalyseAfterOneChange -benchtime 20x -timeout 60m ./jobs/
func BenchmarkReanalyseAfterOneChange(b *testing.B) {
	for _, backend := range backends {
		b.Run(backend.name, func(b *testing.B) {
			ctx := context.Background()
			db, c := storetest.BenchCase(b, backend.name)
			stances, err := db.Stances(ctx, c.ID)
			if err != nil || len(stances) == 0 {
				b.Fatalf("%d stances, %v", len(stances), err)
			}
			var statements int
			if err := db.RawQueryRow(ctx, "SELECT count(*) FROM statements WHERE case_id = ?", c.ID).Scan(&statements); err != nil {
				b.Fatal(err)
			}
			if existing, err := db.Contradictions(ctx, c.ID); err != nil || len(existing) == 0 {
				// The first, full analysis of the case, as after a bulk import.
				full, err := jobs.Reanalyse(ctx, db, c.ID, inquest.ContradictionScope{})
				if err != nil {
					b.Fatal(err)
				}
				b.Logf("%d statements, %d stances: full analysis %s, %d contradictions", statements, len(stances), full.Took.Round(time.Millisecond), full.Contradictions)
			} else {
				b.Logf("%d statements, %d stances, %d contradictions already derived", statements, len(stances), len(existing))
			}
			flip := map[inquest.StanceKind]inquest.StanceKind{inquest.Supports: inquest.Denies, inquest.Denies: inquest.Supports, inquest.Qualifies: inquest.Denies}
			for _, mode := range []string{"one-stance"} {
				b.Run(mode, func(b *testing.B) {
					derived := 0
					for i := 0; b.Loop(); i++ {
						s := stances[(i*7919)%len(stances)]
						s.Stance = flip[s.Stance]
						if err := db.DecideStance(ctx, s.StatementID, s.ClaimID, s.Stance, inquest.Confirmed, "bench", ""); err != nil {
							b.Fatal(err)
						}
						scope := inquest.ContradictionScope{ClaimID: s.ClaimID, StatementID: s.StatementID}
						if mode == "full" {
							scope = inquest.ContradictionScope{}
						}
						r, err := jobs.Reanalyse(ctx, db, c.ID, scope)
						if err != nil {
							b.Fatal(err)
						}
						derived += r.Contradictions
					}
					b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/change")
					b.ReportMetric(float64(derived)/float64(b.N), "contradictions/change")
				})
			}
		})
	}
}

// BenchmarkIngestDocuments ingests INQUEST_BENCH_DOCUMENTS generated
// news-sized articles (default 10,000; about 5 KB each, English and Russian)
// end to end, as `inquest ingest DIR` does (ingest.Pipeline.Run): list the
// directory, read and decode the files and run the extraction engine with
// the case's people and claims on GOMAXPROCS goroutines, and store each
// source with its bytes archived and its suggestions, in order, several to a
// transaction. The case is the small one `inquest bench gen --statements
// 100` makes. One iteration is the whole set; it reports documents per
// second, the seconds for the set and the processor seconds of this process
// (on PostgreSQL the server's share is not counted).
//
//	go test -run '^$' -bench IngestDocuments -benchtime 1x -timeout 60m ./jobs/
//
// INQUEST_BENCH_DOCS_DIR=DIR keeps the files in DIR, to time the command on
// the same set.
func BenchmarkIngestDocuments(b *testing.B) {
	n := envInt(b, "INQUEST_BENCH_DOCUMENTS", 10_000)
	docs := benchgen.Documents(n, 1)
	// INQUEST_BENCH_DOCS_DIR keeps the files, to time `inquest ingest` on
	// the same set (see BENCHMARKS.md).
	dir := os.Getenv("INQUEST_BENCH_DOCS_DIR")
	if dir == "" {
		dir = b.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Name), []byte(d.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, backend := range backends {
		b.Run(backend.name, func(b *testing.B) {
			ctx := context.Background()
			total, cpu, docsDone := time.Duration(0), time.Duration(0), 0
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				db := backend.open(b)
				// A small case with people and claims, as `inquest bench gen
				// --statements 100` makes it: the engine resolves speakers
				// and suggests stances on the case's claims, as in a real case.
				gen, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 100, Case: fmt.Sprint("news-", i), Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				c := gen.Case
				reader := ingest.NewReader(ingest.DefaultOptions())
				b.StartTimer()
				start, cpuStart := time.Now(), cpuTime()
				p, err := ingest.NewPipeline(ctx, db, c.ID)
				if err != nil {
					b.Fatal(err)
				}
				// As `inquest ingest DIR` does it: list the directory, read
				// and extract on GOMAXPROCS goroutines, store in order.
				list, err := reader.Expand(dir)
				if err != nil {
					b.Fatal(err)
				}
				items := make([]ingest.Item, len(list))
				for i, name := range list {
					items[i] = ingest.Item{Arg: dir, Name: name}
				}
				created := 0
				err = p.Run(ctx, reader, items, ingest.RunOptions{}, func(o ingest.Outcome) {
					if o.Err != nil || !o.Created {
						b.Fatalf("ingest %s: created %v, %v", o.Name, o.Created, o.Err)
					}
					created++
				})
				if err != nil || created != len(docs) {
					b.Fatalf("%d of %d documents stored: %v", created, len(docs), err)
				}
				total += time.Since(start)
				cpu += cpuTime() - cpuStart
				docsDone += len(docs)
			}
			b.ReportMetric(float64(docsDone)/total.Seconds(), "docs/s")
			b.ReportMetric(total.Seconds()/float64(b.N), "s/set")
			// On SQLite everything runs in this process, so this is the
			// whole cost; on PostgreSQL the server's share is not counted.
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/set")
			b.ReportMetric(0, "ns/op")
		})
	}
}
