-- 0001: the whole domain of Inquest. Keep in step with
-- ../postgres/0001_schema.sql: same tables, same columns, same order.
-- Timestamps are TEXT in UTC ('2006-01-02T15:04:05.000000Z'), days are TEXT
-- 'YYYY-MM-DD' or NULL, booleans are 0/1.

CREATE TABLE cases (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	slug TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	background TEXT NOT NULL DEFAULT '',
	languages TEXT NOT NULL DEFAULT '',
	period_from TEXT,
	period_to TEXT,
	public BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

-- The evidence archive: original bytes, content-addressed, in the database
-- itself so that one backup holds everything.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size BIGINT NOT NULL,
	data BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE sources (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	version INTEGER NOT NULL,
	previous_id BIGINT REFERENCES sources (id),
	locator TEXT NOT NULL,
	url TEXT NOT NULL DEFAULT '',
	file_name TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	publisher TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL DEFAULT '',
	published TEXT,
	retrieved_at TIMESTAMP NOT NULL,
	sha256 TEXT NOT NULL REFERENCES blobs (sha256),
	size BIGINT NOT NULL,
	content_type TEXT NOT NULL DEFAULT '',
	headers TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',
	text_sha256 TEXT NOT NULL,
	private BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (case_id, sha256),
	UNIQUE (case_id, locator, version)
);
CREATE INDEX sources_previous ON sources (previous_id);
CREATE INDEX sources_sha256 ON sources (sha256);

-- Actors: people and organisations.
CREATE TABLE people (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	slug TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT 'person',
	name TEXT NOT NULL,
	private BOOLEAN NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX people_name ON people (name);

CREATE TABLE person_names (
	person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	lang TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (person_id, lang)
);
CREATE INDEX person_names_name ON person_names (name);

CREATE TABLE person_aliases (
	person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	alias TEXT NOT NULL,
	PRIMARY KEY (person_id, ord)
);
CREATE INDEX person_aliases_alias ON person_aliases (alias);

CREATE TABLE positions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	title TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	from_date TEXT,
	to_date TEXT,
	approximate BOOLEAN NOT NULL DEFAULT 0,
	UNIQUE (person_id, ord)
);
CREATE INDEX positions_title ON positions (title);

CREATE TABLE position_aliases (
	position_id BIGINT NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	alias TEXT NOT NULL,
	PRIMARY KEY (position_id, ord)
);
CREATE INDEX position_aliases_alias ON position_aliases (alias);

CREATE TABLE claims (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	slug TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	private BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (case_id, slug)
);

CREATE TABLE claim_texts (
	claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	lang TEXT NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (claim_id, lang)
);

CREATE TABLE statements (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	source_id BIGINT NOT NULL REFERENCES sources (id),
	person_id BIGINT REFERENCES people (id),
	speaker_name TEXT NOT NULL DEFAULT '',
	speaker_role TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	start_pos INTEGER NOT NULL,
	end_pos INTEGER NOT NULL,
	context TEXT NOT NULL DEFAULT '',
	said_on TEXT,
	venue TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL DEFAULT '',
	origin TEXT NOT NULL,
	review TEXT NOT NULL,
	confidence REAL NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	reviewed_by TEXT NOT NULL DEFAULT '',
	reviewed_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (source_id, start_pos, end_pos)
);
CREATE INDEX statements_case_review ON statements (case_id, review);
CREATE INDEX statements_person_said ON statements (person_id, said_on);
CREATE INDEX statements_case_said ON statements (case_id, said_on);

CREATE TABLE statement_translations (
	statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
	lang TEXT NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (statement_id, lang)
);

CREATE TABLE stances (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	statement_id BIGINT NOT NULL REFERENCES statements (id),
	claim_id BIGINT NOT NULL REFERENCES claims (id),
	stance TEXT NOT NULL,
	review TEXT NOT NULL,
	confidence REAL NOT NULL DEFAULT 0,
	decided_by TEXT NOT NULL DEFAULT '',
	decided_at TIMESTAMP,
	note TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (statement_id, claim_id)
);
CREATE INDEX stances_claim ON stances (claim_id, stance);

CREATE TABLE contradictions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	claim_id BIGINT NOT NULL REFERENCES claims (id),
	kind TEXT NOT NULL,
	a_statement_id BIGINT NOT NULL REFERENCES statements (id),
	b_statement_id BIGINT NOT NULL REFERENCES statements (id),
	degree TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'suggested',
	note TEXT NOT NULL DEFAULT '',
	decided_by TEXT NOT NULL DEFAULT '',
	decided_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (claim_id, a_statement_id, b_statement_id)
);
CREATE INDEX contradictions_case_status ON contradictions (case_id, status);

CREATE TABLE measures (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (case_id, slug)
);

CREATE TABLE figures (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	source_id BIGINT NOT NULL REFERENCES sources (id),
	statement_id BIGINT REFERENCES statements (id),
	measure_id BIGINT REFERENCES measures (id),
	measure TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	value REAL NOT NULL,
	value_max REAL NOT NULL DEFAULT 0,
	qualifier TEXT NOT NULL DEFAULT '',
	as_of TEXT,
	claimant_id BIGINT REFERENCES people (id),
	claimant_name TEXT NOT NULL DEFAULT '',
	start_pos INTEGER NOT NULL,
	end_pos INTEGER NOT NULL,
	review TEXT NOT NULL,
	confidence REAL NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (source_id, start_pos, end_pos)
);
CREATE INDEX figures_case_as_of ON figures (case_id, as_of);
CREATE INDEX figures_measure ON figures (measure_id, as_of);

CREATE TABLE questions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	source_id BIGINT REFERENCES sources (id),
	statement_id BIGINT REFERENCES statements (id),
	text TEXT NOT NULL,
	asker_id BIGINT REFERENCES people (id),
	asker_name TEXT NOT NULL DEFAULT '',
	addressee_id BIGINT REFERENCES people (id),
	addressee_name TEXT NOT NULL DEFAULT '',
	asked_on TEXT,
	venue TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	answer_statement_id BIGINT REFERENCES statements (id),
	start_pos INTEGER NOT NULL DEFAULT 0,
	end_pos INTEGER NOT NULL DEFAULT 0,
	review TEXT NOT NULL,
	confidence REAL NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (source_id, start_pos, end_pos)
);
CREATE INDEX questions_case_asked ON questions (case_id, asked_on);
CREATE INDEX questions_addressee ON questions (addressee_id, status);

CREATE TABLE events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	on_date TEXT,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	private BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX events_case_on ON events (case_id, on_date);

CREATE TABLE event_sources (
	event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	source_id BIGINT NOT NULL REFERENCES sources (id),
	PRIMARY KEY (event_id, source_id)
);
CREATE INDEX event_sources_source ON event_sources (source_id);

CREATE TABLE chapters (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id BIGINT NOT NULL REFERENCES cases (id),
	number INTEGER NOT NULL,
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'draft',
	version INTEGER NOT NULL DEFAULT 1,
	published_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (case_id, number),
	UNIQUE (case_id, slug)
);

-- Every published version of a chapter, kept for its public history.
CREATE TABLE chapter_versions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	chapter_id BIGINT NOT NULL REFERENCES chapters (id),
	version INTEGER NOT NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	status TEXT NOT NULL,
	author TEXT NOT NULL DEFAULT '',
	published_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (chapter_id, version)
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL,
	password_hash TEXT NOT NULL DEFAULT '',
	disabled BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);

-- Sessions and API tokens are stored by the SHA-256 of their secret, so a
-- copy of the database does not let anyone sign in.
CREATE TABLE sessions (
	token_sha256 TEXT PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL,
	last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	token_sha256 TEXT NOT NULL UNIQUE,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP,
	last_used_at TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Append-only and hash-chained; ids are assigned by the store in order, not
-- by the database, because each entry's hash covers its id.
CREATE TABLE audit_log (
	id BIGINT PRIMARY KEY,
	actor TEXT NOT NULL,
	at TIMESTAMP NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id BIGINT NOT NULL,
	before TEXT NOT NULL DEFAULT '',
	after TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
