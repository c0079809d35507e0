package jobs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// A queued re-analysis, run by a worker, finds the contradiction between
// two speakers who took opposite sides on a claim, and queuing the same
// re-analysis twice while it waits runs it once.
func TestReanalyseJob(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		src := storetest.NewSource(t, db, c.ID, "a.txt", "a", "Terrorists attacked. They were not there.")
		claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part"}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		for i, side := range []inquest.StanceKind{inquest.Supports, inquest.Denies} {
			s := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: fmt.Sprint("Speaker ", i), Text: "words",
				Start: i * 20, End: i*20 + 10, SaidOn: inquest.Date(fmt.Sprintf("2022-0%d-10", i+1))}
			if err := db.AddStatement(ctx, s); err != nil {
				t.Fatal(err)
			}
			if err := db.AddStance(ctx, &inquest.Stance{StatementID: s.ID, ClaimID: claim.ID, Stance: side, Review: inquest.Confirmed}); err != nil {
				t.Fatal(err)
			}
		}
		j, created, err := jobs.EnqueueReanalyse(ctx, db, c.ID, inquest.ContradictionScope{ClaimID: claim.ID})
		if err != nil || !created {
			t.Fatalf("enqueue: %v %v", created, err)
		}
		if again, created, _ := jobs.EnqueueReanalyse(ctx, db, c.ID, inquest.ContradictionScope{ClaimID: claim.ID}); created || again.ID != j.ID {
			t.Error("the same re-analysis was queued twice")
		}
		r := jobs.NewRunner(db, jobs.Handlers(db, jobs.HandlerOptions{}), fast("w"))
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer r.Stop()
		waitFor(t, "re-analysis done", func() bool {
			got, _ := db.Job(ctx, j.ID)
			return got.State == store.JobDone
		})
		got, _ := db.Job(ctx, j.ID)
		if got.ProgressDone != 2 || got.ProgressTotal != 2 {
			t.Errorf("progress %d/%d, want 2/2", got.ProgressDone, got.ProgressTotal)
		}
		var res inquest.ReanalyseJobResult
		if err := json.Unmarshal(got.Result, &res); err != nil || res != (inquest.ReanalyseJobResult{Statements: 2, Contradictions: 1}) {
			t.Errorf("result %s (%v), want 2 statements read and 1 contradiction derived", got.Result, err)
		}
		cs, err := db.Contradictions(ctx, c.ID)
		if err != nil || len(cs) != 1 || cs[0].ClaimID != claim.ID {
			t.Fatalf("contradictions after the job: %d, %v; want 1 on the claim", len(cs), err)
		}
		// A job for a case that does not exist fails at once, without retries.
		bad, _, _ := jobs.EnqueueReanalyse(ctx, db, 0, inquest.ContradictionScope{})
		waitFor(t, "bad job failed", func() bool {
			got, _ := db.Job(ctx, bad.ID)
			return got.State == store.JobFailed
		})
		if got, _ := db.Job(ctx, bad.ID); got.Attempt != 1 || got.Result != nil {
			t.Errorf("a job that cannot succeed was tried %d times and has result %s; want once, none", got.Attempt, got.Result)
		}
	})
}

func TestEnqueueIngestURLRefusesNonHTTP(t *testing.T) {
	db := storetest.Open(t)
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/a", "example.org/a", ""} {
		if _, _, err := jobs.EnqueueIngestURL(context.Background(), db, 1, u); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("EnqueueIngestURL(%q): %v, want EINVALID", u, err)
		}
	}
}
