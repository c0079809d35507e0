package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// Background jobs through the API and the workspace (issue 8): list them,
// queue a URL fetch, a re-analysis or a static build, cancel one. The queue
// is the store's (inquest.JobQueue); whichever process's worker claims a
// job runs it, so a job queued here may run in another instance.

// jobRequest queues a job. Kind is ingest.url (with url), analysis.reanalyse
// (optionally one claim) or build.static (editors); case names the case by
// its slug.
type jobRequest struct {
	Kind  string `json:"kind"`
	Case  string `json:"case"`
	URL   string `json:"url,omitempty"`   // ingest.url: the page or document to fetch
	Claim string `json:"claim,omitempty"` // analysis.reanalyse: only what concerns this claim (slug)
}

// jobQueued is the answer to queuing a job: the job, and whether it is new
// (false: the same job was already waiting or running, and is returned).
type jobQueued struct {
	Job     *inquest.Job `json:"job"`
	Created bool         `json:"created"`
}

// jobQueue returns the store's job queue; every store of this program has one.
func (s *Server) jobQueue() (inquest.JobQueue, error) {
	q, ok := s.st.(inquest.JobQueue)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no job queue")
	}
	return q, nil
}

// opEnqueueJob queues the job req asks for on behalf of u.
func (s *Server) opEnqueueJob(ctx context.Context, u *inquest.User, req jobRequest) (*inquest.Job, bool, error) {
	q, err := s.jobQueue()
	if err != nil {
		return nil, false, err
	}
	if strings.TrimSpace(req.Case) == "" {
		return nil, false, inquest.Errorf(inquest.EINVALID, "name the case the job is for (case: its slug)")
	}
	c, err := s.st.CaseBySlug(ctx, strings.TrimSpace(req.Case))
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, false, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", req.Case)
	}
	if err != nil {
		return nil, false, err
	}
	var nj inquest.NewJob
	switch req.Kind {
	case inquest.JobIngestURL:
		if nj, err = inquest.IngestURLJob(c.ID, strings.TrimSpace(req.URL)); err != nil {
			return nil, false, err
		}
	case inquest.JobReanalyse:
		var scope inquest.ContradictionScope
		if req.Claim != "" {
			claims, err := s.st.Claims(ctx, c.ID)
			if err != nil {
				return nil, false, err
			}
			for _, cl := range claims {
				if cl.Slug == req.Claim {
					scope.ClaimID = cl.ID
				}
			}
			if scope.ClaimID == 0 {
				return nil, false, inquest.Errorf(inquest.ENOTFOUND, "Case %s has no claim %q.", c.Slug, req.Claim)
			}
		}
		nj = inquest.ReanalyseJob(c.ID, scope)
	case inquest.JobBuildStatic:
		// A build replaces the public site on disk: an editor's decision,
		// like publishing. The directory is the server's, never the
		// request's.
		if u == nil || !u.Role.Includes(inquest.RoleEditor) {
			return nil, false, inquest.Errorf(inquest.EFORBIDDEN, "Only editors may build the public site.")
		}
		if !c.Public {
			return nil, false, inquest.Errorf(inquest.EINVALID, "Case %s is not public, so it has no public site to build.", c.Slug)
		}
		nj = inquest.BuildStaticJob(inquest.BuildStaticArgs{CaseID: c.ID, Slug: c.Slug})
	case "":
		return nil, false, inquest.Errorf(inquest.EINVALID, "name the kind of job: %s, %s or %s", inquest.JobIngestURL, inquest.JobReanalyse, inquest.JobBuildStatic)
	default:
		return nil, false, inquest.Errorf(inquest.EINVALID, "job kind %q cannot be queued: use %s, %s or %s", req.Kind, inquest.JobIngestURL, inquest.JobReanalyse, inquest.JobBuildStatic)
	}
	// The job is the signed-in user's, so that the jobs page can say who
	// started a build or a fetch. Every route here needs a user; a nil one
	// would queue the job as the system's.
	if u != nil {
		nj.CreatedBy = u.ID
	}
	return q.EnqueueJob(ctx, nj)
}

// opJob reads job id for the job's page and the API; ENOTFOUND names the
// job and, after it, where the others are listed (seeAlso).
func (s *Server) opJob(ctx context.Context, id int64, seeAlso string) (*inquest.Job, error) {
	q, err := s.jobQueue()
	if err != nil {
		return nil, err
	}
	j, err := q.Job(ctx, id)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no job %d. %s", id, seeAlso)
	}
	return j, err
}

// opCancelJob cancels job id.
func (s *Server) opCancelJob(ctx context.Context, id int64) (*inquest.Job, error) {
	q, err := s.jobQueue()
	if err != nil {
		return nil, err
	}
	j, err := q.CancelJob(ctx, id)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no job %d.", id)
	}
	return j, err
}

// jobFilterOf reads the list's filter from the query.
func jobFilterOf(r *http.Request, limit int) (inquest.JobFilter, error) {
	q := r.URL.Query()
	f := inquest.JobFilter{State: inquest.JobState(q.Get("state")), Kind: q.Get("kind"), Limit: limit}
	switch f.State {
	case "", inquest.JobQueued, inquest.JobRunning, inquest.JobDone, inquest.JobFailed, inquest.JobCancelled:
	default:
		return f, inquest.Errorf(inquest.EINVALID, "state %q is not queued, running, done, failed or cancelled", f.State)
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > 1000 {
			return f, inquest.Errorf(inquest.EINVALID, "limit %q is not a number from 1 to 1000", v)
		}
		f.Limit = n
	}
	return f, nil
}

func (s *Server) apiJobs(w http.ResponseWriter, r *http.Request) error {
	q, err := s.jobQueue()
	if err != nil {
		return err
	}
	f, err := jobFilterOf(r, 100)
	if err != nil {
		return err
	}
	list, err := q.Jobs(r.Context(), f)
	if err != nil {
		return err
	}
	if list == nil {
		list = []*inquest.Job{}
	}
	return writeJSON(w, list)
}

// apiJob is one job, as an item of the list (apiJobs) shows it.
func (s *Server) apiJob(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "job")
	if err != nil {
		return err
	}
	j, err := s.opJob(r.Context(), id, "The recent ones are listed at /api/v1/jobs.")
	if err != nil {
		return err
	}
	return writeJSON(w, j)
}

func (s *Server) apiEnqueueJob(w http.ResponseWriter, r *http.Request) error {
	var req jobRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	j, created, err := s.opEnqueueJob(r.Context(), userFrom(r.Context()), req)
	if err != nil {
		return err
	}
	return writeJSON(w, jobQueued{Job: j, Created: created})
}

func (s *Server) apiCancelJob(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "job")
	if err != nil {
		return err
	}
	j, err := s.opCancelJob(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, j)
}
