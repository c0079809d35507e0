package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

// openStore opens the workspace database named by dsn (from --db or
// INQUEST_DB) and brings its schema up to date. Its errors say what to do.
func openStore(ctx context.Context, dsn string) (*store.DB, error) {
	db, err := store.Open(ctx, dsn)
	if err == nil {
		return db, nil
	}
	if inquest.ErrorCode(err) != inquest.EINTERNAL {
		return nil, err // already says what was wrong with the input
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return nil, fmt.Errorf("%w\nCheck that PostgreSQL is running and reachable, and that the DSN's user, password and database are right (the database must exist: createdb NAME)", err)
	}
	return nil, fmt.Errorf("%w\nCheck that %s is a SQLite database (or a new file) you may write, and that no other program holds it locked", err, dsn)
}
