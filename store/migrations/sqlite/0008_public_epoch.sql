-- 0008: a counter of the changes that may take something off the public site
-- (an update or deletion of anything a public page shows: a source, person,
-- claim, statement, stance, figure, question, event, contradiction, chapter,
-- case). Every server reads it a few times a second and drops its cached
-- public pages when it moves, so that what one instance, or the command
-- line, makes private or rejects leaves every instance's public site at
-- once, not after its cache ages out. Additions never hide anything and do
-- not count. Same number in ../postgres/0008_public_epoch.sql, where the
-- triggers only mark the transaction and store/store.go counts once at
-- commit (a counter row updated by every statement would make concurrent
-- writers wait for each other).

CREATE TABLE public_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	epoch BIGINT NOT NULL
);
INSERT INTO public_epoch (id, epoch) VALUES (1, 0);

CREATE TRIGGER cases_public_epoch_update AFTER UPDATE ON cases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER cases_public_epoch_delete AFTER DELETE ON cases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER sources_public_epoch_update AFTER UPDATE ON sources BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER sources_public_epoch_delete AFTER DELETE ON sources BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER people_public_epoch_update AFTER UPDATE ON people BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER people_public_epoch_delete AFTER DELETE ON people BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_names_public_epoch_update AFTER UPDATE ON person_names BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_names_public_epoch_delete AFTER DELETE ON person_names BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_aliases_public_epoch_update AFTER UPDATE ON person_aliases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER person_aliases_public_epoch_delete AFTER DELETE ON person_aliases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER positions_public_epoch_update AFTER UPDATE ON positions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER positions_public_epoch_delete AFTER DELETE ON positions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER position_aliases_public_epoch_update AFTER UPDATE ON position_aliases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER position_aliases_public_epoch_delete AFTER DELETE ON position_aliases BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claims_public_epoch_update AFTER UPDATE ON claims BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claims_public_epoch_delete AFTER DELETE ON claims BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claim_texts_public_epoch_update AFTER UPDATE ON claim_texts BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER claim_texts_public_epoch_delete AFTER DELETE ON claim_texts BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statements_public_epoch_update AFTER UPDATE ON statements BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statements_public_epoch_delete AFTER DELETE ON statements BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statement_translations_public_epoch_update AFTER UPDATE ON statement_translations BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER statement_translations_public_epoch_delete AFTER DELETE ON statement_translations BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER stances_public_epoch_update AFTER UPDATE ON stances BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER stances_public_epoch_delete AFTER DELETE ON stances BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER contradictions_public_epoch_update AFTER UPDATE ON contradictions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER contradictions_public_epoch_delete AFTER DELETE ON contradictions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER measures_public_epoch_update AFTER UPDATE ON measures BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER measures_public_epoch_delete AFTER DELETE ON measures BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER figures_public_epoch_update AFTER UPDATE ON figures BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER figures_public_epoch_delete AFTER DELETE ON figures BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER questions_public_epoch_update AFTER UPDATE ON questions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER questions_public_epoch_delete AFTER DELETE ON questions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER events_public_epoch_update AFTER UPDATE ON events BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER events_public_epoch_delete AFTER DELETE ON events BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER event_sources_public_epoch_update AFTER UPDATE ON event_sources BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER event_sources_public_epoch_delete AFTER DELETE ON event_sources BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER chapters_public_epoch_update AFTER UPDATE ON chapters BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER chapters_public_epoch_delete AFTER DELETE ON chapters BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER chapter_versions_public_epoch_update AFTER UPDATE ON chapter_versions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
CREATE TRIGGER chapter_versions_public_epoch_delete AFTER DELETE ON chapter_versions BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
