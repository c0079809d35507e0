package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// jobsFixture is a queue with one job in each situation the job's page
// tells apart: failed for good, running with progress, and queued again to
// be retried later. The running one was queued by a user named "system",
// the retried one by the system itself.
type jobsFixture struct {
	failed, running, retrying *inquest.Job
	aigerim, userSystem       *inquest.User
	// failedErr is the failed job's error: long, over two lines.
	failedErr string
}

func newJobsFixture(t *testing.T, db *store.DB) jobsFixture {
	t.Helper()
	ctx := context.Background()
	c := storetest.NewCase(t, db, "january")
	c.Public = true
	if err := db.UpdateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	f := jobsFixture{
		aigerim:    addUser(t, db, "aigerim", inquest.RoleAnalyst),
		userSystem: addUser(t, db, "system", inquest.RoleAnalyst),
		failedErr: "fetch https://example.org/a: 503 Service Unavailable\n" +
			"the site said: " + strings.Repeat("come back later, ", 30) + "<b>not markup</b>",
	}
	// claim enqueues nj and claims it: each job is claimed before the next
	// is queued, so the claim takes that one.
	claim := func(nj inquest.NewJob) *inquest.Job {
		t.Helper()
		if _, _, err := db.EnqueueJob(ctx, nj); err != nil {
			t.Fatal(err)
		}
		got, err := db.ClaimJobs(ctx, "worker-test", nil, 1, time.Hour)
		if err != nil || len(got) != 1 {
			t.Fatalf("claim %s: %d jobs, %v", nj.Kind, len(got), err)
		}
		return got[0]
	}
	fetch, err := inquest.IngestURLJob(c.ID, "https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	fetch.CreatedBy, fetch.MaxAttempts = f.aigerim.ID, 2
	j := claim(fetch)
	if _, err := db.SetJobProgress(ctx, j.Lease(), 1, 2); err != nil {
		t.Fatal(err)
	}
	if f.failed, err = db.FinishJob(ctx, j.Lease(), errors.New(f.failedErr), false, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}

	re := inquest.ReanalyseJob(c.ID, inquest.ContradictionScope{})
	re.CreatedBy = f.userSystem.ID
	j = claim(re)
	if _, err := db.SetJobProgress(ctx, j.Lease(), 3, 10); err != nil {
		t.Fatal(err)
	}
	if f.running, err = db.Job(ctx, j.ID); err != nil {
		t.Fatal(err)
	}

	j = claim(inquest.BuildStaticJob(inquest.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug, Dir: "/srv/sites/january"}))
	if f.retrying, err = db.FinishJob(ctx, j.Lease(), errors.New("disk full"), false, time.Now().Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if f.failed.State != inquest.JobFailed || f.running.State != inquest.JobRunning || f.retrying.State != inquest.JobQueued {
		t.Fatalf("fixture: jobs %s, %s, %s; want failed, running, queued", f.failed.State, f.running.State, f.retrying.State)
	}
	return f
}

// jobByDD is the "queued by" entry of a job's page.
var jobByDD = regexp.MustCompile(`(?s)<dd class="job-by">(.*?)</dd>`)

// textOf is a piece of HTML as a reader sees it.
func textOf(h string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h, ""))
}

// Each job has its page, linked from the list: a failed job shows its whole
// error and no cancel button; a running one its progress, a cancel button
// and a self-refresh; one waiting to be retried when it will be tried next
// and where its build goes. Who queued it tells a user named "system" from
// the system. An unknown job is a 404 that points to the list.
func TestWorkspaceJobPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newJobsFixture(t, db)
		h := NewServer(db, Options{}).Handler()
		analyst := newClient(t, h)
		analyst.login("aigerim")

		refresh := `<meta http-equiv="refresh" content="5">`
		cancel := ">Cancel</button>"
		tests := []struct {
			name       string
			lang       string
			path       string
			wantStatus int
			want       []string
			notWant    []string
			wantBy     string
		}{
			{name: "failed", path: fmt.Sprintf("/w/jobs/%d", f.failed.ID), wantStatus: 200,
				want: []string{fmt.Sprintf("<h1>Job %d: Fetch URL</h1>", f.failed.ID), `<code>ingest.url</code>`,
					`<dd class="job-state">failed</dd>`, `<dd class="job-attempt">1/2</dd>`, `<span class="job-count">1/2</span>`,
					`<a href="/w/cases/january">Case january</a>`, `<a href="https://example.org/a" rel="noopener noreferrer nofollow">`,
					`<div class="ws-context job-error">` + html.EscapeString(f.failedErr) + `</div>`,
					"<dt>Started at</dt>", "<dt>Finished at</dt>", showTime(f.failed.FinishedAt)},
				notWant: []string{refresh, cancel, "<dt>Next try</dt>", "<b>not markup</b>"},
				wantBy:  "aigerim"},
			{name: "running", path: fmt.Sprintf("/w/jobs/%d", f.running.ID), wantStatus: 200,
				want: []string{fmt.Sprintf("<h1>Job %d: Re-analyse</h1>", f.running.ID), refresh,
					`<dd class="job-state">running</dd>`, `<progress value="3" max="10">30%</progress>`, `<span class="job-count">3/10</span>`,
					`<code>worker-test</code>`, cancel, fmt.Sprintf(`<input type="hidden" name="next" value="/w/jobs/%d">`, f.running.ID)},
				notWant: []string{"<dt>Finished at</dt>", "<dt>Next try</dt>"},
				wantBy:  "system"},
			{name: "waiting for its retry", path: fmt.Sprintf("/w/jobs/%d", f.retrying.ID), wantStatus: 200,
				want: []string{fmt.Sprintf("<h1>Job %d: Build static site</h1>", f.retrying.ID), refresh,
					`<dd class="job-state">queued</dd>`, `<dd class="job-attempt">1/2</dd>`, "<dt>Next try</dt>", showTime(f.retrying.RunAt),
					`<code>/srv/sites/january</code>`, `<div class="ws-context job-error">disk full</div>`, cancel},
				notWant: []string{"<dt>Finished at</dt>"},
				wantBy:  "(system)"},
			{name: "in Russian", lang: "ru", path: fmt.Sprintf("/w/jobs/%d", f.retrying.ID), wantStatus: 200,
				want:   []string{"Сборка статического сайта", "<dt>Следующая попытка</dt>", "<dt>Каталог результата</dt>", "<dt>В очереди с</dt>", "в очереди"},
				wantBy: "(система)"},
			{name: "user named system in Kazakh", lang: "kk", path: fmt.Sprintf("/w/jobs/%d", f.running.ID), wantStatus: 200,
				want: []string{"Қайта талдау", "<dt>Әрекеттер</dt>", "орындалуда"}, wantBy: "system"},
			{name: "unknown", path: "/w/jobs/999999", wantStatus: 404,
				want: []string{"There is no job 999999. See /w/jobs for the recent jobs."}},
			{name: "not an id", path: "/w/jobs/latest", wantStatus: 404,
				want: []string{"There is no job &#34;latest&#34;. See /w/jobs for the recent jobs."}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				analyst.headers["Accept-Language"] = tt.lang
				defer delete(analyst.headers, "Accept-Language")
				rec := analyst.do("GET", tt.path, nil)
				body := rec.Body.String()
				if rec.Code != tt.wantStatus {
					t.Fatalf("GET %s = %d, want %d\n%.500s", tt.path, rec.Code, tt.wantStatus, body)
				}
				for _, w := range tt.want {
					if !strings.Contains(body, w) {
						t.Errorf("GET %s lacks %q", tt.path, w)
					}
				}
				for _, w := range tt.notWant {
					if strings.Contains(body, w) {
						t.Errorf("GET %s has %q", tt.path, w)
					}
				}
				if tt.wantBy != "" {
					m := jobByDD.FindStringSubmatch(body)
					if m == nil || textOf(m[1]) != tt.wantBy {
						t.Errorf("GET %s: queued by %q, want %q", tt.path, m, tt.wantBy)
					}
				}
			})
		}

		list := analyst.do("GET", "/w/jobs", nil).Body.String()
		for _, j := range []*inquest.Job{f.failed, f.running, f.retrying} {
			if want := fmt.Sprintf(`<a href="/w/jobs/%d">%d</a>`, j.ID, j.ID); !strings.Contains(list, want) {
				t.Errorf("the jobs list does not link job %d to its page (%s)", j.ID, want)
			}
		}
		by := map[string]string{}
		for _, m := range jobByCell.FindAllStringSubmatch(list, -1) {
			by[m[1]] = textOf(m[2])
		}
		if got, want := []string{by[fmt.Sprint(f.running.ID)], by[fmt.Sprint(f.retrying.ID)]}, []string{"system", "(system)"}; !reflect.DeepEqual(got, want) {
			t.Errorf("the list says jobs queued by the user named system and by the system were queued by %q, want %q", got, want)
		}

		// Cancelling from the page comes back to the page.
		form := url.Values{"csrf": {analyst.formToken()}, "next": {fmt.Sprintf("/w/jobs/%d", f.running.ID)}}
		rec := analyst.do("POST", fmt.Sprintf("/w/jobs/%d/cancel", f.running.ID), form)
		loc, _ := url.Parse(rec.Header().Get("Location"))
		if rec.Code != http.StatusSeeOther || loc == nil || loc.Path != fmt.Sprintf("/w/jobs/%d", f.running.ID) {
			t.Errorf("cancel from the job's page = %d to %q, want 303 back to the page", rec.Code, rec.Header().Get("Location"))
		} else if page := analyst.do("GET", loc.String(), nil).Body.String(); !strings.Contains(page, fmt.Sprintf("Job %d asked to stop.", f.running.ID)) ||
			!strings.Contains(page, "(stopping)") {
			t.Errorf("after cancel the job's page does not say the job was asked to stop:\n%.2000s", page)
		}
	})
}

// Who may not see the jobs list may not see a job's page either: a visitor
// who is not signed in is sent to sign in, the same way for both.
func TestWorkspaceJobPageRefusedAsTheList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newJobsFixture(t, db)
		h := NewServer(db, Options{}).Handler()
		anonymous := newClient(t, h)
		for _, path := range []string{"/w/jobs", fmt.Sprintf("/w/jobs/%d", f.failed.ID), "/w/jobs/999999"} {
			rec := anonymous.do("GET", path, nil)
			want := "/login?next=" + url.QueryEscape(path)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
				t.Errorf("GET %s without signing in = %d to %q, want 303 to %q", path, rec.Code, rec.Header().Get("Location"), want)
			}
			if strings.Contains(rec.Body.String(), "example.org") {
				t.Errorf("GET %s without signing in shows the job", path)
			}
		}
	})
}

// GET /api/v1/jobs/{id} answers each job exactly as the list's item for it,
// a 404 error object for an unknown job, and nothing without a token. In
// JSON the system is created_by 0 with no name; a user named "system" has
// an id.
func TestAPIJob(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newJobsFixture(t, db)
		secret, _, err := db.CreateToken(context.Background(), f.aigerim.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		h := NewServer(db, Options{}).Handler()
		status, _, body := apiCall(t, h, secret, "GET", "/api/v1/jobs", "")
		var list []json.RawMessage
		if status != 200 || json.Unmarshal([]byte(body), &list) != nil || len(list) != 3 {
			t.Fatalf("GET /api/v1/jobs = %d %.300s, want 3 jobs", status, body)
		}
		for _, item := range list {
			var fromList map[string]any
			if err := json.Unmarshal(item, &fromList); err != nil {
				t.Fatal(err)
			}
			path := fmt.Sprintf("/api/v1/jobs/%v", fromList["id"])
			status, one, body := apiCall(t, h, secret, "GET", path, "")
			if status != 200 || !reflect.DeepEqual(one, fromList) {
				t.Errorf("GET %s = %d\n%s\nwant the list's item\n%s", path, status, body, item)
			}
		}

		tests := []struct {
			name, token, path string
			wantStatus        int
			wantCode          string
			wantMessage       string
			wantBy            float64
			wantByName        any
		}{
			{name: "queued by a user named system", token: secret, path: fmt.Sprintf("/api/v1/jobs/%d", f.running.ID), wantStatus: 200,
				wantBy: float64(f.userSystem.ID), wantByName: "system"},
			{name: "queued by the system", token: secret, path: fmt.Sprintf("/api/v1/jobs/%d", f.retrying.ID), wantStatus: 200,
				wantBy: 0, wantByName: nil},
			{name: "unknown", token: secret, path: "/api/v1/jobs/999999", wantStatus: 404, wantCode: inquest.ENOTFOUND,
				wantMessage: "There is no job 999999. The recent ones are listed at /api/v1/jobs."},
			{name: "not an id", token: secret, path: "/api/v1/jobs/latest", wantStatus: 404, wantCode: inquest.ENOTFOUND,
				wantMessage: `There is no job "latest".`},
			{name: "no token", path: fmt.Sprintf("/api/v1/jobs/%d", f.failed.ID), wantStatus: 401, wantCode: inquest.EUNAUTHORIZED},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				status, obj, body := apiCall(t, h, tt.token, "GET", tt.path, "")
				if status != tt.wantStatus || errorCode(obj) != tt.wantCode {
					t.Fatalf("GET %s = %d %s, want %d %s\n%.300s", tt.path, status, errorCode(obj), tt.wantStatus, tt.wantCode, body)
				}
				if tt.wantCode != "" {
					if msg := obj["error"].(map[string]any)["message"]; tt.wantMessage != "" && msg != tt.wantMessage {
						t.Errorf("GET %s: message %q, want %q", tt.path, msg, tt.wantMessage)
					}
					return
				}
				if obj["created_by"] != tt.wantBy || obj["created_by_name"] != tt.wantByName {
					t.Errorf("GET %s: created_by %v, created_by_name %v; want %v, %v", tt.path, obj["created_by"], obj["created_by_name"], tt.wantBy, tt.wantByName)
				}
			})
		}
	})
}
