package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"weak"

	"github.com/inquest-project/inquest"
)

var _ inquest.IngestService = (*DB)(nil)

// The SQL of an ingest, prepared once per database and reused by every
// transaction (see ingestStmts), since parsing it again for every document
// cost more than running it.
var (
	qSourceByHash  = "SELECT " + sourceColumnsText + " FROM sources WHERE case_id = ? AND sha256 = ?"
	qExtractionOf  = "SELECT COUNT(*) FROM source_extractions WHERE source_id = ?"
	qLatestVersion = "SELECT id, version FROM sources WHERE case_id = ? AND locator = ? ORDER BY version DESC LIMIT 1"
	qInsertSource  = `INSERT INTO sources (case_id, version, previous_id, locator, url, file_name, title, publisher, kind,
			language, published, retrieved_at, sha256, size, content_type, headers, text, text_sha256, private, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	qInsertStatement = `INSERT INTO statements (case_id, source_id, person_id, speaker_name, speaker_role, text, start_pos, end_pos,
			context, said_on, venue, language, origin, review, confidence, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING RETURNING id`
	qStatementAt  = "SELECT id FROM statements WHERE source_id = ? AND start_pos = ? AND end_pos = ?"
	qInsertStance = `INSERT INTO stances (statement_id, claim_id, stance, review, confidence, decided_by, decided_at, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, '', NULL, '', ?, ?) ON CONFLICT (statement_id, claim_id) DO NOTHING RETURNING id`
	qInsertFigure = `INSERT INTO figures (case_id, source_id, statement_id, measure_id, measure, text, value, value_max, qualifier,
			as_of, claimant_id, claimant_name, start_pos, end_pos, review, confidence, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING`
	qInsertQuestion = `INSERT INTO questions (case_id, source_id, statement_id, text, asker_id, asker_name, addressee_id,
			addressee_name, asked_on, venue, status, answer_statement_id, start_pos, end_pos, review, confidence, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id, start_pos, end_pos) DO NOTHING`
	qRecordExtraction = `INSERT INTO source_extractions (source_id, engine, extracted_at) VALUES (?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET engine = excluded.engine, extracted_at = excluded.extracted_at`
)

// ingestQueries are the queries stmtCache prepares for AddSourceWithSuggestions.
var ingestQueries = []string{qSourceByHash, qExtractionOf, qLatestVersion, qInsertSource, qInsertStatement,
	qStatementAt, qInsertStance, qInsertFigure, qInsertQuestion, qRecordExtraction}

// AddSourceWithSuggestions stores a source and the engine's suggestions for
// it in one transaction: see inquest.IngestService. A failure anywhere (a
// suggestion whose span lies outside the text, a constraint, a lost
// connection) rolls back the source too, so that a source is never stored
// without the suggestions made for it, and re-ingest finds nothing held.
//
// The audit log gets what AddSource and AddStance write: one entry for the
// source (source.add or source.version) and one per stance. Statements,
// figures and questions are suggestions and, as in AddStatement, are not
// audited one by one; the analyst's decision on each is. Each kind of row
// is inserted through one statement, prepared once per database (ingestStmts).
func (db *DB) AddSourceWithSuggestions(ctx context.Context, s *inquest.Source, original []byte, sug inquest.Suggestions) (*inquest.Source, bool, error) {
	in, err := checkedSource(s, original)
	if err != nil {
		return nil, false, err
	}
	what := fmt.Sprintf("source %q", in.Locator)
	if err := checkSuggestions(what, &sug); err != nil {
		return nil, false, err
	}
	// As in AddSource: two PostgreSQL writers adding the same bytes or the
	// next version of one locator at once collide on a unique index, and
	// the loser tries again and then finds the winner's row.
	if err := db.prepareIngest(ctx); err != nil {
		return nil, false, err
	}
	for attempt := 1; ; attempt++ {
		stored, created, err := db.addSourceWithSuggestions(ctx, in, original, &sug)
		if err != nil && classify(err) == errUnique && attempt < 5 {
			continue
		}
		if err != nil {
			return nil, false, domainError(err, what)
		}
		*s = *stored
		return stored, created, nil
	}
}

// HeldSource returns the case's source with these original bytes, with its
// text, and whether an extraction is recorded for it; nil when there is none.
func (db *DB) HeldSource(ctx context.Context, caseID int64, sha256 string) (*inquest.Source, bool, error) {
	s := new(inquest.Source)
	targets, finish := sourceScanTargets(s)
	var extractions int64
	err := db.reader().row(ctx, "SELECT "+prefixColumns(sourceColumnsText, "s.")+
		", (SELECT COUNT(*) FROM source_extractions e WHERE e.source_id = s.id) FROM sources s WHERE s.case_id = ? AND s.sha256 = ?",
		caseID, strings.ToLower(sha256)).Scan(append(targets, &extractions)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("look up source %s of case %d: %w", sha256, caseID, err)
	}
	finish()
	return s, extractions > 0, nil
}

// checkedSource applies the checks and defaults of every stored source
// (AddSource and AddSourceWithSuggestions) to a copy of s.
func checkedSource(s *inquest.Source, original []byte) (*inquest.Source, error) {
	if s == nil {
		return nil, inquest.Errorf(inquest.EINVALID, "no source given")
	}
	if len(original) == 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "source %q has no original bytes to archive; pass the file or the fetched response body", s.Locator)
	}
	in := *s
	in.ID, in.Version, in.PreviousID = 0, 0, 0
	in.Headers = strings.ToValidUTF8(strings.ReplaceAll(in.Headers, "\x00", ""), "\uFFFD")
	if err := checkText("source "+strconv.Quote(in.Locator), map[string]string{"locator": in.Locator, "url": in.URL,
		"file name": in.FileName, "title": in.Title, "publisher": in.Publisher, "language": in.Language,
		"content type": in.ContentType, "text": in.Text}); err != nil {
		return nil, err
	}
	in.SHA256 = inquest.SHA256Hex(original)
	in.Size = int64(len(original))
	textSum := inquest.SHA256Hex([]byte(in.Text))
	if in.TextSHA256 != "" && !strings.EqualFold(in.TextSHA256, textSum) {
		return nil, inquest.Errorf(inquest.EINVALID, "source %q: text_sha256 %s does not match its text, whose SHA-256 is %s; re-extract the text or drop the hash", in.Locator, in.TextSHA256, textSum)
	}
	in.TextSHA256 = textSum
	if in.RetrievedAt.IsZero() {
		in.RetrievedAt = now()
	}
	in.RetrievedAt = in.RetrievedAt.UTC().Truncate(time.Microsecond)
	if in.Kind == "" {
		in.Kind = inquest.KindOther
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return &in, nil
}

// checkSuggestions fills the defaults of every suggestion and refuses one
// that could not be stored, before any transaction begins. Spans are checked
// against the text inside the transaction, once it is known which source
// (new, or already held) they belong to.
func checkSuggestions(what string, sug *inquest.Suggestions) error {
	n := len(sug.Statements)
	index := func(i int, none bool) bool { return (none && i == inquest.NoStatement) || (i >= 0 && i < n) }
	for i, st := range sug.Statements {
		if st == nil {
			return inquest.Errorf(inquest.EINVALID, "%s: suggested statement %d is missing", what, i)
		}
		if st.Origin == "" {
			st.Origin = inquest.Extracted
		}
		if st.Review == "" {
			st.Review = inquest.Suggested
		}
		st.SourceID, st.CaseID = 1, 1 // placeholders for Validate; set in the transaction
		err := st.Validate()
		st.SourceID, st.CaseID = 0, 0
		if err != nil {
			return fmt.Errorf("%s: statement at %d..%d: %w", what, st.Start, st.End, err)
		}
	}
	for _, sf := range sug.Figures {
		f := sf.Figure
		if f == nil || !index(sf.Statement, true) {
			return inquest.Errorf(inquest.EINVALID, "%s: a suggested figure is missing or names statement %d of %d", what, sf.Statement, n)
		}
		if f.Review == "" {
			f.Review = inquest.Suggested
		}
		switch {
		case f.Text == "":
			return inquest.Errorf(inquest.EINVALID, "%s: figure at %d..%d has no text", what, f.Start, f.End)
		case f.Start < 0 || f.End < f.Start:
			return inquest.Errorf(inquest.EINVALID, "%s: figure span %d..%d is not a span", what, f.Start, f.End)
		case !f.Review.Valid():
			return inquest.Errorf(inquest.EINVALID, "%s: figure review %q is not suggested, confirmed or rejected", what, f.Review)
		case f.ValueMax != 0 && f.ValueMax < f.Value:
			return inquest.Errorf(inquest.EINVALID, "%s: figure %q: range %g..%g ends below its start", what, f.Text, f.Value, f.ValueMax)
		}
		if err := f.AsOf.Validate(); err != nil {
			return fmt.Errorf("%s: figure %q: %w", what, f.Text, err)
		}
	}
	for _, sq := range sug.Questions {
		qn := sq.Question
		if qn == nil || !index(sq.Statement, true) {
			return inquest.Errorf(inquest.EINVALID, "%s: a suggested question is missing or names statement %d of %d", what, sq.Statement, n)
		}
		if qn.Status == "" {
			qn.Status = inquest.Open
		}
		if qn.Review == "" {
			qn.Review = inquest.Suggested
		}
		switch {
		case qn.Text == "":
			return inquest.Errorf(inquest.EINVALID, "%s: question at %d..%d has no text", what, qn.Start, qn.End)
		case qn.Start < 0 || qn.End < qn.Start:
			return inquest.Errorf(inquest.EINVALID, "%s: question span %d..%d is not a span", what, qn.Start, qn.End)
		case !qn.Review.Valid():
			return inquest.Errorf(inquest.EINVALID, "%s: question review %q is not suggested, confirmed or rejected", what, qn.Review)
		}
		switch qn.Status {
		case inquest.Open, inquest.Answered, inquest.Evaded, inquest.Refused:
		default:
			return inquest.Errorf(inquest.EINVALID, "%s: question status %q is not open, answered, evaded or refused", what, qn.Status)
		}
		if err := qn.AskedOn.Validate(); err != nil {
			return fmt.Errorf("%s: question %q: %w", what, qn.Text, err)
		}
	}
	for _, ss := range sug.Stances {
		switch {
		case !index(ss.Statement, false):
			return inquest.Errorf(inquest.EINVALID, "%s: a suggested stance names statement %d of %d", what, ss.Statement, n)
		case ss.ClaimID == 0:
			return inquest.Errorf(inquest.EINVALID, "%s: a suggested stance of statement %d names no claim", what, ss.Statement)
		case !ss.Stance.Valid():
			return inquest.Errorf(inquest.EINVALID, "%s: stance %q is not supports, denies or qualifies", what, ss.Stance)
		}
	}
	return nil
}

// addSourceWithSuggestions is one attempt, in one transaction.
func (db *DB) addSourceWithSuggestions(ctx context.Context, in *inquest.Source, original []byte, sug *inquest.Suggestions) (*inquest.Source, bool, error) {
	var stored *inquest.Source
	created := false
	errNothing := errors.New("nothing to write") // rolls back the (empty) transaction
	err := db.inTx(ctx, func(t *tx) error {
		existing, err := scanSource(t.stmt(ctx, qSourceByHash).QueryRowContext(ctx, in.CaseID, in.SHA256))
		switch {
		case err == nil:
			stored = existing
			if sug.Engine == "" {
				return errNothing
			}
			var n int64
			if err := t.stmt(ctx, qExtractionOf).QueryRowContext(ctx, existing.ID).Scan(&n); err != nil {
				return fmt.Errorf("look up extraction of source %d: %w", existing.ID, err)
			}
			if n > 0 {
				return errNothing
			}
		case errors.Is(err, sql.ErrNoRows):
			if stored, err = t.insertSource(ctx, in, original); err != nil {
				return err
			}
			created = true
		default:
			return fmt.Errorf("look up source by hash: %w", err)
		}
		return t.storeSuggestions(ctx, stored, sug)
	})
	if errors.Is(err, errNothing) {
		return stored, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return stored, created, nil
}

// insertSource archives original and inserts in as a new source, or as the
// next version of its locator, with its audit entry, as AddSource does.
func (t *tx) insertSource(ctx context.Context, in *inquest.Source, original []byte) (*inquest.Source, error) {
	s := *in
	s.Version = 1
	var prevID int64
	var prevVersion int
	err := t.stmt(ctx, qLatestVersion).QueryRowContext(ctx, s.CaseID, s.Locator).Scan(&prevID, &prevVersion)
	switch {
	case err == nil:
		s.PreviousID, s.Version = prevID, prevVersion+1
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("look up earlier version: %w", err)
	}
	if err := t.archive(ctx, s.SHA256, original); err != nil {
		return nil, err
	}
	s.CreatedAt = now()
	d := t.db.dialect
	err = t.stmt(ctx, qInsertSource).QueryRowContext(ctx,
		s.CaseID, s.Version, nullID(s.PreviousID), s.Locator, s.URL, s.FileName, s.Title, s.Publisher, string(s.Kind),
		s.Language, nullDate(s.Published), d.ts(s.RetrievedAt), s.SHA256, s.Size, s.ContentType, s.Headers, s.Text,
		s.TextSHA256, s.Private, d.ts(s.CreatedAt)).Scan(&s.ID)
	if err != nil {
		return nil, err
	}
	action := "source.add"
	if s.Version > 1 {
		action = "source.version"
	}
	if err := t.record(ctx, action, "source", s.ID, nil, sourceMeta(&s)); err != nil {
		return nil, err
	}
	return &s, nil
}

// storeSuggestions writes sug for src and records the extraction, inside t.
// A span outside src's text is EINVALID: it would point at nothing an
// analyst could check.
func (t *tx) storeSuggestions(ctx context.Context, src *inquest.Source, sug *inquest.Suggestions) error {
	length := utf8.RuneCountInString(src.Text)
	span := func(kind string, start, end int) error {
		if end > length {
			return inquest.Errorf(inquest.EINVALID, "suggested %s at %d..%d lies outside the text of source %d, which has %d characters",
				kind, start, end, src.ID, length)
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
	d := t.db.dialect
	at := now()

	if len(sug.Statements) > 0 {
		ins := t.stmt(ctx, qInsertStatement)
		for _, s := range sug.Statements {
			s.CaseID, s.SourceID = src.CaseID, src.ID
			what := fmt.Sprintf("statement at %d..%d of source %d", s.Start, s.End, src.ID)
			err := ins.QueryRowContext(ctx, s.CaseID, s.SourceID, nullID(s.PersonID), s.SpeakerName, s.SpeakerRole, s.Text, s.Start, s.End,
				s.Context, nullDate(s.SaidOn), s.Venue, s.Language, string(s.Origin), string(s.Review), s.Confidence, s.Note,
				d.ts(at), d.ts(at)).Scan(&s.ID)
			if errors.Is(err, sql.ErrNoRows) {
				// Already there (stored before its extraction was recorded,
				// or the same span twice): keep it, an analyst may have
				// reviewed it.
				err = t.stmt(ctx, qStatementAt).QueryRowContext(ctx, s.SourceID, s.Start, s.End).Scan(&s.ID)
				if err != nil {
					return fmt.Errorf("%s: %w", what, err)
				}
				continue
			}
			if err != nil {
				return domainError(err, what)
			}
			s.CreatedAt, s.UpdatedAt = at, at
			for _, lang := range sortedKeys(s.Translations) {
				if _, err := t.exec(ctx, "INSERT INTO statement_translations (statement_id, lang, text) VALUES (?, ?, ?)",
					s.ID, lang, s.Translations[lang]); err != nil {
					return domainError(err, what+": translation into "+lang)
				}
			}
		}
	}

	if len(sug.Stances) > 0 {
		ins := t.stmt(ctx, qInsertStance)
		for _, ss := range sug.Stances {
			st := &inquest.Stance{StatementID: sug.Statements[ss.Statement].ID, ClaimID: ss.ClaimID, Stance: ss.Stance,
				Review: inquest.Suggested, Confidence: ss.Confidence}
			what := fmt.Sprintf("stance of statement %d on claim %d", st.StatementID, st.ClaimID)
			err := ins.QueryRowContext(ctx, st.StatementID, st.ClaimID, string(st.Stance), string(st.Review), st.Confidence,
				d.ts(at), d.ts(at)).Scan(&st.ID)
			if errors.Is(err, sql.ErrNoRows) {
				continue // a stance on that claim is held already; a suggestion never overwrites it
			}
			if err != nil {
				return domainError(err, what)
			}
			if err := t.record(ctx, "stance.add", "stance", st.ID, nil, st); err != nil {
				return err
			}
		}
	}

	statementOf := func(i int) int64 {
		if i == inquest.NoStatement {
			return 0
		}
		return sug.Statements[i].ID
	}
	if len(sug.Figures) > 0 {
		ins := t.stmt(ctx, qInsertFigure)
		for _, sf := range sug.Figures {
			f := sf.Figure
			f.CaseID, f.SourceID, f.StatementID, f.CreatedAt = src.CaseID, src.ID, statementOf(sf.Statement), at
			if _, err := ins.ExecContext(ctx, f.CaseID, f.SourceID, nullID(f.StatementID), nullID(f.MeasureID), f.Measure, f.Text,
				f.Value, f.ValueMax, f.Qualifier, nullDate(f.AsOf), nullID(f.ClaimantID), f.ClaimantName, f.Start, f.End,
				string(f.Review), f.Confidence, d.ts(at)); err != nil {
				return domainError(err, fmt.Sprintf("figure at %d..%d of source %d", f.Start, f.End, src.ID))
			}
		}
	}

	if len(sug.Questions) > 0 {
		ins := t.stmt(ctx, qInsertQuestion)
		for _, sq := range sug.Questions {
			qn := sq.Question
			qn.CaseID, qn.SourceID, qn.StatementID, qn.CreatedAt = src.CaseID, src.ID, statementOf(sq.Statement), at
			if _, err := ins.ExecContext(ctx, qn.CaseID, qn.SourceID, nullID(qn.StatementID), qn.Text, nullID(qn.AskerID), qn.AskerName,
				nullID(qn.AddresseeID), qn.AddresseeName, nullDate(qn.AskedOn), qn.Venue, string(qn.Status), nullID(qn.AnswerStatementID),
				qn.Start, qn.End, string(qn.Review), qn.Confidence, qn.Note, d.ts(at)); err != nil {
				return domainError(err, fmt.Sprintf("question %q of source %d", qn.Text, src.ID))
			}
		}
	}

	if sug.Engine == "" {
		return nil
	}
	_, err := t.stmt(ctx, qRecordExtraction).ExecContext(ctx, src.ID, sug.Engine, d.ts(at))
	if err != nil {
		return fmt.Errorf("record extraction of source %d: %w", src.ID, err)
	}
	return nil
}

// ingestStmts holds, per database, the ingest's statements prepared on its
// writer. It is keyed by a weak pointer, and a database's entry is closed
// and dropped when the database is collected, so that tests and tools that
// open many databases do not keep them alive.
var ingestStmts = struct {
	sync.Mutex
	m map[weak.Pointer[DB]]map[string]*sql.Stmt
}{m: map[weak.Pointer[DB]]map[string]*sql.Stmt{}}

// prepareIngest prepares ingestQueries on the writer once. It runs before
// the transaction begins: on SQLite the writer pool holds one connection, so
// preparing on the pool inside a transaction would wait on itself.
func (db *DB) prepareIngest(ctx context.Context) error {
	key := weak.Make(db)
	ingestStmts.Lock()
	defer ingestStmts.Unlock()
	if _, ok := ingestStmts.m[key]; ok {
		return nil
	}
	stmts := make(map[string]*sql.Stmt, len(ingestQueries))
	for _, q := range ingestQueries {
		st, err := db.write.PrepareContext(ctx, db.dialect.rebind(q))
		if err != nil {
			for _, st := range stmts {
				st.Close()
			}
			return fmt.Errorf("prepare ingest statements: %w", err)
		}
		stmts[q] = st
	}
	ingestStmts.m[key] = stmts
	runtime.AddCleanup(db, func(key weak.Pointer[DB]) {
		ingestStmts.Lock()
		defer ingestStmts.Unlock()
		for _, st := range ingestStmts.m[key] {
			st.Close()
		}
		delete(ingestStmts.m, key)
	}, key)
	return nil
}

// stmt returns the prepared statement of query for use in t: database/sql
// reuses the statement already prepared on t's connection, so nothing is
// parsed again. prepareIngest must have run.
func (t *tx) stmt(ctx context.Context, query string) *sql.Stmt {
	ingestStmts.Lock()
	st := ingestStmts.m[weak.Make(t.db)][query]
	ingestStmts.Unlock()
	return t.tx.StmtContext(ctx, st)
}
