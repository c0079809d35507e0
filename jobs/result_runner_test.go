package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// The runner stores what a handler set with SetResult only when the handler
// succeeds: each attempt sets its own, and only the attempt that succeeds
// is kept; a failed job keeps none. A value that is not a JSON object fails
// the job at once, naming the job. A result the store refuses (too long)
// leaves the job done, without one: the work was done all the same.
func TestRunnerStoresResultOfTheAttemptThatSucceeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		h := func(ctx context.Context, j *jobs.Job) error {
			var a struct{ Name string }
			if err := j.Decode(&a); err != nil {
				return err
			}
			switch a.Name {
			case "flaky":
				if err := j.SetResult(map[string]int{"attempt": j.Attempt}); err != nil {
					return err
				}
				if j.Attempt < 2 {
					return fmt.Errorf("attempt %d: site down", j.Attempt)
				}
				return nil
			case "down":
				_ = j.SetResult(map[string]int{"attempt": j.Attempt})
				return jobs.Permanent(fmt.Errorf("gone"))
			case "number":
				return j.SetResult(42)
			case "huge":
				return j.SetResult(map[string]string{"text": strings.Repeat("x", 10000)})
			}
			return nil
		}
		tests := []struct {
			name       string
			wantState  store.JobState
			wantResult string
			wantError  string
		}{
			{name: "flaky", wantState: store.JobDone, wantResult: `{"attempt":2}`, wantError: "attempt 1: site down"},
			{name: "down", wantState: store.JobFailed, wantError: "gone"},
			{name: "number", wantState: store.JobFailed, wantError: "result int is not a JSON object"},
			{name: "huge", wantState: store.JobDone},
			{name: "silent", wantState: store.JobDone},
		}
		ids := map[string]int64{}
		for _, tt := range tests {
			j, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "res", Args: map[string]string{"Name": tt.name}, MaxAttempts: 3})
			if err != nil {
				t.Fatal(err)
			}
			ids[tt.name] = j.ID
		}
		r := jobs.NewRunner(db, map[string]jobs.Handler{"res": h}, fast("w"))
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer r.Stop()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var got *store.Job
				waitFor(t, tt.name+" finished", func() bool {
					got, _ = db.Job(ctx, ids[tt.name])
					return !got.State.Active()
				})
				if got.State != tt.wantState || string(got.Result) != tt.wantResult || !strings.Contains(got.LastError, tt.wantError) {
					t.Errorf("state %s result %q error %q; want %s %q with %q", got.State, got.Result, got.LastError, tt.wantState, tt.wantResult, tt.wantError)
				}
				if tt.name == "number" && (got.Attempt != 1 || !strings.Contains(got.LastError, fmt.Sprintf("job %d (res)", got.ID))) {
					t.Errorf("a result that is not an object: attempt %d, error %q; want one attempt and an error naming the job", got.Attempt, got.LastError)
				}
			})
		}
	})
}
