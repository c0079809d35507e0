package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

// Handler does the work of one job. It should return when ctx is done
// (the job was cancelled, the runner is stopping, or the lease was lost),
// and report progress with j.Progress when the work is long. Errors marked
// with Permanent fail the job at once; others are retried with backoff until
// the job's attempts are used up.
type Handler func(ctx context.Context, j *Job) error

// Job is a claimed job as its handler sees it.
type Job struct {
	*store.Job
	r      *Runner
	cancel context.CancelCauseFunc

	mu           sync.Mutex
	lastProgress time.Time
	result       json.RawMessage
}

// SetResult records what the job made (a source's id, counts: a small
// JSON object, see inquest.IngestURLJobResult and its kin), to be stored
// with the job when the handler returns without error, in the same update
// that marks it done. A job that fails, is retried or is cancelled keeps
// no result; a later call replaces an earlier one. EINVALID for a value
// that does not marshal to a JSON object.
func (j *Job) SetResult(v any) error {
	b, err := json.Marshal(v)
	if err != nil || len(b) == 0 || b[0] != '{' {
		return Permanent(inquest.Errorf(inquest.EINVALID, "job %d (%s): result %T is not a JSON object (%v)", j.ID, j.Kind, v, err))
	}
	j.mu.Lock()
	j.result = b
	j.mu.Unlock()
	return nil
}

// resultOf is the result the handler set, nil for none.
func (j *Job) resultOf() json.RawMessage {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.result
}

// Decode reads the job's arguments into v. A job whose arguments do not
// decode can never succeed, so the error is permanent.
func (j *Job) Decode(v any) error {
	if err := json.Unmarshal(j.Args, v); err != nil {
		return Permanent(inquest.Errorf(inquest.EINVALID, "job %d (%s): arguments %s: %v", j.ID, j.Kind, j.Args, err))
	}
	return nil
}

// Progress records that done of total steps are complete, at most a few
// times a second (the last step always), and stops the job's context if
// someone asked to cancel it.
func (j *Job) Progress(ctx context.Context, done, total int64) error {
	j.mu.Lock()
	if done < total && time.Since(j.lastProgress) < 200*time.Millisecond {
		j.mu.Unlock()
		return nil
	}
	j.lastProgress = time.Now()
	j.mu.Unlock()
	cancel, err := j.r.st.SetJobProgress(context.WithoutCancel(ctx), j.Lease(), done, total)
	if errors.Is(err, store.ErrLeaseLost) {
		j.cancel(errLeaseLost)
		return err
	}
	if err != nil {
		return err
	}
	if cancel {
		j.cancel(errCancelled)
	}
	j.ProgressDone, j.ProgressTotal = done, total
	return nil
}

// Why a job's context ends, besides the handler finishing.
var (
	errCancelled = errors.New("the job was cancelled")
	errLeaseLost = errors.New("the job's lease was lost to another worker")
	errStopping  = errors.New("the worker is stopping")
)

// Options tune a Runner; zero fields take the defaults.
type Options struct {
	// Concurrency is how many jobs run at once; default 2.
	Concurrency int
	// Lease is how long a claimed job is held without a heartbeat; the
	// heartbeat renews it every third of it. A job whose worker died is
	// taken again this long after the last heartbeat. Default 30 s.
	Lease time.Duration
	// Poll is how often the queue is asked for due jobs when idle; default 1 s.
	Poll time.Duration
	// Worker names this runner in the jobs' locked_by; default
	// host-pid-random, unique per runner.
	Worker string
	// Backoff is the wait before retrying after a failed attempt; default Backoff.
	Backoff func(attempt int) time.Duration
	// StopGrace is how long Stop lets running jobs finish before cancelling
	// them (they are then queued again at once); default 10 s.
	StopGrace time.Duration
	// Logger receives one line per finished job; default discards.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = 2
	}
	if o.Lease <= 0 {
		o.Lease = 30 * time.Second
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.Worker == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		o.Worker = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
	}
	if o.Backoff == nil {
		o.Backoff = Backoff
	}
	if o.StopGrace <= 0 {
		o.StopGrace = 10 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// Runner claims and runs jobs of the kinds it has handlers for.
type Runner struct {
	st       *store.DB
	handlers map[string]Handler
	kinds    []string
	opt      Options

	wake     chan struct{}
	slotFree chan struct{}

	mu       sync.Mutex
	started  bool
	stop     context.CancelFunc // stops claiming
	jobsStop context.CancelCauseFunc
	loopDone chan struct{}
	running  sync.WaitGroup
}

// NewRunner returns a runner over the queue of st with a handler per job
// kind; it claims only jobs of those kinds, so runners with different
// handlers can share one queue.
func NewRunner(st *store.DB, handlers map[string]Handler, opt Options) *Runner {
	h := maps.Clone(handlers)
	return &Runner{st: st, handlers: h, kinds: slices.Sorted(maps.Keys(h)), opt: opt.withDefaults(),
		wake: make(chan struct{}, 1), slotFree: make(chan struct{}, 1)}
}

// Worker returns the name the runner claims jobs under.
func (r *Runner) Worker() string { return r.opt.Worker }

// Start begins claiming and running jobs in the background until ctx is
// done or Stop is called. EINVALID without handlers or when started twice.
func (r *Runner) Start(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.handlers) == 0 {
		return inquest.Errorf(inquest.EINVALID, "job runner has no handlers: nothing to run")
	}
	if r.started {
		return inquest.Errorf(inquest.EINVALID, "job runner %s is already started", r.opt.Worker)
	}
	r.started = true
	loopCtx, stop := context.WithCancel(ctx)
	// Jobs outlive the claiming loop by StopGrace, so they get a context
	// of their own.
	jobsCtx, jobsStop := context.WithCancelCause(context.WithoutCancel(ctx))
	r.stop, r.jobsStop, r.loopDone = stop, jobsStop, make(chan struct{})
	go func() {
		defer close(r.loopDone)
		r.loop(loopCtx, jobsCtx)
	}()
	// The parent context ending stops the runner as Stop would.
	go func() {
		<-loopCtx.Done()
		r.finish()
	}()
	return nil
}

// Stop stops claiming jobs, lets running jobs finish for StopGrace, then
// cancels the rest, which are queued again at once for another worker, and
// returns when all have ended.
func (r *Runner) Stop() {
	r.mu.Lock()
	stop := r.stop
	r.mu.Unlock()
	if stop == nil {
		return
	}
	stop()
	r.finish()
}

func (r *Runner) finish() {
	<-r.loopDone
	done := make(chan struct{})
	go func() { r.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(r.opt.StopGrace):
		r.jobsStop(errStopping)
		<-done
	}
	r.jobsStop(errStopping)
}

// Wake makes the runner look for jobs now instead of at its next poll, for
// a process that has just enqueued one.
func (r *Runner) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

func (r *Runner) loop(ctx, jobsCtx context.Context) {
	var mu sync.Mutex
	busy := 0
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-r.wake:
		case <-r.slotFree:
		}
		for ctx.Err() == nil {
			mu.Lock()
			free := r.opt.Concurrency - busy
			mu.Unlock()
			if free <= 0 {
				break
			}
			claimed, err := r.st.ClaimJobs(ctx, r.opt.Worker, r.kinds, free, r.opt.Lease)
			if err != nil {
				if ctx.Err() == nil {
					r.opt.Logger.Warn("claim jobs", "worker", r.opt.Worker, "err", err)
				}
				break
			}
			for _, sj := range claimed {
				mu.Lock()
				busy++
				mu.Unlock()
				r.running.Add(1)
				go func() {
					defer r.running.Done()
					r.run(jobsCtx, sj)
					mu.Lock()
					busy--
					mu.Unlock()
					select {
					case r.slotFree <- struct{}{}:
					default:
					}
				}()
			}
			if len(claimed) < free {
				break // the queue is empty for now
			}
		}
		timer.Reset(r.opt.Poll)
	}
}

// run runs one claimed job to its end and records the outcome.
func (r *Runner) run(parent context.Context, sj *store.Job) {
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	j := &Job{Job: sj, r: r, cancel: cancel}
	lease := sj.Lease()

	beatDone := make(chan struct{})
	beatStopped := make(chan struct{})
	go func() {
		defer close(beatStopped)
		t := time.NewTicker(r.opt.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-beatDone:
				return
			case <-t.C:
			}
			cancelled, err := r.st.ExtendJobLease(context.WithoutCancel(ctx), lease, r.opt.Lease)
			switch {
			case errors.Is(err, store.ErrLeaseLost):
				cancel(errLeaseLost)
				return
			case err != nil:
				r.opt.Logger.Warn("extend job lease", "job", sj.ID, "err", err)
			case cancelled:
				cancel(errCancelled)
			}
		}
	}()

	start := time.Now()
	err := r.call(ctx, j)
	close(beatDone)
	<-beatStopped

	cause := context.Cause(ctx)
	var cancelled bool
	var retryAt time.Time
	switch {
	case errors.Is(cause, errLeaseLost):
		r.opt.Logger.Warn("job lease lost; another worker runs it", "job", sj.ID, "kind", sj.Kind, "attempt", sj.Attempt)
		return
	case err == nil:
	case errors.Is(cause, errCancelled):
		cancelled = true
	case errors.Is(cause, errStopping):
		retryAt = time.Now() // not the job's fault: run it again at once elsewhere
	case IsPermanent(err):
	default:
		retryAt = time.Now().Add(r.opt.Backoff(sj.Attempt))
	}
	var result json.RawMessage
	if err == nil {
		result = j.resultOf()
	}
	finishCtx, done := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer done()
	stored, ferr := r.st.FinishJob(finishCtx, lease, err, cancelled, retryAt, result)
	if ferr != nil && inquest.ErrorCode(ferr) == inquest.EINVALID && result != nil {
		// The store refused the result (too long, say). The work is done
		// all the same, and failing the job would say it was not: it ends
		// done without a result, and the log says why.
		r.opt.Logger.Warn("job result refused; the job is done without one", "job", sj.ID, "kind", sj.Kind, "err", ferr)
		stored, ferr = r.st.FinishJob(finishCtx, lease, nil, false, time.Time{}, nil)
	}
	if ferr != nil {
		r.opt.Logger.Warn("record job outcome", "job", sj.ID, "kind", sj.Kind, "err", ferr)
		return
	}
	r.opt.Logger.Info("job", "id", sj.ID, "kind", sj.Kind, "attempt", sj.Attempt, "state", stored.State,
		"took", time.Since(start).Round(time.Millisecond), "err", err)
}

// call runs the handler, turning a panic into a permanent error so that one
// bad job cannot take the worker down with the others it runs.
func (r *Runner) call(ctx context.Context, j *Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = Permanent(fmt.Errorf("job %d (%s) panicked: %v", j.ID, j.Kind, p))
		}
	}()
	h := r.handlers[j.Kind]
	if h == nil {
		return Permanent(inquest.Errorf(inquest.EINVALID, "no handler for job kind %q", j.Kind))
	}
	return h(ctx, j)
}
