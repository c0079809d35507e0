package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/jobs"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// buildInquest builds the inquest binary into a temporary directory, so that
// tests can run real `inquest worker` processes and kill them.
func buildInquest(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "inquest")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// worker is one `inquest worker` process.
type worker struct {
	cmd    *exec.Cmd
	output *bytes.Buffer
}

// startWorker starts `inquest worker` on dsn; it is stopped when the test ends.
func startWorker(t *testing.T, bin, dsn string, extra ...string) *worker {
	t.Helper()
	args := append([]string{"worker", "--db", dsn, "--allow-private-addresses", "--poll", "50ms", "--concurrency", "4"}, extra...)
	cmd := exec.Command(bin, args...)
	w := &worker{cmd: cmd, output: &bytes.Buffer{}}
	cmd.Stdout, cmd.Stderr = w.output, w.output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				_ = cmd.Process.Kill()
				<-done
			}
		}
		if t.Failed() {
			t.Logf("worker %d output:\n%s", cmd.Process.Pid, w.output)
		}
	})
	return w
}

func waitUntil(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// article is a small news page that the ingest pipeline reads and extracts.
func article(n string) string {
	return fmt.Sprintf(`<html><head><title>Report %s</title></head><body><article><h1>Report %s</h1>
<p>The Prosecutor General told the Majilis on 14 March: "They were not there." Report number %s.</p>
<p>Officials said 238 people died in the January events.</p></article></body></html>`, n, n, n)
}

// Two `inquest worker` processes on one database share 200 fetch jobs: every
// URL is fetched exactly once, and every page is stored.
func TestTwoWorkerProcessesFetchEachURLOnce(t *testing.T) {
	bin := buildInquest(t)
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var mu sync.Mutex
		hits := map[string]int{}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[r.URL.Path]++
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article(r.URL.Path))
		}))
		defer srv.Close()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c := storetest.NewCase(t, db, "january")
		const n = 200
		for i := range n {
			if _, _, err := jobs.EnqueueIngestURL(ctx, db, c.ID, fmt.Sprintf("%s/news/%d", srv.URL, i)); err != nil {
				t.Fatal(err)
			}
		}
		// The same fetch asked for again while queued is not queued twice.
		if _, created, _ := jobs.EnqueueIngestURL(ctx, db, c.ID, srv.URL+"/news/7"); created {
			t.Error("a second fetch of a queued URL was queued")
		}
		startWorker(t, bin, dsn)
		startWorker(t, bin, dsn)
		waitUntil(t, "200 fetch jobs done", 60*time.Second, func() bool {
			done, err := db.Jobs(ctx, store.JobFilter{State: store.JobDone, Limit: 1000})
			return err == nil && len(done) == n
		})
		mu.Lock()
		defer mu.Unlock()
		for i := range n {
			if got := hits[fmt.Sprintf("/news/%d", i)]; got != 1 {
				t.Errorf("/news/%d fetched %d times, want once", i, got)
			}
		}
		sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
		if err != nil || len(sources) != n {
			t.Errorf("%d sources stored (%v), want %d", len(sources), err, n)
		}
		all, _ := db.Jobs(ctx, store.JobFilter{Limit: 1000})
		for _, j := range all {
			if j.Attempt != 1 {
				t.Errorf("job %d took %d attempts, want 1", j.ID, j.Attempt)
			}
		}
	})
}

// A worker killed in the middle of a fetch (SIGKILL: no chance to clean up)
// leaves its job running under a lease; once the lease runs out another
// worker takes the job and completes it.
func TestKilledWorkerJobIsReclaimed(t *testing.T) {
	bin := buildInquest(t)
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var mu sync.Mutex
		hits := 0
		hang := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits++
			first := hits == 1
			mu.Unlock()
			if first {
				<-hang // the first worker dies while waiting here
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article("slow"))
		}))
		defer srv.Close()
		defer close(hang)
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c := storetest.NewCase(t, db, "january")
		j, _, err := jobs.EnqueueIngestURL(ctx, db, c.ID, srv.URL+"/slow")
		if err != nil {
			t.Fatal(err)
		}
		first := startWorker(t, bin, dsn, "--lease", "2s")
		waitUntil(t, "the first worker to start the fetch", 20*time.Second, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return hits == 1
		})
		if err := first.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = first.cmd.Wait()
		got, _ := db.Job(ctx, j.ID)
		if got.State != store.JobRunning || got.Attempt != 1 {
			t.Fatalf("after the kill: state %s attempt %d, want running 1", got.State, got.Attempt)
		}
		killedAt := time.Now()
		startWorker(t, bin, dsn, "--lease", "2s")
		waitUntil(t, "the job done by the second worker", 30*time.Second, func() bool {
			got, _ = db.Job(ctx, j.ID)
			return got.State == store.JobDone
		})
		if got.Attempt != 2 {
			t.Errorf("attempts = %d, want 2 (the killed one and the reclaimed one)", got.Attempt)
		}
		if waited := time.Since(killedAt); waited < time.Second {
			t.Errorf("the job was taken again %s after the kill, before its 2 s lease could have run out", waited)
		}
		sources, _ := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
		if len(sources) != 1 {
			t.Errorf("%d sources stored, want 1", len(sources))
		}
	})
}
