package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// This file writes a run of ingested documents (sources and the engine's
// suggestions for them) in one transaction, each kind of row in multi-row
// INSERTs. One row at a time cost more in the statement than in the data:
// on SQLite every INSERT into a table with a full-text trigger opens a
// statement journal, and FTS5 flushes its pending index to a new segment at
// each one, so a document of 24 statements wrote 24 tiny segments (and the
// merges after them); on PostgreSQL every row was a round trip.

// The rows an ingest writes most of: a run of 64 news articles has about
// 1,500 statements, 600 stances and 700 audit entries. A full chunk of
// each (chunkRows) is prepared once per database, with the look-ups.
const (
	statementInsertColumns = `case_id, source_id, person_id, speaker_name, speaker_role, text, start_pos, end_pos,
		context, said_on, venue, language, origin, review, confidence, note, created_at, updated_at`
	statementInsertSuffix = " ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING RETURNING id, source_id, start_pos, end_pos"
	stanceInsertColumns   = "statement_id, claim_id, stance, review, confidence, decided_by, decided_at, note, created_at, updated_at"
	stanceInsertSuffix    = " ON CONFLICT (statement_id, claim_id) DO NOTHING RETURNING id, statement_id, claim_id"
	auditInsertColumns    = "id, actor, at, action, entity, entity_id, before, after, prev_hash, hash"
)

// fullChunk is the INSERT of a full chunk of rows with these columns.
func fullChunk(table, cols, suffix string) string {
	width := strings.Count(cols, ",") + 1
	return insertSQL(table, cols, chunkRows(width), width, suffix)
}

// batchItem is one document of a run: its source as checked, the bytes to
// archive and the suggestions; what became of it is filled in.
type batchItem struct {
	in       *inquest.Source
	original []byte
	sug      *inquest.Suggestions

	stored  *inquest.Source
	created bool
	write   bool  // its suggestions are to be stored
	err     error // refused before anything of it was written
}

// runKey is what two documents of one transaction must not share: the second
// would have to see the first's row (the same bytes, or the next version of
// a locator), which the multi-row inserts do not look for.
type runKey struct {
	caseID int64
	kind   byte // 'h' bytes, 'l' locator
	value  string
}

// runs splits items into runs in which no two share bytes or a locator in a
// case, keeping their order; each run is one transaction.
func runs(items []*batchItem) [][]*batchItem {
	var out [][]*batchItem
	var cur []*batchItem
	seen := map[runKey]bool{}
	for _, it := range items {
		keys := []runKey{{it.in.CaseID, 'h', it.in.SHA256}, {it.in.CaseID, 'l', it.in.Locator}}
		if seen[keys[0]] || seen[keys[1]] {
			out, cur, seen = append(out, cur), nil, map[runKey]bool{}
		}
		for _, k := range keys {
			seen[k] = true
		}
		cur = append(cur, it)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// storeRun writes a run in one transaction. An item refused by the checks
// made inside it (a suggestion's span outside the text it belongs to) gets
// its err and nothing of it is written; any other failure fails the run, and
// nothing of it is stored.
func (db *DB) storeRun(ctx context.Context, run []*batchItem) error {
	for _, it := range run {
		it.stored, it.created, it.write, it.err = nil, false, false, nil
	}
	return db.inTx(ctx, func(t *tx) error {
		if err := t.resolveRun(ctx, run); err != nil {
			return err
		}
		if err := t.insertRunSources(ctx, run); err != nil {
			return err
		}
		return t.insertRunSuggestions(ctx, run)
	})
}

// resolveRun decides for each item whether its bytes are held already (and
// whether its suggestions are then still to be stored) or it is a new source
// or the next version of its locator, and checks the suggestions' spans
// against the text they belong to.
func (t *tx) resolveRun(ctx context.Context, run []*batchItem) error {
	for _, it := range run {
		existing, err := scanSource(t.stmt(ctx, qSourceByHash).QueryRowContext(ctx, it.in.CaseID, it.in.SHA256))
		switch {
		case err == nil:
			it.stored = existing
			if it.sug.Engine == "" {
				continue
			}
			var n int64
			if err := t.stmt(ctx, qExtractionOf).QueryRowContext(ctx, existing.ID).Scan(&n); err != nil {
				return fmt.Errorf("look up extraction of source %d: %w", existing.ID, err)
			}
			it.write = n == 0
		case errors.Is(err, sql.ErrNoRows):
			s := *it.in
			s.Version = 1
			var prevID int64
			var prevVersion int
			err := t.stmt(ctx, qLatestVersion).QueryRowContext(ctx, s.CaseID, s.Locator).Scan(&prevID, &prevVersion)
			switch {
			case err == nil:
				s.PreviousID, s.Version = prevID, prevVersion+1
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("look up earlier version of %q: %w", s.Locator, err)
			}
			it.stored, it.created, it.write = &s, true, true
		default:
			return fmt.Errorf("look up source by hash: %w", err)
		}
		if it.write {
			if err := checkSpans(it.stored, it.sug); err != nil {
				it.err, it.write, it.created, it.stored = err, false, false, nil
			}
		}
	}
	return nil
}

// checkSpans refuses a suggestion whose span lies outside src's text: it
// would point at nothing an analyst could check.
func checkSpans(src *inquest.Source, sug *inquest.Suggestions) error {
	length := utf8.RuneCountInString(src.Text)
	span := func(kind string, start, end int) error {
		if end > length {
			return inquest.Errorf(inquest.EINVALID, "source %q: suggested %s at %d..%d lies outside the text, which has %d characters",
				src.Locator, kind, start, end, length)
		}
		return nil
	}
	for _, st := range sug.Statements {
		if err := span("statement", st.Start, st.End); err != nil {
			return err
		}
	}
	for _, f := range sug.Figures {
		if err := span("figure", f.Figure.Start, f.Figure.End); err != nil {
			return err
		}
	}
	for _, q := range sug.Questions {
		if err := span("question", q.Question.Start, q.Question.End); err != nil {
			return err
		}
	}
	return nil
}

// insertRunSources archives the new items' bytes and inserts their sources,
// filling ID and CreatedAt.
func (t *tx) insertRunSources(ctx context.Context, run []*batchItem) error {
	d, at := t.db.dialect, now()
	type key struct {
		caseID int64
		sum    string
	}
	byKey := map[key]*inquest.Source{}
	var blobs, rows [][]any
	for _, it := range run {
		if !it.created {
			continue
		}
		s := it.stored
		s.CreatedAt = at
		byKey[key{s.CaseID, s.SHA256}] = s
		blobs = append(blobs, []any{s.SHA256, int64(len(it.original)), it.original, d.ts(at)})
		rows = append(rows, []any{s.CaseID, s.Version, nullID(s.PreviousID), s.Locator, s.URL, s.FileName, s.Title, s.Publisher,
			string(s.Kind), s.Language, nullDate(s.Published), d.ts(s.RetrievedAt), s.SHA256, s.Size, s.ContentType, s.Headers,
			s.Text, s.TextSHA256, s.Private, d.ts(at)})
	}
	// Bytes another case archived already are kept as they are: the hash
	// names them.
	if err := t.insertRows(ctx, "blobs", "sha256, size, data, created_at", blobs, " ON CONFLICT (sha256) DO NOTHING", nil); err != nil {
		return fmt.Errorf("archive originals: %w", err)
	}
	return t.insertRows(ctx, "sources", `case_id, version, previous_id, locator, url, file_name, title, publisher, kind,
		language, published, retrieved_at, sha256, size, content_type, headers, text, text_sha256, private, created_at`, rows,
		" RETURNING id, case_id, sha256", func(r *sql.Rows) error {
			var id int64
			var k key
			if err := r.Scan(&id, &k.caseID, &k.sum); err != nil {
				return err
			}
			if s := byKey[k]; s != nil {
				s.ID = id
			}
			return nil
		})
}

// insertRunSuggestions stores the suggestions of the items that have them
// to store, records their extraction, and appends the audit entries: for
// each item in order, its source's (source.add or source.version) and then
// one per stance, as AddSource and AddStance write them. Statements, figures
// and questions are suggestions and, as in AddStatement, are not audited one
// by one; the analyst's decision on each is.
func (t *tx) insertRunSuggestions(ctx context.Context, run []*batchItem) error {
	d, at := t.db.dialect, now()

	// Statements. A span held already (stored before its extraction was
	// recorded, or the same span twice) keeps its row: an analyst may have
	// reviewed it.
	bySpan := map[span]int64{}
	inserted := map[int64]bool{} // statement ids this run inserted
	var rows [][]any
	for _, it := range run {
		if !it.write {
			continue
		}
		for _, s := range it.sug.Statements {
			s.CaseID, s.SourceID = it.stored.CaseID, it.stored.ID
			rows = append(rows, []any{s.CaseID, s.SourceID, nullID(s.PersonID), s.SpeakerName, s.SpeakerRole, s.Text, s.Start, s.End,
				s.Context, nullDate(s.SaidOn), s.Venue, s.Language, string(s.Origin), string(s.Review), s.Confidence, s.Note,
				d.ts(at), d.ts(at)})
		}
	}
	err := t.insertRows(ctx, "statements", statementInsertColumns, rows, statementInsertSuffix, scanSpan(func(k span, id int64) { bySpan[k], inserted[id] = id, true }))
	if err != nil {
		return err
	}
	for _, it := range run {
		if !it.write {
			continue
		}
		for _, s := range it.sug.Statements {
			k := span{s.SourceID, s.Start, s.End}
			id, ok := bySpan[k]
			if !ok {
				what := fmt.Sprintf("statement at %d..%d of source %d", s.Start, s.End, s.SourceID)
				if err := t.stmt(ctx, qStatementAt).QueryRowContext(ctx, s.SourceID, s.Start, s.End).Scan(&id); err != nil {
					return fmt.Errorf("%s: %w", what, err)
				}
				bySpan[k] = id
			}
			s.ID = id
			if !inserted[id] {
				continue
			}
			s.CreatedAt, s.UpdatedAt = at, at
			for _, lang := range sortedKeys(s.Translations) {
				if _, err := t.exec(ctx, "INSERT INTO statement_translations (statement_id, lang, text) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
					s.ID, lang, s.Translations[lang]); err != nil {
					return domainError(err, fmt.Sprintf("statement at %d..%d of source %d: translation into %s", s.Start, s.End, s.SourceID, lang))
				}
			}
		}
	}

	// Stances. One on a claim held already is kept: a suggestion never
	// overwrites it.
	type stanceKey struct{ statement, claim int64 }
	stanceIDs := map[stanceKey]int64{}
	rows = rows[:0]
	for _, it := range run {
		if !it.write {
			continue
		}
		for _, ss := range it.sug.Stances {
			rows = append(rows, []any{it.sug.Statements[ss.Statement].ID, ss.ClaimID, string(ss.Stance), string(inquest.Suggested),
				ss.Confidence, "", nil, "", d.ts(at), d.ts(at)})
		}
	}
	err = t.insertRows(ctx, "stances", stanceInsertColumns, rows, stanceInsertSuffix, func(r *sql.Rows) error {
		var k stanceKey
		var id int64
		if err := r.Scan(&id, &k.statement, &k.claim); err != nil {
			return err
		}
		stanceIDs[k] = id
		return nil
	})
	if err != nil {
		return err
	}

	statementOf := func(it *batchItem, i int) int64 {
		if i == inquest.NoStatement {
			return 0
		}
		return it.sug.Statements[i].ID
	}
	rows = rows[:0]
	for _, it := range run {
		if !it.write {
			continue
		}
		for _, sf := range it.sug.Figures {
			f := sf.Figure
			f.CaseID, f.SourceID, f.StatementID, f.CreatedAt = it.stored.CaseID, it.stored.ID, statementOf(it, sf.Statement), at
			rows = append(rows, []any{f.CaseID, f.SourceID, nullID(f.StatementID), nullID(f.MeasureID), f.Measure, f.Text,
				f.Value, f.ValueMax, f.Qualifier, nullDate(f.AsOf), nullID(f.ClaimantID), f.ClaimantName, f.Start, f.End,
				string(f.Review), f.Confidence, d.ts(at)})
		}
	}
	if err := t.insertRows(ctx, "figures", `case_id, source_id, statement_id, measure_id, measure, text, value, value_max, qualifier,
		as_of, claimant_id, claimant_name, start_pos, end_pos, review, confidence, created_at`, rows,
		" ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING", nil); err != nil {
		return err
	}

	rows = rows[:0]
	for _, it := range run {
		if !it.write {
			continue
		}
		for _, sq := range it.sug.Questions {
			qn := sq.Question
			qn.CaseID, qn.SourceID, qn.StatementID, qn.CreatedAt = it.stored.CaseID, it.stored.ID, statementOf(it, sq.Statement), at
			rows = append(rows, []any{qn.CaseID, qn.SourceID, nullID(qn.StatementID), qn.Text, nullID(qn.AskerID), qn.AskerName,
				nullID(qn.AddresseeID), qn.AddresseeName, nullDate(qn.AskedOn), qn.Venue, string(qn.Status), nullID(qn.AnswerStatementID),
				qn.Start, qn.End, string(qn.Review), qn.Confidence, qn.Note, d.ts(at)})
		}
	}
	if err := t.insertRows(ctx, "questions", `case_id, source_id, statement_id, text, asker_id, asker_name, addressee_id,
		addressee_name, asked_on, venue, status, answer_statement_id, start_pos, end_pos, review, confidence, note, created_at`, rows,
		" ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING", nil); err != nil {
		return err
	}

	rows = rows[:0]
	for _, it := range run {
		if it.write && it.sug.Engine != "" {
			rows = append(rows, []any{it.stored.ID, it.sug.Engine, d.ts(at)})
		}
	}
	if err := t.insertRows(ctx, "source_extractions", "source_id, engine, extracted_at", rows,
		" ON CONFLICT (source_id) DO UPDATE SET engine = excluded.engine, extracted_at = excluded.extracted_at", nil); err != nil {
		return fmt.Errorf("record extraction: %w", err)
	}

	var entries []*inquest.AuditEntry
	for _, it := range run {
		if it.created {
			action := "source.add"
			if it.stored.Version > 1 {
				action = "source.version"
			}
			entries = append(entries, &inquest.AuditEntry{Action: action, Entity: "source", EntityID: it.stored.ID,
				After: auditJSON(sourceMeta(it.stored))})
		}
		if !it.write {
			continue
		}
		for _, ss := range it.sug.Stances {
			k := stanceKey{it.sug.Statements[ss.Statement].ID, ss.ClaimID}
			id, ok := stanceIDs[k]
			if !ok {
				continue // held already, or suggested twice: audited once
			}
			delete(stanceIDs, k)
			st := &inquest.Stance{ID: id, StatementID: k.statement, ClaimID: k.claim, Stance: ss.Stance,
				Review: inquest.Suggested, Confidence: ss.Confidence}
			entries = append(entries, &inquest.AuditEntry{Action: "stance.add", Entity: "stance", EntityID: id, After: auditJSON(st)})
		}
	}
	return t.appendAudits(ctx, entries)
}

// appendAudits appends entries to the audit chain in order, as appendAudit
// does one at a time: the audit lock is taken once and the last entry read
// once, and the entries go in in multi-row INSERTs.
func (t *tx) appendAudits(ctx context.Context, entries []*inquest.AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	if err := t.db.dialect.lockAudit(ctx, t.tx); err != nil {
		return fmt.Errorf("lock audit log: %w", err)
	}
	var lastID int64
	var lastHash string
	err := t.row(ctx, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").Scan(&lastID, &lastHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read last audit entry: %w", err)
	}
	actor, at := actorFrom(ctx), now()
	rows := make([][]any, 0, len(entries))
	for _, e := range entries {
		if e.Actor == "" {
			e.Actor = actor
		}
		lastID++
		e.ID, e.At, e.PrevHash = lastID, at, lastHash
		e.Hash = e.ComputeHash()
		lastHash = e.Hash
		rows = append(rows, []any{e.ID, e.Actor, t.db.dialect.ts(e.At), e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash})
	}
	if err := t.insertRows(ctx, "audit_log", auditInsertColumns, rows, "", nil); err != nil {
		return fmt.Errorf("append %d audit entries: %w", len(entries), err)
	}
	return nil
}
