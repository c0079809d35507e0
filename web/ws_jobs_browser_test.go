package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// The jobs page follows a running job in the browser: as the worker
// records progress and then finishes, the bar moves and the state changes
// without the page being reloaded (ws_jobs.js polling the API), and the
// cancel button goes once the job is over.
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
	if _, err := db.FinishJob(ctx, lease, nil, false, time.Time{}); err != nil {
		t.Fatal(err)
	}
	waitText("the state follows the job", row+`.querySelector(".job-state").textContent`, "done")
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
}
