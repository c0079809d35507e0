package loadtest

import (
	"context"
	"slices"
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
