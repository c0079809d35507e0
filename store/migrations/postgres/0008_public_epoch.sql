-- 0008: the public-change counter; see ../sqlite/0008_public_epoch.sql for why.
-- Here the triggers only mark the transaction (a setting local to it), and
-- the store adds one to the counter just before the transaction commits
-- (store/store.go, inTx), so that the counter row is locked for an instant,
-- not for the length of a long write such as a full re-analysis.

CREATE TABLE public_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	epoch BIGINT NOT NULL
);
INSERT INTO public_epoch (id, epoch) VALUES (1, 0);

CREATE FUNCTION mark_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('inquest.public_changed', 'on', true);
	RETURN NULL;
END
$$;

CREATE TRIGGER cases_public_epoch AFTER UPDATE OR DELETE ON cases FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER sources_public_epoch AFTER UPDATE OR DELETE ON sources FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER people_public_epoch AFTER UPDATE OR DELETE ON people FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER person_names_public_epoch AFTER UPDATE OR DELETE ON person_names FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER person_aliases_public_epoch AFTER UPDATE OR DELETE ON person_aliases FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER positions_public_epoch AFTER UPDATE OR DELETE ON positions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER position_aliases_public_epoch AFTER UPDATE OR DELETE ON position_aliases FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER claims_public_epoch AFTER UPDATE OR DELETE ON claims FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER claim_texts_public_epoch AFTER UPDATE OR DELETE ON claim_texts FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER statements_public_epoch AFTER UPDATE OR DELETE ON statements FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER statement_translations_public_epoch AFTER UPDATE OR DELETE ON statement_translations FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER stances_public_epoch AFTER UPDATE OR DELETE ON stances FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER contradictions_public_epoch AFTER UPDATE OR DELETE ON contradictions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER measures_public_epoch AFTER UPDATE OR DELETE ON measures FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER figures_public_epoch AFTER UPDATE OR DELETE ON figures FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER questions_public_epoch AFTER UPDATE OR DELETE ON questions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER events_public_epoch AFTER UPDATE OR DELETE ON events FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER event_sources_public_epoch AFTER UPDATE OR DELETE ON event_sources FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER chapters_public_epoch AFTER UPDATE OR DELETE ON chapters FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER chapter_versions_public_epoch AFTER UPDATE OR DELETE ON chapter_versions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
