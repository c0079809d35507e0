package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// PostgreSQL can take a search's first matches in two ways, and which one is
// cheap depends on how common the words are:
//
//   - from the GIN index: it reads every posting of every word (for a
//     prefix, of every word it starts) before the first match comes back,
//     so a common word costs in proportion to the rows that hold it;
//   - by reading the table in order and testing each row, stopping at the
//     window: cheap when matches are dense, a whole-table read when rare.
//
// The planner chooses well for one word (its statistics know how common
// each word is) but badly for several: it assumes words occur
// independently, while the words of a phrase ("were not there", "tortured
// in custody") occur together, so it expects a few matches, takes the index,
// and reads every posting. pgWindows makes the choice itself from the
// planner's estimate for each word alone, and bounds the table read with a
// timeout, after which the index is used after all.

// pgScanTimeout bounds a read of the table in order; past it the search
// takes the matches from the index instead.
const pgScanTimeout = "150ms"

// pgForcePlan, when "scan" or "index", makes every search take that way, so
// that tests hold both to the same results.
var pgForcePlan string

func (db *DB) pgWindows(ctx context.Context, rq rankedQuery, match string) ([]scored, error) {
	scan, err := db.pgPreferScan(ctx, rq.table, rq.stems)
	if err != nil {
		return nil, err
	}
	if pgForcePlan != "" {
		scan = pgForcePlan == "scan"
	}
	if scan {
		found, err := db.pgWindowsWith(ctx, rq, match, "SET LOCAL enable_bitmapscan = off", "SET LOCAL statement_timeout = '"+pgScanTimeout+"'")
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57014" { // query_canceled: the timeout
			return found, err
		}
	}
	return db.pgWindowsWith(ctx, rq, match, "SET LOCAL enable_seqscan = off")
}

// pgWindowsWith runs the windows in a read-only transaction with settings.
func (db *DB) pgWindowsWith(ctx context.Context, rq rankedQuery, match string, settings ...string) ([]scored, error) {
	sqlTx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer sqlTx.Rollback()
	for _, s := range settings {
		if _, err := sqlTx.ExecContext(ctx, s); err != nil {
			return nil, err
		}
	}
	return rq.windows(ctx, q{sqlTx, db.dialect}, db.dialect, match)
}

// pgPreferScan reports whether reading table in order is expected to find a
// window of matches of stems sooner than the GIN index would: when the rows
// it must test (window × rows ÷ matches of the rarest word, as if the words
// went together) are fewer than the postings the index must read (the
// matches of all words).
func (db *DB) pgPreferScan(ctx context.Context, table string, stems []string) (bool, error) {
	var rows float64
	if err := db.read.QueryRowContext(ctx, "SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = to_regclass($1)", table).Scan(&rows); err != nil {
		return false, fmt.Errorf("size of %s: %w", table, err)
	}
	postings, rarest := 0.0, rows
	for _, st := range stems {
		est, err := db.pgEstimate(ctx, table, st+":*")
		if err != nil {
			return false, err
		}
		postings += est
		rarest = min(rarest, est)
	}
	return float64(searchWindow)*rows/max(rarest, 1) < postings, nil
}

// pgEstimate is the planner's estimate of the rows of table whose search
// vector matches the tsquery.
func (db *DB) pgEstimate(ctx context.Context, table, tsquery string) (float64, error) {
	var plan string
	if err := db.read.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) SELECT 1 FROM "+table+" x WHERE x.search @@ to_tsquery('simple'::regconfig, $1)", tsquery).Scan(&plan); err != nil {
		return 0, fmt.Errorf("estimate matches of %q: %w", tsquery, err)
	}
	var out []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(plan)), &out); err != nil || len(out) == 0 {
		return 0, fmt.Errorf("estimate matches of %q: unreadable plan: %v", tsquery, err)
	}
	return out[0].Plan.Rows, nil
}
