-- Analysis state beyond the base schema (owned by the analysis layer).

-- A derived contradiction whose stances no longer oppose is kept, not deleted,
-- so that an analyst's verdict survives when the stances come back; active
-- says whether it holds now.
ALTER TABLE contradictions ADD COLUMN active BOOLEAN NOT NULL DEFAULT 1;
-- Re-analysing one statement finds its contradictions on either side.
CREATE INDEX contradictions_claim_b ON contradictions (claim_id, b_statement_id);

-- A measure may count a part of another (security-force deaths of deaths),
-- so that a breakdown can be checked against its total.
ALTER TABLE measures ADD COLUMN part_of BIGINT REFERENCES measures (id);
