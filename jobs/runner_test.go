package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// fast are runner options for tests: quick polls and short leases.
func fast(worker string) jobs.Options {
	return jobs.Options{Concurrency: 4, Lease: 600 * time.Millisecond, Poll: 20 * time.Millisecond, Worker: worker,
		Backoff: func(int) time.Duration { return 10 * time.Millisecond }, StopGrace: time.Second}
}

// waitFor polls until cond holds or fails the test after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func open(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Two runners, each on its own connection to one database as two instances
// would be, share 200 jobs: each job runs exactly once.
func TestTwoRunnersRunEachJobOnce(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, b := open(t, dsn), open(t, dsn)
		var mu sync.Mutex
		runs := map[int]int{}
		by := map[string]int{}
		handler := func(worker string) jobs.Handler {
			return func(ctx context.Context, j *jobs.Job) error {
				var args struct{ N int }
				if err := j.Decode(&args); err != nil {
					return err
				}
				time.Sleep(time.Millisecond) // some work, so that the runners overlap
				mu.Lock()
				runs[args.N]++
				by[worker]++
				mu.Unlock()
				return nil
			}
		}
		const n = 200
		for i := range n {
			if _, _, err := a.EnqueueJob(ctx, store.NewJob{Kind: "count", Args: map[string]int{"N": i}}); err != nil {
				t.Fatal(err)
			}
		}
		// A lease is a promise that a worker which stops answering for
		// that long is dead; here it is long enough for a loaded test
		// machine, so any second run would be a claiming bug.
		optA, optB := fast("a"), fast("b")
		optA.Lease, optB.Lease = 5*time.Second, 5*time.Second
		ra := jobs.NewRunner(a, map[string]jobs.Handler{"count": handler("a")}, optA)
		rb := jobs.NewRunner(b, map[string]jobs.Handler{"count": handler("b")}, optB)
		for _, r := range []*jobs.Runner{ra, rb} {
			if err := r.Start(ctx); err != nil {
				t.Fatal(err)
			}
			defer r.Stop()
		}
		waitFor(t, "200 jobs done", func() bool {
			done, _ := a.Jobs(ctx, store.JobFilter{State: store.JobDone, Limit: 1000})
			return len(done) == n
		})
		ra.Stop()
		rb.Stop()
		mu.Lock()
		defer mu.Unlock()
		for i := range n {
			if runs[i] != 1 {
				t.Errorf("job %d ran %d times, want once", i, runs[i])
			}
		}
		if by["a"] == 0 || by["b"] == 0 {
			t.Errorf("work split %v: both runners should have taken jobs", by)
		}
	})
}

// A failing job is retried after a backoff until it succeeds; a job that
// fails permanently is not retried; one that keeps failing stops at its
// last attempt.
func TestRunnerRetries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var mu sync.Mutex
		tries := map[string]int{}
		h := func(ctx context.Context, j *jobs.Job) error {
			var a struct{ Name string }
			_ = j.Decode(&a)
			mu.Lock()
			tries[a.Name]++
			n := tries[a.Name]
			mu.Unlock()
			switch a.Name {
			case "flaky":
				if n < 3 {
					return fmt.Errorf("try %d: site down", n)
				}
				return nil
			case "bad":
				return jobs.Permanent(errors.New("no such case"))
			default:
				return errors.New("always down")
			}
		}
		ids := map[string]int64{}
		for _, name := range []string{"flaky", "bad", "down"} {
			j, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "try", Args: map[string]string{"Name": name}, MaxAttempts: 4})
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = j.ID
		}
		r := jobs.NewRunner(db, map[string]jobs.Handler{"try": h}, fast("w"))
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer r.Stop()
		final := func(name string) *store.Job {
			var j *store.Job
			waitFor(t, name+" finished", func() bool {
				j, _ = db.Job(ctx, ids[name])
				return j.State == store.JobDone || j.State == store.JobFailed
			})
			return j
		}
		for _, tc := range []struct {
			name    string
			state   store.JobState
			attempt int
			lastErr string
		}{
			{"flaky", store.JobDone, 3, "try 2: site down"},
			{"bad", store.JobFailed, 1, "no such case"},
			{"down", store.JobFailed, 4, "always down"},
		} {
			got := final(tc.name)
			if got.State != tc.state || got.Attempt != tc.attempt || got.LastError != tc.lastErr {
				t.Errorf("%s: state %s attempt %d error %q; want %s %d %q", tc.name, got.State, got.Attempt, got.LastError, tc.state, tc.attempt, tc.lastErr)
			}
		}
	})
}

// A running job that is cancelled stops, and its progress is visible while
// it runs.
func TestRunnerCancelAndProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		h := func(ctx context.Context, j *jobs.Job) error {
			for i := int64(0); ; i++ {
				if err := j.Progress(ctx, i, 1000); err != nil {
					return err
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(5 * time.Millisecond):
				}
			}
		}
		j, _, _ := db.EnqueueJob(ctx, store.NewJob{Kind: "long"})
		r := jobs.NewRunner(db, map[string]jobs.Handler{"long": h}, fast("w"))
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer r.Stop()
		waitFor(t, "progress", func() bool {
			got, _ := db.Job(ctx, j.ID)
			return got.State == store.JobRunning && got.ProgressDone > 0 && got.ProgressTotal == 1000
		})
		if _, err := db.CancelJob(ctx, j.ID); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "cancelled", func() bool {
			got, _ := db.Job(ctx, j.ID)
			return got.State == store.JobCancelled
		})
	})
}

// Stopping a runner mid-job hands the job back to the queue at once, and
// another runner finishes it.
func TestRunnerStopRequeues(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		started := make(chan struct{}, 1)
		blocking := func(ctx context.Context, j *jobs.Job) error {
			started <- struct{}{}
			<-ctx.Done()
			return ctx.Err()
		}
		j, _, _ := db.EnqueueJob(ctx, store.NewJob{Kind: "work"})
		opt := fast("first")
		opt.StopGrace = 50 * time.Millisecond
		first := jobs.NewRunner(db, map[string]jobs.Handler{"work": blocking}, opt)
		if err := first.Start(ctx); err != nil {
			t.Fatal(err)
		}
		<-started
		first.Stop()
		got, _ := db.Job(ctx, j.ID)
		if got.State != store.JobQueued {
			t.Fatalf("after stopping mid-job: state %s, want queued", got.State)
		}
		second := jobs.NewRunner(db, map[string]jobs.Handler{"work": func(context.Context, *jobs.Job) error { return nil }}, fast("second"))
		if err := second.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer second.Stop()
		waitFor(t, "done by the second runner", func() bool {
			got, _ := db.Job(ctx, j.ID)
			return got.State == store.JobDone
		})
	})
}
