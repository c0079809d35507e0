package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/benchgen/hugosite"
	"github.com/inquest-project/inquest/publish"
	"github.com/inquest-project/inquest/web"
)

// bench hugo sets the speed of `inquest build` beside Hugo's building the
// same pages from the same record on the same machine (issue 8, item 5).
//
// What "the same pages" means here: Inquest's export of a public case
// writes the front page, the case page, its seven list pages (claims,
// contradictions, who contradicts whom, timeline, figures, questions,
// people, open data), a page per claim, per source and per person, each in
// three copies: English at the root, Russian under /ru/ and Kazakh under
// /kk/. The Hugo site (package hugosite) has one content file
// for each of those pages at the same path, carrying what that page shows
// (a source's record, its text and its quotations with their stances; a
// person's positions and statements; a claim's stances), rendered by a base
// template, one single and one list template, a case navigation and a
// footer, with Hugo's multilingual mode and i18n catalogues for the labels.
//
// The two builds do different work for those pages, and the comparison says
// so rather than hiding it. Inquest renders every page from the database
// through the live site's handler: it loads the public record once, applies
// the visibility rules, marks each quotation's span in the source text,
// renders the SVG charts, and rewrites links to relative ones; it also
// writes the feeds, CSV and JSON downloads and archived originals (counted
// as other files, not pages). Hugo reads the record already joined into
// front matter (the join is done while writing the content, which is not
// timed), parses the source text as Markdown, and renders lists from its
// data file and sections; it writes no feeds or downloads. Hugo's count is
// the HTML pages it wrote, not its redirects (page/1/ of a paginated list,
// and /en/, which Hugo 0.111 always makes a redirect to /): as many as
// Inquest's.
func init() {
	register(&command{name: "bench hugo", summary: "compare the speed of inquest build with Hugo's on the same pages", run: runBenchHugo})
}

// hugoComparison is what bench hugo reports.
type hugoComparison struct {
	Case        string       `json:"case"`
	Statements  int          `json:"statements"` // public statements of the case
	Sources     int          `json:"sources"`
	Inquest     buildFigures `json:"inquest"`
	Hugo        buildFigures `json:"hugo"`
	HugoVersion string       `json:"hugo_version"`
	HugoMaxRSS  int64        `json:"hugo_max_rss_bytes,omitempty"` // hugo's peak resident set
	// Ratio is Inquest's pages per second divided by Hugo's, by wall time
	// and by processor time (user and system).
	Ratio       float64 `json:"ratio"`
	RatioCPU    float64 `json:"ratio_cpu"`
	LoadBefore  string  `json:"load_average_before,omitempty"`
	LoadAfter   string  `json:"load_average_after,omitempty"`
	Broken      int     `json:"broken_links"` // links in Inquest's export that lead nowhere
	Directories string  `json:"directories,omitempty"`
}

type buildFigures struct {
	Pages          int     `json:"pages"`
	Files          int     `json:"other_files"`
	Bytes          int64   `json:"bytes"`
	Seconds        float64 `json:"seconds"`
	CPUSeconds     float64 `json:"cpu_seconds"`
	PagesPerSecond float64 `json:"pages_per_second"`
	PagesPerCPU    float64 `json:"pages_per_cpu_second"`
}

func figures(pages, files int, bytes int64, took, cpu time.Duration) buildFigures {
	f := buildFigures{Pages: pages, Files: files, Bytes: bytes, Seconds: took.Seconds(), CPUSeconds: cpu.Seconds()}
	if took > 0 {
		f.PagesPerSecond = float64(pages) / took.Seconds()
	}
	if cpu > 0 {
		f.PagesPerCPU = float64(pages) / cpu.Seconds()
	}
	return f
}

func runBenchHugo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench hugo", "[--statements N] [--db DSN --case SLUG] [--hugo PATH] [--keep DIR] [--cpuprofile FILE] [--format text|json]")
	statements := fs.Int("statements", 20000, "statements of the case to generate into a temporary SQLite file (ignored with --db)")
	seed := fs.Uint64("seed", 1, "random seed of the generated case")
	dsn := fs.String("db", "", "build an existing public case in this database instead of generating one (with --case)")
	slug := fs.String("case", "bench", "the public case to build")
	hugo := fs.String("hugo", "hugo", "the hugo program: a path, or a name on PATH")
	keep := fs.String("keep", "", "keep the database, both sites and both outputs in this new or empty directory (default: a temporary one, removed)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the Inquest build (only) to this file, for go tool pprof")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return inquest.Errorf(inquest.EINVALID, "bench hugo takes no arguments (got %q)", pos[0])
	case *dsn == "" && *statements <= 0:
		return inquest.Errorf(inquest.EINVALID, "--statements %d: give a number of statements above zero, e.g. --statements 20000", *statements)
	}
	// Fail before generating anything when hugo is missing.
	if _, err := hugosite.Find(*hugo); err != nil {
		return err
	}
	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "inquest-bench-hugo-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return inquest.Errorf(inquest.EINVALID, "--keep %s is not empty; give a new or empty directory", dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	generate := *dsn == ""
	if generate {
		*dsn = filepath.Join(dir, "bench.db")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if generate {
		fmt.Fprintf(e.stderr, "Generating %d statements into %s…\n", *statements, *dsn)
		if _, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: *statements, Case: *slug, Seed: *seed}); err != nil {
			return err
		}
	}
	c, err := db.CaseBySlug(ctx, *slug)
	if err != nil {
		return err
	}
	if !c.Public {
		return inquest.Errorf(inquest.EINVALID, "case %q is not public; only a public case has a site to build", c.Slug)
	}

	fmt.Fprintln(e.stderr, "Writing the Hugo site…")
	site, err := hugosite.Write(ctx, db, c.Slug, filepath.Join(dir, "hugo-site"), web.StyleSheet())
	if err != nil {
		return err
	}
	res := hugoComparison{Case: c.Slug, LoadBefore: hugosite.LoadAverage()}
	if sts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed}); err == nil {
		res.Statements = len(sts)
	}
	if srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, PublicOnly: true, WithoutText: true}); err == nil {
		res.Sources = len(srcs)
	}

	fmt.Fprintln(e.stderr, "Building with Inquest…")
	runtime.GC() // start from a clean heap, as a fresh inquest build would
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	cpu0 := hugosite.ProcessCPU()
	st, err := publish.Export(ctx, web.NewCaseSite(db, c.Slug), filepath.Join(dir, "inquest-out"), publish.ExportOptions{
		Start: web.SiteStart(c.Slug),
		Skip:  web.NotPublic,
	})
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	res.Inquest = figures(st.Pages, st.Files, st.Bytes, st.Took, hugosite.ProcessCPU()-cpu0)
	res.Broken = len(st.Broken)

	fmt.Fprintln(e.stderr, "Building with Hugo…")
	hb, err := hugosite.Run(ctx, *hugo, site.Dir, filepath.Join(dir, "hugo-out"))
	if err != nil {
		return err
	}
	res.Hugo = figures(hb.Pages, hb.Files, hb.Bytes, hb.Took, hb.CPU)
	res.HugoVersion, res.HugoMaxRSS = hb.Version, hb.MaxRSS
	res.LoadAfter = hugosite.LoadAverage()
	if res.Hugo.PagesPerSecond > 0 {
		res.Ratio = res.Inquest.PagesPerSecond / res.Hugo.PagesPerSecond
	}
	if res.Hugo.PagesPerCPU > 0 {
		res.RatioCPU = res.Inquest.PagesPerCPU / res.Hugo.PagesPerCPU
	}
	if *keep != "" {
		res.Directories = dir
	}
	if hb.Redirects > 0 {
		fmt.Fprintf(e.stderr, "hugo also wrote %d redirects (/en/ and page/1/ of each paginated list), not counted as pages.\n", hb.Redirects)
	}
	if hb.Pages != site.Pages || site.Pages+site.Left != st.Pages {
		fmt.Fprintf(e.stderr, "The page counts differ: Inquest wrote %d pages, the Hugo site has %d (and leaves %d to hugo's redirects) and hugo wrote %d; the comparison is not like for like.\n",
			st.Pages, site.Pages, site.Left, hb.Pages)
	}

	if *format == "json" {
		return json.NewEncoder(e.stdout).Encode(res)
	}
	fmt.Fprintf(e.stdout, "Case %s: %d public statements in %d sources.\n", res.Case, res.Statements, res.Sources)
	fmt.Fprintf(e.stdout, "%-14s %7s %9s %9s %9s %12s %9s\n", "", "pages", "wall s", "pages/s", "cpu s", "pages/cpu s", "MB")
	for _, b := range []struct {
		name string
		f    buildFigures
	}{{"inquest build", res.Inquest}, {"hugo", res.Hugo}} {
		fmt.Fprintf(e.stdout, "%-14s %7d %9.2f %9.0f %9.2f %12.0f %9.1f\n", b.name, b.f.Pages, b.f.Seconds, b.f.PagesPerSecond,
			b.f.CPUSeconds, b.f.PagesPerCPU, float64(b.f.Bytes)/(1<<20))
	}
	fmt.Fprintf(e.stdout, "Ratio, Inquest pages/s ÷ Hugo pages/s: %.2f by wall time, %.2f by processor time.\n", res.Ratio, res.RatioCPU)
	fmt.Fprintf(e.stdout, "%s (peak memory %.0f MB); load average %s before, %s after.\n", res.HugoVersion, float64(res.HugoMaxRSS)/(1<<20), res.LoadBefore, res.LoadAfter)
	if res.Broken > 0 {
		fmt.Fprintf(e.stdout, "Inquest's export has %d links that lead nowhere (inquest build lists them).\n", res.Broken)
	}
	if res.Directories != "" {
		fmt.Fprintf(e.stdout, "Kept in %s: inquest-out/, hugo-site/, hugo-out/.\n", res.Directories)
	}
	return nil
}
