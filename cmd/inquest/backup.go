package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/backup"
)

func init() {
	register(&command{name: "backup", summary: "take a consistent backup of the workspace while it runs", run: runBackup})
	register(&command{name: "restore", summary: "bring a workspace back from a backup file", run: runRestore})
}

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "backup", "--out FILE [flags]")
	out := fs.String("out", "", "backup file to write (required); SQLite: a database file, PostgreSQL: a pg_dump custom-format archive")
	force := fs.Bool("force", false, "replace FILE if it exists")
	pgBin := fs.String("pg-bin", "", "directory of pg_dump (default: $PATH, then /usr/lib/postgresql/*/bin)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return inquest.Errorf(inquest.EINVALID, "unexpected argument %q: the backup file goes in --out FILE", pos[0])
	case *out == "":
		return inquest.Errorf(inquest.EINVALID, "--out FILE is required: where to write the backup")
	}
	res, err := backup.Backup(ctx, *dsn, *out, backup.Options{Force: *force, PGBin: *pgBin})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s (%s, %s, %s).\n", displayDSN(*dsn), res.File, res.Backend, byteSize(res.Bytes), res.Duration.Round(time.Millisecond))
	if res.Rows != nil {
		fmt.Fprintf(e.stdout, "It holds %s; SQLite's integrity check passed.\n", rowSummary(res.Rows))
	}
	fmt.Fprintf(e.stdout, "Bring it back with: inquest restore %s --db NEW-DATABASE\n", res.File)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "FILE [--db DSN] [flags]")
	force := fs.Bool("force", false, "replace an existing SQLite file or the contents of a non-empty PostgreSQL database (stop the servers first)")
	pgBin := fs.String("pg-bin", "", "directory of pg_restore (default: $PATH, then /usr/lib/postgresql/*/bin)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one backup file to restore (got %d)", len(pos))
	}
	res, err := backup.Restore(ctx, pos[0], *dsn, backup.Options{Force: *force, PGBin: *pgBin})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Restored %s into %s (%s, %s): %s.\n", res.File, displayDSN(*dsn), res.Backend, res.Duration.Round(time.Millisecond), rowSummary(res.Rows))

	// A restore is only done when the evidence checks out: open the
	// workspace (bringing its schema up to date) and re-hash everything.
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return fmt.Errorf("the restored workspace does not open: %w", err)
	}
	defer db.Close()
	mismatches, err := db.VerifyArchive(ctx)
	if err != nil {
		return err
	}
	broken, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	for _, m := range mismatches {
		fmt.Fprintf(e.stderr, "source %d: %s hashes to %s, recorded %s\n", m.SourceID, m.What, m.Got, m.Want)
	}
	if broken != 0 {
		fmt.Fprintf(e.stderr, "audit log: the chain is broken at entry %d\n", broken)
	}
	if len(mismatches) > 0 || broken != 0 {
		fmt.Fprintln(e.stderr, "The restored workspace does not verify: the backup holds altered evidence. Keep it aside and restore an older backup.")
		return exitError{1}
	}
	fmt.Fprintln(e.stdout, "Every archived byte matches its SHA-256 and the audit chain is intact.")
	return nil
}

// rowSummary lists the busiest tables first: "1,204 sources, 15,300 statements, …".
func rowSummary(rows map[string]int64) string {
	if len(rows) == 0 {
		return "no tables"
	}
	names := make([]string, 0, len(rows))
	var total int64
	for n, c := range rows {
		names = append(names, n)
		total += c
	}
	sort.Strings(names)
	var parts []string
	for _, n := range []string{"cases", "sources", "blobs", "statements", "people", "claims", "audit_log"} {
		if c, ok := rows[n]; ok {
			parts = append(parts, fmt.Sprintf("%d %s", c, n))
		}
	}
	return fmt.Sprintf("%d rows in %d tables (%s)", total, len(names), strings.Join(parts, ", "))
}
