package loadtest

import (
	"context"
	"github.com/inquest-project/inquest/web"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestRunOnCase reads a generated case on both backends: every public and
// workspace route is visited, and every request is answered (never
// timings).
func TestRunOnCase(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 2000, Seed: 7}); err != nil {
			t.Fatalf("generate: %v", err)
		}
		db.Close()
		rep, err := Run(ctx, Config{DSN: dsn, Case: "bench", Readers: 5, Analysts: 2, Duration: 2 * time.Minute, MaxRequests: 150, Warmup: 500 * time.Millisecond})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if rep.Errors != 0 {
			t.Errorf("%d errors: %v", rep.Errors, rep.Samples)
		}
		for _, routes := range []struct {
			prefix string
			list   []caseRoute
		}{{"public: ", publicRoutes}, {"workspace: ", workspaceRoutes}} {
			for _, rt := range routes.list {
				if got := rep.Routes[routes.prefix+rt.name].Count; got == 0 && !slices.Contains(rep.Skipped, routes.prefix+rt.name) {
					t.Errorf("route %q never visited; visited: %v", routes.prefix+rt.name, rep.Routes)
				}
			}
		}
		// The generated case has suggested figures only, hence no
		// measure pages; every other route has something to ask for.
		if want := []string{"public: measure page"}; !slices.Equal(rep.Skipped, want) {
			t.Errorf("skipped routes %q, want %q", rep.Skipped, want)
		}
		if rep.Public.Count+rep.Workspace.Count != rep.Reads.Count || rep.Workspace.Count == 0 {
			t.Errorf("reads %d = public %d + workspace %d?", rep.Reads.Count, rep.Public.Count, rep.Workspace.Count)
		}
	})
}

func TestRunOnCaseRefusesWriters(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	if _, err := Run(context.Background(), Config{DSN: dsn, Case: "bench", Readers: 1, Writers: 1, Duration: time.Second}); err == nil {
		t.Error("a run that would write into an existing case was accepted")
	}
}

// TestRunOnCaseAtRate: at a set rate the readers keep to their schedule,
// so a run sends no more than the rate allows however fast the server
// answers, and a separate server (Config.Server) gets the requests.
func TestRunOnCaseAtRate(t *testing.T) {
	ctx := context.Background()
	db, dsn := storetest.OpenFile(t)
	if _, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 300, Seed: 7}); err != nil {
		t.Fatalf("generate: %v", err)
	}
	var served atomic.Int64
	h := web.NewServer(db, web.Options{}).Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	const readers, rate, run = 4, 40.0, 2 * time.Second
	rep, err := Run(ctx, Config{DSN: dsn, Case: "bench", Readers: readers, Analysts: 0, Duration: run, MaxRequests: 100000, Rate: rate, Server: srv.URL})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.Errors != 0 {
		t.Errorf("%d errors: %v", rep.Errors, rep.Samples)
	}
	// Each reader sends at most one request per readers/rate seconds,
	// and one more at the start.
	most := int(rate*run.Seconds()) + readers
	if rep.Reads.Count == 0 || rep.Reads.Count > most {
		t.Errorf("%d requests in %s at %g a second from %d readers; want between 1 and %d", rep.Reads.Count, run, rate, readers, most)
	}
	if served.Load() < int64(rep.Reads.Count) {
		t.Errorf("the separate server answered %d requests, fewer than the %d measured", served.Load(), rep.Reads.Count)
	}
}
