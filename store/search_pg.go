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
// table read (by rows for statements, pgScanBudget, and by time,
// pgScanTimeout), past which the cheaper of the other two ways is taken
// after all. All three yield the matches in the table's physical order, so
// they find the same window.

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
	// pgPlanProbe, for tests only, is the table in order after a probe
	// within pgScanBudget, whatever the words and the table.
	pgPlanProbe = "probe"
)

// pgForcePlan, when one of the plans, makes every search take that way, so
// that tests hold all of them to the same results.
var pgForcePlan string

// pgScanBudget is how many times the rows it is expected to read (as if the
// words went together) a read in order of statements may take to find a
// window of a search of several words. Words that are each common but
// seldom or never together ("airport пыткам") would otherwise have it read
// the whole table, up to pgScanTimeout, before the index is taken: a count
// of the matches in pgScanBudget times the expected rows comes first. When
// the words do go together it reads again the rows the search then reads
// (a few milliseconds, from memory the second time). Sources, whose rows
// cost 10 times more, rely on the timeout alone: the probe would double
// every search of sources in order.
const pgScanBudget = 4

// errPGScanHopeless is a read in order that would not find a window within
// its budget.
var errPGScanHopeless = errors.New("no window within the rows a read in order may take")

func (db *DB) pgWindows(ctx context.Context, rq rankedQuery, match string) ([]scored, error) {
	ch, err := db.pgChoosePlan(ctx, rq)
	if err != nil {
		return nil, err
	}
	budget := 0
	if len(rq.stems) > 1 && rq.pgRowWeight <= 1 && ch.scanRows*pgScanBudget < ch.rows {
		budget = int(math.Ceil(ch.scanRows * pgScanBudget))
	}
	switch pgForcePlan {
	case pgPlanScan:
		ch.plan, ch.fallback, budget = pgPlanScan, pgPlanIndex, 0
	case pgPlanIndex, pgPlanRare:
		ch.plan = pgForcePlan
	case pgPlanProbe:
		ch.plan, budget = pgPlanScan, max(1, int(math.Ceil(ch.scanRows*pgScanBudget)))
	}
	if ch.plan == pgPlanScan {
		// A scan that joined another one of the same table half-way
		// (synchronize_seqscans) would find another window than the index.
		found, err := db.pgWindowsWith(ctx, rq, match, budget, `SELECT set_config('enable_bitmapscan', 'off', true),
			set_config('synchronize_seqscans', 'off', true), set_config('statement_timeout', '`+pgScanTimeout+`', true),
			set_config('plan_cache_mode', 'force_custom_plan', true)`)
		var pgErr *pgconn.PgError
		if !errors.Is(err, errPGScanHopeless) && (!errors.As(err, &pgErr) || pgErr.Code != "57014") { // 57014 query_canceled: the timeout
			return found, err
		}
		ch.plan = ch.fallback
	}
	if ch.plan == pgPlanRare {
		rq.pgDrive = ch.rarest + ":*"
	}
	return db.pgWindowsWith(ctx, rq, match, 0, `SELECT set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`)
}

// pgWindowsWith runs the windows in a read-only transaction with settings.
// Every plan's settings plan each query for its own arguments
// (plan_cache_mode): the statements are prepared once on each connection,
// and a plan for any words, which PostgreSQL may take after five runs,
// cannot know how common they are. Without it, at a million statements,
// some runs of the workspace's search took 40-53 ms of the server's time
// a search instead of 16-19, and a p95 of 111 ms instead of 33-44.
// A budget other than 0 first makes sure that the first budget rows of the
// table in order hold a window of matches (else errPGScanHopeless).
func (db *DB) pgWindowsWith(ctx context.Context, rq rankedQuery, match string, budget int, settings ...string) ([]scored, error) {
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
	if budget > 0 {
		var n int
		err := sqlTx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM (SELECT x.search FROM `+rq.table+` x LIMIT $1) b
			WHERE b.search @@ to_tsquery('simple'::regconfig, $2) LIMIT $3) w`, budget, match, searchWindow).Scan(&n)
		if err != nil {
			return nil, err
		}
		if n < searchWindow {
			return nil, errPGScanHopeless
		}
	}
	return rq.windows(ctx, q{sqlTx, db.dialect}, db.dialect, match)
}

// pgChoice is how a search takes its first window of matches.
type pgChoice struct {
	plan     string
	fallback string  // the plan if reading in order fails
	rarest   string  // the rarest word's stem
	rows     float64 // the table's rows
	scanRows float64 // the rows a read in order is expected to read
}

// pgChoosePlan chooses how to take the first window of matches of rq's
// stems (see above), and which way to take if reading the table in order
// fails, by what each is expected to read: in order, window × rows ÷
// matches of the rarest word (as if the words went together); from the
// index, the postings of all the words; from the index for the rarest word,
// its postings and every row they name (pgRowCost each, the worst case:
// words that never go together). Rows cost rq.pgRowWeight times more in a
// table whose vectors are stored out of line.
func (db *DB) pgChoosePlan(ctx context.Context, rq rankedQuery) (pgChoice, error) {
	tsqueries := make([]string, len(rq.stems))
	for i, st := range rq.stems {
		tsqueries[i] = st + ":*"
	}
	rows, matches, err := db.pgEstimate(ctx, rq.table, tsqueries)
	if err != nil {
		return pgChoice{}, err
	}
	ch := pgChoice{rows: rows}
	postings, fewest := 0.0, math.Inf(1)
	for i, est := range matches {
		postings += est
		if est < fewest {
			fewest, ch.rarest = est, rq.stems[i]
		}
	}
	ch.scanRows = float64(searchWindow) * rows / max(fewest, 1)
	weight := max(rq.pgRowWeight, 1)
	ch.fallback = pgPlanIndex
	cost := postings
	if rare := fewest * (1 + pgRowCost*weight); len(rq.stems) > 1 && rare < postings {
		ch.fallback, cost = pgPlanRare, rare
	}
	ch.plan = ch.fallback
	if ch.scanRows*weight < cost {
		ch.plan = pgPlanScan
	}
	return ch, nil
}

// pgEstimate returns the planner's estimates of the rows of table and of
// those whose search vector matches each of tsqueries, from one plan (one
// round trip, one planning): a query of one subquery for each, which the
// plan lists in order, each over a scan of table.
func (db *DB) pgEstimate(ctx context.Context, table string, tsqueries []string) (rows float64, matches []float64, err error) {
	subqueries := []string{"(SELECT x.id FROM " + table + " x LIMIT 1)"}
	args := make([]any, len(tsqueries))
	for i, tq := range tsqueries {
		subqueries = append(subqueries, fmt.Sprintf("(SELECT x.id FROM %s x WHERE x.search @@ to_tsquery('simple'::regconfig, $%d) LIMIT 1)", table, i+1))
		args[i] = tq
	}
	var plan string
	if err := db.read.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) SELECT "+strings.Join(subqueries, ", "), args...).Scan(&plan); err != nil {
		return 0, nil, fmt.Errorf("estimate matches of %q in %s: %w", tsqueries, table, err)
	}
	var out []struct {
		Plan pgPlanNode `json:"Plan"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(plan)), &out); err != nil || len(out) == 0 || len(out[0].Plan.Plans) != len(subqueries) {
		return 0, nil, fmt.Errorf("estimate matches of %q in %s: unreadable plan (%v): %s", tsqueries, table, err, plan)
	}
	estimates := make([]float64, len(subqueries))
	for i, sub := range out[0].Plan.Plans {
		scan := sub.scanOf(table)
		if scan == nil {
			return 0, nil, fmt.Errorf("estimate matches of %q in %s: no scan of the table in the plan: %s", tsqueries, table, plan)
		}
		estimates[i] = scan.Rows
	}
	return estimates[0], estimates[1:], nil
}

// pgPlanNode is a node of a plan in EXPLAIN's JSON.
type pgPlanNode struct {
	Rows     float64      `json:"Plan Rows"`
	Relation string       `json:"Relation Name"`
	Plans    []pgPlanNode `json:"Plans"`
}

// scanOf returns the first node under n (or n) that reads table.
func (n *pgPlanNode) scanOf(table string) *pgPlanNode {
	if n.Relation == table {
		return n
	}
	for i := range n.Plans {
		if s := n.Plans[i].scanOf(table); s != nil {
			return s
		}
	}
	return nil
}
