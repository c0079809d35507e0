-- 0010: stored, indexed text vectors for people and claims. Until now their
-- documents were built at query time (0005), so every search read all the
-- people with their names and aliases and built a vector for each: 15-23 ms
-- for 2,000 people, whatever the query. Here each keeps its vector in a
-- column search, indexed with GIN, rebuilt by triggers whenever the person
-- (name, names per language, aliases) or the claim (text, texts per
-- language) changes, as SQLite's people_fts and claims_fts have been since
-- 0005 (../sqlite/0010_people_claims_search.sql changes nothing). The
-- documents are exactly those store/search_record.go built at query time,
-- so hits and their ranking stay the same.
--
-- A change of names, aliases or texts rebuilds the vector with an update of
-- people or claims, which 0008 counted as a public change (every server then
-- reloads its public record): the two counting triggers now name the columns
-- the public record reads, so that rebuilding search alone counts for
-- nothing. Every update the store makes of a person or a claim sets
-- updated_at, so one that changes anything public still counts.

ALTER TABLE people ADD COLUMN search tsvector;
ALTER TABLE claims ADD COLUMN search tsvector;

-- person_search_doc and claim_search_doc are the documents, of the stored
-- rows but for the person's name or the claim's text, which a trigger on
-- people or claims passes as it is being written.
CREATE FUNCTION person_search_doc(pid BIGINT, person_name TEXT) RETURNS tsvector LANGUAGE sql AS $$
	SELECT to_tsvector('simple'::regconfig, person_name
		|| ' ' || COALESCE((SELECT string_agg(n.name, ' ') FROM person_names n WHERE n.person_id = pid), '')
		|| ' ' || COALESCE((SELECT string_agg(a.alias, ' ') FROM person_aliases a WHERE a.person_id = pid), ''))
$$;

CREATE FUNCTION claim_search_doc(cid BIGINT, claim_text TEXT) RETURNS tsvector LANGUAGE sql AS $$
	SELECT to_tsvector('simple'::regconfig, claim_text
		|| ' ' || COALESCE((SELECT string_agg(t.text, ' ') FROM claim_texts t WHERE t.claim_id = cid), ''))
$$;

-- A person or claim written: its own row gets its vector before it is stored.
CREATE FUNCTION people_search_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.search := person_search_doc(NEW.id, NEW.name);
	RETURN NEW;
END
$$;

CREATE FUNCTION claims_search_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.search := claim_search_doc(NEW.id, NEW.text);
	RETURN NEW;
END
$$;

-- A name, alias or text written or removed: the person's or claim's vector
-- is rebuilt, of the old one and the new one when an update moves the row
-- (a person deleted meanwhile, by a cascade, is simply not found).
CREATE FUNCTION person_parts_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE people SET search = person_search_doc(id, name) WHERE id = OLD.person_id;
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id IS DISTINCT FROM OLD.person_id) THEN
		UPDATE people SET search = person_search_doc(id, name) WHERE id = NEW.person_id;
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION claim_texts_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE claims SET search = claim_search_doc(id, text) WHERE id = OLD.claim_id;
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.claim_id IS DISTINCT FROM OLD.claim_id) THEN
		UPDATE claims SET search = claim_search_doc(id, text) WHERE id = NEW.claim_id;
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER people_search_set BEFORE INSERT OR UPDATE OF name ON people
	FOR EACH ROW EXECUTE FUNCTION people_search_set();
CREATE TRIGGER claims_search_set BEFORE INSERT OR UPDATE OF text ON claims
	FOR EACH ROW EXECUTE FUNCTION claims_search_set();
CREATE TRIGGER person_names_search_refresh AFTER INSERT OR UPDATE OR DELETE ON person_names
	FOR EACH ROW EXECUTE FUNCTION person_parts_search_refresh();
CREATE TRIGGER person_aliases_search_refresh AFTER INSERT OR UPDATE OR DELETE ON person_aliases
	FOR EACH ROW EXECUTE FUNCTION person_parts_search_refresh();
CREATE TRIGGER claim_texts_search_refresh AFTER INSERT OR UPDATE OR DELETE ON claim_texts
	FOR EACH ROW EXECUTE FUNCTION claim_texts_search_refresh();

DROP TRIGGER people_public_epoch ON people;
CREATE TRIGGER people_public_epoch_delete AFTER DELETE ON people FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER people_public_epoch_update AFTER UPDATE OF id, slug, kind, name, private, note, created_at, updated_at ON people
	FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
DROP TRIGGER claims_public_epoch ON claims;
CREATE TRIGGER claims_public_epoch_delete AFTER DELETE ON claims FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER claims_public_epoch_update AFTER UPDATE OF id, case_id, slug, text, private, created_at, updated_at ON claims
	FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();

UPDATE people SET search = person_search_doc(id, name);
UPDATE claims SET search = claim_search_doc(id, text);

CREATE INDEX people_search ON people USING GIN (search);
CREATE INDEX claims_search ON claims USING GIN (search);
ANALYZE people;
ANALYZE claims;
