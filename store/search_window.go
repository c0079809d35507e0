package store

import (
	"cmp"
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"

	"github.com/inquest-project/inquest"
)

// How sources and statements are searched at any size.
//
// The full-text index (FTS5, GIN) finds the matching rows; it does not rank
// them. Both databases' own ranking (FTS5's bm25, ts_rank) reads every match
// of every word before the first hit comes back: bm25 counts each word's
// documents, ts_rank decompresses each match's vector. At a million
// statements a common word ("prosecutor", "were not there") then costs
// hundreds of milliseconds. So a search takes at most searchWindow (200) matches,
// the first the index yields (on SQLite the oldest rows; on PostgreSQL the
// GIN bitmap's order, the table's physical order), applies the filters, and
// ranks what is left here, by relevance (BM25's term-frequency part, below),
// identically on both backends. A query with fewer matches than the window
// is ranked over all of them; one with more gets the best of the window, and
// the analyst narrows it with another word. When filters (another case, a
// date range) leave fewer hits than asked for out of a full window, the
// window grows (×16, then all), so that a narrow filter never hides a match.
var searchWindow = 200

// rankedQuery is one windowed search over sources or statements: the rows of
// table whose full-text index matches stems, filtered by where (conditions
// on alias s, with ? placeholders filled by args), best first.
type rankedQuery struct {
	table, ftsTable string
	stems           []string
	// fields are the texts relevance is judged on (expressions on alias
	// s), each with its weight: a match in a title counts more than one in
	// the body.
	fields  []string
	weights []float64
	cols    string // the columns collectHits scans, on alias s
	where   []string
	args    []any
	limit   int
	// pgDrive, on PostgreSQL, is a tsquery of one of the stems: the GIN
	// index then reads its postings alone, and each row they name is tested
	// for all the stems (search_pg.go). Empty: the index reads them all.
	pgDrive string
	// pgRowWeight is what reading a row of table costs on PostgreSQL
	// against a statement's row (0 is 1): a source's vector, of a whole
	// document, is stored out of line and compressed, and reading it costs
	// some 10 times more (search_pg.go). Measured at a million statements:
	// 950 sources read in order in 14-22 ms, 20,000 postings of the
	// sources' index in 34-52 ms.
	pgRowWeight float64
}

// rankedSearch runs rq in growing windows until it has rq.limit hits or has
// seen every match, and returns the best rq.limit of them.
func (db *DB) rankedSearch(ctx context.Context, rq rankedQuery) ([]inquest.RecordHit, error) {
	match, err := db.ftsMatch(ctx, rq.ftsTable, rq.stems)
	if err != nil {
		return nil, err
	}
	var found []scored
	if db.dialect == dialectPostgres {
		found, err = db.pgWindows(ctx, rq, match)
	} else {
		found, err = rq.windows(ctx, db.reader(), db.dialect, match)
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(found, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	found = found[:min(len(found), rq.limit)]
	if len(found) == 0 {
		return nil, nil
	}
	// Only the hits shown are read in full (for their snippets).
	ids := make([]any, len(found))
	marks := make([]string, len(found))
	for i, f := range found {
		ids[i], marks[i] = f.id, "?"
	}
	hits, err := collectHits(ctx, db.reader(), `SELECT `+rq.cols+` FROM `+rq.table+` s WHERE s.id IN (`+strings.Join(marks, ", ")+`)`, ids...)
	if err != nil {
		return nil, err
	}
	order := make(map[int64]int, len(found))
	for i, f := range found {
		order[f.id] = i
	}
	slices.SortFunc(hits, func(a, b inquest.RecordHit) int { return cmp.Compare(order[a.ID], order[b.ID]) })
	return hits, nil
}

// windows scores the candidates that pass the filters in growing windows,
// until there are rq.limit of them or every match has been seen.
func (rq rankedQuery) windows(ctx context.Context, r q, d dialect, match string) ([]scored, error) {
	for window := searchWindow; ; window *= 16 {
		unbounded := window > searchWindow*16
		candidates, candArgs := d.searchCandidates(rq.table, rq.ftsTable, match, rq.pgDrive, window, unbounded)
		found, err := rq.scoreCandidates(ctx, r, candidates, candArgs)
		if err != nil || len(found) >= rq.limit || unbounded {
			return found, err
		}
		// Fewer hits than asked: either there are no more, or the filters
		// left few of a full window. Only the second needs a wider one.
		var n int
		if err := r.row(ctx, `SELECT count(*) FROM (`+candidates+`) c`, candArgs...).Scan(&n); err != nil {
			return nil, err
		}
		if n < window {
			return found, nil
		}
	}
}

// scored is a candidate and its relevance.
type scored struct {
	id    int64
	score float64
}

// scoreCandidates reads the fields of the candidates that pass the filters
// and scores them.
func (rq rankedQuery) scoreCandidates(ctx context.Context, r q, candidates string, candArgs []any) ([]scored, error) {
	rows, err := r.query(ctx, `SELECT s.id, `+strings.Join(rq.fields, ", ")+` FROM (`+candidates+`) m CROSS JOIN `+rq.table+` s
		WHERE s.id = m.hit_id AND `+strings.Join(rq.where, " AND "), append(slices.Clone(candArgs), rq.args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type doc struct {
		id     int64
		tf     []float64 // weighted matches per stem
		length int       // words
	}
	var docs []doc
	totalLength := 0
	fields := make([]sql.NullString, len(rq.fields))
	targets := make([]any, 1+len(fields))
	for i := range fields {
		targets[1+i] = &fields[i]
	}
	for rows.Next() {
		d := doc{tf: make([]float64, len(rq.stems))}
		targets[0] = &d.id
		if err := rows.Scan(targets...); err != nil {
			return nil, err
		}
		for i, f := range fields {
			forEachWord(f.String, 0, func(s, e int) bool {
				d.length++
				for j, st := range rq.stems {
					if hasStem(f.String[s:e], st) {
						d.tf[j] += rq.weights[i]
					}
				}
				return true
			})
		}
		totalLength += d.length
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]scored, len(docs))
	avg := math.Max(1, float64(totalLength)/float64(max(1, len(docs))))
	for i, d := range docs {
		out[i] = scored{id: d.id, score: relevance(d.tf, float64(d.length), avg)}
	}
	return out, nil
}

// relevance is BM25's term-frequency part (k1 = 1.2, b = 0.75): more matches
// of a word count for more, with diminishing returns, and a long text needs
// more of them than a short one. BM25's other part, how rare a word is,
// cannot tell hits apart here: every hit holds every word of the query.
func relevance(tf []float64, length, avgLength float64) float64 {
	const k1, b = 1.2, 0.75
	norm := k1 * (1 - b + b*length/avgLength)
	score := 0.0
	for _, f := range tf {
		score += f * (k1 + 1) / (f + norm)
	}
	return score
}

// searchCandidates returns a query of the ids (hit_id) of the first window
// matches of the full-text index of table, and its arguments. unbounded
// drops the window. On PostgreSQL, a drive other than "" is the part of
// match the index reads (see rankedQuery.pgDrive); ts_match_vq is @@ as a
// function, which no index serves, so the planner cannot read the other
// words' postings after all.
func (d dialect) searchCandidates(table, ftsTable, match, drive string, window int, unbounded bool) (string, []any) {
	var limit any = window
	if d == dialectPostgres {
		if unbounded {
			limit = nil // LIMIT NULL: no limit
		}
		if drive != "" {
			return `SELECT x.id AS hit_id FROM ` + table + ` x WHERE x.search @@ to_tsquery('simple'::regconfig, ?)
				AND ts_match_vq(x.search, to_tsquery('simple'::regconfig, ?)) LIMIT ?`, []any{drive, match, limit}
		}
		return `SELECT x.id AS hit_id FROM ` + table + ` x WHERE x.search @@ to_tsquery('simple'::regconfig, ?) LIMIT ?`, []any{match, limit}
	}
	if unbounded {
		limit = -1 // LIMIT -1: no limit
	}
	return `SELECT rowid AS hit_id FROM ` + ftsTable + ` WHERE ` + ftsTable + ` MATCH ? ORDER BY rowid LIMIT ?`, []any{match, limit}
}
