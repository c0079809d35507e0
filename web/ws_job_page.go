package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/inquest-project/inquest"
)

// One job's page, /w/jobs/{id}: everything the queue records of the job,
// with the last error in full (the list's cell may be cut short), and the
// cancel button while it can still be cancelled. While the job is queued or
// running the page reloads itself every few seconds: it has no form an
// analyst could be typing into, so a plain refresh loses nothing.

type wsJobPage struct {
	wsPage
	Job wsJobRow
	// CaseTitle and CaseHref name the case the job is for ("" for none).
	CaseTitle, CaseHref string
	// URL is what a fetch fetches; ClaimID the one claim a re-analysis
	// is limited to (0: the whole case).
	URL     string
	ClaimID int64
	// OutputDir is where a static build writes, when the job names the
	// directory; SiteSlug, when it does not, is the directory under the
	// site directory of the worker that runs it.
	OutputDir, SiteSlug string
	// Result is what the job made once done; nil before, or for a job
	// that reports nothing.
	Result *wsJobResult
	// NextTry is when a queued job waits for (zero: it may run now);
	// Retry says it waits after a failed attempt, not because it was
	// queued for later.
	NextTry time.Time
	Retry   bool
	// Refresh is the interval of the page's self-reload, 0 for none.
	Refresh int
}

// wsJobResult is a done job's result as the page tells it: one of its
// parts is set, by the job's kind.
type wsJobResult struct {
	// Fetched is the source a fetch made or found already archived. The
	// page links to it by id only, never reading its title: the source's
	// own page decides who may see it (a private source, another case's).
	Fetched *inquest.IngestURLJobResult
	// Reanalysed counts what a re-analysis read and derived.
	Reanalysed *inquest.ReanalyseJobResult
	// Built is what a static build wrote, and where.
	Built *inquest.BuildStaticJobResult
	// Raw is a result the page cannot read (another kind, another shape),
	// shown as stored.
	Raw string
}

// jobResultOf reads a job's result for its page and its row in the list
// (describeJob); nil for none.
func jobResultOf(j *inquest.Job) *wsJobResult {
	if len(j.Result) == 0 {
		return nil
	}
	res := &wsJobResult{}
	var err error
	switch j.Kind {
	case inquest.JobIngestURL:
		res.Fetched = new(inquest.IngestURLJobResult)
		if err = json.Unmarshal(j.Result, res.Fetched); err == nil && res.Fetched.SourceID <= 0 {
			err = fmt.Errorf("no source")
		}
	case inquest.JobReanalyse:
		res.Reanalysed = new(inquest.ReanalyseJobResult)
		err = json.Unmarshal(j.Result, res.Reanalysed)
	case inquest.JobBuildStatic:
		res.Built = new(inquest.BuildStaticJobResult)
		err = json.Unmarshal(j.Result, res.Built)
	default:
		err = fmt.Errorf("kind %s", j.Kind)
	}
	if err != nil {
		return &wsJobResult{Raw: string(j.Result)}
	}
	return res
}

func (p wsJobPage) PageTitle() string { return fmt.Sprintf("Job %d", p.Job.ID) }

// wsJobRefresh is how often, in seconds, the page of an active job reloads;
// the list's own fallback without scripts reloads as often.
const wsJobRefresh = 5

// jobArgs are the arguments of every kind of job the page knows, read
// together: each kind sets only its own.
type jobArgs struct {
	CaseID int64                      `json:"case_id"`
	URL    string                     `json:"url"`
	Scope  inquest.ContradictionScope `json:"scope"`
	Slug   string                     `json:"slug"`
	Dir    string                     `json:"dir"`
}

func (s *Server) wsJobPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "job")
	if err != nil {
		return inquest.Errorf(inquest.ENOTFOUND, "%s See /w/jobs for the recent jobs.", inquest.ErrorMessage(err))
	}
	j, err := s.opJob(r.Context(), id, "See /w/jobs for the recent jobs.")
	if err != nil {
		return err
	}
	cases, err := s.st.Cases(r.Context())
	if err != nil {
		return err
	}
	byID := make(map[int64]*inquest.Case, len(cases))
	for _, c := range cases {
		byID[c.ID] = c
	}
	p := wsJobPage{wsPage: s.wsBase(r, nil, "jobs"), Job: describeJob(j, byID)}
	var a jobArgs
	_ = json.Unmarshal(j.Args, &a) // arguments of another shape show no details
	if c := byID[a.CaseID]; c != nil {
		p.CaseTitle, p.CaseHref = c.Title, "/w/cases/"+url.PathEscape(c.Slug)
	} else if a.CaseID != 0 {
		p.CaseTitle = fmt.Sprintf("case %d", a.CaseID)
	}
	switch j.Kind {
	case inquest.JobIngestURL:
		p.URL = a.URL
	case inquest.JobReanalyse:
		p.ClaimID = a.Scope.ClaimID
	case inquest.JobBuildStatic:
		p.OutputDir, p.SiteSlug = a.Dir, a.Slug
	}
	p.Result = p.Job.Result
	if j.State == inquest.JobQueued && j.RunAt.After(time.Now()) {
		p.NextTry, p.Retry = j.RunAt, j.Attempt > 0
	}
	if j.State.Active() {
		p.Refresh = wsJobRefresh
	}
	s.render(w, r, http.StatusOK, "ws_job", p)
	return nil
}

func init() {
	// isoTime is a time as <time datetime> wants it.
	extraFuncs["isoTime"] = func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
}
