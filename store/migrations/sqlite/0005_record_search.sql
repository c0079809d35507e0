-- 0005: full-text search over statements, people and claims, beside the
-- sources of 0003. Same number in ../postgres/0005_record_search.sql. Words
-- are indexed as written (unicode61, as 0003); store/search_stem.go stems the
-- query's words and matches them as prefixes, identically on both backends.

CREATE VIRTUAL TABLE statements_fts USING fts5(
	speaker_name, text,
	content = 'statements', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO statements_fts (rowid, speaker_name, text) SELECT id, speaker_name, text FROM statements;

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statements_fts (rowid, speaker_name, text) VALUES (new.id, new.speaker_name, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts (statements_fts, rowid, speaker_name, text) VALUES ('delete', old.id, old.speaker_name, old.text);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF speaker_name, text ON statements BEGIN
	INSERT INTO statements_fts (statements_fts, rowid, speaker_name, text) VALUES ('delete', old.id, old.speaker_name, old.text);
	INSERT INTO statements_fts (rowid, speaker_name, text) VALUES (new.id, new.speaker_name, new.text);
END;

-- A person's document is the canonical name, the names per language and the
-- aliases, rebuilt whenever any of them changes (people are few).
CREATE VIRTUAL TABLE people_fts USING fts5(names, tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
	DELETE FROM people_fts WHERE rowid = new.id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = new.id;
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name ON people BEGIN
	DELETE FROM people_fts WHERE rowid = new.id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = new.id;
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
	DELETE FROM people_fts WHERE rowid = old.id;
END;
CREATE TRIGGER person_names_fts_insert AFTER INSERT ON person_names BEGIN
	DELETE FROM people_fts WHERE rowid = new.person_id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = new.person_id;
END;
CREATE TRIGGER person_names_fts_delete AFTER DELETE ON person_names BEGIN
	DELETE FROM people_fts WHERE rowid = old.person_id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = old.person_id;
END;
CREATE TRIGGER person_aliases_fts_insert AFTER INSERT ON person_aliases BEGIN
	DELETE FROM people_fts WHERE rowid = new.person_id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = new.person_id;
END;
CREATE TRIGGER person_aliases_fts_delete AFTER DELETE ON person_aliases BEGIN
	DELETE FROM people_fts WHERE rowid = old.person_id;
	INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
		|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
		|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.id = old.person_id;
END;
INSERT INTO people_fts (rowid, names) SELECT p.id, p.name
	|| ' ' || COALESCE((SELECT group_concat(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
	|| ' ' || COALESCE((SELECT group_concat(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')
	FROM people p;

-- A claim's document is its English text and its texts in other languages.
CREATE VIRTUAL TABLE claims_fts USING fts5(texts, tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
	DELETE FROM claims_fts WHERE rowid = new.id;
	INSERT INTO claims_fts (rowid, texts) SELECT c.id, c.text
		|| ' ' || COALESCE((SELECT group_concat(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')
		FROM claims c WHERE c.id = new.id;
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
	DELETE FROM claims_fts WHERE rowid = new.id;
	INSERT INTO claims_fts (rowid, texts) SELECT c.id, c.text
		|| ' ' || COALESCE((SELECT group_concat(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')
		FROM claims c WHERE c.id = new.id;
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
	DELETE FROM claims_fts WHERE rowid = old.id;
END;
CREATE TRIGGER claim_texts_fts_insert AFTER INSERT ON claim_texts BEGIN
	DELETE FROM claims_fts WHERE rowid = new.claim_id;
	INSERT INTO claims_fts (rowid, texts) SELECT c.id, c.text
		|| ' ' || COALESCE((SELECT group_concat(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')
		FROM claims c WHERE c.id = new.claim_id;
END;
CREATE TRIGGER claim_texts_fts_delete AFTER DELETE ON claim_texts BEGIN
	DELETE FROM claims_fts WHERE rowid = old.claim_id;
	INSERT INTO claims_fts (rowid, texts) SELECT c.id, c.text
		|| ' ' || COALESCE((SELECT group_concat(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')
		FROM claims c WHERE c.id = old.claim_id;
END;
INSERT INTO claims_fts (rowid, texts) SELECT c.id, c.text
	|| ' ' || COALESCE((SELECT group_concat(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')
	FROM claims c;
