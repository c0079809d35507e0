package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// DB is the record of Inquest in SQLite or PostgreSQL. It implements
// inquest.Store and is safe for concurrent use.
type DB struct {
	dialect dialect
	// write takes every write transaction. On SQLite it holds one connection,
	// so that writers queue in Go instead of failing with SQLITE_BUSY; on
	// PostgreSQL it is the same pool as read.
	write *sql.DB
	// read serves queries. On SQLite it is a pool of read-only connections,
	// which WAL lets run beside the writer.
	read *sql.DB
	// prefixes keeps the words a search's stems stand for (search_terms.go).
	prefixes prefixTerms
	// touching holds the sessions whose last use is being written
	// (sessions.go), by token hash.
	touching sync.Map
}

var _ inquest.Store = (*DB)(nil)

// Open opens the database named by dsn and brings its schema up to date.
// A dsn that starts with postgres:// or postgresql:// is a PostgreSQL
// connection string; anything else is the path of a SQLite file, created on
// first use in a directory that must exist.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var db *DB
	var err error
	if isPostgres(dsn) {
		db, err = openPostgres(ctx, dsn)
	} else {
		db, err = openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, inquest.Errorf(inquest.EINVALID, "PostgreSQL DSN %s: %v", redact(dsn), err)
	}
	// Every open connection stays open while in use: database/sql's default
	// of two idle connections would make a busy server (or one search,
	// which runs its kinds at once) close and reopen connections — a new
	// PostgreSQL backend each time — on every burst. Idle ones go after a
	// few minutes.
	pool.SetMaxOpenConns(4 * runtime.GOMAXPROCS(0))
	pool.SetMaxIdleConns(4 * runtime.GOMAXPROCS(0))
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to PostgreSQL at %s: %w", redact(dsn), err)
	}
	return &DB{dialect: dialectPostgres, write: pool, read: pool}, nil
}

// SQLite settings, applied to every connection by the driver:
//
//   - busy_timeout(10000): a writer in another process (a CLI import beside the
//     server) makes us wait up to 10 s instead of failing at once.
//   - journal_mode(WAL): readers never block the writer nor it them, which is
//     what lets the read pool run beside the single writer connection.
//   - synchronous(NORMAL): with WAL, a commit survives a crash of the program;
//     only a power loss may lose the last commits, never corrupt the file.
//   - foreign_keys(1): SQLite leaves references unchecked unless told.
//   - _txlock=immediate (writer): a write transaction takes the write lock at
//     BEGIN, so it waits under busy_timeout there rather than failing with
//     SQLITE_BUSY when it first writes after reading.
//   - query_only(1) (readers): a write sent to the read pool by mistake fails
//     instead of racing the writer.
//   - cache_size(-2048) (readers): 2 MB of pages per reader, SQLite's own
//     default, said here because it was measured. A write, even of one row
//     (a session's last use), makes every reader drop its whole cache at
//     its next read, and refilling 4 MB caches held a busy server's pages
//     for 40-250 ms (a one-row read after a write: p99 4.2 ms against 0.5,
//     where 1 MB caches showed no difference). Since a search names a
//     prefix's words (search_terms.go), 2, 4 and 8 MB search alike (p95 12
//     ms at a million statements), and each step down saves a busy server
//     memory: 16 MB caches cost it 130 MB more, 8 MB 40-45 MB more than 4,
//     4 MB 20-30 MB more than 2. The file's pages stay in the operating
//     system's cache either way.
const (
	sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	sqliteWriter  = "?" + sqlitePragmas + "&_pragma=journal_mode(WAL)&_txlock=immediate"
	sqliteReader  = "?" + sqlitePragmas + "&_pragma=query_only(1)&_pragma=cache_size(-2048)"
)

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, inquest.Errorf(inquest.EINVALID, "no database given: pass --db with a SQLite file path or a postgres:// DSN")
	}
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, inquest.Errorf(inquest.EINVALID, "SQLite database %q: give a plain file path, without file:, ? or #", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, inquest.Errorf(inquest.EINVALID, "SQLite database %s: directory %s does not exist; create it first (mkdir -p %s)", path, dir, dir)
	}
	write, err := sql.Open("sqlite", path+sqliteWriter)
	if err != nil {
		return nil, fmt.Errorf("open SQLite database %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("open SQLite database %s (is it a SQLite file, and writable?): %w", path, err)
	}
	read, err := sql.Open("sqlite", path+sqliteReader)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open SQLite database %s: %w", path, err)
	}
	// Readers stay open (see openPostgres): a new SQLite connection parses
	// the schema again and starts with an empty page cache.
	read.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	read.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	if err := read.PingContext(ctx); err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("open SQLite database %s for reading: %w", path, err)
	}
	return &DB{dialect: dialectSQLite, write: write, read: read}, nil
}

// redact hides the password of a PostgreSQL DSN in messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	return u.Redacted()
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.String() }

// RawExec runs a statement directly, with ? placeholders, bypassing the audit
// log and every check of the store. It exists for tests that tamper with the
// record behind the store's back, and for maintenance; nothing else may use it.
func (db *DB) RawExec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := db.write.ExecContext(ctx, db.dialect.rebind(query), args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// RawQueryRow runs a query directly, with ? placeholders. Like RawExec it is
// for tests and maintenance only.
func (db *DB) RawQueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.read.QueryRowContext(ctx, db.dialect.rebind(query), args...)
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// q runs the store's SQL, written with ? placeholders, on either database.
type q struct {
	c querier
	d dialect
}

func (x q) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return x.c.ExecContext(ctx, x.d.rebind(query), args...)
}

func (x q) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return x.c.QueryContext(ctx, x.d.rebind(query), args...)
}

func (x q) row(ctx context.Context, query string, args ...any) *sql.Row {
	return x.c.QueryRowContext(ctx, x.d.rebind(query), args...)
}

// reader returns a querier for reads outside a transaction.
func (db *DB) reader() q { return q{db.read, db.dialect} }

// tx is a write transaction.
type tx struct {
	q
	tx *sql.Tx
	db *DB
}

// inTx runs fn in a write transaction and commits if fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(t *tx) error) error {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	t := &tx{q: q{sqlTx, db.dialect}, tx: sqlTx, db: db}
	if err := fn(t); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if db.dialect == dialectPostgres {
		// Count a change the public site must not keep showing (migration
		// 0008), and one to what the workspace's kept derivations derive
		// from (0014): the triggers marked the transaction; the counters
		// are locked only from here to the commit.
		var public, workspace sql.NullString
		err := sqlTx.QueryRowContext(ctx, "SELECT current_setting('inquest.public_changed', true), current_setting('inquest.workspace_changed', true)").
			Scan(&public, &workspace)
		if err == nil && public.String == "on" {
			_, err = sqlTx.ExecContext(ctx, "UPDATE public_epoch SET epoch = epoch + 1 WHERE id = 1")
		}
		if err == nil && workspace.String == "on" {
			_, err = sqlTx.ExecContext(ctx, "UPDATE workspace_epoch SET epoch = epoch + 1 WHERE id = 1")
		}
		if err != nil {
			_ = sqlTx.Rollback()
			return fmt.Errorf("count the change: %w", err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
