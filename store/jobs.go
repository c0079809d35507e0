package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// This file keeps the durable job queue: the rows that package jobs claims,
// runs and finishes. The queue is a table of the record itself, so a job
// enqueued by one process is seen by every worker on the same database, and
// a job survives a restart. How jobs are run (handlers, backoff, heartbeats)
// is package jobs' business; here is only what must be atomic.

// The queue's types are the domain's (inquest.Job and its kin, see
// job_service.go at the root), so that *DB is an inquest.JobQueue and the
// web reaches the queue without importing this package.
type (
	JobState  = inquest.JobState
	Job       = inquest.Job
	NewJob    = inquest.NewJob
	JobLease  = inquest.JobLease
	JobFilter = inquest.JobFilter
)

var _ inquest.JobQueue = (*DB)(nil)

// Job states. Queued and running jobs are active; the others are final.
const (
	JobQueued    = inquest.JobQueued
	JobRunning   = inquest.JobRunning
	JobDone      = inquest.JobDone
	JobFailed    = inquest.JobFailed
	JobCancelled = inquest.JobCancelled
)

// ErrLeaseLost is returned (as ECONFLICT) when a worker updates a job it no
// longer holds: its lease ran out and the job was claimed again or finished.
var ErrLeaseLost = &inquest.Error{Code: inquest.ECONFLICT, Message: "the job's lease ran out and another worker holds it now"}

// jobTableColumns are the columns of jobs a Job is read from; jobColumns
// adds the name of the user who queued the job, looked up by a correlated
// subquery rather than a join so that the same list serves SELECT and
// RETURNING alike (a RETURNING clause cannot join). It reads the user by
// primary key, once per job returned.
const (
	jobTableColumns = `id, kind, args, unique_key, state, attempt, max_attempts, run_at, locked_by, locked_until,
	cancel_requested, last_error, progress_done, progress_total, created_at, started_at, finished_at, created_by, result`
	jobCreatorName = `(SELECT users.name FROM users WHERE users.id = jobs.created_by)`
	jobColumns     = jobTableColumns + ", " + jobCreatorName
)

// EnqueueJob adds a job. With a UniqueKey that an active job already has,
// nothing is added and that job is returned with created=false.
func (db *DB) EnqueueJob(ctx context.Context, nj NewJob) (job *Job, created bool, err error) {
	if strings.TrimSpace(nj.Kind) == "" {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a job needs a kind")
	}
	if nj.MaxAttempts < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "job %s: max attempts %d is negative", nj.Kind, nj.MaxAttempts)
	}
	if nj.MaxAttempts == 0 {
		nj.MaxAttempts = 5
	}
	if nj.CreatedBy < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "job %s: user id %d is negative; use 0 for a job the system queues", nj.Kind, nj.CreatedBy)
	}
	args := []byte("{}")
	if nj.Args != nil {
		if args, err = json.Marshal(nj.Args); err != nil {
			return nil, false, inquest.Errorf(inquest.EINVALID, "job %s: arguments cannot be written as JSON: %v", nj.Kind, err)
		}
	}
	at := now()
	runAt := nj.RunAt
	if runAt.IsZero() || runAt.Before(at) {
		runAt = at
	}
	// The unique index covers only active jobs, so a finished job frees its
	// key between our insert and our look-up; then we simply try again.
	for range 5 {
		err = db.inTx(ctx, func(t *tx) error {
			d := t.db.dialect
			row := t.row(ctx, `INSERT INTO jobs (kind, args, unique_key, state, attempt, max_attempts, run_at, created_at, created_by)
				VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING `+jobColumns,
				nj.Kind, string(args), nj.UniqueKey, string(JobQueued), nj.MaxAttempts, d.ts(runAt), d.ts(at), nullID(nj.CreatedBy))
			j, err := scanJob(row)
			if err == nil {
				job, created = j, true
				return nil
			}
			if classify(err) == errForeignKey {
				return inquest.Errorf(inquest.EINVALID, "job %s: user %d, who would have queued it, does not exist", nj.Kind, nj.CreatedBy)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return domainError(err, "job "+nj.Kind)
			}
			j, err = scanJob(t.row(ctx, "SELECT "+jobColumns+" FROM jobs WHERE unique_key = ? AND state IN (?, ?)",
				nj.UniqueKey, string(JobQueued), string(JobRunning)))
			if err != nil {
				return err
			}
			job, created = j, false
			return nil
		})
		if !errors.Is(err, sql.ErrNoRows) {
			break
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("enqueue job %s: %w", nj.Kind, err)
	}
	return job, created, nil
}

// ClaimJobs takes up to n jobs of the given kinds (all kinds when none are
// given) for worker, each with a lease of the given length: queued jobs that
// are due, oldest first, and running jobs whose lease ran out (their worker
// died). Each claimed job is running, its attempt one higher. A job whose
// lease ran out on its last attempt is failed instead of claimed again, so
// that a job that kills its worker cannot kill every worker in turn.
//
// No job is claimed twice: on PostgreSQL the rows are locked with FOR UPDATE
// SKIP LOCKED, so concurrent workers take different jobs without waiting;
// on SQLite every write goes through one writer and an IMMEDIATE
// transaction, and the UPDATE re-checks the state of each row it takes.
func (db *DB) ClaimJobs(ctx context.Context, worker string, kinds []string, n int, lease time.Duration) ([]*Job, error) {
	if worker == "" || n <= 0 || lease <= 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "claim jobs: need a worker name, a count and a lease")
	}
	at := now()
	d := db.dialect
	kindWhere, kindArgs := "", []any{}
	if len(kinds) > 0 {
		kindWhere = " AND kind IN (?" + strings.Repeat(", ?", len(kinds)-1) + ")"
		for _, k := range kinds {
			kindArgs = append(kindArgs, k)
		}
	}
	claimable := `((state = ? AND run_at <= ?) OR (state = ? AND locked_until < ?))` + kindWhere
	claimArgs := append([]any{string(JobQueued), d.ts(at), string(JobRunning), d.ts(at)}, kindArgs...)

	// Most polls find nothing; asking the read pool first keeps idle workers
	// off the single SQLite writer.
	var one int
	err := db.reader().row(ctx, "SELECT 1 FROM jobs WHERE "+claimable+" LIMIT 1", claimArgs...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look for jobs: %w", err)
	}

	var out []*Job
	err = db.inTx(ctx, func(t *tx) error {
		out = nil
		// Jobs whose worker died on their last attempt fail here.
		if _, err := t.exec(ctx, `UPDATE jobs SET state = ?, finished_at = ?, locked_by = '', locked_until = NULL,
				last_error = CASE WHEN last_error = '' THEN ? ELSE last_error || ?  END
			WHERE state = ? AND locked_until < ? AND attempt >= max_attempts`+kindWhere,
			append([]any{string(JobFailed), d.ts(at), "its worker stopped during the last attempt", "; then its worker stopped during the last attempt",
				string(JobRunning), d.ts(at)}, kindArgs...)...); err != nil {
			return fmt.Errorf("fail abandoned jobs: %w", err)
		}
		sets := `SET state = ?, attempt = attempt + 1, locked_by = ?, locked_until = ?, started_at = ?, progress_done = 0, progress_total = 0`
		setArgs := []any{string(JobRunning), worker, d.ts(at.Add(lease)), d.ts(at)}
		var rows *sql.Rows
		var err error
		if d == dialectPostgres {
			// The CTE is materialised once: as a plain IN (subquery) the
			// planner may run the SKIP LOCKED scan more than once and take
			// more rows than asked, or rows another worker has just locked.
			args := append(append(append([]any{}, claimArgs...), n), setArgs...)
			rows, err = t.query(ctx, `WITH next AS MATERIALIZED (
					SELECT id FROM jobs WHERE `+claimable+` ORDER BY run_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
				UPDATE jobs `+sets+` FROM next WHERE jobs.id = next.id RETURNING `+prefixJobColumns("jobs."), args...)
		} else {
			// One writer at a time: the rows chosen are still claimable
			// when updated; the state is checked again all the same.
			args := append(append(append(append([]any{}, setArgs...), claimArgs...), n), claimArgs...)
			rows, err = t.query(ctx, `UPDATE jobs `+sets+`
				WHERE id IN (SELECT id FROM jobs WHERE `+claimable+` ORDER BY run_at, id LIMIT ?)
				AND `+claimable+` RETURNING `+jobColumns, args...)
		}
		if err != nil {
			return fmt.Errorf("claim jobs: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			j, err := scanJob(rows)
			if err != nil {
				return err
			}
			out = append(out, j)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ExtendJobLease renews the lease of a running job for another lease and
// reports whether someone asked to cancel it. ErrLeaseLost if the worker no
// longer holds the job.
func (db *DB) ExtendJobLease(ctx context.Context, l JobLease, lease time.Duration) (cancelRequested bool, err error) {
	d := db.dialect
	err = db.inTx(ctx, func(t *tx) error {
		return t.row(ctx, `UPDATE jobs SET locked_until = ? WHERE id = ? AND locked_by = ? AND attempt = ? AND state = ?
			RETURNING cancel_requested`, d.ts(now().Add(lease)), l.ID, l.Worker, l.Attempt, string(JobRunning)).Scan(&cancelRequested)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("job %d: %w", l.ID, ErrLeaseLost)
	}
	if err != nil {
		return false, fmt.Errorf("extend lease of job %d: %w", l.ID, err)
	}
	return cancelRequested, nil
}

// SetJobProgress records how far a running job has got (done of total) and
// reports whether someone asked to cancel it. ErrLeaseLost.
func (db *DB) SetJobProgress(ctx context.Context, l JobLease, done, total int64) (cancelRequested bool, err error) {
	err = db.inTx(ctx, func(t *tx) error {
		return t.row(ctx, `UPDATE jobs SET progress_done = ?, progress_total = ? WHERE id = ? AND locked_by = ? AND attempt = ? AND state = ?
			RETURNING cancel_requested`, done, total, l.ID, l.Worker, l.Attempt, string(JobRunning)).Scan(&cancelRequested)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("job %d: %w", l.ID, ErrLeaseLost)
	}
	if err != nil {
		return false, fmt.Errorf("record progress of job %d: %w", l.ID, err)
	}
	return cancelRequested, nil
}

// FinishJob ends a claim of a running job:
//   - runErr nil: the job is done, with result as what it made (nil for
//     nothing); see checkJobResult.
//   - cancelled: the job is cancelled (its handler stopped on request).
//   - retryAt set and attempts left: the job is queued again for retryAt
//     with runErr as its last error.
//   - otherwise: the job failed, with runErr as its last error.
//
// A job that does not end done keeps no result: result is written only
// with the state done, in the same update, so that it is never seen
// beside another state and a worker that lost its lease writes none.
//
// It returns the job as it now stands. ErrLeaseLost if the worker no longer
// holds the job: then the job's fate belongs to whoever does. EINVALID for
// a result that is not a small JSON object; the job is then left running,
// as the worker holds it, for the worker to finish otherwise.
func (db *DB) FinishJob(ctx context.Context, l JobLease, runErr error, cancelled bool, retryAt time.Time, result json.RawMessage) (*Job, error) {
	res, err := checkJobResult(l.ID, result)
	if err != nil {
		return nil, err
	}
	at := now()
	d := db.dialect
	var job *Job
	err = db.inTx(ctx, func(t *tx) error {
		var attempt, maxAttempts int
		err := t.row(ctx, "SELECT attempt, max_attempts FROM jobs WHERE id = ? AND locked_by = ? AND attempt = ? AND state = ?",
			l.ID, l.Worker, l.Attempt, string(JobRunning)).Scan(&attempt, &maxAttempts)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrLeaseLost
		}
		if err != nil {
			return err
		}
		state, msg, runAt, finished, kept := JobDone, "", any(nil), d.ts(at), res
		switch {
		case cancelled:
			state = JobCancelled
			msg = "cancelled while running"
		case runErr == nil:
		case !retryAt.IsZero() && attempt < maxAttempts:
			state, msg, runAt, finished = JobQueued, runErr.Error(), d.ts(retryAt), nil
		default:
			state, msg = JobFailed, runErr.Error()
		}
		if state != JobDone {
			kept = nil
		}
		query := `UPDATE jobs SET state = ?, last_error = CASE WHEN ? = '' THEN last_error ELSE ? END,
			finished_at = ?, locked_by = '', locked_until = NULL, result = ?`
		args := []any{string(state), msg, msg, finished, kept}
		if runAt != nil {
			query += ", run_at = ?"
			args = append(args, runAt)
		}
		job, err = scanJob(t.row(ctx, query+" WHERE id = ? RETURNING "+jobColumns, append(args, l.ID)...))
		return err
	})
	if err != nil {
		if errors.Is(err, ErrLeaseLost) {
			return nil, fmt.Errorf("job %d: %w", l.ID, ErrLeaseLost)
		}
		return nil, fmt.Errorf("finish job %d: %w", l.ID, err)
	}
	return job, nil
}

// CancelJob cancels a job: a queued job at once; a running one is asked to
// stop, which its worker notices at its next heartbeat or progress report.
// It returns the job as it now stands. ENOTFOUND; EINVALID for a job that
// has already finished.
func (db *DB) CancelJob(ctx context.Context, id int64) (*Job, error) {
	at := now()
	var job *Job
	err := db.inTx(ctx, func(t *tx) error {
		j, err := scanJob(t.row(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
		if err != nil {
			return notFound(err, fmt.Sprintf("job %d", id))
		}
		switch j.State {
		case JobQueued:
			job, err = scanJob(t.row(ctx, `UPDATE jobs SET state = ?, finished_at = ?, cancel_requested = ? WHERE id = ? RETURNING `+jobColumns,
				string(JobCancelled), t.db.dialect.ts(at), true, id))
		case JobRunning:
			job, err = scanJob(t.row(ctx, `UPDATE jobs SET cancel_requested = ? WHERE id = ? RETURNING `+jobColumns, true, id))
		default:
			return inquest.Errorf(inquest.EINVALID, "job %d has already finished (%s): there is nothing to cancel", id, j.State)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return job, nil
}

// Job returns one job. ENOTFOUND.
func (db *DB) Job(ctx context.Context, id int64) (*Job, error) {
	j, err := scanJob(db.reader().row(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("job %d", id))
	}
	return j, nil
}

// Jobs lists jobs, newest first.
func (db *DB) Jobs(ctx context.Context, f JobFilter) ([]*Job, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.State != "" {
		where, args = append(where, "state = ?"), append(args, string(f.State))
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, f.Kind)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := db.reader().query(ctx, "SELECT "+jobColumns+" FROM jobs WHERE "+strings.Join(where, " AND ")+
		" ORDER BY id DESC LIMIT ?", append(args, f.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	defer rows.Close()
	var out []*Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// prefixJobColumns qualifies jobColumns with a table name, for queries that
// join jobs with another relation. The creator's name is qualified already.
func prefixJobColumns(prefix string) string {
	cols := strings.Split(jobTableColumns, ",")
	for i, c := range cols {
		cols[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ") + ", " + jobCreatorName
}

func scanJob(r scanner) (*Job, error) {
	j := new(Job)
	var args, state string
	var createdBy sql.NullInt64
	var createdByName, result sql.NullString
	err := r.Scan(&j.ID, &j.Kind, &args, &j.UniqueKey, &state, &j.Attempt, &j.MaxAttempts, scanTime{&j.RunAt},
		&j.LockedBy, scanTime{&j.LockedUntil}, &j.CancelRequested, &j.LastError, &j.ProgressDone, &j.ProgressTotal,
		scanTime{&j.CreatedAt}, scanTime{&j.StartedAt}, scanTime{&j.FinishedAt}, &createdBy, &result, &createdByName)
	if err != nil {
		return nil, err
	}
	j.Args, j.State = json.RawMessage(args), JobState(state)
	if result.Valid {
		j.Result = json.RawMessage(result.String)
	}
	j.CreatedBy, j.CreatedByName = idOf(createdBy), createdByName.String
	return j, nil
}

// maxJobResult bounds a job's result: it says what a job made (a source's
// id, a few counts), not the thing itself, and every read of a job carries
// it.
const maxJobResult = 4 << 10

// checkJobResult returns a job's result as FinishJob stores it: nil for
// none (nil, empty or JSON null), else the JSON object itself. EINVALID for
// anything else, so that every reader may decode a result as an object.
func checkJobResult(id int64, result json.RawMessage) (any, error) {
	trimmed := strings.TrimSpace(string(result))
	if trimmed == "" || trimmed == "null" {
		return nil, nil
	}
	if len(trimmed) > maxJobResult {
		return nil, inquest.Errorf(inquest.EINVALID, "job %d: a result of %d bytes is too long (at most %d): record what the job made, not its content", id, len(trimmed), maxJobResult)
	}
	// PostgreSQL's TEXT takes only UTF-8, which json.Valid does not ask of
	// a string's bytes.
	if !json.Valid([]byte(trimmed)) || trimmed[0] != '{' || !utf8.ValidString(trimmed) {
		return nil, inquest.Errorf(inquest.EINVALID, "job %d: result %.80q is not a JSON object", id, trimmed)
	}
	return trimmed, nil
}
