package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// Migrations are SQL files named NNNN_name.sql, one directory per dialect,
// with the same numbers and names in both. They only ever move forward: a
// released migration is never edited; a change is a new number.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's migrations in order.
func (d dialect) migrations() ([]migration, error) {
	dir := "migrations/" + d.String()
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %s/%s is not named NNNN_name.sql", dir, e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations of %s: expected number %d, found %d (%s)", d, i+1, m.version, m.name)
		}
	}
	return ms, nil
}

// Migrate applies every migration the database has not had yet, each in its
// own transaction, and records it in schema_migrations. Open calls it; so
// does `inquest init`. It refuses a database whose schema is newer than this
// program knows, rather than run against tables it does not understand.
func (db *DB) Migrate(ctx context.Context) error {
	ms, err := db.dialect.migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		err := db.inTx(ctx, func(t *tx) error {
			if err := db.dialect.lockMigrations(ctx, t.tx); err != nil {
				return err
			}
			// Under the lock: two processes creating the table at once
			// would otherwise collide in PostgreSQL's catalog.
			if _, err := t.exec(ctx, db.dialect.migrationsTable()); err != nil {
				return fmt.Errorf("create schema_migrations: %w", err)
			}
			var current int
			if err := t.row(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
				return err
			}
			if current > len(ms) {
				return inquest.Errorf(inquest.EINVALID, "the database schema is at version %d, newer than this inquest knows (%d): upgrade inquest", current, len(ms))
			}
			if m.version <= current {
				return nil // applied already, perhaps by another process just now
			}
			if _, err := t.exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := t.exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, db.dialect.ts(now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %04d_%s (%s): %w", m.version, m.name, db.dialect, err)
		}
	}
	return nil
}

// LatestSchemaVersion returns the version a database has once Migrate has
// run: the number of the last embedded migration.
func LatestSchemaVersion() int {
	ms, err := dialectSQLite.migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.reader().row(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}
