// Package jobs runs Inquest's background work — fetching and ingesting URLs,
// re-analysing a case, building the static site — on the durable queue that
// package store keeps in the record's own database, SQLite or PostgreSQL.
//
// A Runner claims due jobs under a lease, runs each with the handler
// registered for its kind, renews the lease while the handler runs (a
// heartbeat), and records the outcome: done, with what the job made (its
// result: the source a fetch archived, a re-analysis's counts, what a build
// wrote), stored in the same update; queued again after an exponential
// backoff with jitter; failed after the last attempt; or cancelled on
// request. Jobs survive restarts: a job whose worker died is
// claimed again once its lease runs out. Several runners, in one process or
// in several `inquest worker` and `inquest serve` processes on one
// PostgreSQL database, share the work without running a job twice.
//
// It owns the runner, the retry policy and the handlers of the job kinds. It
// imports the root package, store (the queue), ingest (fetching) and
// analysis (re-analysis); it must not import web or cmd, which start it.
// The static build renders the web site, so its site builder is handed in
// by the program's wiring (HandlerOptions.BuildSite); this package owns only
// building into a temporary directory and putting the result in place. The
// job types and kinds are the root package's (inquest.JobQueue), so that the
// web queues jobs without importing this package or store.
package jobs
