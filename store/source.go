package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// sourceColumns lists a source's columns; %s is where the text goes, so that
// listings can leave the (large) text out.
// sourceIsLatest holds for a source s that no later version follows: each
// version names the one it follows (previous_id, indexed), the latest
// version of its locator when it was stored. Probing that index for an id
// costs a few microseconds; comparing the locators (URLs) of the case's
// versions cost PostgreSQL 0.17 ms a source, 33 ms of each search of 200
// sources at a million statements.
const sourceIsLatest = "NOT EXISTS (SELECT 1 FROM sources n WHERE n.previous_id = s.id)"

const sourceColumns = `id, case_id, version, previous_id, locator, url, file_name, title, publisher, kind, language,
	published, retrieved_at, sha256, size, content_type, headers, %s, text_sha256, private, created_at`

var (
	sourceColumnsText   = fmt.Sprintf(sourceColumns, "text")
	sourceColumnsNoText = fmt.Sprintf(sourceColumns, "''")
)

// sourceMeta is what the audit log records of a source: everything but the
// text, which its hash stands for.
func sourceMeta(s *inquest.Source) *inquest.Source {
	m := *s
	m.Text = ""
	return &m
}

// AddSource archives original and inserts s, in one transaction. See
// inquest.SourceService for the contract. SHA256, Size and (when empty)
// TextSHA256 are computed here; a TextSHA256 that does not match Text is
// EINVALID, since it means the text is not the one the caller hashed.
func (db *DB) AddSource(ctx context.Context, s *inquest.Source, original []byte) (*inquest.Source, bool, error) {
	// One way to store a source: AddSourcesWithSuggestions (store/suggestions.go)
	// with no suggestions and no engine, which stores nothing more for bytes
	// the case holds already.
	created, errs := db.AddSourcesWithSuggestions(ctx, []*inquest.Source{s}, [][]byte{original}, []inquest.Suggestions{{}})
	if errs[0] != nil {
		return nil, false, errs[0]
	}
	return s, created[0], nil
}

// checkText refuses text that PostgreSQL cannot store (NUL characters,
// invalid UTF-8), on both backends alike, naming the field: a source that
// SQLite would take and PostgreSQL refuse would make the two records differ.
func checkText(what string, fields map[string]string) error {
	for _, name := range sortedKeys(fields) {
		v := fields[name]
		if !utf8.ValidString(v) {
			return inquest.Errorf(inquest.EINVALID, "%s: the %s is not valid UTF-8; convert it from its character set first", what, name)
		}
		if i := strings.IndexByte(v, 0); i >= 0 {
			return inquest.Errorf(inquest.EINVALID, "%s: the %s contains a NUL character at byte %d; strip control characters from it first", what, name, i)
		}
	}
	return nil
}

// Source returns one source with its text. ENOTFOUND.
func (db *DB) Source(ctx context.Context, id int64) (*inquest.Source, error) {
	s, err := scanSource(db.reader().row(ctx, "SELECT "+sourceColumnsText+" FROM sources WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("source %d", id))
	}
	return s, nil
}

// Sources lists sources ordered by id.
func (db *DB) Sources(ctx context.Context, f inquest.SourceFilter) ([]*inquest.Source, error) {
	cols := sourceColumnsText
	if f.WithoutText {
		cols = sourceColumnsNoText
	}
	var where []string
	var args []any
	if f.CaseID != 0 {
		where, args = append(where, "s.case_id = ?"), append(args, f.CaseID)
	}
	if f.Locator != "" {
		where, args = append(where, "s.locator = ?"), append(args, f.Locator)
	}
	if f.PublicOnly {
		where = append(where, "s.private = ?")
		args = append(args, false)
	}
	if f.LatestOnly {
		where = append(where, sourceIsLatest)
	}
	query := "SELECT " + prefixColumns(cols, "s.") + " FROM sources s"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY s.id" + limitOffset(f.Limit, f.Offset)
	return db.querySources(ctx, query, args...)
}

// Versions returns every version of the source's locator, oldest first.
// ENOTFOUND when there is no source id.
func (db *DB) Versions(ctx context.Context, id int64) ([]*inquest.Source, error) {
	out, err := db.querySources(ctx, "SELECT "+prefixColumns(sourceColumnsNoText, "s.")+` FROM sources s
		JOIN sources o ON o.case_id = s.case_id AND o.locator = s.locator
		WHERE o.id = ? ORDER BY s.version`, id)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "source %d does not exist", id)
	}
	return out, nil
}

func (db *DB) querySources(ctx context.Context, query string, args ...any) ([]*inquest.Source, error) {
	rows, err := db.reader().query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []*inquest.Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Original returns the archived original bytes of a source. ENOTFOUND. The
// bytes are re-hashed on the way out: if they no longer match, the error
// wraps inquest.ErrTampered, so tampered evidence is never served as genuine.
func (db *DB) Original(ctx context.Context, sourceID int64) ([]byte, error) {
	var sum string
	var data []byte
	err := db.reader().row(ctx, "SELECT s.sha256, b.data FROM sources s JOIN blobs b ON b.sha256 = s.sha256 WHERE s.id = ?",
		sourceID).Scan(&sum, &data)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("source %d", sourceID))
	}
	if got := inquest.SHA256Hex(data); got != sum {
		return nil, fmt.Errorf("original of source %d: SHA-256 is %s, recorded %s: %w", sourceID, got, sum, inquest.ErrTampered)
	}
	return data, nil
}

// VerifyArchive re-hashes every archived blob and every source text and
// returns each mismatch, naming the source (every source that shares a
// changed blob is named). A source whose blob is missing is a mismatch of
// its original with Got "missing".
func (db *DB) VerifyArchive(ctx context.Context) ([]inquest.Mismatch, error) {
	r := db.reader()
	// Blobs are streamed one row at a time; only the hashes of bad ones are kept.
	bad := map[string]string{} // recorded hash -> actual hash
	rows, err := r.query(ctx, "SELECT sha256, data FROM blobs ORDER BY sha256")
	if err != nil {
		return nil, fmt.Errorf("verify archive: %w", err)
	}
	for rows.Next() {
		var sum string
		var data []byte
		if err := rows.Scan(&sum, &data); err != nil {
			rows.Close()
			return nil, fmt.Errorf("verify archive: %w", err)
		}
		if got := inquest.SHA256Hex(data); got != sum {
			bad[sum] = got
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verify archive: %w", err)
	}

	var out []inquest.Mismatch
	rows, err = r.query(ctx, `SELECT s.id, s.sha256, b.sha256, s.text, s.text_sha256
		FROM sources s LEFT JOIN blobs b ON b.sha256 = s.sha256 ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("verify archive: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sum, text, textSum string
		var blob sql.NullString
		if err := rows.Scan(&id, &sum, &blob, &text, &textSum); err != nil {
			return nil, fmt.Errorf("verify archive: %w", err)
		}
		if !blob.Valid {
			out = append(out, inquest.Mismatch{SourceID: id, What: "original", Want: sum, Got: "missing"})
		} else if got, ok := bad[sum]; ok {
			out = append(out, inquest.Mismatch{SourceID: id, What: "original", Want: sum, Got: got})
		}
		if got := inquest.SHA256Hex([]byte(text)); got != textSum {
			out = append(out, inquest.Mismatch{SourceID: id, What: "text", Want: textSum, Got: got})
		}
	}
	return out, rows.Err()
}

// ArchiveStats counts what verify checks.
type ArchiveStats struct {
	Sources      int64
	Blobs        int64
	AuditEntries int64
}

// Stats counts sources, archived blobs and audit entries.
func (db *DB) Stats(ctx context.Context) (ArchiveStats, error) {
	var st ArchiveStats
	err := db.reader().row(ctx, `SELECT (SELECT COUNT(*) FROM sources), (SELECT COUNT(*) FROM blobs),
		(SELECT COUNT(*) FROM audit_log)`).Scan(&st.Sources, &st.Blobs, &st.AuditEntries)
	if err != nil {
		return st, fmt.Errorf("count records: %w", err)
	}
	return st, nil
}

func scanSource(r scanner) (*inquest.Source, error) {
	s := new(inquest.Source)
	targets, finish := sourceScanTargets(s)
	if err := r.Scan(targets...); err != nil {
		return nil, err
	}
	finish()
	return s, nil
}

// sourceScanTargets returns the Scan destinations for sourceColumns into s,
// and a function that copies the nullable ones into s after the Scan.
func sourceScanTargets(s *inquest.Source) ([]any, func()) {
	var prev sql.NullInt64
	var published sql.NullString
	var kind string
	targets := []any{&s.ID, &s.CaseID, &s.Version, &prev, &s.Locator, &s.URL, &s.FileName, &s.Title, &s.Publisher,
		&kind, &s.Language, &published, scanTime{&s.RetrievedAt}, &s.SHA256, &s.Size, &s.ContentType, &s.Headers,
		&s.Text, &s.TextSHA256, &s.Private, scanTime{&s.CreatedAt}}
	return targets, func() {
		s.PreviousID, s.Published, s.Kind = idOf(prev), dateOf(published), inquest.SourceKind(kind)
	}
}

// prefixColumns qualifies each column of a comma-separated list with p,
// leaving literals alone.
func prefixColumns(cols, p string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		c = strings.TrimSpace(c)
		if !strings.HasPrefix(c, "'") {
			c = p + c
		}
		parts[i] = c
	}
	return strings.Join(parts, ", ")
}

// limitOffset renders LIMIT/OFFSET for non-zero values; both are ints, so
// formatting them into the SQL is safe.
func limitOffset(limit, offset int) string {
	var s string
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		if limit <= 0 {
			// SQLite needs a LIMIT before OFFSET, and PostgreSQL refuses
			// SQLite's -1 for "no limit"; the largest int64 suits both.
			s += " LIMIT 9223372036854775807"
		}
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}
