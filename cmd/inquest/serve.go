package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/web"
)

func init() {
	register(&command{name: "serve", summary: "serve the case pages on the web", run: runServe})
}

const defaultAddr = "localhost:8080"

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--db DSN] [--addr HOST:PORT] [--jobs N] [--site-dir DIR] [--memory-limit SIZE|off]")
	addr := fs.String("addr", defaultAddr, "address to listen on; port 0 picks a free one")
	workspace := fs.Bool("workspace", false, "gone: analysts now sign in at /login (add them with 'inquest user add')")
	jobsN := fs.Int("jobs", 2, "background jobs (URL fetches, re-analysis, static builds) to run at once in this process; 0 leaves them to 'inquest worker'")
	dsn := dbFlag(fs, e)
	siteDir := fs.String("site-dir", "", "where static builds queued in the workspace go, one directory per case (default: site next to a SQLite database, ./site for PostgreSQL)")
	memoryLimit := fs.String("memory-limit", defaultServeMemory, memoryLimitUsage)
	allowPrivate := fs.Bool("allow-private-addresses", false, "let fetched URLs reach loopback, private and link-local addresses (off: a shared server must not probe its own network)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "serve takes no arguments (got %q)", pos[0])
	}
	if *workspace {
		// The no-login workspace is gone rather than kept for loopback:
		// any web page the analyst visits can reach localhost, and with DNS
		// rebinding read what it serves.
		return inquest.Errorf(inquest.EINVALID, "--workspace is gone: the workspace is at /w/ for users who sign in at /login; add one with 'inquest user add NAME --role analyst'")
	}
	if err := setMemoryLimit(*memoryLimit, flagSet(fs, "memory-limit")); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if *jobsN > 0 {
		// Several serve processes on one PostgreSQL share the queue: each
		// job is claimed by exactly one of them (see package jobs).
		logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		runner := jobs.NewRunner(db, jobs.Handlers(db, jobHandlerOptions(db, *dsn, *siteDir, *allowPrivate, logger)),
			jobs.Options{Concurrency: *jobsN, Logger: logger})
		if err := runner.Start(ctx); err != nil {
			return fmt.Errorf("start background jobs: %w", err)
		}
		defer runner.Stop()
	}
	if users, err := db.Users(ctx); err == nil && len(users) == 0 {
		fmt.Fprintln(e.stderr, "No users yet: the public pages work, but nobody can sign in to the workspace. Add one with 'inquest user add NAME --role admin'.")
	}
	return serveUntilDone(ctx, e, db, web.Options{}, *addr, "/",
		fmt.Sprintf("Serving %s (public pages; workspace at /w/ after signing in)", displayDSN(*dsn)))
}

// jobHandlerOptions are the job handlers' settings of a serve or worker
// process: fetch limits, and static builds into siteDir (or its default).
func jobHandlerOptions(db inquest.Store, dsn, siteDir string, allowPrivate bool, logger *slog.Logger) jobs.HandlerOptions {
	fetch := ingest.DefaultOptions()
	fetch.AllowPrivate = allowPrivate
	if siteDir == "" {
		siteDir = defaultSiteDir(dsn)
	}
	return jobs.HandlerOptions{Fetch: fetch, BuildSite: siteBuilder(db, logger), SiteDir: siteDir}
}

// serveUntilDone listens on addr, prints the URL (with path appended) after
// what, and serves until ctx is cancelled (Ctrl-C).
func serveUntilDone(ctx context.Context, e *env, st inquest.Store, opts web.Options, addr, path, what string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return inquest.Errorf(inquest.EINVALID, "cannot listen on %s: %v; choose another with --addr HOST:PORT", addr, err)
	}
	opts.Logger = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := web.NewServer(st, opts)
	fmt.Fprintf(e.stdout, "%s at %s  (Ctrl-C to stop)\n", what, listenURL(ln.Addr(), addr)+strings.TrimPrefix(path, "/"))
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(e.stdout, "Stopped.")
	return nil
}

// listenURL is the URL a browser on this machine opens for the listener: the
// host as the user wrote it (localhost stays localhost) and the real port.
func listenURL(a net.Addr, asked string) string {
	host, _, err := net.SplitHostPort(asked)
	_, port, err2 := net.SplitHostPort(a.String())
	if err != nil || err2 != nil {
		return "http://" + a.String() + "/"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
