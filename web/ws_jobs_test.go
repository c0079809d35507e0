package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// An analyst queues a URL fetch from the jobs page and sees it listed in
// words with its case, state and a cancel button; the same URL again is not
// queued twice; a URL that cannot be fetched is refused with a message; a
// build is an editor's, only of a public case; cancelling ends a queued job.
func TestWorkspaceJobsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		storetest.NewCase(t, db, "inquiry") // private
		public := storetest.NewCase(t, db, "january")
		public.Public = true
		if err := db.UpdateCase(ctx, public); err != nil {
			t.Fatal(err)
		}
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		addUser(t, db, "dana", inquest.RoleEditor)
		h := NewServer(db, Options{}).Handler()
		analyst, editor := newClient(t, h), newClient(t, h)
		analyst.login("aigerim")
		editor.login("dana")

		page := func(c *client, path string) string {
			t.Helper()
			rec := c.do("GET", path, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body.String())
			}
			return rec.Body.String()
		}
		post := func(c *client, path string, form url.Values) (int, string) {
			t.Helper()
			form.Set("csrf", c.formToken())
			rec := c.do("POST", path, form)
			loc := rec.Header().Get("Location")
			if rec.Code == http.StatusSeeOther {
				u, _ := url.Parse(loc)
				return rec.Code, u.Query().Get("done")
			}
			return rec.Code, rec.Body.String()
		}

		body := page(analyst, "/w/jobs")
		for _, want := range []string{"<h1>Background jobs</h1>", "No jobs yet.", `action="/w/jobs/fetch"`, `<option value="inquiry">`} {
			if !strings.Contains(body, want) {
				t.Errorf("empty jobs page lacks %q", want)
			}
		}
		if strings.Contains(body, `action="/w/jobs/build"`) {
			t.Error("an analyst is offered the build form; building is an editor's")
		}
		if home := page(analyst, "/w/"); !strings.Contains(home, `href="/w/jobs"`) {
			t.Error("the workspace home has no link to the jobs page")
		}
		if pub := page(newClient(t, h), "/"); strings.Contains(pub, `href="/w/jobs"`) {
			t.Error("a public page links to the workspace's jobs page")
		}

		tests := []struct {
			name       string
			c          *client
			path       string
			form       url.Values
			wantStatus int
			want       string
		}{
			{"fetch", analyst, "/w/jobs/fetch", url.Values{"case": {"inquiry"}, "url": {"https://example.org/news/1"}}, 303, "1 fetch(es) queued."},
			{"same fetch again", analyst, "/w/jobs/fetch", url.Values{"case": {"inquiry"}, "url": {"https://example.org/news/1\nhttps://example.org/news/2"}}, 303, "1 fetch(es) queued, 1 already waiting or running."},
			{"not http", analyst, "/w/jobs/fetch", url.Values{"case": {"inquiry"}, "url": {"file:///etc/passwd"}}, 400, "not an http(s) URL"},
			{"no such case", analyst, "/w/jobs/fetch", url.Values{"case": {"nope"}, "url": {"https://example.org/x"}}, 404, "There is no case"},
			{"build by an analyst", analyst, "/w/jobs/build", url.Values{"case": {"january"}}, 403, ""},
			{"build of a private case", editor, "/w/jobs/build", url.Values{"case": {"inquiry"}}, 400, "not public"},
			{"build", editor, "/w/jobs/build", url.Values{"case": {"january"}}, 303, "queued."},
			{"build again", editor, "/w/jobs/build", url.Values{"case": {"january"}}, 303, "was already waiting or running."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, msg := post(tt.c, tt.path, tt.form)
				if got != tt.wantStatus || !strings.Contains(msg, tt.want) {
					t.Errorf("POST %s = %d %.300q; want %d with %q", tt.path, got, msg, tt.wantStatus, tt.want)
				}
			})
		}

		list, err := db.Jobs(ctx, inquest.JobFilter{})
		if err != nil || len(list) != 3 {
			t.Fatalf("%d jobs queued (%v), want 3: two fetches and one build", len(list), err)
		}
		body = page(editor, "/w/jobs")
		for _, want := range []string{"Fetch URL", "https://example.org/news/1 → Case inquiry", "Build static site",
			`<a href="/w/cases/january">Case january</a>`, "queued", "0/5", "0/2", ">Cancel</button>", `action="/w/jobs/build"`,
			`data-follow="/api/v1/jobs?limit=3"`, `http-equiv="refresh"`} {
			if !strings.Contains(body, want) {
				t.Errorf("jobs page lacks %q", want)
			}
		}

		fetch := list[len(list)-1]
		if code, msg := post(analyst, fmt.Sprintf("/w/jobs/%d/cancel", fetch.ID), url.Values{}); code != 303 || msg != fmt.Sprintf("Job %d cancelled.", fetch.ID) {
			t.Errorf("cancel = %d %q", code, msg)
		}
		if got, _ := db.Job(ctx, fetch.ID); got.State != inquest.JobCancelled {
			t.Errorf("after cancel the job is %s", got.State)
		}
		if code, msg := post(analyst, fmt.Sprintf("/w/jobs/%d/cancel", fetch.ID), url.Values{}); code != 400 || !strings.Contains(msg, "already finished") {
			t.Errorf("cancel of a cancelled job = %d %.200q, want 400 saying it has finished", code, msg)
		}
		if code, _ := post(analyst, "/w/jobs/999999/cancel", url.Values{}); code != 404 {
			t.Errorf("cancel of a job that does not exist = %d, want 404", code)
		}

		analyst.headers["Accept-Language"] = "ru"
		ru := page(analyst, "/w/jobs")
		delete(analyst.headers, "Accept-Language")
		for _, want := range []string{"<h1>Фоновые задачи</h1>", "Загрузка URL", "отменено", "Сборка статического сайта"} {
			if !strings.Contains(ru, want) {
				t.Errorf("jobs page in Russian lacks %q", want)
			}
		}
		if got := translateFlash("ru", "2 fetch(es) queued, 1 already waiting or running."); got != "Загрузок поставлено в очередь: 2; уже ждут или выполняются: 1." {
			t.Errorf("flash in Russian: %q", got)
		}
	})
}

// The jobs API lists, queues and cancels jobs with a bearer token; builds
// need an editor, and arguments are checked.
func TestAPIJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january")
		c.Public = true
		if err := db.UpdateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		tokens := map[inquest.Role]string{}
		for _, role := range []inquest.Role{inquest.RoleAnalyst, inquest.RoleEditor} {
			u := addUser(t, db, "u-"+string(role), role)
			secret, _, err := db.CreateToken(ctx, u.ID, "test")
			if err != nil {
				t.Fatal(err)
			}
			tokens[role] = secret
		}
		h := NewServer(db, Options{}).Handler()
		analyst, editor := tokens[inquest.RoleAnalyst], tokens[inquest.RoleEditor]
		tests := []struct {
			name, token, method, path, body string
			wantStatus                      int
			wantCode                        string
			want                            string
		}{
			{"empty list", analyst, "GET", "/api/v1/jobs", "", 200, "", "[]"},
			{"fetch", analyst, "POST", "/api/v1/jobs", `{"kind":"ingest.url","case":"january","url":"https://example.org/a"}`, 200, "", `"created": true`},
			{"same fetch", analyst, "POST", "/api/v1/jobs", `{"kind":"ingest.url","case":"january","url":"https://example.org/a"}`, 200, "", `"created": false`},
			{"re-analysis", analyst, "POST", "/api/v1/jobs", `{"kind":"analysis.reanalyse","case":"january"}`, 200, "", `"kind": "analysis.reanalyse"`},
			{"claim that does not exist", analyst, "POST", "/api/v1/jobs", `{"kind":"analysis.reanalyse","case":"january","claim":"nope"}`, 404, inquest.ENOTFOUND, "no claim"},
			{"build by an analyst", analyst, "POST", "/api/v1/jobs", `{"kind":"build.static","case":"january"}`, 403, inquest.EFORBIDDEN, "editors"},
			{"build", editor, "POST", "/api/v1/jobs", `{"kind":"build.static","case":"january"}`, 200, "", `"slug": "january"`},
			{"a directory of the caller's choosing", editor, "POST", "/api/v1/jobs", `{"kind":"build.static","case":"january","dir":"/etc"}`, 400, inquest.EINVALID, "dir"},
			{"unknown kind", analyst, "POST", "/api/v1/jobs", `{"kind":"shell","case":"january"}`, 400, inquest.EINVALID, "cannot be queued"},
			{"no kind", analyst, "POST", "/api/v1/jobs", `{"case":"january"}`, 400, inquest.EINVALID, "kind"},
			{"list", analyst, "GET", "/api/v1/jobs?state=queued", "", 200, "", `"kind": "build.static"`},
			{"bad state", analyst, "GET", "/api/v1/jobs?state=sleeping", "", 400, inquest.EINVALID, "sleeping"},
			{"cancel", analyst, "POST", "/api/v1/jobs/1/cancel", "", 200, "", `"state": "cancelled"`},
			{"cancel again", analyst, "POST", "/api/v1/jobs/1/cancel", "", 400, inquest.EINVALID, "already finished"},
			{"anonymous", "", "GET", "/api/v1/jobs", "", 401, inquest.EUNAUTHORIZED, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				status, obj, body := apiCall(t, h, tt.token, tt.method, tt.path, tt.body)
				if status != tt.wantStatus || (tt.wantCode != "" && errorCode(obj) != tt.wantCode) || !strings.Contains(body, tt.want) {
					t.Errorf("%s %s = %d %s %.300s; want %d %s with %q", tt.method, tt.path, status, errorCode(obj), body, tt.wantStatus, tt.wantCode, tt.want)
				}
			})
		}
		if list, _ := db.Jobs(ctx, inquest.JobFilter{}); len(list) != 3 {
			t.Errorf("%d jobs in the queue, want 3 (fetch, re-analysis, build)", len(list))
		}
	})
}
