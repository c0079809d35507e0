package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store/storetest"
)

// `inquest jobs show` says what a done job made: a fetch queued with `jobs
// add` names the source it archived, which `sources show` shows, and the
// same URL fetched again names the same source, already archived; a
// re-analysis its counts. In JSON the result is the stored object. A job
// that is not done has no result.
func TestJobsShowResult(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><head><title>Briefing</title></head><body><article><h1>Briefing</h1>
<p>“They were not there,” the Prosecutor General told the Majilis on 14 March 2022.</p></article></body></html>`)
		}))
		defer srv.Close()
		db := januaryStore(t, dsn)
		// The worker `inquest worker --allow-private-addresses` runs, in
		// this process so that the test can stop it.
		runner := jobs.NewRunner(db, jobs.Handlers(db, jobs.HandlerOptions{Fetch: ingest.Options{AllowPrivate: true}}),
			jobs.Options{Poll: 20 * time.Millisecond, Worker: "cli-test"})
		if err := runner.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer runner.Stop()

		// queue runs `jobs add ARGS` and waits for the job to finish.
		queue := func(args ...string) *inquest.Job {
			t.Helper()
			code, stdout, stderr := runCLI(t, "", append(append([]string{"jobs", "add"}, args...), "--case", "january", "--format", "json", "--db", dsn)...)
			var added []*inquest.Job
			if code != 0 || json.Unmarshal([]byte(stdout), &added) != nil || len(added) != 1 {
				t.Fatalf("jobs add %v = %d %q %s", args, code, stdout, stderr)
			}
			runner.Wake()
			var j *inquest.Job
			waitUntil(t, fmt.Sprintf("job %d to finish", added[0].ID), 20*time.Second, func() bool {
				var err error
				j, err = db.Job(ctx, added[0].ID)
				return err == nil && !j.State.Active()
			})
			if j.State != inquest.JobDone {
				t.Fatalf("job %d: %s, %q; want done", j.ID, j.State, j.LastError)
			}
			return j
		}
		first := queue("ingest.url", srv.URL+"/briefing")
		var made inquest.IngestURLJobResult
		if err := json.Unmarshal(first.Result, &made); err != nil || made.SourceID == 0 {
			t.Fatalf("first fetch: result %s (%v)", first.Result, err)
		}
		again := queue("ingest.url", srv.URL+"/briefing")
		reanalysed := queue("analysis.reanalyse")
		// The re-analysis reads every statement of the case: those the
		// engine suggested from the fetched page.
		c, err := db.CaseBySlug(ctx, "january")
		if err != nil {
			t.Fatal(err)
		}
		stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
		if err != nil || len(stmts) == 0 {
			t.Fatalf("statements of the fetched page: %d, %v; want some", len(stmts), err)
		}
		contras, err := db.Contradictions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		queued, _, err := db.EnqueueJob(ctx, inquest.NewJob{Kind: "not.run.here"})
		if err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name       string
			job        *inquest.Job
			wantResult string // the result line; "" for none
			wantJSON   string // the result in --format json; "" for none
		}{
			{name: "fetch made a source", job: first,
				wantResult: fmt.Sprintf("source %d, archived by this job (see 'inquest sources show %d')", made.SourceID, made.SourceID),
				wantJSON:   fmt.Sprintf(`{"source_id":%d,"already_archived":false}`, made.SourceID)},
			{name: "the same URL again", job: again,
				wantResult: fmt.Sprintf("source %d, already archived (see 'inquest sources show %d')", made.SourceID, made.SourceID),
				wantJSON:   fmt.Sprintf(`{"source_id":%d,"already_archived":true}`, made.SourceID)},
			{name: "re-analysis", job: reanalysed,
				wantResult: fmt.Sprintf("%d statements read, %d contradictions derived", len(stmts), len(contras)),
				wantJSON:   fmt.Sprintf(`{"statements":%d,"contradictions":%d}`, len(stmts), len(contras))},
			{name: "queued", job: queued},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				id := fmt.Sprint(tt.job.ID)
				code, stdout, stderr := runCLI(t, "", "jobs", "show", id, "--db", dsn)
				if code != 0 {
					t.Fatalf("jobs show %s = %d %s", id, code, stderr)
				}
				fields, _ := showFields(stdout)
				if got, has := fields["result"]; got != tt.wantResult || has != (tt.wantResult != "") {
					t.Errorf("jobs show %s: result %q (present %v), want %q\n%s", id, got, has, tt.wantResult, stdout)
				}
				code, stdout, stderr = runCLI(t, "", "jobs", "show", id, "--format", "json", "--db", dsn)
				var obj struct {
					Result json.RawMessage `json:"result"`
				}
				if code != 0 || json.Unmarshal([]byte(stdout), &obj) != nil || string(obj.Result) != tt.wantJSON {
					t.Errorf("jobs show %s --format json = %d: result %s, want %s\n%s%s", id, code, obj.Result, tt.wantJSON, stdout, stderr)
				}
			})
		}

		// The command the result names shows the fetched page.
		code, stdout, stderr := runCLI(t, "", "sources", "show", fmt.Sprint(made.SourceID), "--db", dsn)
		if code != 0 || !strings.Contains(stdout, srv.URL+"/briefing") {
			t.Errorf("sources show %d = %d %s\n%s; want the fetched page", made.SourceID, code, stderr, stdout)
		}
	})
}
