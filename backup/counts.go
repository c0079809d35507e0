package backup

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

const (
	sqliteTables = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`
	// The tables of the schema the DSN's search_path selects, as the store
	// sees them.
	postgresTables = `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
)

// Counts returns the number of rows in each table of the workspace dsn,
// which tells at a glance whether a restore brought everything back.
func Counts(ctx context.Context, dsn string) (map[string]int64, error) {
	if IsPostgres(dsn) {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		defer db.Close()
		return countTables(ctx, db, postgresTables)
	}
	if err := existingSQLite(dsn); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", readOnlyURI(dsn))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return countTables(ctx, db, sqliteTables)
}

func countTables(ctx context.Context, db *sql.DB, list string) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, list)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	counts := make(map[string]int64, len(names))
	for _, n := range names {
		var c int64
		// The name comes from the catalogue, quoted as an identifier.
		q := `SELECT count(*) FROM "` + strings.ReplaceAll(n, `"`, `""`) + `"`
		if err := db.QueryRowContext(ctx, q).Scan(&c); err != nil {
			return nil, fmt.Errorf("count rows of %s: %w", n, err)
		}
		counts[n] = c
	}
	return counts, nil
}
