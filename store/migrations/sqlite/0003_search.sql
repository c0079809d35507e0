-- 0003: full-text search over sources (title and text). Same numbers in
-- ../postgres/0003_search.sql; the structures differ by nature (an FTS5
-- table here, a tsvector column there) and store/search.go hides that.
-- Both index the first 500,000 characters of a text without stemming
-- (unicode61, remove_diacritics 0; PostgreSQL's 'simple' configuration), so
-- that a query finds the same sources on both; queries match word prefixes.

CREATE VIRTUAL TABLE sources_fts USING fts5(
	title, text,
	content = 'sources', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO sources_fts (rowid, title, text) SELECT id, title, substr(text, 1, 500000) FROM sources;

CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
	INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, substr(new.text, 1, 500000));
END;

CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
	INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, substr(old.text, 1, 500000));
END;

CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources BEGIN
	INSERT INTO sources_fts (sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, substr(old.text, 1, 500000));
	INSERT INTO sources_fts (rowid, title, text) VALUES (new.id, new.title, substr(new.text, 1, 500000));
END;
