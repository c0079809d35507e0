-- 0013: the words of the full-text indexes of sources and statements, to
-- expand a search's word prefixes (store/search_terms.go). Same number in
-- ../postgres/0013_search_terms.sql, which has nothing to add: PostgreSQL's
-- GIN index reads a prefix's words itself.
--
-- FTS5 answers a prefix ("prosecut"*) by merging the whole posting list of
-- every word that starts with it before yielding the first row, 10-20 ms for
-- a common word at a million statements, while a word's own posting list is
-- read lazily: the first 200 rows of "prosecutor" OR "prosecutors" cost
-- about a tenth of a millisecond. These fts5vocab tables list an index's
-- words, so that a prefix can be turned into the words it stands for.
-- They store nothing.

CREATE VIRTUAL TABLE sources_terms USING fts5vocab(sources_fts, 'row');
CREATE VIRTUAL TABLE statements_terms USING fts5vocab(statements_fts, 'row');
