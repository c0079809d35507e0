package backup

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// backupPostgres runs pg_dump --format=custom. pg_dump reads in one
// repeatable-read transaction, so the dump is a consistent snapshot while the
// servers go on writing, and the custom format is compressed and lets
// pg_restore choose what to restore.
func backupPostgres(ctx context.Context, dsn, out string, opt Options) (*Result, error) {
	pgDump, err := findTool("pg_dump", opt.PGBin)
	if err != nil {
		return nil, err
	}
	conn, err := libpqConn(dsn)
	if err != nil {
		return nil, err
	}
	tmp, err := tempBeside(out)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	// Level 1 compression: the archived bytes are dumped hex-encoded, and
	// the fastest level already wins that back (a 64 MB random archive
	// dumps to 79 MB at level 1, 77 MB at the default, 135 MB without), for
	// a third of the default's CPU on a server that is busy serving.
	args := []string{"--format=custom", "--compress=1", "--no-password", "--file=" + tmp}
	for _, s := range conn.schemas {
		args = append(args, "--schema="+s)
	}
	args = append(args, "--dbname="+conn.dsn)
	if err := runTool(ctx, pgDump, args, conn.env); err != nil {
		return nil, fmt.Errorf("back up %s: %w", redact(dsn), err)
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
	return &Result{File: out, Backend: "postgres", Bytes: st.Size()}, nil
}

// restorePostgres runs pg_restore into dsn's database in one transaction, so
// that a failed restore leaves the database as it was. It refuses a database
// that already holds tables unless forced, and then drops the objects of the
// dump first (--clean).
func restorePostgres(ctx context.Context, file, dsn string, opt Options) (*Result, error) {
	pgRestore, err := findTool("pg_restore", opt.PGBin)
	if err != nil {
		return nil, err
	}
	conn, err := libpqConn(dsn)
	if err != nil {
		return nil, err
	}
	tables, err := userTables(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("look into %s: %w", redact(dsn), err)
	}
	if len(tables) > 0 && !opt.Force {
		return nil, fmt.Errorf("database %s is not empty (it has %d tables, e.g. %s); restore into an empty database (createdb NAME), or stop the servers and pass --force to replace its contents",
			redact(dsn), len(tables), tables[0])
	}
	// --no-owner and --no-privileges let a dump made by one role be restored
	// by another, as when moving to a new server.
	args := []string{"--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--no-password"}
	if len(tables) > 0 {
		args = append(args, "--clean", "--if-exists")
	}
	args = append(args, "--dbname="+conn.dsn, file)
	if err := runTool(ctx, pgRestore, args, conn.env); err != nil {
		return nil, fmt.Errorf("restore %s into %s (nothing was changed): %w", file, redact(dsn), err)
	}
	rows, err := Counts(ctx, dsn)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	return &Result{File: file, Backend: "postgres", Bytes: st.Size(), Rows: rows}, nil
}

// userTables lists the tables of every schema that is not PostgreSQL's own.
func userTables(ctx context.Context, dsn string) ([]string, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT schemaname || '.' || tablename FROM pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// findTool finds a PostgreSQL client program: in dir when given, else on
// $PATH, else in the usual install directories, newest version first (a
// newer pg_dump can dump an older server, not the other way round).
func findTool(name, dir string) (string, error) {
	if dir != "" {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s not found in %s: %w", name, dir, err)
		}
		return p, nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	var found []string
	for _, pattern := range []string{
		"/usr/lib/postgresql/*/bin/" + name, // Debian, Ubuntu
		"/usr/pgsql-*/bin/" + name,          // Red Hat, Fedora (PGDG)
		"/usr/local/opt/postgresql*/bin/" + name,
		"/opt/homebrew/opt/postgresql*/bin/" + name,
	} {
		m, _ := filepath.Glob(pattern)
		found = append(found, m...)
	}
	if len(found) == 0 {
		return "", fmt.Errorf("%s not found on $PATH nor in /usr/lib/postgresql/*/bin: install the PostgreSQL client (e.g. apt install postgresql-client) in the same or a newer major version than the server, or pass --pg-bin DIR", name)
	}
	sort.Slice(found, func(i, j int) bool { return versionOf(found[i]) > versionOf(found[j]) })
	return found[0], nil
}

// versionOf reads the major version from an install path such as
// /usr/lib/postgresql/15/bin/pg_dump.
func versionOf(p string) int {
	for _, part := range strings.Split(p, "/") {
		digits := strings.TrimLeft(part, "abcdefghijklmnopqrstuvwxyz-@")
		if v, err := strconv.Atoi(digits); err == nil {
			return v
		}
	}
	return 0
}

func runTool(ctx context.Context, tool string, args, env []string) error {
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			return fmt.Errorf("%s: %w", filepath.Base(tool), err)
		}
		return fmt.Errorf("%s: %w: %s", filepath.Base(tool), err, msg)
	}
	return nil
}

// pgConn is a DSN rewritten for libpq, which pg_dump and pg_restore use.
type pgConn struct {
	dsn     string   // without password and without pgx-only parameters
	env     []string // PGPASSWORD, when the DSN had one
	schemas []string // from search_path
}

// libpqParams are the URI parameters libpq accepts; it rejects any other,
// while pgx passes unknown ones to the server as settings.
var libpqParams = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "passfile": true,
	"connect_timeout": true, "client_encoding": true, "options": true, "application_name": true,
	"keepalives": true, "keepalives_idle": true, "keepalives_interval": true, "keepalives_count": true,
	"sslmode": true, "sslcert": true, "sslkey": true, "sslrootcert": true, "sslcrl": true,
	"sslpassword": true, "sslcompression": true, "channel_binding": true, "gssencmode": true,
	"target_session_attrs": true, "requiressl": true, "service": true,
}

// libpqConn rewrites dsn for libpq. The password moves to PGPASSWORD so that
// it does not appear in the process list, and a search_path (which the store
// and its tests use to pick a schema) becomes --schema, so that the dump
// holds that workspace only.
func libpqConn(dsn string) (*pgConn, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, errors.New("the PostgreSQL DSN is not a valid URL")
	}
	c := &pgConn{}
	if u.User != nil {
		if pw, ok := u.User.Password(); ok {
			c.env = append(c.env, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
		}
	}
	q := u.Query()
	for k, vs := range q {
		if k == "search_path" {
			for _, v := range vs {
				for _, s := range strings.Split(v, ",") {
					if s = strings.Trim(strings.TrimSpace(s), `"`); s != "" && s != "$user" {
						c.schemas = append(c.schemas, s)
					}
				}
			}
		}
		if !libpqParams[k] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	c.dsn = u.String()
	return c, nil
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	return u.Redacted()
}
