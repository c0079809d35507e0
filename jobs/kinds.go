package jobs

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/store"
)

// Job kinds. The names are stored in the queue: never rename one.
const (
	// KindIngestURL fetches a URL and ingests it into a case (IngestURLArgs).
	KindIngestURL = "ingest.url"
	// KindReanalyse re-derives a case's contradictions, all of them or those
	// one change can affect (ReanalyseArgs).
	KindReanalyse = "analysis.reanalyse"
	// KindBuildStatic builds the static site. Reserved: no handler yet; the
	// builder registers one when it exists.
	KindBuildStatic = "build.static"
)

// IngestURLArgs are the arguments of an ingest.url job.
type IngestURLArgs struct {
	CaseID int64  `json:"case_id"`
	URL    string `json:"url"`
}

// ReanalyseArgs are the arguments of an analysis.reanalyse job. A zero scope
// re-analyses the whole case.
type ReanalyseArgs struct {
	CaseID int64                      `json:"case_id"`
	Scope  inquest.ContradictionScope `json:"scope"`
}

// HandlerOptions configure the built-in handlers.
type HandlerOptions struct {
	// Fetch are the limits of fetching URLs (size, redirects, timeout,
	// private addresses); zero fields take ingest's defaults.
	Fetch ingest.Options
}

// Handlers returns the handlers of the built-in job kinds, working on st.
func Handlers(st *store.DB, opt HandlerOptions) map[string]Handler {
	reader := ingest.NewReader(opt.Fetch)
	return map[string]Handler{
		KindIngestURL: func(ctx context.Context, j *Job) error { return ingestURL(ctx, st, reader, j) },
		KindReanalyse: func(ctx context.Context, j *Job) error { return reanalyseJob(ctx, st, j) },
	}
}

// EnqueueIngestURL queues the fetch of a URL into a case, once: while a fetch
// of the same URL into the same case is queued or running, that job is
// returned instead, with created=false. EINVALID for a URL that is not
// http(s).
func EnqueueIngestURL(ctx context.Context, st *store.DB, caseID int64, rawURL string) (*store.Job, bool, error) {
	if err := checkURL(rawURL); err != nil {
		return nil, false, err
	}
	return st.EnqueueJob(ctx, store.NewJob{Kind: KindIngestURL, Args: IngestURLArgs{CaseID: caseID, URL: rawURL},
		UniqueKey: fmt.Sprintf("%s:%d:%s", KindIngestURL, caseID, rawURL)})
}

// EnqueueReanalyse queues a re-analysis of a case within scope, once while
// one with the same scope is waiting or running.
func EnqueueReanalyse(ctx context.Context, st *store.DB, caseID int64, scope inquest.ContradictionScope) (*store.Job, bool, error) {
	return st.EnqueueJob(ctx, store.NewJob{Kind: KindReanalyse, Args: ReanalyseArgs{CaseID: caseID, Scope: scope},
		UniqueKey: fmt.Sprintf("%s:%d:%d:%d", KindReanalyse, caseID, scope.ClaimID, scope.StatementID)})
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return inquest.Errorf(inquest.EINVALID, "%q is not an http(s) URL; only those can be fetched", raw)
	}
	return nil
}

// ingestURL fetches the URL and ingests it through the same pipeline as
// `inquest ingest`: the source with its bytes archived, then the engine's
// suggestions. A fetch that fails for a reason a retry may cure (the site is
// down, a timeout) is retried; a URL that can never be fetched is not.
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
	if _, _, err := p.Ingest(ctx, doc); err != nil {
		if inquest.ErrorCode(err) == inquest.EINVALID {
			return Permanent(err) // the document itself is refused
		}
		return err
	}
	return j.Progress(ctx, 2, 2)
}

// reanalyseJob re-derives the contradictions within the job's scope and
// saves them, keeping the analysts' verdicts.
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
	if _, err := Reanalyse(ctx, st, a.CaseID, a.Scope); err != nil {
		if inquest.ErrorCode(err) == inquest.EINVALID {
			return Permanent(err)
		}
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
