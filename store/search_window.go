package store

import (
	"context"
	"strings"

	"github.com/inquest-project/inquest"
)

// A search ranks at most searchWindow matches: the newest ones (highest
// ids, the last ingested). Ranking every match of a common word ("prosecutor"
// in half of a million statements) costs a full pass over its postings and,
// on PostgreSQL, reading every matching row; ranking a bounded window keeps
// a search within a few milliseconds at any size. A query with fewer matches
// than the window is ranked exactly as an unbounded one; a query with more
// gets the best of its newest matches, and the analyst narrows it with a
// second word. When filters (another case, a date range) leave fewer hits
// than asked for out of a full window, the window grows (×16, then all), so
// that a narrow filter never hides a match that exists.
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

// rankedSearch runs q in growing windows until it has q.limit hits or has
// ranked every match.
func (db *DB) rankedSearch(ctx context.Context, q rankedQuery) ([]inquest.RecordHit, error) {
	match := db.dialect.matchArg(q.stems)
	for window := searchWindow; ; window *= 16 {
		unbounded := window > searchWindow*16
		candidates, candArgs := db.dialect.searchCandidates(q.table, q.ftsTable, match, window, unbounded)
		query := `SELECT ` + q.cols + ` FROM (
			SELECT s.id AS id, m.hit_rank AS hit_rank FROM (` + candidates + `) m CROSS JOIN ` + q.table + ` s
			WHERE s.id = m.hit_id AND ` + strings.Join(q.where, " AND ") + ` ORDER BY m.hit_rank, s.id LIMIT ?
		) top CROSS JOIN ` + q.table + ` s WHERE s.id = top.id ORDER BY top.hit_rank, s.id`
		args := append(append(candArgs, q.args...), q.limit)
		hits, err := db.collectHits(ctx, query, args...)
		if err != nil || len(hits) >= q.limit || unbounded {
			return hits, err
		}
		// Fewer hits than asked: either there are no more, or the filters
		// left few of a full window. Only the second needs a wider one.
		var n int
		if err := db.reader().row(ctx, `SELECT count(*) FROM (`+candidates+`) c`, candArgs...).Scan(&n); err != nil {
			return nil, err
		}
		if n < window {
			return hits, nil
		}
	}
}

// searchCandidates returns a query of the newest window matches of the
// full-text index of table (hit_id, and hit_rank: lower is better) and its
// arguments. unbounded drops the window.
func (d dialect) searchCandidates(table, ftsTable, match string, window int, unbounded bool) (string, []any) {
	var limit any = window
	if d == dialectPostgres {
		if unbounded {
			limit = nil // LIMIT NULL: no limit
		}
		return `SELECT x.id AS hit_id, -ts_rank(x.search, to_tsquery('simple'::regconfig, ?)) AS hit_rank FROM ` + table + ` x
			WHERE x.search @@ to_tsquery('simple'::regconfig, ?) ORDER BY x.id DESC LIMIT ?`, []any{match, match, limit}
	}
	if unbounded {
		limit = -1 // LIMIT -1: no limit
	}
	return `SELECT rowid AS hit_id, rank AS hit_rank FROM ` + ftsTable + ` WHERE ` + ftsTable + ` MATCH ? ORDER BY rowid DESC LIMIT ?`,
		[]any{match, limit}
}
