package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/inquest-project/inquest"
)

// The workspace's jobs page, /w/jobs: the recent background jobs with their
// progress, and forms to queue a URL fetch (analysts), a static build
// (editors) and to cancel a job. While a job is active the page follows it:
// a small script (static/ws_jobs.js) polls GET /api/v1/jobs and moves the
// progress bars; without scripts, the page reloads itself. A done job's row
// says in short what it made (the source a fetch archived, linked by id
// only); when a followed job ends, the script takes its row from this page
// afresh rather than writing the words again in JavaScript. Each job's
// number leads to its own page (ws_job_page.go), which says it in full.

type wsJobsPage struct {
	wsPage
	Jobs   []wsJobRow
	Cases  []*inquest.Case // every case, for the fetch form
	Public []*inquest.Case // public cases, for the build form
	// Following is true while a job shown is queued or running.
	Following bool
}

func (wsJobsPage) PageTitle() string { return "Background jobs" }

// wsJobRow is one job as the page shows it.
type wsJobRow struct {
	*inquest.Job
	KindName string // the kind in words
	What     string // the URL fetched, the case built or re-analysed
	WhatHref string // a workspace link for What, or ""
	// Result is what the job made once done (jobResultOf); nil before,
	// or for a job that reports nothing.
	Result *wsJobResult
}

// Active reports whether the job may still change (and may be cancelled).
func (r wsJobRow) Active() bool { return r.State.Active() }

// jobKindNames are the job kinds in words, translated by "t".
var jobKindNames = map[string]string{
	inquest.JobIngestURL:   "Fetch URL",
	inquest.JobReanalyse:   "Re-analyse",
	inquest.JobBuildStatic: "Build static site",
}

// wsJobsLimit is how many recent jobs the page lists.
const wsJobsLimit = 100

func (s *Server) wsJobsPage(w http.ResponseWriter, r *http.Request) error {
	q, err := s.jobQueue()
	if err != nil {
		return err
	}
	f, err := jobFilterOf(r, wsJobsLimit)
	if err != nil {
		return err
	}
	list, err := q.Jobs(r.Context(), f)
	if err != nil {
		return err
	}
	cases, err := s.st.Cases(r.Context())
	if err != nil {
		return err
	}
	byID := map[int64]*inquest.Case{}
	p := wsJobsPage{wsPage: s.wsBase(r, nil, "jobs"), Cases: cases}
	for _, c := range cases {
		byID[c.ID] = c
		if c.Public {
			p.Public = append(p.Public, c)
		}
	}
	for _, j := range list {
		row := describeJob(j, byID)
		p.Jobs = append(p.Jobs, row)
		p.Following = p.Following || row.Active()
	}
	s.render(w, r, http.StatusOK, "ws_jobs", p)
	return nil
}

// describeJob says what a job is about, from its arguments.
func describeJob(j *inquest.Job, cases map[int64]*inquest.Case) wsJobRow {
	row := wsJobRow{Job: j, KindName: jobKindNames[j.Kind], Result: jobResultOf(j)}
	if row.KindName == "" {
		row.KindName = j.Kind
	}
	var a struct {
		CaseID int64                      `json:"case_id"`
		URL    string                     `json:"url"`
		Scope  inquest.ContradictionScope `json:"scope"`
	}
	_ = json.Unmarshal(j.Args, &a) // a job with other arguments shows no case
	caseName, caseHref := "", ""
	if c := cases[a.CaseID]; c != nil {
		caseName, caseHref = c.Title, "/w/cases/"+url.PathEscape(c.Slug)
	} else if a.CaseID != 0 {
		caseName = fmt.Sprintf("case %d", a.CaseID)
	}
	switch j.Kind {
	case inquest.JobIngestURL:
		row.What = a.URL
		if caseName != "" {
			row.What += " → " + caseName
		}
		row.WhatHref = caseHref
	case inquest.JobReanalyse:
		row.What, row.WhatHref = caseName, caseHref
		if a.Scope.ClaimID != 0 {
			row.What += fmt.Sprintf(" (claim %d)", a.Scope.ClaimID)
		}
	default:
		row.What, row.WhatHref = caseName, caseHref
	}
	return row
}

// wsQueueFetch queues one fetch per URL given (one a line).
func (s *Server) wsQueueFetch(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	var queued, already []int64
	n := 0
	for _, line := range strings.Split(r.PostFormValue("url"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		if n > 100 {
			return inquest.Errorf(inquest.EINVALID, "Give at most 100 URLs at once; queue the rest after.")
		}
		j, created, err := s.opEnqueueJob(r.Context(), u, jobRequest{Kind: inquest.JobIngestURL, Case: r.PostFormValue("case"), URL: line})
		if err != nil {
			return err
		}
		if created {
			queued = append(queued, j.ID)
		} else {
			already = append(already, j.ID)
		}
	}
	if n == 0 {
		return inquest.Errorf(inquest.EINVALID, "Give a URL to fetch (http or https), one a line.")
	}
	done := fmt.Sprintf("%d fetch(es) queued.", len(queued))
	if len(already) > 0 {
		done = fmt.Sprintf("%d fetch(es) queued, %d already waiting or running.", len(queued), len(already))
	}
	backTo(w, r, "/w/jobs", done)
	return nil
}

// wsQueueBuild queues a static build of a public case (editors).
func (s *Server) wsQueueBuild(w http.ResponseWriter, r *http.Request) error {
	j, created, err := s.opEnqueueJob(r.Context(), userFrom(r.Context()), jobRequest{Kind: inquest.JobBuildStatic, Case: r.PostFormValue("case")})
	if err != nil {
		return err
	}
	done := fmt.Sprintf("Job %d queued.", j.ID)
	if !created {
		done = fmt.Sprintf("Job %d was already waiting or running.", j.ID)
	}
	backTo(w, r, "/w/jobs", done)
	return nil
}

// wsCancelJob cancels a job from its row.
func (s *Server) wsCancelJob(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "job")
	if err != nil {
		return err
	}
	j, err := s.opCancelJob(r.Context(), id)
	if err != nil {
		return err
	}
	done := fmt.Sprintf("Job %d cancelled.", id)
	if j.State != inquest.JobCancelled {
		done = fmt.Sprintf("Job %d asked to stop.", id)
	}
	backTo(w, r, "/w/jobs", done)
	return nil
}

func init() {
	extraFuncs["wsJobsLink"] = wsJobsLink
	extraFuncs["jobPercent"] = func(j *inquest.Job) int64 {
		if j.ProgressTotal <= 0 {
			return 0
		}
		return min(100, j.ProgressDone*100/j.ProgressTotal)
	}
}

// wsJobsLink is the link to the jobs page that base.html puts in the header
// of every workspace page (a page model with Base() wsPage), and nothing on
// public pages.
func wsJobsLink(page any) template.HTML {
	p, ok := page.(interface{ Base() wsPage })
	if !ok {
		return ""
	}
	b := p.Base()
	if b.User == nil {
		return ""
	}
	current := ""
	if b.Active == "jobs" {
		current = ` aria-current="page"`
	}
	return template.HTML(fmt.Sprintf(`<a class="ws-jobs-link" href="/w/jobs"%s>%s</a>`, current,
		template.HTMLEscapeString(translate(b.Lang, "Background jobs"))))
}
