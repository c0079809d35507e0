package main

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
)

func init() {
	register(&command{name: "init", summary: "create the workspace database or bring its schema up to date", run: runInit})
}

// runInit applies every pending migration (openStore does that) and reports
// the schema version, so an operator can see what an upgrade did.
func runInit(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "init", "[--db DSN]")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "init takes no arguments (got %q); name the database with --db", pos[0])
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s database %s: schema version %d\n", db.Dialect(), displayDSN(*dsn), v)
	return nil
}
