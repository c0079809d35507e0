package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// instance is one `inquest serve` process.
type instance struct {
	name string
	url  string // http://127.0.0.1:PORT/
}

// startInstance starts `inquest serve --jobs 2` on dsn and returns once it
// listens; it is stopped (SIGTERM, as a service manager does) when the test
// ends.
func startInstance(t *testing.T, bin, dsn, name, siteDir string) *instance {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--jobs", "2",
		"--allow-private-addresses", "--site-dir", siteDir)
	out, errb := &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Errorf("instance %s did not stop within 20 s of SIGTERM", name)
		}
		if t.Failed() {
			t.Logf("instance %s output:\n%s%s", name, out, errb)
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(out.String()); m != nil {
			return &instance{name: name, url: m[1]}
		}
		select {
		case <-exited:
			t.Fatalf("instance %s exited before serving:\n%s%s", name, out, errb)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("instance %s did not start serving within 60 s:\n%s%s", name, out, errb)
	return nil
}

// call sends an API request with a bearer token and returns the status and
// the body; status 0 when the request could not be made (the error is
// reported). It may be called from any goroutine.
func (in *instance) call(t *testing.T, token, method, path string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Error(err)
			return 0, nil
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, strings.TrimSuffix(in.url, "/")+path, rd)
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("%s %s on %s: %v", method, path, in.name, err)
		return 0, nil
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Errorf("%s %s on %s: %v", method, path, in.name, err)
		return 0, nil
	}
	return resp.StatusCode, b
}

// newToken adds a user with `inquest user add` and makes an API token for
// them with `inquest token create`.
func newToken(t *testing.T, dsn, name string, role inquest.Role) string {
	t.Helper()
	if code, _, stderr := runCLI(t, "a long enough password\n", "user", "add", name, "--role", string(role), "--db", dsn); code != 0 {
		t.Fatalf("user add %s: exit %d: %s", name, code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", "token", "create", name, "--db", dsn)
	if code != 0 {
		t.Fatalf("token create %s: exit %d: %s", name, code, stderr)
	}
	return strings.TrimSpace(stdout)
}

// Two `inquest serve` processes on one PostgreSQL database, as two
// instances behind a load balancer would run (issue 8):
//
//   - a hundred URL fetches queued through both instances' API, half each,
//     some asked for twice (through the other instance): every URL is
//     fetched exactly once, every page stored once, and both instances do
//     some of the work;
//   - a static build queued through one instance is built by whichever
//     takes it, into the site directory both share;
//   - one statement edited at once through both instances from the same
//     version: exactly one edit wins, the other gets 409 with a message
//     that says what happened, and the winner's edit is what is stored.
func TestTwoServeInstancesOnePostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t) // skipped without INQUEST_TEST_POSTGRES, failed under CI=true
	bin := buildInquest(t)
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := storetest.NewCase(t, db, "january")
	c.Public = true
	if err := db.UpdateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	src := storetest.NewSource(t, db, c.ID, "/briefing.txt", "They were not there.", "They were not there.")
	statement := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: "Berik Asylov", Text: "They were not there.",
		Start: 0, End: 20, Origin: inquest.Extracted, Review: inquest.Suggested, Confidence: 0.8}
	if err := db.AddStatement(ctx, statement); err != nil {
		t.Fatal(err)
	}
	analyst := newToken(t, dsn, "aigerim", inquest.RoleAnalyst)
	editor := newToken(t, dsn, "dana", inquest.RoleEditor)

	// The news site: each fetch waits at the gate until the test opens
	// it, so that every duplicate request finds its job still active and
	// the fetches in flight at once can be counted.
	var mu sync.Mutex
	hits := map[string]int{}
	inflight, maxInflight := 0, 0
	gate := make(chan struct{})
	news := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		inflight++
		maxInflight = max(maxInflight, inflight)
		mu.Unlock()
		defer func() { mu.Lock(); inflight--; mu.Unlock() }()
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article(r.URL.Path))
	}))
	defer news.Close()

	siteDir := t.TempDir() // one directory both instances write, as a shared volume would be
	a := startInstance(t, bin, dsn, "A", siteDir)
	b := startInstance(t, bin, dsn, "B", siteDir)
	instances := []*instance{a, b}

	type queued struct {
		Job     inquest.Job `json:"job"`
		Created bool        `json:"created"`
	}
	// enqueue may be called from any goroutine: it reports, never stops.
	enqueue := func(in *instance, token string, req map[string]string) queued {
		t.Helper()
		status, body := in.call(t, token, "POST", "/api/v1/jobs", req)
		var q queued
		if status != http.StatusOK || json.Unmarshal(body, &q) != nil {
			t.Errorf("POST /api/v1/jobs %v on %s = %d %s", req, in.name, status, body)
		}
		return q
	}

	const n = 100
	urlOf := func(i int) string { return fmt.Sprintf("%s/news/%d", news.URL, i) }
	jobOf := make([]int64, n)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < n; i += 8 {
				q := enqueue(instances[i%2], analyst, map[string]string{"kind": "ingest.url", "case": c.Slug, "url": urlOf(i)})
				if !q.Created {
					t.Errorf("fetch of %s was not queued the first time it was asked for", urlOf(i))
				}
				jobOf[i] = q.Job.ID
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	// The same fetches asked for again through the other instance.
	for i := range 20 {
		q := enqueue(instances[(i+1)%2], analyst, map[string]string{"kind": "ingest.url", "case": c.Slug, "url": urlOf(i)})
		if q.Created || q.Job.ID != jobOf[i] {
			t.Errorf("fetch of %s asked for again through %s: created %v, job %d; want the waiting job %d", urlOf(i), instances[(i+1)%2].name, q.Created, q.Job.ID, jobOf[i])
		}
	}
	// Each instance runs two jobs at once: four fetches in flight means
	// both are working.
	waitUntil(t, "four fetches in flight at once", 60*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return maxInflight >= 4
	})
	close(gate)
	opened := time.Now()
	waitUntil(t, "100 fetch jobs done", 180*time.Second, func() bool {
		done, err := db.Jobs(ctx, store.JobFilter{State: store.JobDone, Kind: "ingest.url", Limit: 1000})
		return err == nil && len(done) == n
	})
	t.Logf("%d fetches done by two instances %s after the news site opened", n, time.Since(opened).Round(time.Millisecond))
	mu.Lock()
	for i := range n {
		if got := hits[fmt.Sprintf("/news/%d", i)]; got != 1 {
			t.Errorf("/news/%d fetched %d times, want once", i, got)
		}
	}
	if maxInflight != 4 {
		t.Errorf("%d fetches were in flight at once; two instances of --jobs 2 run at most 4", maxInflight)
	}
	mu.Unlock()
	sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
	if err != nil || len(sources) != n+1 {
		t.Errorf("%d sources stored (%v), want %d fetched and the briefing", len(sources), err, n)
	}
	seen := map[string]int{}
	for _, s := range sources {
		seen[s.URL]++
	}
	for i := range n {
		if seen[urlOf(i)] != 1 {
			t.Errorf("%s stored %d times, want once", urlOf(i), seen[urlOf(i)])
		}
	}
	all, _ := db.Jobs(ctx, store.JobFilter{Kind: "ingest.url", Limit: 1000})
	for _, j := range all {
		if j.Attempt != 1 {
			t.Errorf("job %d took %d attempts, want 1", j.ID, j.Attempt)
		}
	}
	// Either instance lists every job, whichever took it.
	status, body := b.call(t, analyst, "GET", "/api/v1/jobs?state=done&limit=1000", nil)
	var listed []inquest.Job
	if status != 200 || json.Unmarshal(body, &listed) != nil || len(listed) != n {
		t.Errorf("GET /api/v1/jobs on B = %d with %d jobs, want the %d done", status, len(listed), n)
	}

	// A static build queued through B, built by whichever instance takes it.
	build := enqueue(b, editor, map[string]string{"kind": "build.static", "case": c.Slug})
	waitUntil(t, "the static build done", 120*time.Second, func() bool {
		j, err := db.Job(ctx, build.Job.ID)
		return err == nil && !j.State.Active()
	})
	if j, _ := db.Job(ctx, build.Job.ID); j.State != store.JobDone || j.ProgressTotal == 0 || j.ProgressDone != j.ProgressTotal {
		t.Errorf("static build: %s, progress %d/%d, error %q; want done with its progress full", j.State, j.ProgressDone, j.ProgressTotal, j.LastError)
	}
	if index, err := os.ReadFile(filepath.Join(siteDir, c.Slug, "index.html")); err != nil || !strings.Contains(string(index), c.Title) {
		t.Errorf("the built site has no front page naming the case: %v", err)
	}

	// One statement edited through both instances from the same version.
	path := fmt.Sprintf("/api/v1/statements/%d", statement.ID)
	for round := range 5 {
		status, body := a.call(t, analyst, "GET", path, nil)
		var cur inquest.Statement
		if status != 200 || json.Unmarshal(body, &cur) != nil {
			t.Fatalf("GET %s = %d %s", path, status, body)
		}
		type answer struct {
			status int
			body   string
		}
		answers := make([]answer, 2)
		notes := []string{fmt.Sprintf("round %d: A's reading", round), fmt.Sprintf("round %d: B's reading", round)}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i, in := range instances {
			wg.Go(func() {
				<-start
				s, b := in.call(t, analyst, "PATCH", path, map[string]any{"version": cur.UpdatedAt, "note": notes[i]})
				answers[i] = answer{s, string(b)}
			})
		}
		close(start)
		wg.Wait()
		winner := -1
		for i, ans := range answers {
			switch ans.status {
			case http.StatusOK:
				if winner >= 0 {
					t.Errorf("round %d: both edits from one version were saved; one overwrote the other", round)
				}
				winner = i
			case http.StatusConflict:
				if !strings.Contains(ans.body, `"code":"`+inquest.ECONFLICT+`"`) || !strings.Contains(ans.body, "changed by someone else") || !strings.Contains(ans.body, "reload") {
					t.Errorf("round %d: the refused edit says %s; want ECONFLICT saying someone else changed it and to reload", round, ans.body)
				}
			default:
				t.Errorf("round %d: edit through %s = %d %s; want 200 or 409", round, instances[i].name, ans.status, ans.body)
			}
		}
		if winner < 0 {
			t.Fatalf("round %d: neither edit was saved: %v", round, answers)
		}
		stored, err := db.Statement(ctx, statement.ID)
		if err != nil || stored.Note != notes[winner] {
			t.Errorf("round %d: stored note %q (%v), want the winner's %q", round, stored.Note, err, notes[winner])
		}
	}
}
