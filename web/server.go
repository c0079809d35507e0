package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/inquest-project/inquest"
)

// Options configure a Server.
type Options struct {
	// Workspace shows every case, private sources and unconfirmed (suggested)
	// statements and figures. Leave it false for anything readers can reach.
	Workspace bool
	// Logger receives request errors with their request id; nil discards them.
	Logger *slog.Logger
}

// Server serves the pages of one record.
type Server struct {
	st        inquest.Store
	workspace bool
	log       *slog.Logger
	pages     []*templateSet // one per interface language and URL prefix
	static    *staticFiles
	handler   http.Handler
}

// NewServer parses the embedded templates and builds the route table. It
// panics if an embedded template does not parse: that is a build mistake, and
// a test catches it before any release.
func NewServer(st inquest.Store, opts Options) *Server {
	s := &Server{st: st, workspace: opts.Workspace, log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.static = loadStatic()
	pages, err := parseTemplateSets(s.static)
	if err != nil {
		panic(fmt.Sprintf("web: embedded templates: %v", err))
	}
	s.pages = pages
	s.handler = s.middleware(s.routes())
	return s
}

// Handler returns the server's root handler, with security headers, request
// ids and panic recovery around the route table.
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe listens on addr and serves until ctx is cancelled, then shuts
// down gracefully, letting requests in flight finish for up to five seconds.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully. It
// lets a caller listen first (port 0, or to print the address) and serve after.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	go s.preloadPublicRecords(ctx)
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- hs.Shutdown(shutCtx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-done
}
