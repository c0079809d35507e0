package inquest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"
)

// Background jobs (issue 8): fetching URLs, re-analysing a case, building a
// case's static site. They wait in a durable queue in the record's own
// database, so a job enqueued by one process (a workspace page, the CLI) is
// run by exactly one worker of any process on that database. Package store
// keeps the queue and implements JobQueue; package jobs runs the work; the
// web reaches the queue only through JobQueue.

// JobQueue is what the workspace and the API need of the job queue.
type JobQueue interface {
	// EnqueueJob adds a job. With a UniqueKey that an active (queued or
	// running) job already has, nothing is added and that job is returned
	// with created=false. EINVALID.
	EnqueueJob(ctx context.Context, nj NewJob) (job *Job, created bool, err error)
	// Job returns one job. ENOTFOUND.
	Job(ctx context.Context, id int64) (*Job, error)
	// Jobs lists jobs, newest first.
	Jobs(ctx context.Context, f JobFilter) ([]*Job, error)
	// CancelJob cancels a queued job at once and asks a running one to
	// stop. ENOTFOUND; EINVALID for a job that has already finished.
	CancelJob(ctx context.Context, id int64) (*Job, error)
}

// JobState is where a job is in its life.
type JobState string

// Job states. Queued and running jobs are active; the others are final.
const (
	JobQueued    JobState = "queued"
	JobRunning   JobState = "running"
	JobDone      JobState = "done"
	JobFailed    JobState = "failed"
	JobCancelled JobState = "cancelled"
)

// Active reports whether a job in this state may still change.
func (s JobState) Active() bool { return s == JobQueued || s == JobRunning }

// Job is one unit of background work.
type Job struct {
	ID        int64           `json:"id"`
	Kind      string          `json:"kind"`
	Args      json.RawMessage `json:"args"`
	UniqueKey string          `json:"unique_key,omitempty"`
	State     JobState        `json:"state"`
	// Attempt counts the times the job was claimed, this one included.
	Attempt     int       `json:"attempt"`
	MaxAttempts int       `json:"max_attempts"`
	RunAt       time.Time `json:"run_at"`
	// LockedBy and LockedUntil are the lease of a running job: which worker
	// holds it and until when, unless the worker extends it.
	LockedBy        string    `json:"locked_by,omitempty"`
	LockedUntil     time.Time `json:"locked_until,omitzero"`
	CancelRequested bool      `json:"cancel_requested,omitempty"`
	LastError       string    `json:"last_error,omitempty"`
	ProgressDone    int64     `json:"progress_done"`
	ProgressTotal   int64     `json:"progress_total"`
	CreatedAt       time.Time `json:"created_at"`
	StartedAt       time.Time `json:"started_at,omitzero"`
	FinishedAt      time.Time `json:"finished_at,omitzero"`
	// CreatedBy is the user who queued the job; 0 when the system or the
	// command line did (the command line knows no signed-in user), or when
	// that user has since been deleted. CreatedByName is that user's name
	// as it is now, read from the users table; "" with CreatedBy 0.
	CreatedBy     int64  `json:"created_by"`
	CreatedByName string `json:"created_by_name,omitempty"`
	// Result is what a done job made, as a JSON object whose fields depend
	// on the kind (IngestURLJobResult, ReanalyseJobResult, BuildStaticJobResult);
	// nil for a job that is not done, or whose kind reports nothing. It is
	// written in the same update that marks the job done, so a worker that
	// lost its lease cannot write one.
	Result json.RawMessage `json:"result,omitempty"`
}

// JobLease identifies one claim of a job: a worker's updates to the job
// succeed only while that claim is the job's current one, so that a worker
// that lost its lease (it stalled, and another worker took the job) cannot
// finish the job a second time.
type JobLease struct {
	ID      int64
	Worker  string
	Attempt int
}

// Lease returns the claim j was returned with.
func (j *Job) Lease() JobLease { return JobLease{ID: j.ID, Worker: j.LockedBy, Attempt: j.Attempt} }

// NewJob is what EnqueueJob needs.
type NewJob struct {
	Kind string
	// Args is marshalled to JSON; nil gives {}.
	Args any
	// UniqueKey, when set, keeps a second active (queued or running) job
	// with the same key from being enqueued: EnqueueJob returns the first.
	UniqueKey string
	// MaxAttempts is how many times the job is tried; 0 means 5.
	MaxAttempts int
	// RunAt delays the job; the zero time means now.
	RunAt time.Time
	// CreatedBy is the user who queues the job, 0 for the system. When a
	// job with the same UniqueKey is already active, that job keeps the
	// user who queued it first.
	CreatedBy int64
}

// JobFilter selects jobs; zero fields select everything.
type JobFilter struct {
	State JobState
	Kind  string
	Limit int // 0 means 100
}

// Job kinds. The names are stored in the queue: never rename one.
const (
	// JobIngestURL fetches a URL and ingests it into a case (IngestURLArgs).
	JobIngestURL = "ingest.url"
	// JobReanalyse re-derives a case's contradictions, all of them or those
	// one change can affect (ReanalyseArgs).
	JobReanalyse = "analysis.reanalyse"
	// JobBuildStatic builds a public case's static site (BuildStaticArgs).
	JobBuildStatic = "build.static"
)

// IngestURLArgs are the arguments of an ingest.url job.
type IngestURLArgs struct {
	CaseID int64  `json:"case_id"`
	URL    string `json:"url"`
}

// ReanalyseArgs are the arguments of an analysis.reanalyse job. A zero scope
// re-analyses the whole case.
type ReanalyseArgs struct {
	CaseID int64              `json:"case_id"`
	Scope  ContradictionScope `json:"scope"`
}

// BuildStaticArgs are the arguments of a build.static job. Dir is where the
// site goes; empty means the worker's site directory (serve --site-dir)
// joined with the case's slug. Only the command line sets Dir: a directory
// named over the web could overwrite anything the server may write.
type BuildStaticArgs struct {
	CaseID int64  `json:"case_id"`
	Slug   string `json:"slug"`
	Dir    string `json:"dir,omitempty"`
}

// IngestURLJob is the job that fetches rawURL into a case, once: while a
// fetch of the same URL into the same case is active, enqueuing it again
// returns that job. EINVALID for a URL that is not http(s).
func IngestURLJob(caseID int64, rawURL string) (NewJob, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return NewJob{}, Errorf(EINVALID, "%q is not an http(s) URL; only those can be fetched", rawURL)
	}
	return NewJob{Kind: JobIngestURL, Args: IngestURLArgs{CaseID: caseID, URL: rawURL},
		UniqueKey: fmt.Sprintf("%s:%d:%s", JobIngestURL, caseID, rawURL)}, nil
}

// ReanalyseJob is the job that re-analyses a case within scope, once while
// one with the same scope is active.
func ReanalyseJob(caseID int64, scope ContradictionScope) NewJob {
	return NewJob{Kind: JobReanalyse, Args: ReanalyseArgs{CaseID: caseID, Scope: scope},
		UniqueKey: fmt.Sprintf("%s:%d:%d:%d", JobReanalyse, caseID, scope.ClaimID, scope.StatementID)}
}

// BuildStaticJob is the job that builds a case's static site, once while a
// build of the same case into the same directory is active. A build is not
// retried many times: a site that fails to build twice needs a person.
func BuildStaticJob(a BuildStaticArgs) NewJob {
	return NewJob{Kind: JobBuildStatic, Args: a, MaxAttempts: 2,
		UniqueKey: fmt.Sprintf("%s:%d:%s", JobBuildStatic, a.CaseID, a.Dir)}
}

// IngestURLJobResult is the result of a done ingest.url job: the source the
// fetch made or, when the case already held the same bytes, that source.
// A changed copy of a URL the case held becomes its next version: then
// Version is above 1 and PreviousID is the version it follows.
type IngestURLJobResult struct {
	SourceID        int64 `json:"source_id"`
	AlreadyArchived bool  `json:"already_archived"`
	Version         int   `json:"version,omitempty"`
	PreviousID      int64 `json:"previous_id,omitempty"`
}

// ReanalyseJobResult is the result of a done analysis.reanalyse job: the
// statements it read and the contradictions it derived within its scope.
type ReanalyseJobResult struct {
	Statements     int `json:"statements"`
	Contradictions int `json:"contradictions"`
}

// BuildStaticJobResult is the result of a done build.static job: what it
// wrote, and where on the worker's disk. Pages are HTML pages; Files are
// everything else (feeds, data, styles, archived originals).
type BuildStaticJobResult struct {
	Pages int    `json:"pages"`
	Files int    `json:"files"`
	Bytes int64  `json:"bytes"`
	Dir   string `json:"dir"`
}
