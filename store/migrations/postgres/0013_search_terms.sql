-- 0013: the words of the full-text indexes of sources and statements
-- (../sqlite/0013_search_terms.sql), with which SQLite expands a search's
-- word prefixes. Nothing to do here: PostgreSQL's GIN index reads the words
-- of a prefix itself. The file keeps the two sets of migrations numbered
-- alike.

SELECT 1;
