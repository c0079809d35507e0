package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// showFields reads the "field: value" lines of `jobs show` up to the last
// error, which comes after them as an indented block.
func showFields(out string) (fields map[string]string, lastError string) {
	fields = map[string]string{}
	head, block, _ := strings.Cut(out, "last error:\n")
	for _, l := range strings.Split(strings.TrimSpace(head), "\n") {
		k, v, _ := strings.Cut(l, ":")
		fields[k] = strings.TrimSpace(v)
	}
	return fields, block
}

// januaryStore creates the case "january" with `case create` and opens the
// store at dsn, closed when the test ends.
func januaryStore(t *testing.T, dsn string) *store.DB {
	t.Helper()
	if code, _, stderr := runCLI(t, "", "case", "create", "january", "--title", "January", "--db", dsn); code != 0 {
		t.Fatalf("case create = %d %s", code, stderr)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// `inquest jobs show ID` prints one job, its last error whole, and says who
// queued it so that a user named "system" does not read as the system; in
// JSON it is the same object as the job's item of `jobs list`. An unknown
// or malformed id is a clear error.
func TestJobsShow(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := januaryStore(t, dsn)
		c, err := db.CaseBySlug(ctx, "january")
		if err != nil {
			t.Fatal(err)
		}
		named := &inquest.User{Name: "system", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, named, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		nj := inquest.ReanalyseJob(c.ID, inquest.ContradictionScope{})
		nj.CreatedBy = named.ID
		if _, _, err := db.EnqueueJob(ctx, nj); err != nil {
			t.Fatal(err)
		}
		claimed, err := db.ClaimJobs(ctx, "worker-test", nil, 1, time.Hour)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %d jobs, %v", len(claimed), err)
		}
		if _, err := db.SetJobProgress(ctx, claimed[0].Lease(), 1, 2); err != nil {
			t.Fatal(err)
		}
		runErr := "save contradictions: deadlock detected\nDETAIL: Process 1 waits for ShareLock on transaction 2"
		failed, err := db.FinishJob(ctx, claimed[0].Lease(), errors.New(runErr), false, time.Time{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI(t, "", "jobs", "add", "ingest.url", "https://example.org/a", "--case", "january", "--format", "json", "--db", dsn)
		var added []*inquest.Job
		if code != 0 || json.Unmarshal([]byte(stdout), &added) != nil || len(added) != 1 {
			t.Fatalf("jobs add = %d %q %s", code, stdout, stderr)
		}
		queued := added[0]

		iso := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
		tests := []struct {
			name          string
			args          []string
			wantCode      int
			wantFields    map[string]string
			wantError     string // the last error block
			wantStderr    string
			notWantFields []string
		}{
			{name: "failed, queued by a user named system", args: []string{fmt.Sprint(failed.ID)},
				wantFields: map[string]string{"id": fmt.Sprint(failed.ID), "kind": inquest.JobReanalyse, "state": "failed", "attempt": "1/5",
					"progress": "1/2", "queued by": "system", "queued at": iso(failed.CreatedAt), "started at": iso(failed.StartedAt),
					"finished at": iso(failed.FinishedAt), "args": string(failed.Args)},
				wantError:     "    save contradictions: deadlock detected\n    DETAIL: Process 1 waits for ShareLock on transaction 2\n",
				notWantFields: []string{"next try", "worker", "result"}},
			{name: "queued by the system", args: []string{fmt.Sprint(queued.ID)},
				wantFields:    map[string]string{"kind": inquest.JobIngestURL, "state": "queued", "attempt": "0/5", "queued by": "(system)"},
				notWantFields: []string{"progress", "started at", "finished at", "next try"}},
			{name: "unknown id", args: []string{"999999"}, wantCode: 2, wantStderr: "there is no job 999999 (see 'inquest jobs list')"},
			{name: "not a number", args: []string{"latest"}, wantCode: 2, wantStderr: `job id "latest" is not a positive number`},
			{name: "zero", args: []string{"0"}, wantCode: 2, wantStderr: `job id "0" is not a positive number`},
			{name: "no id", wantCode: 2, wantStderr: "jobs show needs one job id"},
			{name: "two ids", args: []string{"1", "2"}, wantCode: 2, wantStderr: "jobs show needs one job id"},
			{name: "unknown format", args: []string{"1", "--format", "yaml"}, wantCode: 2, wantStderr: `--format "yaml"`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				code, stdout, stderr := runCLI(t, "", append(append([]string{"jobs", "show"}, tt.args...), "--db", dsn)...)
				if code != tt.wantCode || !strings.Contains(stderr, tt.wantStderr) {
					t.Fatalf("jobs show %v = %d %q; want %d with %q", tt.args, code, stderr, tt.wantCode, tt.wantStderr)
				}
				if tt.wantCode != 0 {
					return
				}
				got, gotError := showFields(stdout)
				for k, want := range tt.wantFields {
					if got[k] != want {
						t.Errorf("jobs show %v: %s %q, want %q\n%s", tt.args, k, got[k], want, stdout)
					}
				}
				for _, k := range tt.notWantFields {
					if _, ok := got[k]; ok {
						t.Errorf("jobs show %v has a %s line:\n%s", tt.args, k, stdout)
					}
				}
				if gotError != tt.wantError {
					t.Errorf("jobs show %v: last error\n%q\nwant\n%q", tt.args, gotError, tt.wantError)
				}
			})
		}

		_, stdout, _ = runCLI(t, "", "jobs", "list", "--format", "json", "--db", dsn)
		var list []json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &list); err != nil || len(list) != 2 {
			t.Fatalf("jobs list --format json: %v, %d jobs", err, len(list))
		}
		for _, item := range list {
			var want map[string]any
			if err := json.Unmarshal(item, &want); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runCLI(t, "", "jobs", "show", fmt.Sprint(want["id"]), "--format", "json", "--db", dsn)
			var got map[string]any
			if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("jobs show %v --format json = %d %s%s\nwant the list's item\n%s", want["id"], code, stdout, stderr, item)
			}
		}

		_, stdout, _ = runCLI(t, "", "jobs", "list", "--db", dsn)
		// The column is read where its header stands: an empty progress
		// cell would shift a count of fields.
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		col := strings.Index(lines[0], "QUEUED BY")
		by := map[string]string{}
		for _, l := range lines[1:] {
			if col > 0 && len(l) > col {
				by[strings.Fields(l)[0]] = strings.Fields(l[col:])[0]
			}
		}
		if got, want := []string{by[fmt.Sprint(failed.ID)], by[fmt.Sprint(queued.ID)]}, []string{"system", "(system)"}; !reflect.DeepEqual(got, want) {
			t.Errorf("jobs list: queued by %q, want %q (the user named system, then the system)\n%s", got, want, stdout)
		}
	})
}
