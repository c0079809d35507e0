package web

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// jobResultCell finds each job row of the jobs page and its result cell.
var jobResultCell = regexp.MustCompile(`(?s)<tr data-job="(\d+)".*?<td class="job-result">(.*?)</td>`)

// The jobs list says in a few words what each done job made, in the
// reader's language: a fetch links to its source by id, saying when the
// case held it already or which version it is; a re-analysis counts what
// it read and derived; a build its pages. A private source's title stays
// off the list (the source's own page decides who sees it). A failed job,
// even one whose worker passed a result, and a queued job say nothing.
func TestWorkspaceJobsListResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := newJobResults(t, db)
		secret, analyst := r.secret, r.analyst
		fetched, held, version, reanalysed, built := r.fetched, r.held, r.version, r.reanalysed, r.built

		// A fetch whose last try fails, though its worker passed a result.
		nj := r.fetchJob(t, "https://example.org/down")
		nj.MaxAttempts = 1
		if _, _, err := db.EnqueueJob(ctx, nj); err != nil {
			t.Fatal(err)
		}
		claimed, err := db.ClaimJobs(ctx, "worker-test", []string{inquest.JobIngestURL}, 1, time.Hour)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %d jobs, %v", len(claimed), err)
		}
		failed, err := db.FinishJob(ctx, claimed[0].Lease(), fmt.Errorf("site down"), false, time.Time{}, json.RawMessage(fmt.Sprintf(`{"source_id":%d}`, secret.ID)))
		if err != nil || failed.State != inquest.JobFailed {
			t.Fatalf("finish with an error: %v, %v", failed, err)
		}
		queued, _, err := db.EnqueueJob(ctx, r.fetchJob(t, "https://example.org/later"))
		if err != nil {
			t.Fatal(err)
		}

		link := func(id int64, text string) string {
			return fmt.Sprintf(`<a class="job-source" href="/w/sources/%d">%s</a>`, id, text)
		}
		tests := []struct {
			lang   string
			header string
			want   map[int64]string // each job's result cell
		}{
			{"", "Result", map[int64]string{
				fetched.ID:    link(secret.ID, fmt.Sprintf("Source #%d", secret.ID)),
				held.ID:       link(secret.ID, fmt.Sprintf("Source #%d", secret.ID)) + " (already in the archive)",
				version.ID:    link(77, "Source #77") + " (version 2)",
				reanalysed.ID: "Statements read: 1200; contradictions derived: 7.",
				built.ID:      "Pages written: 431.",
				failed.ID:     "",
				queued.ID:     "",
			}},
			{"ru", "Результат", map[int64]string{
				held.ID:       link(secret.ID, fmt.Sprintf("Источник № %d", secret.ID)) + " (уже был в архиве)",
				version.ID:    link(77, "Источник № 77") + " (версия 2)",
				reanalysed.ID: "Прочитано высказываний: 1200; выведено противоречий: 7.",
				built.ID:      "Записано страниц: 431.",
				failed.ID:     "",
			}},
			{"kk", "Нәтиже", map[int64]string{
				held.ID:       link(secret.ID, fmt.Sprintf("№ %d дереккөз", secret.ID)) + " (мұрағатта бұрыннан бар)",
				version.ID:    link(77, "№ 77 дереккөз") + " (2-нұсқа)",
				reanalysed.ID: "Оқылған сөздер: 1200; табылған қайшылықтар: 7.",
				built.ID:      "Жазылған беттер: 431.",
			}},
		}
		for _, tt := range tests {
			t.Run("list in "+cmp.Or(tt.lang, "en"), func(t *testing.T) {
				analyst.headers["Accept-Language"] = tt.lang
				defer delete(analyst.headers, "Accept-Language")
				rec := analyst.do("GET", "/w/jobs", nil)
				body := rec.Body.String()
				if rec.Code != http.StatusOK {
					t.Fatalf("GET /w/jobs = %d\n%.500s", rec.Code, body)
				}
				if !strings.Contains(body, "<th>"+tt.header+"</th>") {
					t.Errorf("the jobs table has no %q column", tt.header)
				}
				got := map[int64]string{}
				for _, m := range jobResultCell.FindAllStringSubmatch(body, -1) {
					id, _ := strconv.ParseInt(m[1], 10, 64)
					got[id] = m[2]
				}
				for id, want := range tt.want {
					if cell, ok := got[id]; !ok || cell != want {
						t.Errorf("job %d: result cell %q (found: %v), want %q", id, cell, ok, want)
					}
				}
				if strings.Contains(body, secret.Title) {
					t.Errorf("the jobs list shows the private source's title %q", secret.Title)
				}
			})
		}
	})
}
