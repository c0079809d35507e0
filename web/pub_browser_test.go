package web_test

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// TestBrowserPublicPages opens the public pages of the demo case in headless
// Chromium at phone and desktop widths, checks that none scrolls sideways and
// that the matrix and the figure chart are drawn with a size, and saves a
// screenshot of each.
func TestBrowserPublicPages(t *testing.T) {
	ctx := newBrowser(t)
	db := storetest.Open(t)
	ps := newPublicSite(t, db)
	ts := httptest.NewServer(web.NewServer(db, web.Options{}).Handler())
	defer ts.Close()
	dir := screenshotDir(t)
	base := "/cases/" + ps.c.Slug
	pages := []struct {
		name, path, heading string
	}{
		{"pub-case", base, "January 2022 events in Kazakhstan"},
		{"pub-chapter", base + "/chapters/who-was-there", "Who was there"},
		{"pub-claim", base + "/claims/foreign-terrorists", "foreign"},
		{"pub-contradictions", base + "/contradictions", "Contradictions"},
		{"pub-matrix", base + "/matrix", "Who contradicts whom"},
		{"pub-timeline", base + "/timeline", "Timeline"},
		{"pub-measure", base + "/figures/deaths", "Deaths"},
		{"pub-questions", base + "/questions", "Questions"},
		{"pub-person", "/people/tokayev", "Tokayev"},
		{"pub-ru-claims", "/ru" + base + "/claims", "Утверждения"},
	}
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			emulate := chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale))
			if vp.mobile {
				emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale), chromedp.EmulateMobile, chromedp.EmulatePortrait)
			}
			if err := chromedp.Do(ctx, emulate); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible("h1")); err != nil {
					t.Fatalf("%s: %v", p.path, err)
				}
				checkPage(t, ctx, vp, p.name, map[string]string{"heading": `document.querySelector("h1").innerText`},
					map[string]string{"heading": p.heading})
				shot(t, ctx, filepath.Join(dir, vp.name+"-"+p.name+".png"))
			}

			// The SVG drawings have a size and their parts.
			for _, c := range []struct {
				path, svg, parts string
				min              int
			}{
				{base + "/matrix", "svg.matrix", "svg.matrix rect.cell", 3},
				{base + "/figures/deaths", "svg.chart", "svg.chart a.point", 3},
			} {
				if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+c.path), chromedp.WaitVisible(c.svg)); err != nil {
					t.Fatalf("%s: %v", c.path, err)
				}
				size, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const r = document.querySelector("`+c.svg+`").getBoundingClientRect(); return Math.round(r.width) + "x" + Math.round(r.height); })()`))
				if err != nil {
					t.Fatal(err)
				}
				n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("`+c.parts+`").length`))
				if err != nil {
					t.Fatal(err)
				}
				w, h, _ := strings.Cut(size, "x")
				if w == "0" || h == "0" || n < c.min {
					t.Errorf("%s %s: %s drawn %s with %d of %s, want a size and at least %d", vp.name, c.path, c.svg, size, n, c.parts, c.min)
				}
				t.Logf("%s %s: %s with %d parts", vp.name, c.svg, size, n)
			}
			// A footnote leads, in one click, to the highlighted words in the source.
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+base+"/chapters/who-was-there"), chromedp.WaitVisible(".footnotes")); err != nil {
				t.Fatal(err)
			}
			href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#fn-1 a").getAttribute("href")`))
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+href), chromedp.WaitVisible(".source-text")); err != nil {
				t.Fatal(err)
			}
			target, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(":target") || {}).className || ""`))
			if err != nil || !strings.Contains(target, "mark statement") {
				t.Errorf("%s: following note 1 (%s) targets %q (%v), want the marked statement", vp.name, href, target, err)
			}
			shot(t, ctx, filepath.Join(dir, vp.name+"-pub-cited-span.png"))
		})
	}
}
