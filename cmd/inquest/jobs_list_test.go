package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// `inquest jobs add` queues jobs as the system's (the command line has no
// signed-in user), and `inquest jobs list` says who queued each job: the
// user's name for one queued in the workspace, "(system)" for the others.
func TestJobsListQueuedBy(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		if code, _, stderr := runCLI(t, "", "case", "create", "january", "--title", "January", "--db", dsn); code != 0 {
			t.Fatalf("case create = %d %s", code, stderr)
		}
		code, stdout, stderr := runCLI(t, "", "jobs", "add", "analysis.reanalyse", "--case", "january", "--format", "json", "--db", dsn)
		var added []*inquest.Job
		if code != 0 || json.Unmarshal([]byte(stdout), &added) != nil || len(added) != 1 {
			t.Fatalf("jobs add = %d %q %s", code, stdout, stderr)
		}
		if added[0].CreatedBy != 0 {
			t.Errorf("a job queued on the command line is user %d's, want the system's", added[0].CreatedBy)
		}
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		anna := &inquest.User{Name: "anna", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, anna, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		c, err := db.CaseBySlug(ctx, "january")
		if err != nil {
			t.Fatal(err)
		}
		nj, err := inquest.IngestURLJob(c.ID, "https://example.org/a")
		if err != nil {
			t.Fatal(err)
		}
		nj.CreatedBy = anna.ID
		if _, _, err := db.EnqueueJob(ctx, nj); err != nil {
			t.Fatal(err)
		}

		code, stdout, stderr = runCLI(t, "", "jobs", "list", "--db", dsn)
		if code != 0 {
			t.Fatalf("jobs list = %d %s", code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != 3 || !strings.Contains(lines[0], "QUEUED BY") {
			t.Fatalf("jobs list:\n%s\nwant a header with QUEUED BY and two jobs", stdout)
		}
		tests := []struct{ kind, by string }{
			{inquest.JobIngestURL, "anna"},
			{inquest.JobReanalyse, "(system)"},
		}
		for i, tt := range tests {
			fields := strings.Fields(lines[i+1])
			if len(fields) < 5 || fields[1] != tt.kind || fields[4] != tt.by {
				t.Errorf("jobs list row %d = %q, want a %s job queued by %s", i+1, lines[i+1], tt.kind, tt.by)
			}
		}

		code, stdout, _ = runCLI(t, "", "jobs", "list", "--format", "json", "--db", dsn)
		var listed []*inquest.Job
		if code != 0 || json.Unmarshal([]byte(stdout), &listed) != nil || len(listed) != 2 {
			t.Fatalf("jobs list --format json = %d %q", code, stdout)
		}
		if listed[0].CreatedBy != anna.ID || listed[0].CreatedByName != "anna" || listed[1].CreatedBy != 0 {
			t.Errorf("jobs list --format json: created by %d %q and %d, want anna's and the system's",
				listed[0].CreatedBy, listed[0].CreatedByName, listed[1].CreatedBy)
		}
	})
}
