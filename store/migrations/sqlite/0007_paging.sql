-- 0007: indexes for reading the workspace's long lists a page at a time
-- (store/page_workspace.go). Same numbers and indexes in
-- ../postgres/0007_paging.sql. The review queue takes the newest suggestions
-- of each kind in index order and stops at the page, instead of sorting
-- every suggestion of the case; a stance is ordered by its statement.

CREATE INDEX statements_case_review_created ON statements (case_id, review, created_at, source_id, id);
CREATE INDEX statements_case_created ON statements (case_id, created_at, source_id, id);
CREATE INDEX figures_case_review_created ON figures (case_id, review, created_at, source_id, id);
CREATE INDEX questions_case_review_created ON questions (case_id, review, created_at, source_id, id);
