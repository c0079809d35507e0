package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/web"
)

func init() {
	register(&command{name: "serve", summary: "serve the case pages on the web", run: runServe})
}

const defaultAddr = "localhost:8080"

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--db DSN] [--addr HOST:PORT] [--workspace]")
	addr := fs.String("addr", defaultAddr, "address to listen on; port 0 picks a free one")
	workspace := fs.Bool("workspace", false, "show private cases and sources and the engine's unconfirmed suggestions (for analysts only: there is no login yet, so keep the address private)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "serve takes no arguments (got %q)", pos[0])
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if *workspace && !isLoopback(*addr) {
		fmt.Fprintf(e.stderr, "warning: --workspace on %s shows private material to anyone who can reach that address\n", *addr)
	}
	mode := "public pages"
	if *workspace {
		mode = "workspace"
	}
	return serveUntilDone(ctx, e, db, web.Options{Workspace: *workspace}, *addr, "/",
		fmt.Sprintf("Serving %s of %s", mode, displayDSN(*dsn)))
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

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
