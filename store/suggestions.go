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
	"weak"

	"github.com/inquest-project/inquest"
)

var _ inquest.IngestService = (*DB)(nil)

// The look-ups of an ingest, prepared once per database and reused by every
// transaction (see ingestStmts), since parsing them again for every
// document cost more than running them. The inserts are multi-row
// (ingest_batch.go).
var (
	qSourceByHash  = "SELECT " + sourceColumnsText + " FROM sources WHERE case_id = ? AND sha256 = ?"
	qExtractionOf  = "SELECT COUNT(*) FROM source_extractions WHERE source_id = ?"
	qLatestVersion = "SELECT id, version FROM sources WHERE case_id = ? AND locator = ? ORDER BY version DESC LIMIT 1"
	qStatementAt   = "SELECT id FROM statements WHERE source_id = ? AND start_pos = ? AND end_pos = ?"
	// qHeldSource runs on the read pool, beside the writer (HeldSource).
	qHeldSource = "SELECT " + prefixColumns(sourceColumnsText, "s.") +
		", (SELECT COUNT(*) FROM source_extractions e WHERE e.source_id = s.id) FROM sources s WHERE s.case_id = ? AND s.sha256 = ?"
)

// ingestQueries are the queries prepareIngest prepares for
// AddSourcesWithSuggestions: the look-ups, and full chunks of the inserts
// of most rows (see insertRows).
var ingestQueries = []string{qSourceByHash, qExtractionOf, qLatestVersion, qStatementAt, qHeldSource,
	fullChunk("statements", statementInsertColumns, statementInsertSuffix),
	fullChunk("stances", stanceInsertColumns, stanceInsertSuffix),
	fullChunk("audit_log", auditInsertColumns, "")}

// AddSourceWithSuggestions stores a source and the engine's suggestions for
// it in one transaction: see inquest.IngestService. A failure anywhere (a
// suggestion whose span lies outside the text, a constraint, a lost
// connection) rolls back the source too, so that a source is never stored
// without the suggestions made for it, and re-ingest finds nothing held.
//
// The audit log gets what AddSource and AddStance write: one entry for the
// source (source.add or source.version) and one per stance. Statements,
// figures and questions are suggestions and, as in AddStatement, are not
// audited one by one; the analyst's decision on each is.
func (db *DB) AddSourceWithSuggestions(ctx context.Context, s *inquest.Source, original []byte, sug inquest.Suggestions) (*inquest.Source, bool, error) {
	created, errs := db.AddSourcesWithSuggestions(ctx, []*inquest.Source{s}, [][]byte{original}, []inquest.Suggestions{sug})
	if errs[0] != nil {
		return nil, false, errs[0]
	}
	return s, created[0], nil
}

// AddSourcesWithSuggestions stores several documents, each a source with
// its original bytes and the engine's suggestions, as AddSourceWithSuggestions
// stores one, and returns for each whether it was created and its error.
// Each srcs[i] stored is filled with what is stored.
//
// The documents share transactions, which is what makes a bulk ingest
// fast, but not their fate: each is stored with all its suggestions or not
// at all, and a document that fails (its error names it) leaves the others
// stored. When a shared transaction fails, each of its documents is tried
// again in a transaction of its own, so that the one at fault is found and
// the rest are kept. A document whose bytes or locator an earlier one of
// the same call has starts a new transaction, which sees the earlier one.
func (db *DB) AddSourcesWithSuggestions(ctx context.Context, srcs []*inquest.Source, originals [][]byte, sugs []inquest.Suggestions) ([]bool, []error) {
	created, errs := make([]bool, len(srcs)), make([]error, len(srcs))
	if len(originals) != len(srcs) || len(sugs) != len(srcs) {
		for i := range errs {
			errs[i] = inquest.Errorf(inquest.EINVALID, "%d sources but %d originals and %d suggestion sets", len(srcs), len(originals), len(sugs))
		}
		return created, errs
	}
	if err := db.prepareIngest(ctx); err != nil {
		for i := range errs {
			errs[i] = err
		}
		return created, errs
	}
	items := make([]*batchItem, 0, len(srcs))
	index := map[*batchItem]int{}
	for i, s := range srcs {
		in, err := checkedSource(s, originals[i])
		if err == nil {
			err = checkSuggestions(fmt.Sprintf("source %q", in.Locator), &sugs[i])
		}
		if err != nil {
			errs[i] = err
			continue
		}
		it := &batchItem{in: in, original: originals[i], sug: &sugs[i]}
		index[it] = i
		items = append(items, it)
	}
	finish := func(it *batchItem, err error) {
		i := index[it]
		if err == nil {
			err = it.err
		}
		if err != nil {
			errs[i] = domainError(err, fmt.Sprintf("source %q", it.in.Locator))
			return
		}
		*srcs[i] = *it.stored // the contract: s is filled with what is stored
		created[i] = it.created
	}
	for _, run := range runs(items) {
		err := db.storeRun(ctx, run)
		if err == nil || len(run) == 1 {
			if err != nil {
				err = db.storeAlone(ctx, run[0], err)
			}
			for _, it := range run {
				finish(it, err)
			}
			continue
		}
		for _, it := range run {
			finish(it, db.storeAlone(ctx, it, nil))
		}
	}
	return created, errs
}

// storeAlone stores one document in a transaction of its own, after err
// (nil when it has not been tried alone yet). Two PostgreSQL writers adding
// the same bytes or the next version of one locator at once collide on a
// unique index; the loser tries again and then finds the winner's row.
func (db *DB) storeAlone(ctx context.Context, it *batchItem, err error) error {
	for attempt := 1; ; attempt++ {
		if err == nil {
			err = db.storeRun(ctx, []*batchItem{it})
		}
		if err != nil && classify(err) == errUnique && attempt < 5 {
			err = nil
			continue
		}
		return err
	}
}

// HeldSource returns the case's source with these original bytes, with its
// text, and whether an extraction is recorded for it; nil when there is none.
func (db *DB) HeldSource(ctx context.Context, caseID int64, sha256 string) (*inquest.Source, bool, error) {
	if err := db.prepareIngest(ctx); err != nil {
		return nil, false, err
	}
	s := new(inquest.Source)
	targets, finish := sourceScanTargets(s)
	var extractions int64
	err := db.ingestStmt(qHeldSource).QueryRowContext(ctx, caseID, strings.ToLower(sha256)).Scan(append(targets, &extractions)...)
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
		pool := db.write
		if q == qHeldSource {
			pool = db.read
		}
		st, err := pool.PrepareContext(ctx, db.dialect.rebind(q))
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

// ingestStmt returns query's statement prepared by prepareIngest, which
// must have run.
func (db *DB) ingestStmt(query string) *sql.Stmt {
	ingestStmts.Lock()
	defer ingestStmts.Unlock()
	return ingestStmts.m[weak.Make(db)][query]
}

// prepared returns query's statement prepared by prepareIngest, for use in
// t, or nil when it is not one of ingestQueries.
func (t *tx) prepared(ctx context.Context, query string) *sql.Stmt {
	ingestStmts.Lock()
	st := ingestStmts.m[weak.Make(t.db)][query]
	ingestStmts.Unlock()
	if st == nil {
		return nil
	}
	return t.tx.StmtContext(ctx, st)
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
