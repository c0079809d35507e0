package jobs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// A fetch job says which source it made: the first fetch of a page the new
// source; the same page fetched again the same source, already archived; a
// changed page its next version, following the first. A fetch that fails
// names no source.
func TestIngestURLJobResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var mu sync.Mutex
		edition := 1
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/gone" {
				http.Error(w, "gone", http.StatusGone)
				return
			}
			mu.Lock()
			n := edition
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>Briefing %d</title></head><body><article><h1>Briefing</h1>
<p>“They were not there,” the Prosecutor General said on 14 March 2022. Edition %d of this page.</p>
<p>The ministry later said more than 200 people were detained in the first days.</p></article></body></html>`, n, n)
		}))
		defer srv.Close()
		c := storetest.NewCase(t, db, "january")
		r := jobs.NewRunner(db, jobs.Handlers(db, jobs.HandlerOptions{Fetch: ingest.Options{AllowPrivate: true}}), fast("w"))
		if err := r.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer r.Stop()
		fetch := func(path string) *store.Job {
			t.Helper()
			j, created, err := jobs.EnqueueIngestURL(ctx, db, c.ID, srv.URL+path)
			if err != nil || !created {
				t.Fatalf("enqueue %s: created %v, %v", path, created, err)
			}
			r.Wake()
			var got *store.Job
			waitFor(t, "fetch of "+path, func() bool {
				got, _ = db.Job(ctx, j.ID)
				return !got.State.Active()
			})
			return got
		}
		resultOf := func(j *store.Job) inquest.IngestURLJobResult {
			t.Helper()
			var res inquest.IngestURLJobResult
			if j.State != store.JobDone || json.Unmarshal(j.Result, &res) != nil || res.SourceID == 0 {
				t.Fatalf("job %d: %s, error %q, result %s; want done with a source", j.ID, j.State, j.LastError, j.Result)
			}
			return res
		}

		first := resultOf(fetch("/briefing"))
		src, err := db.Source(ctx, first.SourceID)
		if err != nil || src.URL != srv.URL+"/briefing" || src.CaseID != c.ID {
			t.Fatalf("the result's source %d: %+v, %v; want the fetched page in case %d", first.SourceID, src, err, c.ID)
		}
		if want := (inquest.IngestURLJobResult{SourceID: src.ID}); first != want {
			t.Errorf("first fetch: result %+v, want %+v", first, want)
		}

		again := resultOf(fetch("/briefing"))
		if want := (inquest.IngestURLJobResult{SourceID: first.SourceID, AlreadyArchived: true}); again != want {
			t.Errorf("the same page again: result %+v, want %+v", again, want)
		}

		mu.Lock()
		edition = 2
		mu.Unlock()
		changed := resultOf(fetch("/briefing"))
		if want := (inquest.IngestURLJobResult{SourceID: changed.SourceID, Version: 2, PreviousID: first.SourceID}); changed != want || changed.SourceID == first.SourceID {
			t.Errorf("the page changed: result %+v, want a new source, version 2 after %d", changed, first.SourceID)
		}
		sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
		if err != nil || len(sources) != 2 {
			t.Fatalf("sources after three fetches: %d, %v; want 2", len(sources), err)
		}

		if gone := fetch("/gone"); gone.State != store.JobFailed || gone.Result != nil {
			t.Errorf("a page that is gone: %s with result %s; want failed without a result", gone.State, gone.Result)
		}
	})
}
