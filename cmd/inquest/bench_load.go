package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/loadtest"
)

func init() {
	register(&command{name: "bench load", summary: "load-test the server on loopback with readers and writers", run: runBenchLoad})
}

func runBenchLoad(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench load", "[flags]")
	readers := fs.Int("readers", 16, "concurrent readers (case page, source pages, downloads, JSON)")
	writers := fs.Int("writers", 4, "concurrent writers (sources through the ingest pipeline)")
	duration := fs.Duration("duration", 30*time.Second, "how long to run at most")
	requests := fs.Int("requests", 200000, "how many requests and writes in all at most")
	seed := fs.Int("seed", 50, "sources stored before the run")
	size := fs.Int("size", 4096, "bytes of each document written")
	// Not dbFlag: a load test must never write into a workspace by default.
	dsn := fs.String("db", "", "an EMPTY database to run against (default: a temporary SQLite file); never a workspace in use")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "unexpected argument %q", pos[0])
	}
	rep, err := loadtest.Run(ctx, loadtest.Config{DSN: *dsn, Readers: *readers, Writers: *writers, Duration: *duration,
		MaxRequests: *requests, Seed: *seed, WriteSize: *size})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stdout, "Load test on %s, 127.0.0.1, %d readers, %d writers, %s:\n", rep.Backend, *readers, *writers, rep.Elapsed.Round(time.Millisecond))
		for _, row := range []struct {
			name string
			s    loadtest.Stats
		}{{"reads (HTTP)", rep.Reads}, {"writes (ingest)", rep.Writes}} {
			fmt.Fprintf(e.stdout, "  %-16s %7d  %8.1f/s  p50 %-9s p99 %-9s max %s\n", row.name, row.s.Count, row.s.PerSecond,
				row.s.P50.Round(10*time.Microsecond), row.s.P99.Round(10*time.Microsecond), row.s.Max.Round(10*time.Microsecond))
		}
		routes := make([]string, 0, len(rep.Routes))
		for r := range rep.Routes {
			routes = append(routes, r)
		}
		sort.Strings(routes)
		for _, r := range routes {
			s := rep.Routes[r]
			fmt.Fprintf(e.stdout, "    %-14s %7d  %8.1f/s  p50 %-9s p99 %s\n", r, s.Count, s.PerSecond, s.P50.Round(10*time.Microsecond), s.P99.Round(10*time.Microsecond))
		}
		fmt.Fprintf(e.stdout, "  errors %d; acknowledged writes %d, lost %d; archive and audit chain verified: %v\n",
			rep.Errors, rep.Acked, rep.Lost, rep.Verified)
		for _, s := range rep.Samples {
			fmt.Fprintf(e.stderr, "  %s\n", s)
		}
	}
	if rep.Errors > 0 || rep.Lost > 0 || !rep.Verified {
		return exitError{1}
	}
	return nil
}
