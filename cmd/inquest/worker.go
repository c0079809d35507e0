package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "worker", summary: "run background jobs (fetching, re-analysis, static builds) until stopped", run: runWorker})
	register(&command{name: "jobs add", summary: "queue a background job: ingest.url URL..., analysis.reanalyse or build.static", run: runJobsAdd})
	register(&command{name: "jobs list", summary: "list background jobs with their state and progress", run: runJobsList})
	register(&command{name: "jobs cancel", summary: "cancel a queued or running background job", run: runJobsCancel})
}

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "[--db DSN] [--concurrency N] [--lease DURATION] [--poll DURATION] [--site-dir DIR]")
	dsn := dbFlag(fs, e)
	concurrency := fs.Int("concurrency", 2, "jobs run at once")
	lease := fs.Duration("lease", 30*time.Second, "how long a job is held without a heartbeat; a job whose worker died is taken again after this")
	poll := fs.Duration("poll", time.Second, "how often to look for due jobs when idle")
	allowPrivate := fs.Bool("allow-private-addresses", false, "let fetched URLs reach loopback, private and link-local addresses (off: a shared server must not probe its own network)")
	siteDir := fs.String("site-dir", "", "where static builds that name no directory go, one directory per case (default: site next to a SQLite database, ./site for PostgreSQL)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "worker takes no arguments (got %q)", pos[0])
	}
	if *concurrency < 1 {
		return inquest.Errorf(inquest.EINVALID, "--concurrency %d: run at least one job at once", *concurrency)
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	r := jobs.NewRunner(db, jobs.Handlers(db, jobHandlerOptions(db, *dsn, *siteDir, *allowPrivate, logger)),
		jobs.Options{Concurrency: *concurrency, Lease: *lease, Poll: *poll, Logger: logger})
	if err := r.Start(store.WithActor(ctx, "inquest worker")); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Worker %s running jobs of %s  (Ctrl-C to stop)\n", r.Worker(), displayDSN(*dsn))
	<-ctx.Done()
	r.Stop()
	fmt.Fprintln(e.stdout, "Stopped.")
	return nil
}

func runJobsAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs add", "KIND --case SLUG [URL...] [--db DSN]\n\nKinds: ingest.url URL... (one job per URL), analysis.reanalyse [--claim SLUG],\nbuild.static [--out DIR] (default: the worker's --site-dir/SLUG)\n\nJobs queued here are the system's: the command line has no signed-in user\n(--by names someone only for the audit log, unchecked), so 'jobs list' and\nthe workspace show them as queued by \"(system)\".")
	dsn := dbFlag(fs, e)
	caseSlug := fs.String("case", "", "the case (required)")
	claim := fs.String("claim", "", "analysis.reanalyse: only what concerns this claim")
	out := fs.String("out", "", "build.static: the directory the site replaces (new, empty, or an earlier build); default the worker's --site-dir/SLUG")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) == 0 {
		return inquest.Errorf(inquest.EINVALID, "jobs add needs a kind: %s, %s or %s", jobs.KindIngestURL, jobs.KindReanalyse, jobs.KindBuildStatic)
	}
	if *caseSlug == "" {
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required (see 'inquest case list')")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.CaseBySlug(ctx, *caseSlug)
	if err != nil {
		return err
	}
	var added []*store.Job
	report := func(j *store.Job, created bool, err error) error {
		if err != nil {
			return err
		}
		added = append(added, j)
		if *format == "text" {
			what := "queued"
			if !created {
				what = "already " + string(j.State)
			}
			fmt.Fprintf(e.stdout, "job %d %s %s\n", j.ID, j.Kind, what)
		}
		return nil
	}
	switch kind := pos[0]; kind {
	case jobs.KindIngestURL:
		if len(pos) < 2 {
			return inquest.Errorf(inquest.EINVALID, "jobs add %s needs at least one URL", kind)
		}
		for _, u := range pos[1:] {
			if err := report(jobs.EnqueueIngestURL(ctx, db, c.ID, u)); err != nil {
				return err
			}
		}
	case jobs.KindReanalyse:
		var scope inquest.ContradictionScope
		if *claim != "" {
			claims, err := db.Claims(ctx, c.ID)
			if err != nil {
				return err
			}
			for _, cl := range claims {
				if cl.Slug == *claim {
					scope.ClaimID = cl.ID
				}
			}
			if scope.ClaimID == 0 {
				return inquest.Errorf(inquest.ENOTFOUND, "case %s has no claim %q (see 'inquest claims list')", c.Slug, *claim)
			}
		}
		if err := report(jobs.EnqueueReanalyse(ctx, db, c.ID, scope)); err != nil {
			return err
		}
	case jobs.KindBuildStatic:
		if !c.Public {
			return inquest.Errorf(inquest.EINVALID, "case %q is not public, so it has no static site; make it public first (inquest case update %s --public)", c.Slug, c.Slug)
		}
		dir := *out
		if dir != "" {
			// The worker may run elsewhere in the file system: give it
			// the directory as meant here.
			if dir, err = filepath.Abs(dir); err != nil {
				return inquest.Errorf(inquest.EINVALID, "--out %q: %v", *out, err)
			}
		}
		if err := report(jobs.EnqueueBuildStatic(ctx, db, jobs.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug, Dir: dir})); err != nil {
			return err
		}
	default:
		return inquest.Errorf(inquest.EINVALID, "job kind %q is not one that can be queued from here: use %s, %s or %s", kind, jobs.KindIngestURL, jobs.KindReanalyse, jobs.KindBuildStatic)
	}
	if *format == "json" {
		return json.NewEncoder(e.stdout).Encode(added)
	}
	return nil
}

func runJobsList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs list", "[--state queued|running|done|failed|cancelled] [--kind KIND] [--limit N] [--db DSN]")
	dsn := dbFlag(fs, e)
	state := fs.String("state", "", "only jobs in this state")
	kind := fs.String("kind", "", "only jobs of this kind")
	limit := fs.Int("limit", 50, "at most this many, newest first")
	format := formatFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Jobs(ctx, store.JobFilter{State: store.JobState(*state), Kind: *kind, Limit: *limit})
	if err != nil {
		return err
	}
	if *format == "json" {
		if list == nil {
			list = []*store.Job{}
		}
		return json.NewEncoder(e.stdout).Encode(list)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tKIND\tSTATE\tATTEMPT\tPROGRESS\tQUEUED BY\tARGS\tLAST ERROR")
	for _, j := range list {
		progress := ""
		if j.ProgressTotal > 0 {
			progress = fmt.Sprintf("%d/%d", j.ProgressDone, j.ProgressTotal)
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d/%d\t%s\t%s\t%s\t%s\n", j.ID, j.Kind, j.State, j.Attempt, j.MaxAttempts, progress,
			queuedBy(j), string(j.Args), strings.ReplaceAll(j.LastError, "\n", " "))
	}
	return w.Flush()
}

// queuedBy says who queued j: the user's name, or "(system)" for a job
// the system or the command line queued. User names cannot hold
// parentheses (store.CreateUser refuses them), so a user named "system"
// never reads as the system.
func queuedBy(j *store.Job) string {
	return cmp.Or(j.CreatedByName, "(system)")
}

func runJobsCancel(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs cancel", "ID... [--db DSN]")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return inquest.Errorf(inquest.EINVALID, "jobs cancel needs a job id (see 'inquest jobs list')")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, p := range pos {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return inquest.Errorf(inquest.EINVALID, "job id %q is not a number", p)
		}
		j, err := db.CancelJob(ctx, id)
		if err != nil {
			return err
		}
		if j.State == store.JobCancelled {
			fmt.Fprintf(e.stdout, "job %d cancelled\n", id)
		} else {
			fmt.Fprintf(e.stdout, "job %d asked to stop; its worker stops it within a heartbeat\n", id)
		}
	}
	return nil
}
