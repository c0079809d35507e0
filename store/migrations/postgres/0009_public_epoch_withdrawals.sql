-- 0009: only withdrawals move the public-change count; see
-- ../sqlite/0009_public_epoch_withdrawals.sql for why. The five tables get a
-- row trigger on update, with the condition, beside the statement trigger
-- on deletion.

DROP TRIGGER statements_public_epoch ON statements;
CREATE TRIGGER statements_public_epoch_delete AFTER DELETE ON statements FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER statements_public_epoch_update AFTER UPDATE ON statements FOR EACH ROW WHEN (OLD.review = 'confirmed') EXECUTE FUNCTION mark_public_change();
DROP TRIGGER stances_public_epoch ON stances;
CREATE TRIGGER stances_public_epoch_delete AFTER DELETE ON stances FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER stances_public_epoch_update AFTER UPDATE ON stances FOR EACH ROW WHEN (OLD.review = 'confirmed') EXECUTE FUNCTION mark_public_change();
DROP TRIGGER figures_public_epoch ON figures;
CREATE TRIGGER figures_public_epoch_delete AFTER DELETE ON figures FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER figures_public_epoch_update AFTER UPDATE ON figures FOR EACH ROW WHEN (OLD.review = 'confirmed') EXECUTE FUNCTION mark_public_change();
DROP TRIGGER questions_public_epoch ON questions;
CREATE TRIGGER questions_public_epoch_delete AFTER DELETE ON questions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER questions_public_epoch_update AFTER UPDATE ON questions FOR EACH ROW WHEN (OLD.review = 'confirmed') EXECUTE FUNCTION mark_public_change();
DROP TRIGGER contradictions_public_epoch ON contradictions;
CREATE TRIGGER contradictions_public_epoch_delete AFTER DELETE ON contradictions FOR EACH STATEMENT EXECUTE FUNCTION mark_public_change();
CREATE TRIGGER contradictions_public_epoch_update AFTER UPDATE ON contradictions FOR EACH ROW WHEN (OLD.status = 'confirmed') EXECUTE FUNCTION mark_public_change();
