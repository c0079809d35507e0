package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// PostgreSQL can take a search's first matches in three ways, and which one
// is cheap depends on how common the words are:
//
//   - from the GIN index: it reads every posting of every word (for a
//     prefix, of every word it starts) before the first match comes back,
//     so a common word costs in proportion to the rows that hold it, even
//     when another word of the query is in no row at all;
//   - from the GIN index for the rarest word alone, testing the other words
//     on each row it yields: cheap when that word is rare (or absent: then
//     nothing else is read), dear when every row it names must be read;
//   - by reading the table in order and testing each row, stopping at the
//     window: cheap when matches are dense, a whole-table read when rare.
//
// The planner chooses well for one word (its statistics know how common
// each word is) but badly for several: it assumes words occur
// independently, while the words of a phrase ("were not there", "tortured
// in custody") occur together, so it expects a few matches, takes the index,
// and reads every posting. pgWindows makes the choice itself from the
// planner's estimate for each word alone (pgChoosePlan), and bounds the
// table read with a timeout, after which the cheaper of the other two ways
// is taken after all. All three yield the matches in the table's physical
// order, so they find the same window.

// pgScanTimeout bounds a read of the table in order; past it the search
// takes the matches from the index instead.
const pgScanTimeout = "150ms"

// pgRowCost is what reading one row the index names and testing its words
// costs, in postings of the index read, for a table whose rows cost
// pgRowWeight 1 (statements: a sentence's vector, stored in the row): a row
// is a visit of a page of the table, a posting a few bytes of a compressed
// list. Measured at a million statements: 20,000 rows in 16-19 ms, 58,000
// postings in 45-50 ms. A row read in order costs about one posting.
const pgRowCost = 3

// The plans pgChoosePlan chooses from.
const (
	pgPlanScan  = "scan"  // the table in order
	pgPlanIndex = "index" // the GIN index, every word
	pgPlanRare  = "rare"  // the GIN index, the rarest word; the others tested
)

// pgForcePlan, when one of the plans, makes every search take that way, so
// that tests hold all of them to the same results.
var pgForcePlan string

func (db *DB) pgWindows(ctx context.Context, rq rankedQuery, match string) ([]scored, error) {
	plan, fallback, rarest, err := db.pgChoosePlan(ctx, rq)
	if err != nil {
		return nil, err
	}
	switch pgForcePlan {
	case pgPlanScan:
		plan, fallback = pgPlanScan, pgPlanIndex
	case pgPlanIndex, pgPlanRare:
		plan = pgForcePlan
	}
	if plan == pgPlanScan {
		// A scan that joined another one of the same table half-way
		// (synchronize_seqscans) would find another window than the index.
		found, err := db.pgWindowsWith(ctx, rq, match, `SELECT set_config('enable_bitmapscan', 'off', true),
			set_config('synchronize_seqscans', 'off', true), set_config('statement_timeout', '`+pgScanTimeout+`', true)`)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57014" { // query_canceled: the timeout
			return found, err
		}
		plan = fallback
	}
	if plan == pgPlanRare {
		rq.pgDrive = rarest + ":*"
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

// pgChoosePlan chooses how to take the first window of matches of rq's
// stems (see above), and which way to take if reading the table in order
// times out, by what each is expected to read: in order, window × rows ÷
// matches of the rarest word (as if the words went together); from the
// index, the postings of all the words; from the index for the rarest word,
// its postings and every row they name (pgRowCost each, the worst case:
// words that never go together). Rows cost rq.pgRowWeight times more in a
// table whose vectors are stored out of line. rarest is the rarest word's
// stem.
func (db *DB) pgChoosePlan(ctx context.Context, rq rankedQuery) (plan, fallback, rarest string, err error) {
	var rows float64
	if err := db.read.QueryRowContext(ctx, "SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = to_regclass($1)", rq.table).Scan(&rows); err != nil {
		return "", "", "", fmt.Errorf("size of %s: %w", rq.table, err)
	}
	postings, fewest := 0.0, math.Inf(1)
	for _, st := range rq.stems {
		est, err := db.pgEstimate(ctx, rq.table, st+":*")
		if err != nil {
			return "", "", "", err
		}
		postings += est
		if est < fewest {
			fewest, rarest = est, st
		}
	}
	weight := max(rq.pgRowWeight, 1)
	fallback, cost := pgPlanIndex, postings
	if rare := fewest * (1 + pgRowCost*weight); len(rq.stems) > 1 && rare < postings {
		fallback, cost = pgPlanRare, rare
	}
	if float64(searchWindow)*rows/max(fewest, 1)*weight < cost {
		return pgPlanScan, fallback, rarest, nil
	}
	return fallback, fallback, rarest, nil
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
