package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// The jobs page follows a running job in the browser: as the worker
// records progress and then finishes, the bar moves and the state changes
// without the page being reloaded (ws_jobs.js polling the API), the cancel
// button goes once the job is over, and the row says what the job made: a
// link to the source it archived, and when it finished. The job's number
// in the list leads to the job's own page.
func TestBrowserJobsPageFollowsProgress(t *testing.T) {
	db := storetest.Open(t)
	e := newE2E(t, db)
	e.login()
	ctx := context.Background()
	nj, err := inquest.IngestURLJob(e.c.ID, "https://example.org/news/1")
	if err != nil {
		t.Fatal(err)
	}
	j, _, err := db.EnqueueJob(ctx, nj)
	if err != nil {
		t.Fatal(err)
	}
	// Play the worker: claim the job and report progress.
	claimed, err := db.ClaimJobs(ctx, "browser-test", nil, 1, time.Minute)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %d jobs, %v", len(claimed), err)
	}
	lease := claimed[0].Lease()
	if _, err := db.SetJobProgress(ctx, lease, 1, 10); err != nil {
		t.Fatal(err)
	}
	row := fmt.Sprintf(`document.querySelector('tr[data-job="%d"]')`, j.ID)
	e.run("open the jobs page", chromedp.Navigate(e.url+"/w/jobs"), chromedp.WaitVisible(chromedp.CSS(`table.ws-jobs progress`)))
	e.text("mark the page", `(window.notReloaded = "yes", "")`)
	if got := e.text("progress shown", row+`.querySelector("progress").value + "/" + `+row+`.querySelector("progress").max`); got != "1/10" {
		t.Errorf("progress bar shows %s, want 1/10", got)
	}

	waitText := func(what, expr, want string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		got := ""
		for time.Now().Before(deadline) {
			if got = e.text(what, expr); got == want {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: %q, want %q\n%s", what, got, want, e.pageText())
	}
	if _, err := db.SetJobProgress(ctx, lease, 7, 10); err != nil {
		t.Fatal(err)
	}
	waitText("the bar follows the progress", row+`.querySelector(".job-count").textContent`, "7/10")
	sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: e.c.ID, Limit: 1, WithoutText: true})
	if err != nil || len(sources) != 1 {
		t.Fatalf("a source of the demo case: %d, %v", len(sources), err)
	}
	src := sources[0]
	result, err := json.Marshal(inquest.IngestURLJobResult{SourceID: src.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.FinishJob(ctx, lease, nil, false, time.Time{}, result); err != nil {
		t.Fatal(err)
	}
	waitText("the state follows the job", row+`.querySelector(".job-state").textContent`, "done")
	// The row is refreshed in place: read the row again each time, as the
	// script replaces it.
	waitText("the result appears", `(`+row+`.querySelector(".job-result a") || {}).textContent || ""`, fmt.Sprintf("Source #%d", src.ID))
	if got, want := e.text("the result's link", row+`.querySelector(".job-result a").getAttribute("href")`), fmt.Sprintf("/w/sources/%d", src.ID); got != want {
		t.Errorf("the result links to %q, want %q", got, want)
	}
	if got := e.text("the finish time", row+`.querySelector(".job-times").textContent`); !strings.Contains(got, "finished") {
		t.Errorf("the row's times %q do not say when the job finished", got)
	}
	if got := e.text("the progress after the end", row+`.querySelector(".job-count").textContent`); got != "7/10" {
		t.Errorf("the finished row's progress says %q, want 7/10", got)
	}
	if got := e.text("cancel button", `String(`+row+`.querySelector(".job-cancel form") === null)`); got != "true" {
		t.Error("a finished job still offers to be cancelled")
	}
	if got := e.text("not reloaded", `String(window.notReloaded)`); got != "yes" {
		t.Error("the page was reloaded to follow the job; the forms above would lose what the analyst typed")
	}
	e.run("a tall window for the screenshot", chromedp.EmulateViewport(1280, 1000))
	png, err := chromedp.Run(e.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir(t), "ws-jobs.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}

	// The job's number leads to its page, which tells the same story.
	e.run("open the job's page from the list",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-job="%d"] .job-id a`, j.ID))),
		chromedp.WaitVisible(chromedp.CSS(`dl.job-facts`)))
	checks := []struct{ what, expr, want string }{
		{"the page's address", `location.pathname`, fmt.Sprintf("/w/jobs/%d", j.ID)},
		{"the heading", `document.querySelector("h1").textContent`, fmt.Sprintf("Job %d: Fetch URL", j.ID)},
		{"the state", `document.querySelector(".job-state").textContent`, "done"},
		{"the progress", `document.querySelector(".job-count").textContent`, "7/10"},
		{"the URL fetched", `document.querySelector(".job-url a").href`, "https://example.org/news/1"},
		{"a cancel button", `String(document.querySelector(".job-cancel") !== null)`, "false"},
		{"a self-refresh", `String(document.querySelector('meta[http-equiv="refresh"]') !== null)`, "false"},
	}
	for _, c := range checks {
		if got := e.text(c.what, c.expr); got != c.want {
			t.Errorf("job page, %s: %q, want %q", c.what, got, c.want)
		}
	}
}
