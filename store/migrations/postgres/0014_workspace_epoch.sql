-- 0014: the counter of changes to what the workspace's kept derivations
-- derive from; see ../sqlite/0014_workspace_epoch.sql for why. As with the
-- public-change counter (0008), the triggers only mark the transaction and
-- the store adds one just before it commits (store/store.go, inTx), so that
-- concurrent writers do not wait for each other on the counter's row.

CREATE TABLE workspace_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	epoch BIGINT NOT NULL
);
INSERT INTO workspace_epoch (id, epoch) VALUES (1, 0);

CREATE FUNCTION mark_workspace_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('inquest.workspace_changed', 'on', true);
	RETURN NULL;
END
$$;

CREATE TRIGGER figures_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON figures FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER measures_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON measures FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER people_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER person_names_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON person_names FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER person_aliases_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON person_aliases FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER statements_workspace_epoch AFTER INSERT OR DELETE ON statements FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER statements_workspace_epoch_speaker AFTER UPDATE OF person_id, speaker_name ON statements FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER sources_workspace_epoch AFTER UPDATE OR DELETE ON sources FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER claims_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON claims FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
CREATE TRIGGER claim_texts_workspace_epoch AFTER INSERT OR UPDATE OR DELETE ON claim_texts FOR EACH STATEMENT EXECUTE FUNCTION mark_workspace_change();
