package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
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
	dsn := fs.String("db", "", "an EMPTY database to run against (default: a temporary SQLite file); never a workspace in use; with --case, the database holding that case")
	caseSlug := fs.String("case", "", "read this existing public case instead (e.g. the one `bench gen` makes): a mix of its public pages, and workspace pages for --analysts of the readers; no writers. "+
		"To sign in it creates a throwaway analyst user loadtest-XXXX and ends its session afterwards (the user stays, with an unknown password): use a copy of a database you care about")
	warmup := fs.Duration("warmup", 0, "with --case, run the mix this long before measuring, unmeasured (after one request of each public route), to measure a server that has served a while")
	analysts := fs.Int("analysts", -1, "with --case, how many of the readers are signed-in analysts asking for workspace pages (default: one in five)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run (server and clients) to this file, for go tool pprof")
	rate := fs.Float64("rate", 0, "with --case, requests a second the readers send in all, each reader on its own schedule, timed from when each request was due (default: as fast as answers come, which measures throughput)")
	server := fs.String("server", "", "with --case, send the requests to this running server (e.g. http://127.0.0.1:8080 of 'inquest serve --db' on the same database) instead of one in this process, so that its memory can be measured on its own")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the run (what is held then, and what the run allocated) to this file, for go tool pprof")
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
	if *caseSlug != "" {
		if !flagSet(fs, "writers") {
			*writers = 0
		}
		if *analysts < 0 {
			*analysts = *readers / 5
		}
	} else if *analysts > 0 {
		return inquest.Errorf(inquest.EINVALID, "--analysts needs --case: the load case has no workspace readers")
	} else if *rate != 0 {
		return inquest.Errorf(inquest.EINVALID, "--rate needs --case")
	} else if *server != "" {
		return inquest.Errorf(inquest.EINVALID, "--server needs --case: the load case is written by this process's own server")
	}
	if *rate < 0 {
		return inquest.Errorf(inquest.EINVALID, "--rate %g: give requests a second, more than 0", *rate)
	}
	if *server != "" {
		if u, err := url.Parse(*server); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return inquest.Errorf(inquest.EINVALID, "--server %q is not a server's address: give one such as http://127.0.0.1:8080", *server)
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench load: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench load: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	rep, err := loadtest.Run(ctx, loadtest.Config{DSN: *dsn, Readers: *readers, Writers: *writers, Duration: *duration,
		MaxRequests: *requests, Seed: *seed, WriteSize: *size, Case: *caseSlug, Analysts: max(0, *analysts), Warmup: *warmup, Server: *server, Rate: *rate})
	if err != nil {
		return err
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return fmt.Errorf("bench load: %w", err)
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		paced := ""
		if *rate > 0 {
			paced = fmt.Sprintf(" sending %g requests a second in all", *rate)
		}
		fmt.Fprintf(e.stdout, "Load test on %s, 127.0.0.1, case %s, %d readers%s, %d writers, %s:\n", rep.Backend, rep.Case, *readers, paced, *writers, rep.Elapsed.Round(time.Millisecond))
		type statRow struct {
			name string
			s    loadtest.Stats
		}
		rows := []statRow{{"reads (HTTP)", rep.Reads}, {"writes (ingest)", rep.Writes}}
		if *caseSlug != "" {
			rows = []statRow{{"reads (HTTP)", rep.Reads}, {"  public", rep.Public}, {"  workspace", rep.Workspace}}
		}
		for _, row := range rows {
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
			fmt.Fprintf(e.stdout, "    %-30s %7d  %8.1f/s  p50 %-9s p99 %s\n", r, s.Count, s.PerSecond, s.P50.Round(10*time.Microsecond), s.P99.Round(10*time.Microsecond))
		}
		for i, sr := range rep.Slowest {
			if i == 0 {
				fmt.Fprintf(e.stdout, "  slowest reads (when due, from the start of the run):\n")
			}
			fmt.Fprintf(e.stdout, "    %-9s at %6.2fs  %-28s %s\n", sr.Took.Round(100*time.Microsecond), sr.At.Seconds(), sr.Route, sr.Path)
		}
		if len(rep.Skipped) > 0 {
			fmt.Fprintf(e.stdout, "    not asked for (the case has none): %s\n", strings.Join(rep.Skipped, ", "))
		}
		fmt.Fprintf(e.stdout, "  processor time %s (%.2f ms a request); peak RSS %.1f MB (%s)\n",
			rep.CPU.Round(time.Millisecond), float64(rep.CPU.Microseconds())/1000/float64(max(1, rep.Reads.Count+rep.Writes.Count)), float64(rep.PeakRSS)/(1<<20), rssOf(*server))
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

// rssOf says whose memory the peak RSS is.
func rssOf(server string) string {
	if server != "" {
		return "the readers only; the server's is its own"
	}
	return "server and clients, one process"
}

// writeHeapProfile writes the heap profile to the file name.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC() // the profile shows what is held after the latest collection
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
