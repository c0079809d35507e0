package backup

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// Options adjust Backup and Restore.
type Options struct {
	// Force lets Backup overwrite an existing file and Restore replace an
	// existing SQLite file or a non-empty PostgreSQL database.
	Force bool
	// PGBin is a directory holding pg_dump and pg_restore. Empty means
	// $PATH, then /usr/lib/postgresql/*/bin and other usual places.
	PGBin string
}

// Result tells what a backup or restore did.
type Result struct {
	File     string
	Backend  string // "sqlite" or "postgres"
	Bytes    int64  // size of the backup file
	Duration time.Duration
	// Rows counts the rows of each table: of the backup for Backup on
	// SQLite, of the restored database for Restore. Nil when not counted.
	Rows map[string]int64
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file, by the same rule as the store.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Backup writes a consistent copy of the workspace dsn to the file out. It
// may run while the server writes. The copy is built beside out and renamed
// into place only once it has been checked, so that out is either a whole
// backup or untouched.
func Backup(ctx context.Context, dsn, out string, opt Options) (*Result, error) {
	if out == "" {
		return nil, fmt.Errorf("no backup file given: pass --out FILE")
	}
	if _, err := os.Stat(out); err == nil && !opt.Force {
		return nil, fmt.Errorf("backup file %s already exists; choose another name or pass --force to replace it", out)
	}
	start := time.Now()
	var res *Result
	var err error
	if IsPostgres(dsn) {
		res, err = backupPostgres(ctx, dsn, out, opt)
	} else {
		res, err = backupSQLite(ctx, dsn, out)
	}
	if err != nil {
		return nil, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// Restore brings the backup file back into the workspace dsn. A SQLite
// backup is restored to a SQLite path, a PostgreSQL dump to a PostgreSQL
// database; the file's first bytes tell which it is.
func Restore(ctx context.Context, file, dsn string, opt Options) (*Result, error) {
	kind, err := fileKind(file)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	var res *Result
	switch {
	case kind == "sqlite" && IsPostgres(dsn):
		return nil, fmt.Errorf("%s is a SQLite backup but --db names a PostgreSQL database; restore it to a SQLite file path", file)
	case kind == "postgres" && !IsPostgres(dsn):
		return nil, fmt.Errorf("%s is a PostgreSQL dump but --db names a SQLite file; restore it to a postgres:// database", file)
	case kind == "sqlite":
		res, err = restoreSQLite(ctx, file, dsn, opt)
	default:
		res, err = restorePostgres(ctx, file, dsn, opt)
	}
	if err != nil {
		return nil, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// fileKind tells a SQLite database from a pg_dump custom-format archive.
func fileKind(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("backup file: %w", err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	switch {
	case n >= 16 && string(head) == "SQLite format 3\x00":
		return "sqlite", nil
	case n >= 5 && string(head[:5]) == "PGDMP":
		return "postgres", nil
	}
	return "", fmt.Errorf("%s is neither a SQLite backup nor a PostgreSQL custom-format dump; was it made by 'inquest backup'?", file)
}
