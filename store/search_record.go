package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// SearchRecord finds the case's sources, statements, people and claims whose
// words match every word of q.Text, each reduced to its stem (Stem) and
// matched as the start of a word, in the database's own full-text index
// (FTS5 on SQLite, tsvector on PostgreSQL). Hits come grouped by kind
// (sources, statements, people, claims), best match first within each, with
// a snippet around the first matched word. Without q.Workspace only public,
// confirmed material is searched. EINVALID when the query has no word.
func (db *DB) SearchRecord(ctx context.Context, q inquest.RecordQuery) ([]inquest.RecordHit, error) {
	words := searchWords(q.Text)
	if len(words) == 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "search %q has no word to look for; type a name or a word", q.Text)
	}
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = Stem(w)
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	want := func(kind string) bool { return len(q.Kinds) == 0 || slices.Contains(q.Kinds, kind) }
	kinds := []struct {
		kind string
		run  func(context.Context, inquest.RecordQuery, []string) ([]inquest.RecordHit, error)
	}{
		{"source", db.searchRecordSources},
		{"statement", db.searchRecordStatements},
		{"person", db.searchRecordPeople},
		{"claim", db.searchRecordClaims},
	}
	// The kinds are searched at once, each on a reader of its own: the
	// analyst waits for the slowest, not for the sum.
	results := make([][]inquest.RecordHit, len(kinds))
	errs := make([]error, len(kinds))
	var wg sync.WaitGroup
	for i, k := range kinds {
		if !want(k.kind) {
			continue
		}
		// Filters that only statements (or sources) have leave the other kinds out.
		if (q.PersonID != 0 || q.ClaimID != 0) && k.kind != "statement" {
			continue
		}
		if (q.Language != "" || q.From != "" || q.To != "") && k.kind != "statement" && k.kind != "source" {
			continue
		}
		wg.Go(func() {
			hits, err := k.run(ctx, q, stems)
			if err != nil {
				errs[i] = fmt.Errorf("search %ss for %q: %w", k.kind, q.Text, err)
				return
			}
			for j := range hits {
				hits[j].Kind = k.kind
				hits[j].Snippet = snippetAround(hits[j].Snippet, stems, 160)
			}
			results[i] = hits
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return slices.Concat(results...), nil
}

// matchArg is the full-text query for stems: every stem a word prefix, all
// required. Stems are letters and digits only (searchWords), so nothing of
// the user's query reaches the search syntax.
func (d dialect) matchArg(stems []string) string {
	terms := make([]string, len(stems))
	for i, s := range stems {
		if d == dialectPostgres {
			terms[i] = s + ":*"
		} else {
			terms[i] = `"` + s + `"*`
		}
	}
	if d == dialectPostgres {
		return strings.Join(terms, " & ")
	}
	return strings.Join(terms, " ")
}

// ftsFrom returns the FROM and match condition for an FTS5 table on SQLite
// (joined to alias on its rowid) or a tsvector expression on PostgreSQL, and
// the ORDER BY of best match first. Both take the match argument first.
func (d dialect) ftsFrom(table, alias, ftsTable, pgVector string) (from, match, order string) {
	if d == dialectPostgres {
		return table + " " + alias + ", to_tsquery('simple'::regconfig, ?) tq", "(" + pgVector + ") @@ tq",
			"ts_rank(" + pgVector + ", tq) DESC, " + alias + ".id"
	}
	return ftsTable + " JOIN " + table + " " + alias + " ON " + alias + ".id = " + ftsTable + ".rowid",
		ftsTable + " MATCH ?", ftsTable + ".rank, " + alias + ".id"
}

func (db *DB) searchRecordSources(ctx context.Context, q inquest.RecordQuery, stems []string) ([]inquest.RecordHit, error) {
	where := []string{"s.case_id = ?", sourceIsLatest}
	args := []any{q.CaseID}
	if !q.Workspace {
		where, args = append(where, "s.private = ?"), append(args, false)
	}
	if q.Language != "" {
		where, args = append(where, "s.language = ?"), append(args, q.Language)
	}
	if q.From != "" {
		where, args = append(where, "s.published >= ?"), append(args, string(q.From))
	}
	if q.To != "" {
		where, args = append(where, "s.published <= ?"), append(args, string(q.To))
	}
	// A source is judged by its title and its opening: reading whole
	// transcripts of every candidate would cost more than the search.
	return db.rankedSearch(ctx, rankedQuery{table: "sources", ftsTable: "sources_fts", stems: stems,
		fields: []string{"s.title", "substr(s.text, 1, 1000)"}, weights: []float64{2, 1}, pgRowWeight: 10,
		cols: "s.id, 0, s.title, substr(s.text, 1, 200000), '', s.published, s.language", where: where, args: args, limit: q.Limit})
}

func (db *DB) searchRecordStatements(ctx context.Context, q inquest.RecordQuery, stems []string) ([]inquest.RecordHit, error) {
	where := []string{"s.case_id = ?"}
	args := []any{q.CaseID}
	if q.Workspace {
		where, args = append(where, "s.review <> ?"), append(args, string(inquest.Rejected))
	} else {
		where, args = append(where, "s.review = ?", "EXISTS (SELECT 1 FROM sources src WHERE src.id = s.source_id AND src.private = ?)"),
			append(args, string(inquest.Confirmed), false)
	}
	if q.PersonID != 0 {
		where, args = append(where, "s.person_id = ?"), append(args, q.PersonID)
	}
	if q.ClaimID != 0 {
		where, args = append(where, "EXISTS (SELECT 1 FROM stances x WHERE x.statement_id = s.id AND x.claim_id = ? AND x.review <> ?)"),
			append(args, q.ClaimID, string(inquest.Rejected))
	}
	if q.Language != "" {
		where, args = append(where, "s.language = ?"), append(args, q.Language)
	}
	if q.From != "" {
		where, args = append(where, "s.said_on >= ?"), append(args, string(q.From))
	}
	if q.To != "" {
		where, args = append(where, "s.said_on <= ?"), append(args, string(q.To))
	}
	return db.rankedSearch(ctx, rankedQuery{table: "statements", ftsTable: "statements_fts", stems: stems,
		fields: []string{"s.speaker_name", "s.text"}, weights: []float64{1, 1},
		cols: "s.id, s.source_id, s.speaker_name, s.text, '', s.said_on, s.language", where: where, args: args, limit: q.Limit})
}

// personDoc is the text a person is found by: names in every language and
// aliases. SQLite keeps it in people_fts, PostgreSQL its vector in the
// column people.search (both kept by triggers, migrations 0005 and 0010); on
// PostgreSQL the text is built here only for the hits' snippets.
const personDoc = `p.name || ' ' || COALESCE((SELECT string_agg(n.name, ' ') FROM person_names n WHERE n.person_id = p.id), '')
	|| ' ' || COALESCE((SELECT string_agg(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id), '')`

// claimDoc is the text a claim is found by, kept in claims_fts (SQLite) and
// claims.search (PostgreSQL) as personDoc is.
const claimDoc = `c.text || ' ' || COALESCE((SELECT string_agg(t.text, ' ') FROM claim_texts t WHERE t.claim_id = c.id), '')`

func (db *DB) searchRecordPeople(ctx context.Context, q inquest.RecordQuery, stems []string) ([]inquest.RecordHit, error) {
	from, match, order := db.dialect.ftsFrom("people", "p", "people_fts", "p.search")
	doc := "people_fts.names"
	if db.dialect == dialectPostgres {
		doc = personDoc
	}
	where := []string{match}
	args := []any{db.dialect.matchArg(stems)}
	if !q.Workspace {
		where, args = append(where, "p.private = ?"), append(args, false)
	}
	return collectHits(ctx, db.reader(), `SELECT p.id, 0, p.name, `+doc+`, p.slug, NULL, '' FROM `+from+
		` WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ?`, append(args, q.Limit)...)
}

func (db *DB) searchRecordClaims(ctx context.Context, q inquest.RecordQuery, stems []string) ([]inquest.RecordHit, error) {
	from, match, order := db.dialect.ftsFrom("claims", "c", "claims_fts", "c.search")
	doc := "claims_fts.texts"
	if db.dialect == dialectPostgres {
		doc = claimDoc
	}
	where := []string{match, "c.case_id = ?"}
	args := []any{db.dialect.matchArg(stems), q.CaseID}
	if !q.Workspace {
		where, args = append(where, "c.private = ?"), append(args, false)
	}
	return collectHits(ctx, db.reader(), `SELECT c.id, 0, c.slug, `+doc+`, c.slug, NULL, '' FROM `+from+
		` WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ?`, append(args, q.Limit)...)
}

// collectHits runs a search query whose columns are id, source id, title,
// text (for the snippet), slug, day and language.
func collectHits(ctx context.Context, r q, query string, args ...any) ([]inquest.RecordHit, error) {
	rows, err := r.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []inquest.RecordHit
	for rows.Next() {
		var h inquest.RecordHit
		var day sql.NullString
		if err := rows.Scan(&h.ID, &h.SourceID, &h.Title, &h.Snippet, &h.Slug, &day, &h.Language); err != nil {
			return nil, err
		}
		h.Date = dateOf(day)
		out = append(out, h)
	}
	return out, rows.Err()
}

// snippetAround cuts about width characters of text around the first word
// that starts with one of the stems, marking each matching word with
// MarkStart and MarkEnd. It reads text only up to the end of the snippet, so
// a long transcript costs no more than a short one.
func snippetAround(text string, stems []string, width int) string {
	first := -1
	forEachWord(text, 0, func(s, e int) bool {
		if wordMatches(text[s:e], stems) {
			first = s
			return false
		}
		return true
	})
	start := 0
	if first >= 0 {
		start = first
		for back := 0; back < width/3 && start > 0; back++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	end := start
	for n := 0; n < width && end < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	pos := start
	cutAtEnd := end < len(text) && isWordRune(firstRune(text[end:])) // the last word goes on past the snippet
	forEachWord(text[:end], start, func(s, e int) bool {
		if wordMatches(text[s:e], stems) && !(e == end && cutAtEnd) {
			unmarked.WriteString(&b, text[pos:s])
			b.WriteString(MarkStart + text[s:e] + MarkEnd)
			pos = e
		}
		return true
	})
	unmarked.WriteString(&b, text[pos:end])
	if end < len(text) {
		b.WriteString(" …")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// unmarked drops the mark characters from the text around the marks: a text
// may hold them (ingest allows a few control characters), and they must not
// open or close a highlight.
var unmarked = strings.NewReplacer(MarkStart, "", MarkEnd, "")

// forEachWord calls fn with the byte span of each word (a run of letters and
// digits) of text from byte from on, until fn returns false. A word that
// from cuts in two is skipped.
func forEachWord(text string, from int, fn func(start, end int) bool) {
	cut := from > 0 && from < len(text) && isWordRune(lastRune(text[:from])) && isWordRune(firstRune(text[from:]))
	start := -1
	for i, r := range text[from:] {
		i += from
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if cut {
				cut = false
			} else if !fn(start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 && !cut {
		fn(start, len(text))
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// wordMatches reports whether word starts with one of the stems, ignoring
// case.
func wordMatches(word string, stems []string) bool {
	for _, st := range stems {
		if hasStem(word, st) {
			return true
		}
	}
	return false
}

// hasStem reports whether word starts with stem (lower case), ignoring the
// case of word, without allocating.
func hasStem(word, stem string) bool {
	for _, sr := range stem {
		wr, size := utf8.DecodeRuneInString(word)
		if size == 0 || unicode.ToLower(wr) != sr {
			return false
		}
		word = word[size:]
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most text, and every separator in it
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// Cyrillic letters (Russian, Kazakh): the rest of the text, which
	// unicode.IsLetter finds by a search of its tables. U+0482-U+0489, a
	// sign and combining marks, are no letters.
	if 0x0400 <= r && r <= 0x04FF {
		return r <= 0x0481 || r >= 0x048A
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
