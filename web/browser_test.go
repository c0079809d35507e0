package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

const chromiumPath = "/usr/bin/chromium"

// screenshotDir is where the browser tests leave their screenshots for a
// person to look at: $INQUEST_SCREENSHOTS, or a folder in the system's
// temporary directory. The test logs it.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("INQUEST_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "inquest-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// newBrowser starts headless Chromium with a fresh profile. Without Chromium
// the test is skipped, except under CI=true, where it fails.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI must run the browser tests: %s: %v (apt-get install chromium)", chromiumPath, err)
		}
		t.Skipf("no Chromium at %s: %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	return bctx
}

type viewport struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
}

var viewports = []viewport{
	{"phone", 390, 844, 2, true},
	{"desktop", 1280, 800, 1, false},
}

func TestBrowserDemoPages(t *testing.T) {
	ctx := newBrowser(t)
	db := storetest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(web.NewServer(db, web.Options{Workspace: true}).Handler())
	defer ts.Close()
	dir := screenshotDir(t)

	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			emulate := chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale))
			if vp.mobile {
				emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale), chromedp.EmulateMobile, chromedp.EmulatePortrait)
			}
			start := time.Now()
			if err := chromedp.Do(ctx, emulate, chromedp.Navigate(ts.URL+"/cases/january-events"), chromedp.WaitVisible("h1")); err != nil {
				t.Fatal(err)
			}
			t.Logf("first page: %v", time.Since(start))
			checkPage(t, ctx, vp, "case page", map[string]string{
				"heading": `document.querySelector("h1").innerText`,
			}, map[string]string{
				"heading": "January 2022 events in Kazakhstan",
			})
			sources, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.source h3 a").length`))
			if err != nil || sources != 6 {
				t.Errorf("case page shows %d source links (%v), want 6", sources, err)
			}
			shot(t, ctx, filepath.Join(dir, vp.name+"-case.png"))

			// Follow the link to the Majilis session, as a reader would.
			href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("li.source h3 a")].find(a => a.innerText.includes("Majilis, 14 March")).getAttribute("href")`))
			if err != nil {
				t.Fatalf("no link to the Majilis source: %v", err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+href), chromedp.WaitVisible(".source-text")); err != nil {
				t.Fatal(err)
			}
			checkPage(t, ctx, vp, "source page", map[string]string{
				"marked":   `[...document.querySelectorAll(".source-text .mark.statement")].map(m => m.innerText).join(" | ")`,
				"hashes":   `[...document.querySelectorAll(".facts .hash code")].map(c => c.innerText.length).join(",")`,
				"download": `document.querySelector("a.download").getAttribute("href")`,
			}, map[string]string{
				"marked":   "They were not there",
				"hashes":   "64,64",
				"download": "/original",
			})
			// Phones stack the record below the text; desktops put it beside.
			beside, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
				const r = document.querySelector(".record").getBoundingClientRect();
				const x = document.querySelector(".text").getBoundingClientRect();
				return r.left >= x.right - 1;
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if beside == vp.mobile {
				t.Errorf("%s: record beside the text = %v, want %v", vp.name, beside, !vp.mobile)
			}
			textFirst, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".text").getBoundingClientRect().top <= document.querySelector(".record").getBoundingClientRect().top`))
			if err != nil || !textFirst {
				t.Errorf("%s: the text does not start above (or level with) the record (%v)", vp.name, err)
			}
			shot(t, ctx, filepath.Join(dir, vp.name+"-source.png"))
		})
	}
}

// checkPage evaluates each expression and checks that its result contains
// the wanted text, and that the page does not scroll sideways.
func checkPage(t *testing.T, ctx context.Context, vp viewport, page string, exprs, want map[string]string) {
	t.Helper()
	for k, expr := range exprs {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Errorf("%s %s: %s: %v", vp.name, page, k, err)
			continue
		}
		if !strings.Contains(got, want[k]) {
			t.Errorf("%s %s: %s = %q, want it to contain %q", vp.name, page, k, got, want[k])
		}
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.scrollWidth + "/" + window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	var scroll, inner int
	fmt.Sscanf(overflow, "%d/%d", &scroll, &inner)
	if scroll > inner {
		t.Errorf("%s %s is %dpx wide in a %dpx window: it scrolls sideways", vp.name, page, scroll, inner)
	}
}

func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	start := time.Now()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	t.Logf("screenshot %s: %v", path, time.Since(start))
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
