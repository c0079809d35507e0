-- 0015: what a done job made (../sqlite/0015_job_result.sql alike): a
-- small JSON object whose fields depend on the kind, such as the source a
-- fetch archived, so that the job's page can link to it. NULL for a job
-- that is not done or whose kind reports nothing. store/jobs.go writes it
-- only in the update that marks the job done under the worker's lease, so
-- a worker that lost its lease cannot write one. TEXT, like args: the
-- store reads it back whole and never queries inside it.

ALTER TABLE jobs ADD COLUMN result TEXT;
