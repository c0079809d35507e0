-- 0005: full-text search over statements, people and claims, beside the
-- sources of 0003. Same number in ../sqlite/0005_record_search.sql. Words are
-- indexed as written ('simple', as 0003); store/search_stem.go stems the
-- query's words and matches them as prefixes, identically on both backends.
-- People and claims are few: their documents are built at query time from
-- their names, aliases and texts, so they need no column here.

ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS (
	to_tsvector('simple'::regconfig, speaker_name || ' ' || text)
) STORED;

CREATE INDEX statements_search ON statements USING GIN (search);
