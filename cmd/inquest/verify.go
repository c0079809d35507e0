package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/inquest-project/inquest"
)

func init() {
	register(&command{name: "verify", summary: "re-hash every archived original and text and check the audit chain", run: runVerify})
}

// runVerify proves the record is as it was stored: every archived original
// and extracted text still hashes to its recorded SHA-256, and the audit log
// is an unbroken hash chain. It exits 1 after naming each thing that differs.
func runVerify(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "verify", "[--db DSN]")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "verify takes no arguments (got %q); name the database with --db", pos[0])
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
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
	stats, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if len(mismatches) == 0 && broken == 0 {
		fmt.Fprintf(e.stdout, "ok: %d sources, %d blobs, %d audit entries\n", stats.Sources, stats.Blobs, stats.AuditEntries)
		return nil
	}
	for _, m := range mismatches {
		name := fmt.Sprintf("source %d", m.SourceID)
		if s, err := db.Source(ctx, m.SourceID); err == nil {
			name = fmt.Sprintf("source %d %q (%s)", s.ID, s.Title, s.Locator)
		}
		switch {
		case m.Got == "missing":
			fmt.Fprintf(e.stdout, "MISMATCH %s: original is missing from the archive (recorded sha256 %s)\n", name, m.Want)
		case m.What == "text":
			fmt.Fprintf(e.stdout, "MISMATCH %s: extracted text differs: recorded sha256 %s, now %s\n", name, m.Want, m.Got)
		default:
			fmt.Fprintf(e.stdout, "MISMATCH %s: archived original differs: recorded sha256 %s, now %s\n", name, m.Want, m.Got)
		}
	}
	if broken != 0 {
		fmt.Fprintf(e.stdout, "MISMATCH audit log: the chain breaks at entry %d (that entry was edited, or one before it deleted)\n", broken)
	}
	fmt.Fprintf(e.stderr, "verify: %d sources, %d blobs, %d audit entries checked; the record has been altered outside inquest. Restore the affected rows from a backup and run verify again.\n",
		stats.Sources, stats.Blobs, stats.AuditEntries)
	return exitError{1}
}

// displayDSN shows a DSN without its password.
func displayDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	return dsn
}
