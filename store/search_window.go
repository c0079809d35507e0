package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/inquest-project/inquest"
)

// A search ranks at most searchWindow matches: the first the full-text index
// yields (on SQLite the oldest rows; on PostgreSQL the GIN bitmap's order,
// which is the table's physical order). Ranking every match of a common
// word ("prosecutor" in half of a million statements) costs a pass over all
// its postings and, on PostgreSQL, reading every matching row; ranking a
// bounded window keeps a search within milliseconds at any size. A query
// with fewer matches than the window is ranked exactly as an unbounded one
// would be; one with more gets the best of the window, and the analyst
// narrows it with another word. When filters (another case, a date range)
// leave fewer hits than asked for out of a full window, the window grows
// (×16, then all), so that a narrow filter never hides a match that exists.
var searchWindow = 500

// rankedQuery is one windowed search over sources or statements: the rows of
// table whose full-text index matches stems, filtered by where (conditions
// on alias s, with ? placeholders filled by args), best first.
type rankedQuery struct {
	table, ftsTable string
	stems           []string
	cols            string // the columns collectHits scans, on alias s
	where           []string
	args            []any
	limit           int
}

// rankedSearch runs rq in growing windows until it has rq.limit hits or has
// ranked every match.
func (db *DB) rankedSearch(ctx context.Context, rq rankedQuery) ([]inquest.RecordHit, error) {
	match := db.dialect.matchArg(rq.stems)
	r := db.reader()
	if db.dialect == dialectPostgres {
		// The window is only bounded if PostgreSQL takes the matches from the
		// GIN index; with a poor estimate of a word's frequency it may
		// instead scan the whole table for the first few.
		sqlTx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return nil, err
		}
		defer sqlTx.Rollback()
		if _, err := sqlTx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			return nil, err
		}
		r = q{sqlTx, db.dialect}
	}
	for window := searchWindow; ; window *= 16 {
		unbounded := window > searchWindow*16
		candidates, candArgs := db.dialect.searchCandidates(rq.table, rq.ftsTable, match, window, unbounded)
		query := `SELECT ` + rq.cols + ` FROM (
			SELECT s.id AS id, m.hit_rank AS hit_rank FROM (` + candidates + `) m CROSS JOIN ` + rq.table + ` s
			WHERE s.id = m.hit_id AND ` + strings.Join(rq.where, " AND ") + ` ORDER BY m.hit_rank, s.id LIMIT ?
		) top CROSS JOIN ` + rq.table + ` s WHERE s.id = top.id ORDER BY top.hit_rank, s.id`
		args := append(append(candArgs, rq.args...), rq.limit)
		hits, err := collectHits(ctx, r, query, args...)
		if err != nil || len(hits) >= rq.limit || unbounded {
			return hits, err
		}
		// Fewer hits than asked: either there are no more, or the filters
		// left few of a full window. Only the second needs a wider one.
		var n int
		if err := r.row(ctx, `SELECT count(*) FROM (`+candidates+`) c`, candArgs...).Scan(&n); err != nil {
			return nil, err
		}
		if n < window {
			return hits, nil
		}
	}
}

// searchCandidates returns a query of the first window matches of the
// full-text index of table (hit_id, and hit_rank: lower is better) and its
// arguments. unbounded drops the window.
func (d dialect) searchCandidates(table, ftsTable, match string, window int, unbounded bool) (string, []any) {
	var limit any = window
	if d == dialectPostgres {
		if unbounded {
			limit = nil // LIMIT NULL: no limit
		}
		// ts_rank outside the LIMIT, so that only the window is ranked.
		return `SELECT w.id AS hit_id, -ts_rank(w.search, to_tsquery('simple'::regconfig, ?)) AS hit_rank FROM (
			SELECT x.id, x.search FROM ` + table + ` x WHERE x.search @@ to_tsquery('simple'::regconfig, ?) LIMIT ?) w`, []any{match, match, limit}
	}
	if unbounded {
		limit = -1 // LIMIT -1: no limit
	}
	return `SELECT rowid AS hit_id, rank AS hit_rank FROM ` + ftsTable + ` WHERE ` + ftsTable + ` MATCH ? ORDER BY rowid LIMIT ?`,
		[]any{match, limit}
}
