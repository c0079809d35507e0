-- 0003: full-text search over sources (title and text). Same numbers in
-- ../sqlite/0003_search.sql; the structures differ by nature (a tsvector
-- column here, an FTS5 table there) and store/search.go hides that.
-- Both index the first 500,000 characters of a text without stemming
-- ('simple' here; unicode61 there), so that a query finds the same sources
-- on both; queries match word prefixes. The cap also keeps a tsvector under
-- PostgreSQL's 1 MB limit, so a long report never fails to be stored.

ALTER TABLE sources ADD COLUMN search tsvector GENERATED ALWAYS AS (
	to_tsvector('simple'::regconfig, title || ' ' || left(text, 500000))
) STORED;

CREATE INDEX sources_search ON sources USING GIN (search);
