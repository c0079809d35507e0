package jobs_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// writePages is a site builder that writes n pages, one every step, and
// reports its progress as the real one does; fail makes it stop with that
// error after half the pages.
func writePages(n int, step time.Duration, fail error) func(context.Context, jobs.BuildStaticArgs, func(int64, int64) error) error {
	return func(ctx context.Context, a jobs.BuildStaticArgs, progress func(int64, int64) error) error {
		for i := range n {
			if i == n/2 && fail != nil {
				return fail
			}
			if err := os.WriteFile(filepath.Join(a.Dir, fmt.Sprintf("page-%d.html", i)), []byte(a.Slug), 0o644); err != nil {
				return err
			}
			if err := progress(int64(i+1), int64(n)); err != nil {
				return err
			}
			select {
			case <-ctx.Done():
				return context.Cause(ctx)
			case <-time.After(step):
			}
		}
		return nil
	}
}

// dirNames lists a directory's entries by name.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A static build replaces the case's site only when it has finished: a
// build that fails or is cancelled midway leaves the previous site whole
// and nothing half-written beside it; a directory no build wrote is never
// replaced.
func TestBuildStaticJob(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		siteDir := t.TempDir()
		site := filepath.Join(siteDir, "january")
		run := func(name string, build func(context.Context, jobs.BuildStaticArgs, func(int64, int64) error) error, a jobs.BuildStaticArgs, during func(*store.Job)) *store.Job {
			t.Helper()
			j, created, err := jobs.EnqueueBuildStatic(ctx, db, a)
			if err != nil || !created {
				t.Fatalf("%s: enqueue: %v %v", name, created, err)
			}
			r := jobs.NewRunner(db, jobs.Handlers(db, jobs.HandlerOptions{BuildSite: build, SiteDir: siteDir}), fast(name))
			if err := r.Start(ctx); err != nil {
				t.Fatal(err)
			}
			defer r.Stop()
			if during != nil {
				during(j)
			}
			var got *store.Job
			waitFor(t, name+" finished", func() bool {
				got, _ = db.Job(ctx, j.ID)
				return !got.State.Active()
			})
			return got
		}
		args := jobs.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug}

		first := run("first", writePages(6, 0, nil), args, nil)
		if first.State != store.JobDone || first.ProgressDone != 6 || first.ProgressTotal != 6 {
			t.Fatalf("first build: %s, progress %d/%d, error %q; want done 6/6", first.State, first.ProgressDone, first.ProgressTotal, first.LastError)
		}
		wantSite := []string{".inquest-site", "page-0.html", "page-1.html", "page-2.html", "page-3.html", "page-4.html", "page-5.html"}
		if got := dirNames(t, site); !slices.Equal(got, wantSite) {
			t.Fatalf("site after the first build: %v, want %v", got, wantSite)
		}
		// Six pages of seven bytes ("january"); the marker is not counted.
		var res inquest.BuildStaticJobResult
		if err := json.Unmarshal(first.Result, &res); err != nil || res != (inquest.BuildStaticJobResult{Pages: 6, Bytes: 42, Dir: site}) {
			t.Errorf("first build: result %s (%v), want 6 pages, 42 bytes in %s", first.Result, err, site)
		}

		// A build that fails halfway, on every attempt.
		failed := run("failing", writePages(6, 0, errors.New("disk full")), args, nil)
		if failed.State != store.JobFailed || failed.Attempt != 2 || failed.LastError != "build january: disk full" || failed.Result != nil {
			t.Errorf("failing build: %s after %d attempts, error %q; want failed after 2 with the cause", failed.State, failed.Attempt, failed.LastError)
		}
		if got := dirNames(t, site); !slices.Equal(got, wantSite) {
			t.Errorf("site after a failed build: %v, want the first build's %v", got, wantSite)
		}

		// A build cancelled while it runs.
		cancelled := run("cancelled", writePages(1000, 5*time.Millisecond, nil), args, func(j *store.Job) {
			waitFor(t, "the build to start writing", func() bool {
				got, _ := db.Job(ctx, j.ID)
				return got.ProgressDone > 0
			})
			if _, err := db.CancelJob(ctx, j.ID); err != nil {
				t.Fatal(err)
			}
		})
		if cancelled.State != store.JobCancelled || cancelled.Result != nil {
			t.Errorf("cancelled build: %s, want cancelled", cancelled.State)
		}
		if got := dirNames(t, site); !slices.Equal(got, wantSite) {
			t.Errorf("site after a cancelled build: %v, want the first build's %v", got, wantSite)
		}
		if got := dirNames(t, siteDir); !slices.Equal(got, []string{"january"}) {
			t.Errorf("site directory holds %v after failed and cancelled builds; want only the site, no temporary directories", got)
		}

		// A second build that succeeds replaces the site.
		if second := run("second", writePages(2, 0, nil), args, nil); second.State != store.JobDone {
			t.Fatalf("second build: %s %q", second.State, second.LastError)
		}
		if got := dirNames(t, site); !slices.Equal(got, []string{".inquest-site", "page-0.html", "page-1.html"}) {
			t.Errorf("site after the second build: %v", got)
		}

		// A directory that holds something else is not replaced, and the
		// job fails at once.
		other := t.TempDir()
		if err := os.WriteFile(filepath.Join(other, "thesis.tex"), []byte("years of work"), 0o644); err != nil {
			t.Fatal(err)
		}
		refused := run("refused", writePages(2, 0, nil), jobs.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug, Dir: other}, nil)
		if refused.State != store.JobFailed || refused.Attempt != 1 {
			t.Errorf("build into a foreign directory: %s after %d attempts, want failed after 1", refused.State, refused.Attempt)
		}
		if got := dirNames(t, other); !slices.Equal(got, []string{"thesis.tex"}) {
			t.Errorf("foreign directory after the refused build: %v", got)
		}
	})
}

// A worker without a site builder does not claim build jobs, so that a
// process that cannot build leaves them to one that can.
func TestBuildStaticNeedsABuilder(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	c := storetest.NewCase(t, db, "january")
	j, _, err := jobs.EnqueueBuildStatic(ctx, db, jobs.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := jobs.Handlers(db, jobs.HandlerOptions{})[jobs.KindBuildStatic]; ok {
		t.Fatal("handlers without a site builder include build.static")
	}
	if _, _, err := jobs.EnqueueBuildStatic(ctx, db, jobs.BuildStaticArgs{}); inquest.ErrorCode(err) != inquest.EINVALID {
		t.Errorf("a build of no case: %v, want EINVALID", err)
	}
	r := jobs.NewRunner(db, jobs.Handlers(db, jobs.HandlerOptions{}), fast("no-builder"))
	if err := r.Start(ctx); err != nil {
		t.Fatal(err)
	}
	// A re-analysis queued after the build is taken; the build is left alone.
	fetch, _, _ := db.EnqueueJob(ctx, inquest.NewJob{Kind: jobs.KindReanalyse, Args: jobs.ReanalyseArgs{CaseID: c.ID}})
	waitFor(t, "the re-analysis done", func() bool {
		got, _ := db.Job(ctx, fetch.ID)
		return got.State == store.JobDone
	})
	r.Stop()
	if got, _ := db.Job(ctx, j.ID); got.State != store.JobQueued || got.Attempt != 0 {
		t.Errorf("build job %s after %d attempts by a worker that cannot build; want still queued, untried", got.State, got.Attempt)
	}
}
