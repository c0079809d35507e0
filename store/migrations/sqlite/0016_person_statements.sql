-- 0016: a person's statements without reading the statements table (../postgres/0016_person_statements.sql alike).
-- A person's workspace page counts their standing statements and lists a
-- page of their ids by day. statements_person_said gave the person's rows
-- but not the statement's id, so PostgreSQL read each statement's row (a
-- whole quotation) to learn it and its review: at a million statements,
-- some 400 rows a person and 60-100 ms when they were not in memory. With
-- the id in the index and the review asked of statements_rejected (0012),
-- neither query reads the table. SQLite's index held the id already (its
-- rowid); the index is the same on both so that the schemas stay alike.

DROP INDEX statements_person_said;
CREATE INDEX statements_person_said ON statements (person_id, said_on, id);
