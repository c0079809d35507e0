-- 0014: a counter of the changes to what the workspace's kept derivations
-- derive from (../postgres/0014_workspace_epoch.sql alike). The figures page
-- derives every series and conflict of a case's figures, seconds of
-- processor time at a million statements, and keeps the result between
-- requests. It used to derive again every minute at least, changed or not,
-- which under load held every page of a busy server for half a second;
-- with this counter it derives again only when something it reads has
-- changed, here or in another process: a figure or measure, a person or
-- their names, a statement added, removed or given another speaker, a
-- source edited or removed. The workspace's pages keep a case's claims
-- (five hundred at a million statements, read for every page that offers
-- them) by the same counter, so claims and their texts count too. Review
-- decisions on statements and stances do not count.

CREATE TABLE workspace_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	epoch BIGINT NOT NULL
);
INSERT INTO workspace_epoch (id, epoch) VALUES (1, 0);

CREATE TRIGGER figures_workspace_epoch_insert AFTER INSERT ON figures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER figures_workspace_epoch_update AFTER UPDATE ON figures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER figures_workspace_epoch_delete AFTER DELETE ON figures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER measures_workspace_epoch_insert AFTER INSERT ON measures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER measures_workspace_epoch_update AFTER UPDATE ON measures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER measures_workspace_epoch_delete AFTER DELETE ON measures BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER people_workspace_epoch_insert AFTER INSERT ON people BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER people_workspace_epoch_update AFTER UPDATE ON people BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER people_workspace_epoch_delete AFTER DELETE ON people BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_names_workspace_epoch_insert AFTER INSERT ON person_names BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_names_workspace_epoch_update AFTER UPDATE ON person_names BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_names_workspace_epoch_delete AFTER DELETE ON person_names BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_aliases_workspace_epoch_insert AFTER INSERT ON person_aliases BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_aliases_workspace_epoch_update AFTER UPDATE ON person_aliases BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_aliases_workspace_epoch_delete AFTER DELETE ON person_aliases BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statements_workspace_epoch_insert AFTER INSERT ON statements BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statements_workspace_epoch_speaker AFTER UPDATE OF person_id, speaker_name ON statements WHEN old.person_id IS NOT new.person_id OR old.speaker_name IS NOT new.speaker_name BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statements_workspace_epoch_delete AFTER DELETE ON statements BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER sources_workspace_epoch_update AFTER UPDATE ON sources BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER sources_workspace_epoch_delete AFTER DELETE ON sources BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claims_workspace_epoch_insert AFTER INSERT ON claims BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claims_workspace_epoch_update AFTER UPDATE ON claims BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claims_workspace_epoch_delete AFTER DELETE ON claims BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claim_texts_workspace_epoch_insert AFTER INSERT ON claim_texts BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claim_texts_workspace_epoch_update AFTER UPDATE ON claim_texts BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claim_texts_workspace_epoch_delete AFTER DELETE ON claim_texts BEGIN UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1; END;
