-- 0012: a claim's stances without reading the statements table (../sqlite/0012_claim_stances.sql alike).
-- A claim's workspace page lists its stances a page at a time and counts
-- them by kind, leaving out rejected stances and the stances of rejected
-- statements. At a million statements a claim has about a thousand
-- stances, and looking each one's statement up in the table of statements
-- (rows of whole quotations, gigabytes at that size) cost 50-140 ms a query.
-- stances_claim_statement holds what those queries read of a stance, in
-- statement order, so the page stops after its first rows; and
-- statements_rejected is the small set of rejected statements (a tenth),
-- which a lookup reads instead of the table. It replaces stances_claim,
-- whose (claim_id, stance) it covers but for the order.

DROP INDEX stances_claim;
CREATE INDEX stances_claim_statement ON stances (claim_id, statement_id, review, stance);
CREATE INDEX statements_rejected ON statements (id) WHERE review = 'rejected';
