package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// sqliteOpts waits for a busy writer rather than failing, as the store does.
const sqliteOpts = "?_pragma=busy_timeout(10000)"

// backupSQLite copies the database with VACUUM INTO: one read transaction,
// so the copy is a single consistent snapshot even while the server's
// writer commits beside it (WAL lets both proceed), and it carries the
// committed contents of the WAL too.
func backupSQLite(ctx context.Context, path, out string) (*Result, error) {
	if err := existingSQLite(path); err != nil {
		return nil, err
	}
	tmp, err := tempBeside(out)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove

	db, err := sql.Open("sqlite", path+sqliteOpts)
	if err != nil {
		return nil, fmt.Errorf("open SQLite database %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return nil, fmt.Errorf("back up %s: %w", path, err)
	}
	rows, err := checkSQLite(ctx, tmp)
	if err != nil {
		return nil, fmt.Errorf("the backup of %s did not pass its check, so it was not kept: %w", path, err)
	}
	if err := syncFile(tmp); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, out); err != nil {
		return nil, fmt.Errorf("move backup into place: %w", err)
	}
	syncDir(filepath.Dir(out))
	st, err := os.Stat(out)
	if err != nil {
		return nil, err
	}
	return &Result{File: out, Backend: "sqlite", Bytes: st.Size(), Rows: rows}, nil
}

// restoreSQLite checks the backup, then copies it into place. It refuses to
// replace an existing database unless forced, and then also removes the old
// database's WAL and shared-memory files, which SQLite would otherwise
// replay into the restored file.
func restoreSQLite(ctx context.Context, file, path string, opt Options) (*Result, error) {
	if _, err := os.Stat(path); err == nil && !opt.Force {
		return nil, fmt.Errorf("%s already exists; restore into a new path, or stop the server and pass --force to replace it", path)
	}
	if _, err := checkSQLite(ctx, file); err != nil {
		return nil, fmt.Errorf("backup %s is damaged, nothing was restored: %w", file, err)
	}
	tmp, err := tempBeside(path)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	if err := copyFile(file, tmp); err != nil {
		return nil, fmt.Errorf("restore %s: %w", file, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("remove the old %s%s: %w", path, suffix, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("move restored database into place: %w", err)
	}
	syncDir(filepath.Dir(path))
	rows, err := Counts(ctx, path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	return &Result{File: file, Backend: "sqlite", Bytes: st.Size(), Rows: rows}, nil
}

// checkSQLite runs SQLite's integrity check on file, makes sure it holds an
// Inquest workspace, and returns the rows of each table.
func checkSQLite(ctx context.Context, file string) (map[string]int64, error) {
	// Read-only, so that checking a backup never changes it.
	db, err := sql.Open("sqlite", readOnlyURI(file))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	counts, err := countTables(ctx, db, sqliteTables)
	if err != nil {
		return nil, err
	}
	if _, ok := counts["sources"]; !ok {
		return nil, fmt.Errorf("%s is a SQLite database but not an Inquest workspace (it has no sources table)", file)
	}
	return counts, nil
}

// readOnlyURI opens path read-only through a SQLite URI, in which %, ? and #
// would otherwise be read as URI syntax.
func readOnlyURI(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?mode=ro&_pragma=busy_timeout(10000)"
}

// existingSQLite refuses to back up a path that is not there, which opening
// it would silently create.
func existingSQLite(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("no SQLite workspace at %s: %w", path, err)
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a directory, not a SQLite workspace", path)
	}
	return nil
}

// tempBeside returns the name of a file that does not exist in the
// directory of name, so that a rename onto name stays on one file system.
func tempBeside(name string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".partial-*")
	if err != nil {
		return "", fmt.Errorf("create a file beside %s: %w", name, err)
	}
	tmp := f.Name()
	f.Close()
	// VACUUM INTO and pg_dump want to create the file themselves.
	if err := os.Remove(tmp); err != nil {
		return "", err
	}
	return tmp, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename durable; some systems cannot sync a directory, and
// the rename has happened either way, so errors are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
