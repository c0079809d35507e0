package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SchemaOf describes the live schema of db in terms that must agree between
// the dialects: "table.column type null|notnull" for every column, with the
// type reduced to its kind, and the names of the explicitly created indexes.
// The full-text search structures (an FTS5 table on SQLite, a tsvector column
// and GIN index on PostgreSQL, and SQLite's vocabularies of its FTS5
// tables) differ by nature and are left out; the search
// contract test holds them to the same behaviour instead.
func SchemaOf(ctx context.Context, db *DB) (columns, indexes []string, err error) {
	var colQuery, idxQuery string
	if db.dialect == dialectPostgres {
		colQuery = `SELECT table_name, column_name, data_type, is_nullable = 'NO' FROM information_schema.columns
			WHERE table_schema = current_schema() AND data_type <> 'tsvector' ORDER BY table_name, ordinal_position`
		idxQuery = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
			AND indexname NOT LIKE '%\_pkey' AND indexname NOT LIKE '%\_key'
			AND indexdef NOT LIKE '%USING gin%' ORDER BY indexname`
	} else {
		colQuery = `SELECT m.name, p.name, p.type, p."notnull" OR p.pk > 0 FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name NOT LIKE '%\_fts%' ESCAPE '\' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
			ORDER BY m.name, p.cid`
		idxQuery = `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`
	}
	rows, err := db.read.QueryContext(ctx, colQuery)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var table, column, typ string
		var notNull bool
		if err := rows.Scan(&table, &column, &typ, &notNull); err != nil {
			rows.Close()
			return nil, nil, err
		}
		null := "null"
		if notNull {
			null = "notnull"
		}
		columns = append(columns, fmt.Sprintf("%s.%s %s %s", table, column, typeKind(typ), null))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = db.read.QueryContext(ctx, idxQuery)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, nil, err
		}
		indexes = append(indexes, name)
	}
	return columns, indexes, rows.Err()
}

// typeKind maps a column type of either dialect to the kind of value it holds.
func typeKind(t string) string {
	switch strings.ToLower(t) {
	case "integer", "bigint":
		return "int"
	case "text":
		return "text"
	case "blob", "bytea":
		return "bytes"
	case "real", "double precision":
		return "float"
	case "boolean":
		return "bool"
	case "timestamp", "timestamp with time zone":
		return "time"
	}
	return "unknown:" + t
}

// Migrations returns the names of the dialect's migration files, for the test
// that both dialects have the same.
func Migrations(name string) ([]string, error) {
	d := dialectSQLite
	if name == "postgres" {
		d = dialectPostgres
	}
	ms, err := d.migrations()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%04d_%s", m.version, m.name))
	}
	return out, nil
}

// SetSearchWindow makes searches rank at most n newest matches until the
// returned function restores the window, so that a test can exceed it with a
// handful of rows.
func SetSearchWindow(n int) (restore func()) {
	old := searchWindow
	searchWindow = n
	return func() { searchWindow = old }
}

// ForcePostgresSearchPlan makes PostgreSQL searches read the table in order
// ("scan") or take the GIN index ("index") until restore is called.
func ForcePostgresSearchPlan(plan string) (restore func()) {
	old := pgForcePlan
	pgForcePlan = plan
	return func() { pgForcePlan = old }
}

// AgeSession sets the last use of the session of secret back by d, as if
// it had been idle that long.
func AgeSession(ctx context.Context, db *DB, secret string, d time.Duration) error {
	return db.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?", db.dialect.ts(now().Add(-d)), secretHash(secret))
		return err
	})
}

// SessionLastSeen reads the stored last use of the session of secret.
func SessionLastSeen(ctx context.Context, db *DB, secret string) (time.Time, error) {
	var at time.Time
	err := db.reader().row(ctx, "SELECT last_seen_at FROM sessions WHERE token_sha256 = ?", secretHash(secret)).Scan(scanTime{&at})
	return at, err
}
