package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// claimOne enqueues a job of its own kind and claims it with the given
// lease, so that each case of a test works on a job of its own.
func claimOne(t *testing.T, db *store.DB, kind, worker string, lease time.Duration) *store.Job {
	t.Helper()
	ctx := context.Background()
	if _, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: kind, MaxAttempts: 3}); err != nil {
		t.Fatal(err)
	}
	got, err := db.ClaimJobs(ctx, worker, []string{kind}, 1, lease)
	if err != nil || len(got) != 1 {
		t.Fatalf("claim %s: %d jobs, %v", kind, len(got), err)
	}
	return got[0]
}

// A job's result is kept only when the job ends done: a failed, retried or
// cancelled job keeps none, whatever its worker passed. The result reads
// back the same from the finishing update, one job and the list.
func TestFinishJobResultOnlyWhenDone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		result := json.RawMessage(`{"source_id":123,"already_archived":false}`)
		tests := []struct {
			name       string
			runErr     error
			cancelled  bool
			retryAt    time.Time
			result     json.RawMessage
			wantState  store.JobState
			wantResult string
		}{
			{name: "done", result: result, wantState: store.JobDone, wantResult: string(result)},
			{name: "done with spaces around", result: json.RawMessage(" {\"pages\": 3}\n"), wantState: store.JobDone, wantResult: `{"pages": 3}`},
			{name: "done without a result", wantState: store.JobDone},
			{name: "done with null", result: json.RawMessage("null"), wantState: store.JobDone},
			{name: "failed", runErr: errors.New("site down"), result: result, wantState: store.JobFailed},
			{name: "retried", runErr: errors.New("timeout"), retryAt: time.Now().Add(time.Hour), result: result, wantState: store.JobQueued},
			{name: "cancelled", runErr: context.Canceled, cancelled: true, result: result, wantState: store.JobCancelled},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				j := claimOne(t, db, "k-"+tt.name, "w", time.Minute)
				fin, err := db.FinishJob(ctx, j.Lease(), tt.runErr, tt.cancelled, tt.retryAt, tt.result)
				if err != nil {
					t.Fatal(err)
				}
				if fin.State != tt.wantState || string(fin.Result) != tt.wantResult {
					t.Errorf("finish: state %s result %q, want %s %q", fin.State, fin.Result, tt.wantState, tt.wantResult)
				}
				one, err := db.Job(ctx, j.ID)
				if err != nil || string(one.Result) != tt.wantResult {
					t.Errorf("Job: result %q (%v), want %q", one.Result, err, tt.wantResult)
				}
				list, err := db.Jobs(ctx, store.JobFilter{Kind: j.Kind})
				if err != nil || len(list) != 1 || string(list[0].Result) != tt.wantResult {
					t.Errorf("Jobs: %d jobs (%v), want one with result %q", len(list), err, tt.wantResult)
				}
				// In JSON a job without a result has no "result" at all.
				b, _ := json.Marshal(one)
				if has := strings.Contains(string(b), `"result"`); has != (tt.wantResult != "") {
					t.Errorf("job as JSON has result: %v, want %v\n%s", has, tt.wantResult != "", b)
				}
			})
		}
	})
}

// A job retried after a failed attempt keeps the result of the attempt
// that succeeds, and none before it.
func TestFinishJobResultAfterRetry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		j := claimOne(t, db, "k", "w", time.Minute)
		back, err := db.FinishJob(ctx, j.Lease(), errors.New("timeout"), false, time.Now(), json.RawMessage(`{"statements":1}`))
		if err != nil || back.State != store.JobQueued || back.Result != nil {
			t.Fatalf("retry: state %s result %q, %v; want queued without a result", back.State, back.Result, err)
		}
		again, err := db.ClaimJobs(ctx, "w", nil, 1, time.Minute)
		if err != nil || len(again) != 1 || again[0].Attempt != 2 || again[0].Result != nil {
			t.Fatalf("second claim: %+v, %v", again, err)
		}
		fin, err := db.FinishJob(ctx, again[0].Lease(), nil, false, time.Time{}, json.RawMessage(`{"statements":2,"contradictions":1}`))
		if err != nil || fin.State != store.JobDone || string(fin.Result) != `{"statements":2,"contradictions":1}` {
			t.Fatalf("second attempt done: state %s result %q, %v", fin.State, fin.Result, err)
		}
	})
}

// A worker whose lease was taken over writes no result: its finish is
// refused whole, and the result is the one of the worker that holds the
// job now.
func TestFinishJobResultLeaseLost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		j := claimOne(t, db, "k", "stalled", 20*time.Millisecond)
		time.Sleep(100 * time.Millisecond) // the stalled worker's lease runs out
		taken, err := db.ClaimJobs(ctx, "w2", nil, 1, time.Minute)
		if err != nil || len(taken) != 1 || taken[0].ID != j.ID {
			t.Fatalf("take over: %+v, %v", taken, err)
		}
		_, err = db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, json.RawMessage(`{"source_id":1}`))
		if !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("finish by the stalled worker: %v, want ErrLeaseLost", err)
		}
		now, err := db.Job(ctx, j.ID)
		if err != nil || now.State != store.JobRunning || now.LockedBy != "w2" || now.Result != nil {
			t.Fatalf("after the stalled worker's finish: state %s by %q result %q, %v; want running by w2 without a result", now.State, now.LockedBy, now.Result, err)
		}
		fin, err := db.FinishJob(ctx, taken[0].Lease(), nil, false, time.Time{}, json.RawMessage(`{"source_id":2}`))
		if err != nil || string(fin.Result) != `{"source_id":2}` {
			t.Fatalf("finish by w2: result %q, %v; want w2's", fin.Result, err)
		}
		// Once done, the stalled worker still cannot overwrite it.
		if _, err := db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, json.RawMessage(`{"source_id":1}`)); !errors.Is(err, store.ErrLeaseLost) {
			t.Errorf("finish a done job by the stalled worker: %v, want ErrLeaseLost", err)
		}
		if got, _ := db.Job(ctx, j.ID); string(got.Result) != `{"source_id":2}` {
			t.Errorf("result after the stalled worker's second try: %q, want w2's", got.Result)
		}
	})
}

// A result that is not a small JSON object is refused, naming the job and
// the problem, and the job is left as it was: running, under the same
// lease, so that its worker can still finish it.
func TestFinishJobResultRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		j := claimOne(t, db, "k", "w", time.Minute)
		tests := []struct {
			name, result, wantMsg string
		}{
			{"not JSON", `{"source_id":`, "is not a JSON object"},
			{"an array", `[1,2]`, "is not a JSON object"},
			{"a number", `123`, "is not a JSON object"},
			{"not UTF-8", "{\"title\":\"\xff\xfe\"}", "is not a JSON object"},
			{"too long", `{"text":"` + strings.Repeat("x", 5000) + `"}`, "is too long"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, json.RawMessage(tt.result))
				if inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), tt.wantMsg) ||
					!strings.Contains(err.Error(), "job ") {
					t.Errorf("finish with result %.40q: %v, want EINVALID saying %q", tt.result, err, tt.wantMsg)
				}
				got, err := db.Job(ctx, j.ID)
				if err != nil || got.State != store.JobRunning || got.LockedBy != "w" || got.Result != nil {
					t.Errorf("after a refused result: state %s by %q result %q, %v; want running by w without a result", got.State, got.LockedBy, got.Result, err)
				}
			})
		}
		fin, err := db.FinishJob(ctx, j.Lease(), nil, false, time.Time{}, json.RawMessage(`{"pages":2}`))
		if err != nil || fin.State != store.JobDone || string(fin.Result) != `{"pages":2}` {
			t.Errorf("finish after refusals: state %s result %q, %v", fin.State, fin.Result, err)
		}
	})
}
