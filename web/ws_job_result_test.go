package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// finishedWith runs nj to done as a worker would, with result as what it
// made, and returns the job as stored.
func finishedWith(t *testing.T, db *store.DB, nj inquest.NewJob, result any) *inquest.Job {
	t.Helper()
	ctx := context.Background()
	if _, _, err := db.EnqueueJob(ctx, nj); err != nil {
		t.Fatal(err)
	}
	got, err := db.ClaimJobs(ctx, "worker-test", []string{nj.Kind}, 1, time.Hour)
	if err != nil || len(got) != 1 {
		t.Fatalf("claim %s: %d jobs, %v", nj.Kind, len(got), err)
	}
	b, err := json.Marshal(result)
	if err != nil {
		t.Fatal(err)
	}
	j, err := db.FinishJob(ctx, got[0].Lease(), nil, false, time.Time{}, b)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// jobResults is what the job result tests share: a case holding a private
// source, an analyst signed in, and a job of each kind done with its
// result (a fetch that archived the source, one that found it held
// already, one that made a new version of it; a re-analysis; a build).
type jobResults struct {
	c                                         *inquest.Case
	secret                                    *inquest.Source
	analyst                                   *client
	fetched, held, version, reanalysed, built *inquest.Job
}

func newJobResults(t *testing.T, db *store.DB) jobResults {
	t.Helper()
	c := storetest.NewCase(t, db, "january")
	secret := &inquest.Source{CaseID: c.ID, Locator: "https://example.org/memo", URL: "https://example.org/memo",
		Title: "Secret memo of the commission", Kind: inquest.KindNews, Language: "en", Text: "memo", Private: true,
		RetrievedAt: time.Date(2022, 3, 15, 10, 0, 0, 0, time.UTC)}
	secret, _, err := db.AddSource(context.Background(), secret, []byte("memo"))
	if err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "aigerim", inquest.RoleAnalyst)
	analyst := newClient(t, NewServer(db, Options{}).Handler())
	analyst.login("aigerim")
	r := jobResults{c: c, secret: secret, analyst: analyst}
	fetchJob := func(u string) inquest.NewJob { return r.fetchJob(t, u) }
	r.fetched = finishedWith(t, db, fetchJob("https://example.org/memo"), inquest.IngestURLJobResult{SourceID: secret.ID})
	r.held = finishedWith(t, db, fetchJob("https://example.org/memo?again"), inquest.IngestURLJobResult{SourceID: secret.ID, AlreadyArchived: true})
	r.version = finishedWith(t, db, fetchJob("https://example.org/memo?v2"), inquest.IngestURLJobResult{SourceID: 77, Version: 2, PreviousID: secret.ID})
	r.reanalysed = finishedWith(t, db, inquest.ReanalyseJob(c.ID, inquest.ContradictionScope{}),
		inquest.ReanalyseJobResult{Statements: 1200, Contradictions: 7})
	r.built = finishedWith(t, db, inquest.BuildStaticJob(inquest.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug}),
		inquest.BuildStaticJobResult{Pages: 431, Files: 12, Bytes: 1 << 20, Dir: "/srv/site/january"})
	return r
}

// fetchJob is a fetch of u into the case.
func (r jobResults) fetchJob(t *testing.T, u string) inquest.NewJob {
	t.Helper()
	nj, err := inquest.IngestURLJob(r.c.ID, u)
	if err != nil {
		t.Fatal(err)
	}
	return nj
}

// A done job's page says what it made: a fetch links to its source by id
// (a private source's title stays off the page: the source's own page
// decides who sees it), and says whether the case held it already or it is
// a new version of an earlier one; a re-analysis counts what it read and
// derived; a build what it wrote and where. In Russian and Kazakh too. A
// result the page cannot read is shown as stored; a job without one has
// no result line.
func TestWorkspaceJobPageResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := newJobResults(t, db)
		secret, analyst := r.secret, r.analyst
		fetched, held, version, reanalysed, built := r.fetched, r.held, r.version, r.reanalysed, r.built
		odd := finishedWith(t, db, inquest.NewJob{Kind: "custom.kind"}, map[string]int{"widgets": 3})
		plain := finishedWith(t, db, inquest.NewJob{Kind: "custom.plain"}, nil)

		sourceLink := func(id int64) string {
			return fmt.Sprintf(`<a class="job-source" href="/w/sources/%d">Source #%d</a>`, id, id)
		}
		tests := []struct {
			name, lang string
			job        *inquest.Job
			want       []string // in the result's <dd>
			notWant    []string // anywhere on the page
		}{
			{name: "fetch made a private source", job: fetched,
				want: []string{sourceLink(secret.ID) + " (archived by this job)"}, notWant: []string{secret.Title}},
			{name: "fetch found it archived", job: held,
				want: []string{sourceLink(secret.ID) + " (already in the archive)"}, notWant: []string{secret.Title}},
			{name: "fetch made a new version", job: version,
				want: []string{sourceLink(77) + " (archived by this job); version 2, previous version: " +
					fmt.Sprintf(`<a class="job-previous" href="/w/sources/%d">Source #%d</a>`, secret.ID, secret.ID)},
				notWant: []string{secret.Title}},
			{name: "fetch in Russian", lang: "ru", job: version,
				want: []string{`href="/w/sources/77">Источник № 77</a> (заархивирован этой задачей); версия 2, предыдущая версия:`}},
			{name: "fetch in Kazakh", lang: "kk", job: held,
				want: []string{fmt.Sprintf(`href="/w/sources/%d">№ %d дереккөз</a> (мұрағатта бұрыннан бар)`, secret.ID, secret.ID)}},
			{name: "re-analysis", job: reanalysed, want: []string{"Statements read: 1200; contradictions derived: 7."}},
			{name: "re-analysis in Russian", lang: "ru", job: reanalysed, want: []string{"Прочитано высказываний: 1200; выведено противоречий: 7."}},
			{name: "build", job: built, want: []string{`Pages written: 431; other files: 12; in <code class="wrap">/srv/site/january</code>`}},
			{name: "build in Kazakh", lang: "kk", job: built, want: []string{"Жазылған беттер: 431; басқа файлдар: 12; каталог:"}},
			{name: "a kind the page does not know", job: odd, want: []string{`<code class="wrap">{&#34;widgets&#34;:3}</code>`}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				analyst.headers["Accept-Language"] = tt.lang
				defer delete(analyst.headers, "Accept-Language")
				path := fmt.Sprintf("/w/jobs/%d", tt.job.ID)
				rec := analyst.do("GET", path, nil)
				body := rec.Body.String()
				if rec.Code != 200 {
					t.Fatalf("GET %s = %d\n%.500s", path, rec.Code, body)
				}
				dd := jobResultDD(body)
				for _, w := range tt.want {
					if !strings.Contains(dd, w) {
						t.Errorf("GET %s: result %q lacks %q", path, dd, w)
					}
				}
				for _, w := range tt.notWant {
					if strings.Contains(body, w) {
						t.Errorf("GET %s has %q", path, w)
					}
				}
			})
		}
		// A worker that passes a result for a job that fails stores none.
		if _, _, err := db.EnqueueJob(ctx, inquest.NewJob{Kind: "custom.failing"}); err != nil {
			t.Fatal(err)
		}
		claimed, err := db.ClaimJobs(ctx, "worker-test", []string{"custom.failing"}, 1, time.Hour)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %d, %v", len(claimed), err)
		}
		failed, err := db.FinishJob(ctx, claimed[0].Lease(), fmt.Errorf("site down"), false, time.Time{}, json.RawMessage(`{"source_id":1}`))
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range []*inquest.Job{plain, failed} {
			if body := analyst.do("GET", fmt.Sprintf("/w/jobs/%d", j.ID), nil).Body.String(); strings.Contains(body, "job-result") {
				t.Errorf("job %d (%s) has no result, but its page shows one: %q", j.ID, j.State, jobResultDD(body))
			}
		}

		// The link leads to the source's page, which does its own check:
		// a signed-in analyst sees the private source there.
		if page := analyst.do("GET", fmt.Sprintf("/w/sources/%d", secret.ID), nil); page.Code != 200 || !strings.Contains(page.Body.String(), secret.Title) {
			t.Errorf("GET /w/sources/%d = %d; want the source's page", secret.ID, page.Code)
		}
	})
}

// jobResultDD is the result entry of a job's page, "" for none.
func jobResultDD(body string) string {
	_, after, ok := strings.Cut(body, `<dd class="job-result">`)
	if !ok {
		return ""
	}
	dd, _, _ := strings.Cut(after, "</dd>")
	return dd
}

// GET /api/v1/jobs/{id} answers a done job's result as the worker stored
// it, and no result for a job that has none.
func TestAPIJobResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := storetest.NewCase(t, db, "january")
		u := addUser(t, db, "aigerim", inquest.RoleAnalyst)
		secret, _, err := db.CreateToken(context.Background(), u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		nj, err := inquest.IngestURLJob(c.ID, "https://example.org/a")
		if err != nil {
			t.Fatal(err)
		}
		done := finishedWith(t, db, nj, inquest.IngestURLJobResult{SourceID: 42, AlreadyArchived: true})
		queued, _, err := db.EnqueueJob(context.Background(), inquest.ReanalyseJob(c.ID, inquest.ContradictionScope{}))
		if err != nil {
			t.Fatal(err)
		}
		h := NewServer(db, Options{}).Handler()
		tests := []struct {
			name string
			id   int64
			want any
		}{
			{"done fetch", done.ID, map[string]any{"source_id": float64(42), "already_archived": true}},
			{"queued", queued.ID, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				path := fmt.Sprintf("/api/v1/jobs/%d", tt.id)
				status, obj, body := apiCall(t, h, secret, "GET", path, "")
				if status != 200 {
					t.Fatalf("GET %s = %d %s", path, status, body)
				}
				got, has := obj["result"]
				if tt.want == nil && has {
					t.Errorf("GET %s: result %v, want none", path, got)
				}
				if tt.want != nil && fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("GET %s: result %v, want %v", path, got, tt.want)
				}
			})
		}
	})
}
