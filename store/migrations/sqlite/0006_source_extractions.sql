-- 0006: which engine extracted suggestions from a source, and when. Same
-- numbers and columns in ../postgres/0006_source_extractions.sql. A source
-- without a row here has had no extraction recorded (it was stored by an
-- older version, or without an engine), so ingest extracts it when its bytes
-- come again; the source row itself is never edited. store/suggestions.go
-- writes the row in the transaction that stores the suggestions.

CREATE TABLE source_extractions (
	source_id BIGINT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
	engine TEXT NOT NULL,
	extracted_at TIMESTAMP NOT NULL
);
