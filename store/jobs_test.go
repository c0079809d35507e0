package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestEnqueueJobUniqueWhileActive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		nj := store.NewJob{Kind: "ingest.url", Args: map[string]string{"url": "https://example.org/a"}, UniqueKey: "fetch:a"}
		first, created, err := db.EnqueueJob(ctx, nj)
		if err != nil || !created {
			t.Fatalf("first enqueue: created %v, %v", created, err)
		}
		again, created, err := db.EnqueueJob(ctx, nj)
		if err != nil || created || again.ID != first.ID {
			t.Fatalf("second enqueue of the same key: got job %d created %v (%v), want job %d not created", again.ID, created, err, first.ID)
		}
		other, created, err := db.EnqueueJob(ctx, store.NewJob{Kind: "ingest.url", UniqueKey: "fetch:b"})
		if err != nil || !created || other.ID == first.ID {
			t.Fatalf("another key: got job %d created %v (%v)", other.ID, created, err)
		}
		// Once the first has finished, the same fetch may be queued again.
		claimed, err := db.ClaimJobs(ctx, "w1", nil, 10, time.Minute)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("claim: %d jobs, %v", len(claimed), err)
		}
		for _, j := range claimed {
			if _, err := db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, nil); err != nil {
				t.Fatal(err)
			}
		}
		later, created, err := db.EnqueueJob(ctx, nj)
		if err != nil || !created || later.ID == first.ID {
			t.Fatalf("enqueue after the first finished: got job %d created %v (%v), want a new job", later.ID, created, err)
		}
		if string(later.Args) != `{"url":"https://example.org/a"}` {
			t.Errorf("args = %s", later.Args)
		}
	})
}

func TestClaimJobsLeaseRetryAndReclaim(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		j, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", MaxAttempts: 2})
		if err != nil {
			t.Fatal(err)
		}
		// The lease is long enough that a loaded machine cannot outlast it
		// between the next two claims, and short enough to wait out below.
		const lease = 2 * time.Second
		got, err := db.ClaimJobs(ctx, "w1", []string{"k"}, 5, lease)
		if err != nil || len(got) != 1 || got[0].ID != j.ID || got[0].State != store.JobRunning || got[0].Attempt != 1 {
			t.Fatalf("claim: %+v, %v", got, err)
		}
		first := got[0].Lease()
		if again, _ := db.ClaimJobs(ctx, "w2", nil, 5, time.Minute); len(again) != 0 {
			t.Fatalf("a job under a live lease was claimed again: %+v", again[0])
		}
		if other, _ := db.ClaimJobs(ctx, "w2", []string{"other-kind"}, 5, time.Minute); len(other) != 0 {
			t.Fatal("a worker took a job of a kind it did not ask for")
		}
		time.Sleep(lease + 100*time.Millisecond) // w1 "dies": its lease runs out
		got, err = db.ClaimJobs(ctx, "w2", nil, 5, time.Minute)
		if err != nil || len(got) != 1 || got[0].LockedBy != "w2" || got[0].Attempt != 2 {
			t.Fatalf("reclaim after the lease ran out: %+v, %v", got, err)
		}
		// The first worker wakes up: everything it tries is refused.
		if _, err := db.ExtendJobLease(ctx, first, time.Minute); !errors.Is(err, store.ErrLeaseLost) {
			t.Errorf("extend a lost lease: %v, want ErrLeaseLost", err)
		}
		if _, err := db.FinishJob(ctx, first, nil, false, time.Time{}, nil); inquest.ErrorCode(err) != inquest.ECONFLICT {
			t.Errorf("finish with a lost lease: %v, want ECONFLICT", err)
		}
		// The second attempt fails and asks for a retry, but attempts are used up.
		done, err := db.FinishJob(ctx, got[0].Lease(), errors.New("site down"), false, time.Now(), nil)
		if err != nil || done.State != store.JobFailed || done.LastError != "site down" || done.FinishedAt.IsZero() {
			t.Fatalf("last attempt failed: %+v, %v", done, err)
		}
	})
}

func TestFinishJobRetryProgressCancel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		j, _, _ := db.EnqueueJob(ctx, store.NewJob{Kind: "k"})
		got, _ := db.ClaimJobs(ctx, "w", nil, 1, time.Minute)
		if len(got) != 1 {
			t.Fatal("nothing claimed")
		}
		if _, err := db.SetJobProgress(ctx, got[0].Lease(), 3, 10); err != nil {
			t.Fatal(err)
		}
		if j, _ := db.Job(ctx, j.ID); j.ProgressDone != 3 || j.ProgressTotal != 10 {
			t.Errorf("progress = %d/%d, want 3/10", j.ProgressDone, j.ProgressTotal)
		}
		retryAt := time.Now().Add(time.Hour)
		back, err := db.FinishJob(ctx, got[0].Lease(), errors.New("timeout"), false, retryAt, nil)
		if err != nil || back.State != store.JobQueued || back.LastError != "timeout" || back.RunAt.Sub(retryAt).Abs() > time.Millisecond {
			t.Fatalf("retry: %+v, %v", back, err)
		}
		if early, _ := db.ClaimJobs(ctx, "w", nil, 1, time.Minute); len(early) != 0 {
			t.Error("a job was claimed before its retry time")
		}
		// Cancel while queued: at once.
		c, err := db.CancelJob(ctx, j.ID)
		if err != nil || c.State != store.JobCancelled {
			t.Fatalf("cancel queued: %+v, %v", c, err)
		}
		if _, err := db.CancelJob(ctx, j.ID); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("cancel a finished job: %v, want EINVALID", err)
		}
		if _, err := db.CancelJob(ctx, 9999); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("cancel a missing job: %v, want ENOTFOUND", err)
		}
		// Cancel while running: the worker hears of it at its next report.
		r, _, _ := db.EnqueueJob(ctx, store.NewJob{Kind: "k"})
		got, _ = db.ClaimJobs(ctx, "w", nil, 1, time.Minute)
		if c, err := db.CancelJob(ctx, r.ID); err != nil || c.State != store.JobRunning || !c.CancelRequested {
			t.Fatalf("cancel running: %+v, %v", c, err)
		}
		if asked, err := db.ExtendJobLease(ctx, got[0].Lease(), time.Minute); err != nil || !asked {
			t.Errorf("heartbeat after cancel: asked %v, %v; want asked", asked, err)
		}
		fin, err := db.FinishJob(ctx, got[0].Lease(), context.Canceled, true, time.Time{}, nil)
		if err != nil || fin.State != store.JobCancelled {
			t.Fatalf("finish cancelled: %+v, %v", fin, err)
		}
		list, err := db.Jobs(ctx, store.JobFilter{State: store.JobCancelled})
		if err != nil || len(list) != 2 {
			t.Errorf("cancelled jobs listed: %d, %v; want 2", len(list), err)
		}
	})
}

// Two handles on one database (two instances) claim from one queue at once;
// every job is claimed by exactly one of them.
func TestClaimJobsTwoHandlesNoJobTwice(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		const n = 200
		for i := range n {
			if _, _, err := a.EnqueueJob(ctx, store.NewJob{Kind: "k", UniqueKey: fmt.Sprint("job-", i)}); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		seen := map[int64]string{}
		var wg sync.WaitGroup
		for w, db := range map[string]*store.DB{"a1": a, "a2": a, "b1": b, "b2": b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					got, err := db.ClaimJobs(ctx, w, nil, 3, time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if len(got) == 0 {
						return
					}
					for _, j := range got {
						mu.Lock()
						if prev, dup := seen[j.ID]; dup {
							t.Errorf("job %d claimed by %s and by %s", j.ID, prev, w)
						}
						seen[j.ID] = w
						mu.Unlock()
						if _, err := db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, nil); err != nil {
							t.Error(err)
						}
					}
				}
			}()
		}
		wg.Wait()
		if len(seen) != n {
			t.Errorf("%d jobs claimed, want %d", len(seen), n)
		}
		done, _ := a.Jobs(ctx, store.JobFilter{State: store.JobDone, Limit: 1000})
		if len(done) != n {
			t.Errorf("%d jobs done, want %d", len(done), n)
		}
	})
}
