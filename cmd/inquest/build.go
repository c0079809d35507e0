package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/publish"
	"github.com/inquest-project/inquest/web"
)

func init() {
	register(&command{name: "build", summary: "write the public site of a case as static files", run: runBuild})
}

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "build", "--case SLUG --out DIR [--db DSN]")
	slug := fs.String("case", "", "the public case to build (required)")
	out := fs.String("out", "", "directory to write the site into; new or empty (required)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return inquest.Errorf(inquest.EINVALID, "build takes no arguments (got %q); name the case with --case", pos[0])
	case *slug == "":
		return inquest.Errorf(inquest.EINVALID, "build needs --case SLUG: the public case to build")
	case *out == "":
		return inquest.Errorf(inquest.EINVALID, "build needs --out DIR: where to write the site")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := buildCaseSite(ctx, db, *slug, *out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Built %s into %s: %d pages and %d other files (%.1f MB) in %s, %.0f pages a second.\n",
		*slug, *out, st.Pages, st.Files, float64(st.Bytes)/(1<<20), st.Took.Round(1e6), st.PagesPerSecond())
	if len(st.Broken) > 0 {
		fmt.Fprintf(e.stderr, "%d linked paths were not written (the page a link leads to answered no page, or failed midway):\n  %s\n",
			len(st.Broken), strings.Join(st.Broken, "\n  "))
		return exitError{1}
	}
	return nil
}

// buildCaseSite writes the public site of the case slug into dir (new or
// empty), through the same handler that serves it live; progress, when
// set, hears how many paths are done of those known so far. Shared by
// 'inquest build' and the build.static job (siteBuilder). EINVALID for a
// case that is not public; ENOTFOUND.
func buildCaseSite(ctx context.Context, db inquest.Store, slug, dir string, progress func(done, known int64) error) (publish.ExportStats, error) {
	c, err := db.CaseBySlug(ctx, slug)
	if err != nil {
		return publish.ExportStats{}, err
	}
	if !c.Public {
		return publish.ExportStats{}, inquest.Errorf(inquest.EINVALID, "case %q is not public; make it public first (inquest case update %s --public) or it has no public site", c.Slug, c.Slug)
	}
	opt := publish.ExportOptions{Start: web.SiteStart(c.Slug), Skip: web.NotPublic}
	if progress != nil {
		opt.OnProgress = func(done, known int) error { return progress(int64(done), int64(known)) }
	}
	return publish.Export(ctx, web.NewCaseSite(db, c.Slug), dir, opt)
}

// siteBuilder is the build.static jobs' way to build a site (see
// jobs.HandlerOptions.BuildSite). Linked paths that were not written (a
// link to no page, a download that failed midway) do not fail the job: the
// rest of the site is written, and 'inquest build' lists them.
func siteBuilder(db inquest.Store, logger *slog.Logger) func(context.Context, jobs.BuildStaticArgs, func(done, total int64) error) error {
	return func(ctx context.Context, a jobs.BuildStaticArgs, progress func(done, total int64) error) error {
		st, err := buildCaseSite(ctx, db, a.Slug, a.Dir, progress)
		if err != nil {
			return err
		}
		if len(st.Broken) > 0 {
			logger.Warn("static build: linked paths not written", "case", a.Slug, "broken", len(st.Broken), "first", st.Broken[0])
		}
		return nil
	}
}

// defaultSiteDir is where static builds queued without a directory go: a
// directory "site" next to a SQLite database file, or in the working
// directory for PostgreSQL.
func defaultSiteDir(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "site"
	}
	path := strings.TrimPrefix(dsn, "file:")
	path, _, _ = strings.Cut(path, "?")
	return filepath.Join(filepath.Dir(path), "site")
}
