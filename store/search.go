package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/inquest-project/inquest"
)

// Snippets mark the matched words with these two characters, which never
// occur in stored text, so that a caller can escape the snippet for HTML
// first and then turn the marks into <mark> and </mark>.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// SearchFilter selects sources by the words of Query. Every word must occur
// in the source's title or text, as a word or the start of one: "террорист"
// finds "террористы". Case is ignored; nothing else is (no stemming, no
// folding of diacritics), identically on SQLite and PostgreSQL. Only the
// first 500,000 characters of a text are indexed.
type SearchFilter struct {
	CaseID     int64
	Query      string
	PublicOnly bool
	LatestOnly bool // only the newest version of each locator
	Limit      int  // 0 means 50
}

// SearchHit is one source found, without its text, and a snippet of it
// around the matched words (marked with MarkStart and MarkEnd).
type SearchHit struct {
	Source  *inquest.Source `json:"source"`
	Snippet string          `json:"snippet"`
}

// SearchSources returns the sources matching f, best match first. EINVALID
// when the query has no word to search for.
func (db *DB) SearchSources(ctx context.Context, f SearchFilter) ([]SearchHit, error) {
	words := searchWords(f.Query)
	if len(words) == 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "search %q has no word to look for", f.Query)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	where := []string{"1 = 1"}
	var args []any
	if f.CaseID != 0 {
		where, args = append(where, "s.case_id = ?"), append(args, f.CaseID)
	}
	if f.PublicOnly {
		where, args = append(where, "s.private = ?"), append(args, false)
	}
	if f.LatestOnly {
		where = append(where, "NOT EXISTS (SELECT 1 FROM sources n WHERE n.case_id = s.case_id AND n.locator = s.locator AND n.version > s.version)")
	}
	query, queryArg := db.dialect.searchSources(prefixColumns(sourceColumnsNoText, "s."), strings.Join(where, " AND "), words)
	args = append([]any{queryArg}, args...)
	args = append(args, f.Limit)
	rows, err := db.reader().query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search sources for %q: %w", f.Query, err)
	}
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var hit SearchHit
		s := new(inquest.Source)
		cols, finish := sourceScanTargets(s)
		if err := rows.Scan(append(cols, &hit.Snippet)...); err != nil {
			return nil, fmt.Errorf("search sources for %q: %w", f.Query, err)
		}
		finish()
		hit.Source = s
		out = append(out, hit)
	}
	return out, rows.Err()
}

// searchWords splits a query into the words both backends index: runs of
// letters and digits, lower-cased. Anything else (quotes, operators,
// punctuation) separates words, so no query can inject search syntax.
func searchWords(q string) []string {
	fields := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(fields) > 32 {
		fields = fields[:32]
	}
	return fields
}
