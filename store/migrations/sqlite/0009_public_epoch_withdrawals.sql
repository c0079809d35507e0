-- 0009: only withdrawals move the public-change count of 0008. Confirming a
-- suggestion (the commonest change an analyst makes) adds to the public
-- site and takes nothing off it, so it need not make every server drop its
-- cached public record (at a million statements, a reload of a minute); an
-- update of a statement, stance, figure or question counts only when it was
-- confirmed before, of a contradiction only when it was confirmed. Other
-- tables count every update and deletion, as in 0008. Same number in
-- ../postgres/0009_public_epoch_withdrawals.sql.

DROP TRIGGER statements_public_epoch_update;
CREATE TRIGGER statements_public_epoch_update AFTER UPDATE ON statements WHEN old.review = 'confirmed' BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
DROP TRIGGER stances_public_epoch_update;
CREATE TRIGGER stances_public_epoch_update AFTER UPDATE ON stances WHEN old.review = 'confirmed' BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
DROP TRIGGER figures_public_epoch_update;
CREATE TRIGGER figures_public_epoch_update AFTER UPDATE ON figures WHEN old.review = 'confirmed' BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
DROP TRIGGER questions_public_epoch_update;
CREATE TRIGGER questions_public_epoch_update AFTER UPDATE ON questions WHEN old.review = 'confirmed' BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
DROP TRIGGER contradictions_public_epoch_update;
CREATE TRIGGER contradictions_public_epoch_update AFTER UPDATE ON contradictions WHEN old.status = 'confirmed' BEGIN UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1; END;
