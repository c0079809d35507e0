package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// This file holds every difference between SQLite and PostgreSQL that the
// store's SQL has to know about. Everything else is shared:
//
//   - The SQL is written once with ? placeholders; rebind turns them into
//     $1, $2, … for PostgreSQL.
//   - Both support INSERT … ON CONFLICT (…) DO UPDATE/NOTHING and RETURNING,
//     so upserts and generated ids need no dialect code.
//   - Column types (INTEGER PRIMARY KEY AUTOINCREMENT vs identity, BLOB vs
//     BYTEA, TIMESTAMP stored as text vs TIMESTAMPTZ) live in the two sets of
//     migrations, numbered alike and checked for equivalence by a test.
//   - ORDER BY x IS NULL, x puts unknown dates last on both, since the two
//     disagree on where NULLs sort by default.
//   - Full-text search is an FTS5 table on SQLite and a tsvector column on
//     PostgreSQL (migrations 0003 and 0005); searchCandidates and ftsFrom
//     write the query for each, and SearchRecord is the one method over both.

// dialect names one of the two supported databases.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

func (d dialect) String() string {
	if d == dialectPostgres {
		return "postgres"
	}
	return "sqlite"
}

// rebind rewrites the ? placeholders of q for the dialect. The store's SQL
// never contains a literal question mark, so a plain scan suffices.
func (d dialect) rebind(q string) string {
	if d != dialectPostgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// statementStands is the condition that the statement whose id is the SQL
// expression id (a stance's "st.statement_id", a statement's "s.id") is
// not rejected. It asks the partial index statements_rejected (migration
// 0012), which holds a tenth of the statements and stays in the page
// cache, instead of the table of statements, whose rows are whole
// quotations. PostgreSQL's planner picks that index on its own; SQLite
// looks a rowid up in the table unless told (INDEXED BY). The literal must
// be the index's own condition for either to use it.
func (d dialect) statementStands(id string) string {
	from := "statements r"
	if d == dialectSQLite {
		from += " INDEXED BY statements_rejected"
	}
	return "NOT EXISTS (SELECT 1 FROM " + from + " WHERE r.id = " + id + " AND r.review = '" + string(inquest.Rejected) + "')"
}

// timeLayout is how SQLite stores timestamps: UTC, fixed width to the
// microsecond, so that text order is time order. PostgreSQL's TIMESTAMPTZ
// holds microseconds too, so a time round-trips identically on both, which
// the audit chain depends on (its hash covers the entry's time).
const timeLayout = "2006-01-02T15:04:05.000000Z"

// now returns the current time as the store records it: UTC, microseconds.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// ts returns t as a query argument for a timestamp column, or NULL for the
// zero time.
func (d dialect) ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	t = t.UTC().Truncate(time.Microsecond)
	if d == dialectPostgres {
		return t
	}
	return t.Format(timeLayout)
}

// scanTime reads a timestamp column of either dialect: a time.Time from pgx
// (or from modernc when it parses the declared TIMESTAMP type itself), or the
// text that SQLite holds. NULL gives the zero time.
type scanTime struct{ t *time.Time }

func (s scanTime) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*s.t = time.Time{}
	case time.Time:
		*s.t = v.UTC()
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	default:
		return fmt.Errorf("timestamp column holds %T", v)
	}
	return nil
}

func (s scanTime) parse(v string) error {
	for _, layout := range []string{timeLayout, time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			*s.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("timestamp %q is in no known layout", v)
}

// lockAudit serialises appends to the audit chain for the rest of tx, so that
// two writers cannot both append after the same entry and fork the chain.
// SQLite needs nothing: every write transaction of the process goes through
// one connection and begins IMMEDIATE, which already excludes other writers,
// including other processes. PostgreSQL takes a transaction-scoped advisory
// lock, held until commit, which also serialises several server instances.
func (d dialect) lockAudit(ctx context.Context, tx *sql.Tx) error {
	if d != dialectPostgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, advisoryLock, auditLockKey)
	return err
}

// lockMigrations serialises migrations between processes that open the same
// PostgreSQL database at once. On SQLite the IMMEDIATE transaction does it.
func (d dialect) lockMigrations(ctx context.Context, tx *sql.Tx) error {
	if d != dialectPostgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, advisoryLock, migrationLockKey)
	return err
}

// Advisory lock keys: arbitrary constants, unique to Inquest ("IN" + n).
// The lock is taken per schema, so that records kept in separate schemas of
// one database (several workspaces, or parallel tests) do not wait on each
// other.
const (
	auditLockKey     int32 = 0x494e01
	migrationLockKey int32 = 0x494e02
	advisoryLock           = "SELECT pg_advisory_xact_lock($1::int4, hashtext(current_schema()))"
)

// migrationsTable is the DDL of the table that records applied migrations.
// It is created before any numbered migration runs, so it cannot be one.
func (d dialect) migrationsTable() string {
	if d == dialectPostgres {
		return `CREATE TABLE IF NOT EXISTS schema_migrations (
	version BIGINT PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TIMESTAMPTZ NOT NULL
)`
	}
	return `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`
}

// errorKind classifies a driver error by its code, never by message text.
type errorKind int

const (
	errOther      errorKind = iota
	errUnique               // a unique or primary key constraint
	errForeignKey           // a row refers to one that does not exist
	errCheck                // a CHECK or NOT NULL constraint
	errBusy                 // SQLite could not get a lock in time
)

// classify returns what kind of failure err is, from the driver's code.
func classify(err error) errorKind {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return errUnique
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return errForeignKey
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return errCheck
		}
		switch se.Code() & 0xff { // the primary result code
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return errBusy
		}
		return errOther
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505": // unique_violation
			return errUnique
		case "23503": // foreign_key_violation
			return errForeignKey
		case "23514", "23502": // check_violation, not_null_violation
			return errCheck
		case "22021", "22P05": // a NUL or invalid UTF-8 in text; SQLite stores it
			return errCheck
		}
	}
	return errOther
}

// domainError turns a constraint failure into the domain error a user can act
// on, naming what was being stored; other errors are wrapped unchanged.
func domainError(err error, what string) error {
	if err == nil {
		return nil
	}
	if inquest.ErrorCode(err) != inquest.EINTERNAL {
		return err // already a domain error
	}
	switch classify(err) {
	case errUnique:
		return fmt.Errorf("%s: %w", what, inquest.Errorf(inquest.ECONFLICT, "%s already exists", what))
	case errForeignKey:
		return fmt.Errorf("%s: %w", what, inquest.Errorf(inquest.EINVALID, "%s refers to a case, source, person, statement or claim that does not exist", what))
	case errCheck:
		return fmt.Errorf("%s: %w", what, inquest.Errorf(inquest.EINVALID, "%s has a missing or invalid field: %v", what, err))
	}
	return fmt.Errorf("%s: %w", what, err)
}

// notFound maps sql.ErrNoRows to ENOTFOUND naming what was looked up
// ("source 12"); other errors are wrapped with the same name.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return inquest.Errorf(inquest.ENOTFOUND, "%s does not exist", what)
	}
	return fmt.Errorf("read %s: %w", what, err)
}
