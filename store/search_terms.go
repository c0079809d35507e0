package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// A search matches each stem as a word prefix (search_stem.go). FTS5 answers
// a prefix by merging the posting lists of every word that starts with it,
// whole, before it yields a row: for "prosecut" at a million statements
// that is 10-20 ms of the 200 rows a search reads. The posting list of a
// word itself is read lazily, and the same 200 rows of "prosecutor" OR
// "prosecutors" cost a tenth of a millisecond. So on SQLite a stem is
// expanded into the index's words that begin with it (the fts5vocab tables
// of migration 0013), and the query names those words.
//
// Listing a prefix's words counts each one's rows, which costs about half
// what the prefix query did; the lists are kept, per index, for as long as
// the index has not changed. FTS5 rewrites its structure record (row 10 of
// its _data table) on every change to the index, here or in another
// process, so that record is the index's version. Analysts search the same
// few hundred words again and again, and a kept list makes the search of a
// common word about ten times cheaper.
//
// The matches are the same as the prefix's, with one gap: a word first
// written between the version's read and the query's is missed by that one
// query (the next sees a new version).

// maxPrefixTerms bounds the words a stem expands to; a short stem of a
// common root ("тока") can stand for hundreds, and then the prefix query,
// which merges them once, is the cheaper.
const maxPrefixTerms = 48

// maxKeptPrefixes bounds the stems kept per index.
const maxKeptPrefixes = 4096

// prefixTerms keeps, per full-text index, the words each stem stands for.
type prefixTerms struct {
	mu      sync.Mutex
	indexes map[string]*keptTerms // by FTS5 table
}

// keptTerms is one index's expansions at one version of it. A nil list
// means the stem stands for too many words (or none) to name.
type keptTerms struct {
	version string
	mu      sync.Mutex
	terms   map[string][]string
}

// vocabularies names the fts5vocab table of each FTS5 table that has one.
var vocabularies = map[string]string{"sources_fts": "sources_terms", "statements_fts": "statements_terms"}

// ftsMatch returns the FTS5 query for stems on ftsTable: each stem as the
// words of the index it begins (a stem whose words are too many, or that
// the index has no vocabulary table for, stays a prefix).
func (db *DB) ftsMatch(ctx context.Context, ftsTable string, stems []string) (string, error) {
	vocab := vocabularies[ftsTable]
	if db.dialect != dialectSQLite || vocab == "" {
		return db.dialect.matchArg(stems), nil
	}
	r := db.reader()
	var version []byte
	if err := r.row(ctx, "SELECT block FROM "+ftsTable+"_data WHERE id = 10").Scan(&version); err != nil {
		return "", fmt.Errorf("read the version of %s: %w", ftsTable, err)
	}
	kept := db.prefixes.at(ftsTable, string(version))
	terms := make([]string, len(stems))
	for i, stem := range stems {
		words, ok := kept.get(stem)
		if !ok {
			var err error
			if words, err = indexWords(ctx, r, vocab, stem); err != nil {
				return "", fmt.Errorf("list the words of %s that begin with %q: %w", ftsTable, stem, err)
			}
			kept.put(stem, words)
		}
		if len(words) == 0 {
			terms[i] = `"` + stem + `"*`
			continue
		}
		quoted := make([]string, len(words))
		for j, w := range words {
			quoted[j] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		terms[i] = "(" + strings.Join(quoted, " OR ") + ")"
	}
	return strings.Join(terms, " AND "), nil
}

// indexWords lists the words of the index whose vocabulary table is vocab
// that begin with stem, or nil when there are more than maxPrefixTerms.
// Words are compared as bytes, so every word that begins with stem sorts
// from stem up to stem followed by the last code point.
func indexWords(ctx context.Context, r q, vocab, stem string) ([]string, error) {
	rows, err := r.query(ctx, "SELECT term FROM "+vocab+" WHERE term >= ? AND term < ? LIMIT ?", stem, stem+"\U0010FFFF", maxPrefixTerms+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var words []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		words = append(words, w)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(words) > maxPrefixTerms {
		return nil, nil
	}
	return words, nil
}

// at returns the kept expansions of ftsTable at version, forgetting those
// of any other version.
func (p *prefixTerms) at(ftsTable, version string) *keptTerms {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := p.indexes[ftsTable]
	if k == nil || k.version != version {
		if p.indexes == nil {
			p.indexes = map[string]*keptTerms{}
		}
		k = &keptTerms{version: version, terms: map[string][]string{}}
		p.indexes[ftsTable] = k
	}
	return k
}

func (k *keptTerms) get(stem string) ([]string, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	words, ok := k.terms[stem]
	return words, ok
}

func (k *keptTerms) put(stem string, words []string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.terms) >= maxKeptPrefixes {
		clear(k.terms)
	}
	k.terms[stem] = words
}
