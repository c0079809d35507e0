package web

import (
	"cmp"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// jobByCell finds each job row of the jobs page and its "queued by" cell.
var jobByCell = regexp.MustCompile(`(?s)<tr data-job="(\d+)".*?<td class="job-by">(.*?)</td>`)

// Each job the workspace or the API queues is the signed-in user's, and the
// jobs page says so, in the reader's language; a job the system queued says
// "(system)", in parentheses that no user name can hold. The API's job list carries the same.
func TestWorkspaceJobsQueuedBy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		public := storetest.NewCase(t, db, "january")
		public.Public = true
		if err := db.UpdateCase(ctx, public); err != nil {
			t.Fatal(err)
		}
		aigerim := addUser(t, db, "aigerim", inquest.RoleAnalyst)
		dana := addUser(t, db, "dana", inquest.RoleEditor)
		yerlan := addUser(t, db, "yerlan", inquest.RoleAnalyst)
		token, _, err := db.CreateToken(ctx, yerlan.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		h := NewServer(db, Options{}).Handler()
		analyst, editor := newClient(t, h), newClient(t, h)
		analyst.login("aigerim")
		editor.login("dana")
		post := func(c *client, path string, form url.Values) {
			t.Helper()
			form.Set("csrf", c.formToken())
			if rec := c.do("POST", path, form); rec.Code != http.StatusSeeOther {
				t.Fatalf("POST %s = %d %.300s", path, rec.Code, rec.Body.String())
			}
		}
		post(analyst, "/w/jobs/fetch", url.Values{"case": {"january"}, "url": {"https://example.org/news/1"}})
		post(editor, "/w/jobs/build", url.Values{"case": {"january"}})
		if status, _, body := apiCall(t, h, token, "POST", "/api/v1/jobs", `{"kind":"analysis.reanalyse","case":"january"}`); status != 200 {
			t.Fatalf("queue a re-analysis through the API = %d %.300s", status, body)
		}
		// What `inquest jobs add` and the server itself queue names nobody.
		if _, _, err := db.EnqueueJob(ctx, inquest.ReanalyseJob(public.ID, inquest.ContradictionScope{ClaimID: 7})); err != nil {
			t.Fatal(err)
		}

		list, err := db.Jobs(ctx, inquest.JobFilter{})
		if err != nil || len(list) != 4 {
			t.Fatalf("%d jobs queued (%v), want 4", len(list), err)
		}
		byKindUser := map[string]int64{}
		for _, j := range list {
			key := j.Kind
			if j.Kind == inquest.JobReanalyse && j.CreatedBy == 0 {
				key += " by the system"
			}
			byKindUser[key] = j.ID
		}
		type row struct {
			job  int64
			want string
		}
		rows := []row{
			{byKindUser[inquest.JobIngestURL], "aigerim"},
			{byKindUser[inquest.JobBuildStatic], "dana"},
			{byKindUser[inquest.JobReanalyse], "yerlan"},
			{byKindUser[inquest.JobReanalyse+" by the system"], "system"},
		}
		tests := []struct {
			lang   string
			system string
			header string
		}{
			{"", "(system)", "Queued by"},
			{"ru", "(система)", "Кто поставил"},
			{"kk", "(жүйе)", "Кім қойды"},
		}
		for _, tt := range tests {
			t.Run("page in "+cmp.Or(tt.lang, "en"), func(t *testing.T) {
				analyst.headers["Accept-Language"] = tt.lang
				defer delete(analyst.headers, "Accept-Language")
				rec := analyst.do("GET", "/w/jobs", nil)
				if rec.Code != http.StatusOK {
					t.Fatalf("GET /w/jobs = %d", rec.Code)
				}
				body := rec.Body.String()
				if !strings.Contains(body, "<th>"+tt.header+"</th>") {
					t.Errorf("the jobs table has no %q column", tt.header)
				}
				got := map[int64]string{}
				for _, m := range jobByCell.FindAllStringSubmatch(body, -1) {
					id, _ := strconv.ParseInt(m[1], 10, 64)
					got[id] = html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[2], ""))
				}
				for _, r := range rows {
					want := r.want
					if want == "system" {
						want = tt.system
					}
					if got[r.job] != want {
						t.Errorf("job %d queued by %q, want %q", r.job, got[r.job], want)
					}
				}
			})
		}

		status, _, body := apiCall(t, h, token, "GET", "/api/v1/jobs", "")
		if status != 200 {
			t.Fatalf("GET /api/v1/jobs = %d", status)
		}
		var jobs []struct {
			ID            int64   `json:"id"`
			CreatedBy     *int64  `json:"created_by"`
			CreatedByName *string `json:"created_by_name"`
		}
		if err := json.Unmarshal([]byte(body), &jobs); err != nil {
			t.Fatalf("job list: %v in %.300s", err, body)
		}
		wantBy := map[int64]*inquest.User{rows[0].job: aigerim, rows[1].job: dana, rows[2].job: yerlan, rows[3].job: nil}
		for _, j := range jobs {
			u, ok := wantBy[j.ID]
			if !ok {
				t.Errorf("the API lists job %d, which was never queued", j.ID)
				continue
			}
			if j.CreatedBy == nil {
				t.Errorf("job %d: the API gives no created_by", j.ID)
				continue
			}
			gotName := ""
			if j.CreatedByName != nil {
				gotName = *j.CreatedByName
			}
			switch {
			case u == nil && (*j.CreatedBy != 0 || gotName != ""):
				t.Errorf("job %d: created_by %d %q, want 0 and no name (the system)", j.ID, *j.CreatedBy, gotName)
			case u != nil && (*j.CreatedBy != u.ID || gotName != u.Name):
				t.Errorf("job %d: created_by %d %q, want %d %q", j.ID, *j.CreatedBy, gotName, u.ID, u.Name)
			}
		}
	})
}
