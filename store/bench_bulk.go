package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

// Bulk writes many new records in one transaction with multi-row INSERTs, for
// the benchmark generator (package benchgen), which builds cases of a
// million statements: one transaction and one round trip per few hundred
// rows, where the store's ordinary methods take one transaction per record.
//
// It is for building benchmark and test workspaces only. It skips what the
// ordinary methods do around the insert: no audit entries, no check that a
// source's bytes or locator are new (every source is version 1 of a new
// locator), no look-up of statements already stored at the same span. A
// constraint the caller breaks fails the whole batch, and nothing of it is
// stored.
type Bulk struct{ t *tx }

// BulkLoad runs fn in one write transaction and commits if fn returns nil.
func (db *DB) BulkLoad(ctx context.Context, fn func(b *Bulk) error) error {
	return db.inTx(ctx, func(t *tx) error { return fn(&Bulk{t}) })
}

// Sources stores new sources (version 1 of locators not held yet) with
// their original bytes archived, filling ID, Version, SHA256, Size,
// TextSHA256 and CreatedAt.
func (b *Bulk) Sources(ctx context.Context, srcs []*inquest.Source, originals [][]byte) error {
	if len(srcs) != len(originals) {
		return inquest.Errorf(inquest.EINVALID, "bulk sources: %d sources but %d originals", len(srcs), len(originals))
	}
	d, at := b.t.db.dialect, now()
	blobs := make([][]any, 0, len(srcs))
	rows := make([][]any, 0, len(srcs))
	byLocator := make(map[string]*inquest.Source, len(srcs))
	for i, s := range srcs {
		s.SHA256, s.Size, s.TextSHA256 = inquest.SHA256Hex(originals[i]), int64(len(originals[i])), inquest.SHA256Hex([]byte(s.Text))
		s.Version, s.PreviousID, s.CreatedAt = 1, 0, at
		if err := s.Validate(); err != nil {
			return err
		}
		blobs = append(blobs, []any{s.SHA256, s.Size, originals[i], d.ts(at)})
		rows = append(rows, []any{s.CaseID, 1, s.Locator, s.URL, s.FileName, s.Title, s.Publisher, string(s.Kind), s.Language,
			nullDate(s.Published), d.ts(s.RetrievedAt), s.SHA256, s.Size, s.ContentType, s.Headers, s.Text, s.TextSHA256, s.Private, d.ts(at)})
		byLocator[s.Locator] = s
	}
	if err := b.insert(ctx, "blobs", "sha256, size, data, created_at", blobs, " ON CONFLICT (sha256) DO NOTHING", nil); err != nil {
		return err
	}
	return b.insert(ctx, "sources", `case_id, version, locator, url, file_name, title, publisher, kind, language, published,
		retrieved_at, sha256, size, content_type, headers, text, text_sha256, private, created_at`, rows, " RETURNING id, locator",
		func(r *sql.Rows) error {
			var id int64
			var loc string
			if err := r.Scan(&id, &loc); err != nil {
				return err
			}
			if s := byLocator[loc]; s != nil {
				s.ID = id
			}
			return nil
		})
}

// span identifies a record placed in a source's text.
type span struct {
	source     int64
	start, end int
}

// Statements stores new statements, filling ID, CreatedAt and UpdatedAt;
// translations are not stored.
func (b *Bulk) Statements(ctx context.Context, sts []*inquest.Statement) error {
	d, at := b.t.db.dialect, now()
	rows := make([][]any, 0, len(sts))
	bySpan := make(map[span]*inquest.Statement, len(sts))
	for _, s := range sts {
		if err := s.Validate(); err != nil {
			return err
		}
		s.CreatedAt, s.UpdatedAt = at, at
		rows = append(rows, []any{s.CaseID, s.SourceID, nullID(s.PersonID), s.SpeakerName, s.SpeakerRole, s.Text, s.Start, s.End,
			s.Context, nullDate(s.SaidOn), s.Venue, s.Language, string(s.Origin), string(s.Review), s.Confidence, s.Note, d.ts(at), d.ts(at)})
		bySpan[span{s.SourceID, s.Start, s.End}] = s
	}
	return b.insert(ctx, "statements", `case_id, source_id, person_id, speaker_name, speaker_role, text, start_pos, end_pos,
		context, said_on, venue, language, origin, review, confidence, note, created_at, updated_at`, rows,
		" RETURNING id, source_id, start_pos, end_pos", scanSpan(func(k span, id int64) {
			if s := bySpan[k]; s != nil {
				s.ID = id
			}
		}))
}

// Stances stores new stances, filling ID.
func (b *Bulk) Stances(ctx context.Context, sts []*inquest.Stance) error {
	d, at := b.t.db.dialect, now()
	rows := make([][]any, 0, len(sts))
	type key struct{ statement, claim int64 }
	byKey := make(map[key]*inquest.Stance, len(sts))
	for _, s := range sts {
		rows = append(rows, []any{s.StatementID, s.ClaimID, string(s.Stance), string(s.Review), s.Confidence, s.DecidedBy,
			d.ts(s.DecidedAt), s.Note, d.ts(at), d.ts(at)})
		byKey[key{s.StatementID, s.ClaimID}] = s
	}
	return b.insert(ctx, "stances", "statement_id, claim_id, stance, review, confidence, decided_by, decided_at, note, created_at, updated_at",
		rows, " RETURNING id, statement_id, claim_id", func(r *sql.Rows) error {
			var k key
			var id int64
			if err := r.Scan(&id, &k.statement, &k.claim); err != nil {
				return err
			}
			if s := byKey[k]; s != nil {
				s.ID = id
			}
			return nil
		})
}

// Figures stores new figures, filling ID and CreatedAt.
func (b *Bulk) Figures(ctx context.Context, figs []*inquest.Figure) error {
	d, at := b.t.db.dialect, now()
	rows := make([][]any, 0, len(figs))
	bySpan := make(map[span]*inquest.Figure, len(figs))
	for _, f := range figs {
		f.CreatedAt = at
		rows = append(rows, []any{f.CaseID, f.SourceID, nullID(f.StatementID), nullID(f.MeasureID), f.Measure, f.Text, f.Value, f.ValueMax,
			f.Qualifier, nullDate(f.AsOf), nullID(f.ClaimantID), f.ClaimantName, f.Start, f.End, string(f.Review), f.Confidence, d.ts(at)})
		bySpan[span{f.SourceID, f.Start, f.End}] = f
	}
	return b.insert(ctx, "figures", `case_id, source_id, statement_id, measure_id, measure, text, value, value_max, qualifier,
		as_of, claimant_id, claimant_name, start_pos, end_pos, review, confidence, created_at`, rows,
		" RETURNING id, source_id, start_pos, end_pos", scanSpan(func(k span, id int64) {
			if f := bySpan[k]; f != nil {
				f.ID = id
			}
		}))
}

// Questions stores new questions, filling ID and CreatedAt.
func (b *Bulk) Questions(ctx context.Context, qs []*inquest.Question) error {
	d, at := b.t.db.dialect, now()
	rows := make([][]any, 0, len(qs))
	bySpan := make(map[span]*inquest.Question, len(qs))
	for _, q := range qs {
		q.CreatedAt = at
		rows = append(rows, []any{q.CaseID, nullID(q.SourceID), nullID(q.StatementID), q.Text, nullID(q.AskerID), q.AskerName,
			nullID(q.AddresseeID), q.AddresseeName, nullDate(q.AskedOn), q.Venue, string(q.Status), nullID(q.AnswerStatementID),
			q.Start, q.End, string(q.Review), q.Confidence, q.Note, d.ts(at)})
		bySpan[span{q.SourceID, q.Start, q.End}] = q
	}
	return b.insert(ctx, "questions", `case_id, source_id, statement_id, text, asker_id, asker_name, addressee_id,
		addressee_name, asked_on, venue, status, answer_statement_id, start_pos, end_pos, review, confidence, note, created_at`, rows,
		" RETURNING id, source_id, start_pos, end_pos", scanSpan(func(k span, id int64) {
			if q := bySpan[k]; q != nil {
				q.ID = id
			}
		}))
}

func scanSpan(set func(span, int64)) func(*sql.Rows) error {
	return func(r *sql.Rows) error {
		var k span
		var id int64
		if err := r.Scan(&id, &k.source, &k.start, &k.end); err != nil {
			return err
		}
		set(k, id)
		return nil
	}
}

// insert writes rows into table: see tx.insertRows.
func (b *Bulk) insert(ctx context.Context, table, cols string, rows [][]any, suffix string, scan func(*sql.Rows) error) error {
	if err := b.t.insertRows(ctx, table, cols, rows, suffix, scan); err != nil {
		return domainError(err, fmt.Sprintf("bulk %s", table))
	}
	return nil
}

// insertRows writes rows into table in multi-row INSERTs, each under the
// parameter limits of both databases (SQLite 32,766; PostgreSQL 65,535),
// and hands each row that RETURNING gives to scan. Bulk loads and ingest
// (ingest_batch.go) write through it. A full chunk of the rows ingest
// writes most of is prepared once per database (ingestQueries); parsing an
// INSERT of 500 rows costs about as much as running it.
func (t *tx) insertRows(ctx context.Context, table, cols string, rows [][]any, suffix string, scan func(*sql.Rows) error) error {
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	per := chunkRows(width)
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		query := insertSQL(table, cols, len(chunk), width, suffix)
		args := make([]any, 0, len(chunk)*width)
		for _, r := range chunk {
			args = append(args, r...)
		}
		st := t.prepared(ctx, query)
		if scan == nil {
			var err error
			if st != nil {
				_, err = st.ExecContext(ctx, args...)
			} else {
				_, err = t.exec(ctx, query, args...)
			}
			if err != nil {
				return err
			}
			continue
		}
		var r *sql.Rows
		var err error
		if st != nil {
			r, err = st.QueryContext(ctx, args...)
		} else {
			r, err = t.query(ctx, query, args...)
		}
		if err != nil {
			return err
		}
		for r.Next() {
			if err := scan(r); err != nil {
				r.Close()
				return err
			}
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	return nil
}

// chunkRows is how many rows of width columns one INSERT takes.
func chunkRows(width int) int { return min(max(1, 30000/width), 500) }

// insertSQL is the INSERT of n rows of width columns into table, with ?
// placeholders and suffix (ON CONFLICT, RETURNING) after the values.
func insertSQL(table, cols string, n, width int, suffix string) string {
	one := "(?" + strings.Repeat(", ?", width-1) + ")"
	var q strings.Builder
	q.Grow(len(table) + len(cols) + n*(len(one)+2) + len(suffix) + 32)
	q.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
	for i := range n {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(one)
	}
	q.WriteString(suffix)
	return q.String()
}
