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

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// The analysts' day end to end, in a real headless Chromium, on each
// storage backend: sign in, review the engine's suggestions, triage a
// contradiction, search in Russian, write and publish a chapter, sign out.
func TestE2EWorkspace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Now()
		e := newE2E(t, db)
		e.login()
		e.review()
		e.dismissContradiction()
		e.searchRussian()
		e.writeChapter()
		e.screenshots()
		e.logout()
		t.Logf("workspace end to end on %s: %v", db.Dialect(), time.Since(start).Round(time.Millisecond))
	})
}

const (
	e2eUser     = "ana"
	e2ePassword = "correct horse battery"
)

type e2e struct {
	t   *testing.T
	db  *store.DB
	ctx context.Context // the browser tab
	url string
	c   *inquest.Case
}

// newE2E loads the demo case into db, derives its contradictions, adds an
// editor, and starts the server and a browser.
func newE2E(t *testing.T, db *store.DB) *e2e {
	t.Helper()
	ctx := context.Background()
	res, err := demo.Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := casework.New(db).Analyse(ctx, res.Case, inquest.DateOf(time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateUser(ctx, &inquest.User{Name: e2eUser, Role: inquest.RoleEditor}, e2ePassword); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(web.NewServer(db, web.Options{}).Handler())
	t.Cleanup(ts.Close)
	e := &e2e{t: t, db: db, ctx: newBrowser(t), url: ts.URL, c: res.Case}
	// Start the browser on the tab's own context: one started by a step's
	// shorter-lived context would close with it.
	if err := chromedp.Do(e.ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return e
}

// run runs browser actions and fails the test, naming the step, on error.
func (e *e2e) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		e.t.Fatalf("%s: %v\n%s", step, err, e.pageText())
	}
}

// pageText is where the browser is and what it shows, for a failure.
func (e *e2e) pageText() string {
	ctx, cancel := context.WithTimeout(e.ctx, 5*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 3000)`))
	if err != nil {
		return "(page unreadable: " + err.Error() + ")"
	}
	return s
}

// clearFlash removes the note of the last action, so that waiting for
// .ws-flash waits for the next one.
func (e *e2e) clearFlash() {
	e.t.Helper()
	e.text("clear the note", `(document.querySelectorAll(".ws-flash").forEach(x => x.remove()), "")`)
}

// text returns the result of a JavaScript expression giving a string.
func (e *e2e) text(step, expr string) string {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 20*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		e.t.Fatalf("%s: %v", step, err)
	}
	return s
}

// statement finds the demo statement whose text contains phrase.
func (e *e2e) statement(phrase string) *inquest.Statement {
	e.t.Helper()
	all, err := e.db.Statements(context.Background(), inquest.StatementFilter{CaseID: e.c.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, s := range all {
		if strings.Contains(s.Text, phrase) {
			return s
		}
	}
	e.t.Fatalf("no statement says %q", phrase)
	return nil
}

func (e *e2e) login() {
	e.t.Helper()
	// The workspace sends a stranger to the login page, and back after.
	e.run("open the workspace", chromedp.Navigate(e.url+"/w/"), chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)))
	if got := e.text("login page", `location.pathname`); got != "/login" {
		e.t.Fatalf("/w/ without a session went to %s, want /login", got)
	}
	e.run("sign in",
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), e2eUser),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), e2ePassword),
		chromedp.Submit(chromedp.CSS(`input[name=password]`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-nav`)),
	)
	if got := e.text("after login", `document.querySelector("h1").innerText`); got != "Workspace" {
		e.t.Errorf("after login the page says %q, want the workspace", got)
	}
}

// review changes the speaker of a suggested statement, links it to a claim,
// and confirms it with the keyboard.
func (e *e2e) review() {
	e.t.Helper()
	st := e.statement("civilians have also become victims")
	if st.Review != inquest.Suggested {
		e.t.Fatalf("statement %d is %s, want a suggestion to review", st.ID, st.Review)
	}
	item := fmt.Sprintf("#item-s-%d", st.ID)
	e.run("open the queue", chromedp.Navigate(e.url+"/w/cases/"+e.c.Slug+"/review"), chromedp.WaitVisible(chromedp.CSS(`.ws-queue`)))
	e.run("find the item", chromedp.WaitVisible(chromedp.CSS(item)))
	if got := e.text("span in context", `document.querySelector("`+item+` mark.ws-span").innerText`); !strings.Contains(got, "civilians have also become victims") {
		e.t.Errorf("the queue marks %q in the source text, want the statement", got)
	}
	counts := e.text("counts", `[...document.querySelectorAll(".ws-table tbody tr")].map(r => r.innerText).join("\n")`)
	if !strings.Contains(counts, "Death toll and detentions") {
		e.t.Errorf("counts per source do not name the source of the suggestion:\n%s", counts)
	}

	// Change the speaker to the Prosecutor General.
	asylov, err := e.db.PersonBySlug(context.Background(), "asylov")
	if err != nil {
		e.t.Fatal(err)
	}
	e.clearFlash()
	e.run("change the speaker",
		chromedp.Click(chromedp.CSS(item+` details.ws-edit summary`)),
		chromedp.SetValue(chromedp.CSS(item+` .ws-speaker-form input[name=speaker]`), asylov.Name),
		chromedp.Click(chromedp.CSS(item+` .ws-speaker-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-flash`)),
	)
	if got := e.mustStatement(st.ID); got.PersonID != asylov.ID || got.SpeakerName != asylov.Name {
		e.t.Errorf("after changing the speaker statement %d is by %d %q, want %d %q", st.ID, got.PersonID, got.SpeakerName, asylov.ID, asylov.Name)
	}

	// Link it to a claim: it supports the claim of foreign terrorists.
	claim := e.claim("foreign-terrorists")
	e.clearFlash()
	e.run("link a stance",
		chromedp.WaitVisible(chromedp.CSS(item)),
		chromedp.Click(chromedp.CSS(item+` details.ws-edit summary`)),
		chromedp.SetValue(chromedp.CSS(item+` .ws-stance-form input[name=claim]`), claim.Slug),
		chromedp.SetValue(chromedp.CSS(item+` .ws-stance-form select[name=stance]`), "supports"),
		chromedp.Click(chromedp.CSS(item+` .ws-stance-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-flash`)),
	)
	stances, err := e.db.Stances(context.Background(), e.c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	linked := false
	for _, sn := range stances {
		if sn.StatementID == st.ID && sn.ClaimID == claim.ID && sn.Stance == inquest.Supports && sn.Review == inquest.Confirmed && sn.DecidedBy == e2eUser {
			linked = true
		}
	}
	if !linked {
		e.t.Errorf("statement %d has no confirmed 'supports' stance on %s decided by %s", st.ID, claim.Slug, e2eUser)
	}

	// Confirm it with the keyboard: the page came back at this item, which
	// the script made current; "c" submits its confirm form.
	e.run("confirm with c",
		chromedp.WaitVisible(chromedp.CSS(item+`.current`)),
		chromedp.KeyEvent("c"),
		chromedp.WaitNotPresent(chromedp.CSS(item)),
	)
	if got := e.mustStatement(st.ID); got.Review != inquest.Confirmed {
		e.t.Errorf("after pressing c statement %d is %s, want confirmed", st.ID, got.Review)
	}
}

func (e *e2e) mustStatement(id int64) *inquest.Statement {
	e.t.Helper()
	st, err := e.db.Statement(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return st
}

func (e *e2e) claim(slug string) *inquest.Claim {
	e.t.Helper()
	claims, err := e.db.Claims(context.Background(), e.c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, c := range claims {
		if c.Slug == slug {
			return c
		}
	}
	e.t.Fatalf("no claim %s", slug)
	return nil
}

// dismissContradiction dismisses the first suggested contradiction with a
// note.
func (e *e2e) dismissContradiction() {
	e.t.Helper()
	e.run("open contradictions", chromedp.Navigate(e.url+"/w/cases/"+e.c.Slug+"/contradictions"), chromedp.WaitVisible(chromedp.CSS(`.ws-contradiction`)))
	idText := e.text("first contradiction", `document.querySelector(".ws-contradiction.ws-status-suggested").dataset.id`)
	var id int64
	fmt.Sscan(idText, &id)
	sel := fmt.Sprintf(`#c-%d`, id)
	note := "Different periods: the first speaks of January, the second of March."
	e.clearFlash()
	e.run("dismiss with a note",
		chromedp.SendKeys(chromedp.CSS(sel+` textarea[name=note]`), note),
		chromedp.Click(chromedp.CSS(sel+` button[value=dismiss]`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-flash`)),
	)
	a := any(e.db).(inquest.AnalysisService)
	c, err := a.Contradiction(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	if c.Status != inquest.ContradictionDismissed || c.Note != note || c.DecidedBy != e2eUser {
		e.t.Errorf("contradiction %d is %s with note %q by %q, want dismissed with %q by %s", id, c.Status, c.Note, c.DecidedBy, note, e2eUser)
	}
}

// searchRussian searches for one form of a name and finds the others.
func (e *e2e) searchRussian() {
	e.t.Helper()
	e.run("search",
		chromedp.Navigate(e.url+"/w/cases/"+e.c.Slug+"/search"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "Асылова"),
		chromedp.Submit(chromedp.CSS(`input[name=q]`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-results`)),
	)
	hits := e.text("hits", `[...document.querySelectorAll(".ws-hits li")].map(li => li.innerText).join("\n")`)
	for _, want := range []string{"Итоги расследования", "Berik Asylov"} {
		if !strings.Contains(hits, want) {
			e.t.Errorf("search for Асылова does not find %q; found:\n%s", want, hits)
		}
	}
	marked := e.text("marks", `[...document.querySelectorAll(".ws-hits mark")].map(m => m.innerText).join(" ")`)
	if !strings.Contains(marked, "Асылов ") && !strings.HasSuffix(marked, "Асылов") {
		e.t.Errorf("the snippets mark %q, want the other form Асылов among them", marked)
	}
}

// writeChapter writes a chapter with two citations, previews it, submits
// and publishes it.
func (e *e2e) writeChapter() {
	e.t.Helper()
	a, b := e.statement("Terrorists, including foreign fighters"), e.statement("They were not there")
	e.run("new chapter",
		chromedp.Navigate(e.url+"/w/cases/"+e.c.Slug+"/chapters"),
		chromedp.WaitVisible(chromedp.CSS(`form.ws-new-chapter`)),
		chromedp.SendKeys(chromedp.CSS(`form.ws-new-chapter input[name=title]`), "Who were the terrorists?"),
		chromedp.SendKeys(chromedp.CSS(`form.ws-new-chapter input[name=slug]`), "terrorists"),
		chromedp.Click(chromedp.CSS(`form.ws-new-chapter button`)),
		chromedp.WaitVisible(chromedp.CSS(`textarea[name=body]`)),
	)
	body := fmt.Sprintf("On 10 January the President spoke of foreign fighters [@s%d].\n\nIn March the Prosecutor General said they were not there [@s%d].\n", a.ID, b.ID)
	e.clearFlash()
	e.run("write and preview",
		chromedp.SendKeys(chromedp.CSS(`textarea[name=body]`), body),
		// The script renders the preview as the analyst types.
		chromedp.WaitVisible(chromedp.CSS(`#ws-preview[data-live] ol.footnotes li`)),
		chromedp.Click(chromedp.CSS(`button[name=action][value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-flash`)),
	)
	notes := e.text("footnotes", `[...document.querySelectorAll("#ws-preview ol.footnotes li a.ws-evidence")].map(a => a.getAttribute("href")).join(" ")`)
	for _, st := range []*inquest.Statement{a, b} {
		if want := fmt.Sprintf("/w/sources/%d#ts-%d", st.SourceID, st.ID); !strings.Contains(notes, want) {
			e.t.Errorf("footnotes link to %q, want %s among them", notes, want)
		}
	}
	// Submit the forms rather than click their buttons: the live preview
	// can still be moving the layout, and a click at a button's old place
	// misses it. The publish form is already on the draft's page, so wait
	// for the note of the submission before publishing from the new page.
	e.clearFlash()
	e.run("submit for review",
		chromedp.Submit(chromedp.CSS(`form.ws-submit button`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-flash`)),
	)
	e.run("publish",
		chromedp.Submit(chromedp.CSS(`form.ws-publish button`)),
		chromedp.WaitVisible(chromedp.CSS(`.ws-versions li strong`)),
	)
	cs := any(e.db).(inquest.ChapterService)
	ch, err := cs.ChapterBySlug(context.Background(), e.c.ID, "terrorists")
	if err != nil {
		e.t.Fatal(err)
	}
	versions, err := cs.ChapterVersions(context.Background(), ch.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(versions) != 1 || versions[0].Body != body || ch.Status != inquest.Published {
		e.t.Errorf("chapter is %s with %d published versions, want published once with the body written", ch.Status, len(versions))
	}
}

// screenshots leaves pictures of the main pages at phone and desktop widths.
func (e *e2e) screenshots() {
	e.t.Helper()
	dir := screenshotDir(e.t)
	st := e.statement("They were not there")
	pages := []struct{ name, path, wait string }{
		{"review", "/w/cases/" + e.c.Slug + "/review", ".ws-queue"},
		{"source", fmt.Sprintf("/w/sources/%d", st.SourceID), ".source-text"},
		{"person", "/w/people/asylov", "h1"},
		{"contradictions", "/w/cases/" + e.c.Slug + "/contradictions", "h1"},
		{"figures", "/w/cases/" + e.c.Slug + "/figures", "h1"},
		{"questions", "/w/cases/" + e.c.Slug + "/questions", "h1"},
		{"search", "/w/cases/" + e.c.Slug + "/search?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2%D0%B0", ".ws-results"},
		{"chapter", "/w/cases/" + e.c.Slug + "/chapters/terrorists", "textarea"},
	}
	for _, vp := range viewports {
		emulate := chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale))
		if vp.mobile {
			emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale), chromedp.EmulateMobile)
		}
		e.run("viewport "+vp.name, emulate)
		for _, p := range pages {
			t0 := time.Now()
			e.run(p.name, chromedp.Navigate(e.url+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
			if e.text(p.name+" width", `String(document.documentElement.scrollWidth > window.innerWidth + 1)`) == "true" {
				e.t.Errorf("%s page scrolls sideways at %s width", p.name, vp.name)
			}
			png, err := chromedp.Run(e.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				e.t.Fatalf("%s screenshot: %v", p.name, err)
			}
			name := filepath.Join(dir, fmt.Sprintf("ws-%s-%s-%s.png", e.db.Dialect(), vp.name, p.name))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				e.t.Fatal(err)
			}
			e.t.Logf("%s at %s: %v", p.name, vp.name, time.Since(t0).Round(time.Millisecond))
		}
	}
	e.run("back to desktop", chromedp.EmulateViewport(1280, 800))
}

func (e *e2e) logout() {
	e.t.Helper()
	e.run("log out",
		chromedp.Navigate(e.url+"/w/"),
		chromedp.WaitVisible(chromedp.CSS(`.ws-logout button`)),
		chromedp.Click(chromedp.CSS(`.ws-logout button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)),
	)
	e.run("workspace after logout", chromedp.Navigate(e.url+"/w/cases/"+e.c.Slug+"/review"), chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)))
	if got := e.text("after logout", `location.pathname`); got != "/login" {
		e.t.Errorf("after logging out the workspace went to %s, want /login", got)
	}
}
