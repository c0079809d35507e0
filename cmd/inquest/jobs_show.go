package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "jobs show", summary: "show one background job: state, attempts, progress, what it made, the last error in full, who queued it", run: runJobsShow})
}

func runJobsShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs show", "ID [--format text|json] [--db DSN]")
	dsn := dbFlag(fs, e)
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "jobs show needs one job id (see 'inquest jobs list')")
	}
	id, err := parseID(pos[0], "job")
	if err != nil {
		return inquest.Errorf(inquest.EINVALID, "%s (see 'inquest jobs list')", inquest.ErrorMessage(err))
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	j, err := db.Job(ctx, id)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "there is no job %d (see 'inquest jobs list')", id)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		// The same object as an item of 'jobs list --format json'.
		return json.NewEncoder(e.stdout).Encode(j)
	}
	return writeJob(e, j, time.Now())
}

// writeJob writes a job as "field: value" lines, the last error last and in
// full, each of its lines indented, so that a long error reads as a block.
func writeJob(e *env, j *store.Job, now time.Time) error {
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	line := func(k, v string) { fmt.Fprintf(w, "%s:\t%s\n", k, v) }
	at := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	line("id", strconv.FormatInt(j.ID, 10))
	line("kind", j.Kind)
	state := string(j.State)
	if j.CancelRequested && j.State.Active() {
		state += " (asked to stop)"
	}
	line("state", state)
	line("attempt", fmt.Sprintf("%d/%d", j.Attempt, j.MaxAttempts))
	if j.ProgressTotal > 0 {
		line("progress", fmt.Sprintf("%d/%d", j.ProgressDone, j.ProgressTotal))
	}
	line("args", string(j.Args))
	line("queued by", queuedBy(j))
	line("queued at", at(j.CreatedAt))
	if j.State == store.JobQueued && j.RunAt.After(now) {
		if j.Attempt > 0 {
			line("next try", at(j.RunAt))
		} else {
			line("not before", at(j.RunAt))
		}
	}
	if j.LockedBy != "" {
		line("worker", j.LockedBy+", lease until "+at(j.LockedUntil))
	}
	if !j.StartedAt.IsZero() {
		line("started at", at(j.StartedAt))
	}
	if !j.FinishedAt.IsZero() {
		line("finished at", at(j.FinishedAt))
	}
	if len(j.Result) > 0 {
		line("result", jobResultText(j))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if j.LastError != "" {
		fmt.Fprintf(e.stdout, "last error:\n    %s\n", strings.ReplaceAll(strings.TrimRight(j.LastError, "\n"), "\n", "\n    "))
	}
	return nil
}

// jobResultText is a done job's result in words: the source a fetch made
// (and the command that shows it), a re-analysis's counts, what a build
// wrote and where. A result of another kind or shape is printed as stored.
func jobResultText(j *store.Job) string {
	raw := string(j.Result)
	switch j.Kind {
	case inquest.JobIngestURL:
		var r inquest.IngestURLJobResult
		if json.Unmarshal(j.Result, &r) != nil || r.SourceID <= 0 {
			return raw
		}
		how := "archived by this job"
		if r.AlreadyArchived {
			how = "already archived"
		}
		if r.PreviousID != 0 {
			how += fmt.Sprintf("; version %d, the previous is source %d", r.Version, r.PreviousID)
		}
		return fmt.Sprintf("source %d, %s (see 'inquest sources show %d')", r.SourceID, how, r.SourceID)
	case inquest.JobReanalyse:
		var r inquest.ReanalyseJobResult
		if json.Unmarshal(j.Result, &r) != nil {
			return raw
		}
		return fmt.Sprintf("%d statements read, %d contradictions derived", r.Statements, r.Contradictions)
	case inquest.JobBuildStatic:
		var r inquest.BuildStaticJobResult
		if json.Unmarshal(j.Result, &r) != nil {
			return raw
		}
		return fmt.Sprintf("%d pages and %d other files (%d bytes) written to %s", r.Pages, r.Files, r.Bytes, r.Dir)
	}
	return raw
}
