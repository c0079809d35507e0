package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
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
	c, err := db.CaseBySlug(ctx, *slug)
	if err != nil {
		return err
	}
	if !c.Public {
		return inquest.Errorf(inquest.EINVALID, "case %q is not public; make it public first (inquest case update %s --public) or it has no public site", c.Slug, c.Slug)
	}
	st, err := publish.Export(ctx, web.NewCaseSite(db, c.Slug), *out, publish.ExportOptions{
		Start: web.SiteStart(c.Slug),
		Skip:  web.NotPublic,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Built %s into %s: %d pages and %d other files (%.1f MB) in %s, %.0f pages a second.\n",
		c.Slug, *out, st.Pages, st.Files, float64(st.Bytes)/(1<<20), st.Took.Round(1e6), st.PagesPerSecond())
	if len(st.Broken) > 0 {
		fmt.Fprintf(e.stderr, "%d links lead nowhere:\n  %s\n", len(st.Broken), strings.Join(st.Broken, "\n  "))
		return exitError{1}
	}
	return nil
}
