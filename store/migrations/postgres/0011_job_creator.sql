-- 0011: who queued a job (../sqlite/0011_job_creator.sql alike). NULL for
-- the system and the command line, which knows no signed-in user. Deleting
-- a user keeps the jobs they queued, with no creator: the queue's history
-- outlives the account. The index serves that SET NULL, which otherwise
-- scans every job for each user deleted.

ALTER TABLE jobs ADD COLUMN created_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX jobs_created_by ON jobs (created_by);
