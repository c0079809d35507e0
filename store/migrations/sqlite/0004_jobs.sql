-- 0004: durable background jobs (fetching, re-analysis, static builds).
-- Same numbers and columns in ../postgres/0004_jobs.sql. store/jobs.go
-- claims them: through the single writer here, with FOR UPDATE SKIP LOCKED
-- there. A running job holds a lease (locked_by, locked_until); when the
-- lease runs out because its worker died, another worker takes it again.

CREATE TABLE jobs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL,
	args TEXT NOT NULL DEFAULT '{}',
	unique_key TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'queued',
	attempt INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL DEFAULT 5,
	run_at TIMESTAMP NOT NULL,
	locked_by TEXT NOT NULL DEFAULT '',
	locked_until TIMESTAMP,
	cancel_requested BOOLEAN NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	progress_done BIGINT NOT NULL DEFAULT 0,
	progress_total BIGINT NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	started_at TIMESTAMP,
	finished_at TIMESTAMP
);
-- What a worker looks for: queued jobs due, and running jobs whose lease ran out.
CREATE INDEX jobs_state_run_at ON jobs (state, run_at);
CREATE INDEX jobs_state_locked_until ON jobs (state, locked_until);
-- One queued or running job per key: the same URL is not fetched twice at once.
CREATE UNIQUE INDEX jobs_unique_active ON jobs (unique_key) WHERE unique_key <> '' AND state IN ('queued', 'running');
