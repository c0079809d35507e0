package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/store"
)

// Job kinds. The names are stored in the queue: never rename one. They are
// the domain's (inquest.JobIngestURL and so on), so that the web can queue
// jobs without importing this package.
const (
	// KindIngestURL fetches a URL and ingests it into a case (IngestURLArgs).
	KindIngestURL = inquest.JobIngestURL
	// KindReanalyse re-derives a case's contradictions, all of them or those
	// one change can affect (ReanalyseArgs).
	KindReanalyse = inquest.JobReanalyse
	// KindBuildStatic builds a public case's static site (BuildStaticArgs);
	// its handler exists when HandlerOptions.BuildSite is given.
	KindBuildStatic = inquest.JobBuildStatic
)

// The arguments of the job kinds.
type (
	IngestURLArgs   = inquest.IngestURLArgs
	ReanalyseArgs   = inquest.ReanalyseArgs
	BuildStaticArgs = inquest.BuildStaticArgs
)

// HandlerOptions configure the built-in handlers.
type HandlerOptions struct {
	// Fetch are the limits of fetching URLs (size, redirects, timeout,
	// private addresses); zero fields take ingest's defaults.
	Fetch ingest.Options
	// BuildSite writes the static site of the case a names into a.Dir, a
	// new empty directory, reporting progress as it goes (see
	// buildStatic). It is given by the program's wiring (cmd/inquest),
	// which knows the web site; without it, this process runs no builds.
	BuildSite func(ctx context.Context, a BuildStaticArgs, progress func(done, total int64) error) error
	// SiteDir is where a build that names no directory goes, as
	// SiteDir/<case slug>.
	SiteDir string
}

// Handlers returns the handlers of the built-in job kinds, working on st.
func Handlers(st *store.DB, opt HandlerOptions) map[string]Handler {
	reader := ingest.NewReader(opt.Fetch)
	h := map[string]Handler{
		KindIngestURL: func(ctx context.Context, j *Job) error { return ingestURL(ctx, st, reader, j) },
		KindReanalyse: func(ctx context.Context, j *Job) error { return reanalyseJob(ctx, st, j) },
	}
	if opt.BuildSite != nil {
		h[KindBuildStatic] = func(ctx context.Context, j *Job) error { return buildStatic(ctx, opt, j) }
	}
	return h
}

// EnqueueIngestURL queues the fetch of a URL into a case, once: while a fetch
// of the same URL into the same case is queued or running, that job is
// returned instead, with created=false. EINVALID for a URL that is not
// http(s).
func EnqueueIngestURL(ctx context.Context, st inquest.JobQueue, caseID int64, rawURL string) (*store.Job, bool, error) {
	nj, err := inquest.IngestURLJob(caseID, rawURL)
	if err != nil {
		return nil, false, err
	}
	return st.EnqueueJob(ctx, nj)
}

// EnqueueReanalyse queues a re-analysis of a case within scope, once while
// one with the same scope is waiting or running.
func EnqueueReanalyse(ctx context.Context, st inquest.JobQueue, caseID int64, scope inquest.ContradictionScope) (*store.Job, bool, error) {
	return st.EnqueueJob(ctx, inquest.ReanalyseJob(caseID, scope))
}

// EnqueueBuildStatic queues a static build of a case, once while a build of
// the same case into the same directory is waiting or running.
func EnqueueBuildStatic(ctx context.Context, st inquest.JobQueue, a BuildStaticArgs) (*store.Job, bool, error) {
	if a.CaseID == 0 || a.Slug == "" {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a static build needs a case")
	}
	return st.EnqueueJob(ctx, inquest.BuildStaticJob(a))
}

func checkURL(raw string) error {
	_, err := inquest.IngestURLJob(0, raw)
	return err
}

// ingestURL fetches the URL and ingests it through the same pipeline as
// `inquest ingest`: the source with its bytes archived, then the engine's
// suggestions. A fetch that fails for a reason a retry may cure (the site is
// down, a timeout) is retried; a URL that can never be fetched is not. Its
// result names the source: the one made, or the one the case already held
// with the same bytes, so that whoever queued the fetch can go to it.
func ingestURL(ctx context.Context, st *store.DB, reader *ingest.Reader, j *Job) error {
	var a IngestURLArgs
	if err := j.Decode(&a); err != nil {
		return err
	}
	if err := checkURL(a.URL); err != nil {
		return Permanent(err)
	}
	if err := j.Progress(ctx, 0, 2); err != nil {
		return err
	}
	doc, err := reader.Read(ctx, a.URL)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.EFORBIDDEN {
			return Permanent(err)
		}
		return err
	}
	if err := j.Progress(ctx, 1, 2); err != nil {
		return err
	}
	p, err := ingest.NewPipeline(ctx, st, a.CaseID)
	if err != nil {
		return err
	}
	src, created, err := p.Ingest(ctx, doc)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.EINVALID {
			return Permanent(err) // the document itself is refused
		}
		return err
	}
	res := inquest.IngestURLJobResult{SourceID: src.ID, AlreadyArchived: !created}
	if src.Version > 1 || src.PreviousID != 0 {
		res.Version, res.PreviousID = src.Version, src.PreviousID
	}
	if err := j.SetResult(res); err != nil {
		return err
	}
	return j.Progress(ctx, 2, 2)
}

// reanalyseJob re-derives the contradictions within the job's scope and
// saves them, keeping the analysts' verdicts; its result counts the
// statements read and the contradictions derived.
func reanalyseJob(ctx context.Context, st *store.DB, j *Job) error {
	var a ReanalyseArgs
	if err := j.Decode(&a); err != nil {
		return err
	}
	if a.CaseID == 0 {
		return Permanent(inquest.Errorf(inquest.EINVALID, "job %d: re-analysis names no case", j.ID))
	}
	if err := j.Progress(ctx, 0, 2); err != nil {
		return err
	}
	res, err := Reanalyse(ctx, st, a.CaseID, a.Scope)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.EINVALID {
			return Permanent(err)
		}
		return err
	}
	if err := j.SetResult(inquest.ReanalyseJobResult{Statements: res.Statements, Contradictions: res.Contradictions}); err != nil {
		return err
	}
	return j.Progress(ctx, 2, 2)
}

// ReanalyseResult says what a re-analysis did.
type ReanalyseResult struct {
	Statements     int           // statements read
	Contradictions int           // contradictions derived within the scope
	Took           time.Duration // reading, deriving and saving
}

// Reanalyse re-derives a case's contradictions within scope and saves them,
// keeping the analysts' verdicts. A change on one claim reads only that
// claim's stances and statements; other scopes read the whole case.
func Reanalyse(ctx context.Context, st *store.DB, caseID int64, scope inquest.ContradictionScope) (ReanalyseResult, error) {
	start := time.Now()
	people, err := st.People(ctx)
	if err != nil {
		return ReanalyseResult{}, err
	}
	rec := analysisRecord{caseID: caseID, people: people}
	if scope.ClaimID != 0 {
		rec.stances, rec.statements, err = st.ClaimStances(ctx, scope.ClaimID)
	} else {
		if rec.statements, err = st.Statements(ctx, inquest.StatementFilter{CaseID: caseID}); err == nil {
			rec.stances, err = st.Stances(ctx, caseID)
		}
	}
	if err != nil {
		return ReanalyseResult{}, fmt.Errorf("re-analyse case %d: %w", caseID, err)
	}
	derived := rec.derive(scope)
	if err := st.SaveContradictions(ctx, caseID, scope, derived); err != nil {
		return ReanalyseResult{}, fmt.Errorf("re-analyse case %d: save contradictions: %w", caseID, err)
	}
	return ReanalyseResult{Statements: len(rec.statements), Contradictions: len(derived), Took: time.Since(start)}, nil
}
