package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// The workspace's long lists a page at a time (inquest.PagedWorkspace):
// each query reads what one page shows, in index order (migration 0007),
// so that a page costs the same at a thousand statements and at a million.

var _ inquest.PagedWorkspace = (*DB)(nil)

// LatestSourcesPage lists the newest version of each source of the case.
func (db *DB) LatestSourcesPage(ctx context.Context, caseID int64, limit, offset int) ([]*inquest.Source, bool, error) {
	if limit <= 0 || offset < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	// The ids first, in id order by a scan of the table that stops at the
	// page ("+" keeps the planner off the case index, which would sort the
	// whole case's sources for every page). A source's row holds its
	// text, and reading the columns stored after it means reading through
	// it, so full rows are read for the page only.
	rows, err := db.reader().query(ctx, `SELECT s.id FROM sources s WHERE +s.case_id = ?
		AND `+sourceIsLatest+`
		ORDER BY s.id LIMIT ? OFFSET ?`, caseID, limit+1, offset)
	if err != nil {
		return nil, false, fmt.Errorf("sources of case %d: %w", caseID, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("sources of case %d: %w", caseID, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("sources of case %d: %w", caseID, err)
	}
	more := len(ids) > limit
	ids = ids[:min(len(ids), limit)]
	var srcs []*inquest.Source
	if len(ids) > 0 {
		in, args := inList(ids)
		if srcs, err = db.querySources(ctx, "SELECT "+prefixColumns(sourceColumnsNoText, "s.")+" FROM sources s WHERE s.id IN "+in+" ORDER BY s.id", args...); err != nil {
			return nil, false, err
		}
	}
	return srcs, more, nil
}

// inList returns "(?, ?, …)" for n values and the values as arguments.
func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") + ")", args
}

// ReviewCountsOf counts the suggestions waiting in the given sources.
func (db *DB) ReviewCountsOf(ctx context.Context, sourceIDs []int64) ([]inquest.SourceReviewCount, error) {
	if len(sourceIDs) == 0 {
		return nil, nil
	}
	in, ids := inList(sourceIDs)
	sug := string(inquest.Suggested)
	query := `SELECT source_id, SUM(st), SUM(sn), SUM(fg), SUM(qn) FROM (
		SELECT source_id, 1 AS st, 0 AS sn, 0 AS fg, 0 AS qn FROM statements WHERE source_id IN ` + in + ` AND review = ?
		UNION ALL
		SELECT s.source_id, 0, (SELECT COUNT(*) FROM stances x WHERE x.statement_id = s.id AND x.review = ?), 0, 0
			FROM statements s WHERE s.source_id IN ` + in + `
		UNION ALL
		SELECT source_id, 0, 0, 1, 0 FROM figures WHERE source_id IN ` + in + ` AND review = ?
		UNION ALL
		SELECT source_id, 0, 0, 0, 1 FROM questions WHERE source_id IN ` + in + ` AND review = ?
	) waiting GROUP BY source_id ORDER BY source_id`
	// Each statement's stances are counted by a lookup of their own: a
	// join has PostgreSQL scan every stance and hash them (150–330 ms for a
	// page of fifty sources, against 13–15 ms).
	args := append(append([]any{}, ids...), sug)
	args = append(append(args, sug), ids...)
	for range 2 {
		args = append(append(args, ids...), sug)
	}
	rows, err := db.reader().query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("count suggestions of %d sources: %w", len(sourceIDs), err)
	}
	defer rows.Close()
	var out []inquest.SourceReviewCount
	for rows.Next() {
		var c inquest.SourceReviewCount
		if err := rows.Scan(&c.SourceID, &c.Statements, &c.Stances, &c.Figures, &c.Questions); err != nil {
			return nil, fmt.Errorf("count suggestions: %w", err)
		}
		if c.Total() == 0 {
			continue // its statements gave it a row; nothing of it waits
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// reviewRef is one suggestion of the queue before it is loaded.
type reviewRef struct {
	kind      int // 0 statement, 1 stance, 2 figure, 3 question: the order within one source and moment
	id        int64
	sourceID  int64
	statement int64 // of a stance
	at        time.Time
}

var reviewKinds = [...]string{"statement", "stance", "figure", "question"}

// ReviewQueuePage returns the case's suggestions newest first. Each kind
// gives its first offset+limit+1 in index order, and the page is cut from
// their merge: the work grows with the page number, not the case.
func (db *DB) ReviewQueuePage(ctx context.Context, caseID, sourceID int64, limit, offset int) ([]inquest.ReviewEntry, bool, error) {
	if limit <= 0 || offset < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	n := offset + limit + 1
	sug, rej := string(inquest.Suggested), string(inquest.Rejected)
	only, onlyArgs := "", []any{}
	if sourceID != 0 {
		only, onlyArgs = " AND source_id = ?", []any{sourceID}
	}
	branches := []struct {
		kind  int
		query string
		args  []any
	}{
		{0, `SELECT id, source_id, 0, created_at FROM statements WHERE case_id = ? AND review = ?` + only +
			` ORDER BY created_at DESC, source_id DESC, id DESC LIMIT ?`, append(append([]any{caseID, sug}, onlyArgs...), n)},
		{1, `SELECT x.id, s.source_id, s.id, s.created_at FROM statements s JOIN stances x ON x.statement_id = s.id
			WHERE s.case_id = ? AND x.review = ? AND s.review <> ?` + strings.ReplaceAll(only, "source_id", "s.source_id") +
			` ORDER BY s.created_at DESC, s.source_id DESC, x.id DESC LIMIT ?`, append(append([]any{caseID, sug, rej}, onlyArgs...), n)},
		{2, `SELECT id, source_id, 0, created_at FROM figures WHERE case_id = ? AND review = ?` + only +
			` ORDER BY created_at DESC, source_id DESC, id DESC LIMIT ?`, append(append([]any{caseID, sug}, onlyArgs...), n)},
		{3, `SELECT id, source_id, 0, created_at FROM questions WHERE case_id = ? AND review = ? AND source_id IS NOT NULL` + only +
			` ORDER BY created_at DESC, source_id DESC, id DESC LIMIT ?`, append(append([]any{caseID, sug}, onlyArgs...), n)},
	}
	var refs []reviewRef
	for _, b := range branches {
		rows, err := db.reader().query(ctx, b.query, b.args...)
		if err != nil {
			return nil, false, fmt.Errorf("review queue of case %d: %w", caseID, err)
		}
		for rows.Next() {
			ref := reviewRef{kind: b.kind}
			if err := rows.Scan(&ref.id, &ref.sourceID, &ref.statement, scanTime{&ref.at}); err != nil {
				rows.Close()
				return nil, false, fmt.Errorf("review queue of case %d: %w", caseID, err)
			}
			refs = append(refs, ref)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, false, fmt.Errorf("review queue of case %d: %w", caseID, err)
		}
	}
	slices.SortFunc(refs, func(a, b reviewRef) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		if c := cmp.Compare(b.sourceID, a.sourceID); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	more := len(refs) > offset+limit
	if offset >= len(refs) {
		return nil, more, nil
	}
	refs = refs[offset:min(len(refs), offset+limit)]
	entries, err := db.loadReviewEntries(ctx, refs)
	return entries, more, err
}

// loadReviewEntries loads the records of refs, one query a kind.
func (db *DB) loadReviewEntries(ctx context.Context, refs []reviewRef) ([]inquest.ReviewEntry, error) {
	var ids [4][]int64
	var stmtIDs []int64
	for _, r := range refs {
		ids[r.kind] = append(ids[r.kind], r.id)
		switch r.kind {
		case 0:
			stmtIDs = append(stmtIDs, r.id)
		case 1:
			stmtIDs = append(stmtIDs, r.statement)
		}
	}
	r := db.reader()
	statements := map[int64]*inquest.Statement{}
	if len(stmtIDs) > 0 {
		in, args := inList(stmtIDs)
		list, err := queryStatements(ctx, r, "s.id IN "+in, "", args...)
		if err != nil {
			return nil, fmt.Errorf("review queue statements: %w", err)
		}
		for _, s := range list {
			statements[s.ID] = s
		}
	}
	stances := map[int64]*inquest.Stance{}
	figures := map[int64]*inquest.Figure{}
	questions := map[int64]*inquest.Question{}
	load := func(kind int, query string, scan func(scanner) error) error {
		if len(ids[kind]) == 0 {
			return nil
		}
		in, args := inList(ids[kind])
		rows, err := r.query(ctx, query+in, args...)
		if err != nil {
			return fmt.Errorf("review queue %ss: %w", reviewKinds[kind], err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("review queue %ss: %w", reviewKinds[kind], err)
			}
		}
		return rows.Err()
	}
	if err := load(1, "SELECT "+stanceColumns+" FROM stances st WHERE st.id IN ", func(sc scanner) error {
		s, err := scanStance(sc)
		if err == nil {
			stances[s.ID] = s
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := load(2, "SELECT "+figureColumns+" FROM figures WHERE id IN ", func(sc scanner) error {
		f, err := scanFigure(sc)
		if err == nil {
			figures[f.ID] = f
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := load(3, "SELECT "+questionColumns+" FROM questions WHERE id IN ", func(sc scanner) error {
		q, err := scanQuestion(sc)
		if err == nil {
			questions[q.ID] = q
		}
		return err
	}); err != nil {
		return nil, err
	}
	out := make([]inquest.ReviewEntry, 0, len(refs))
	for _, ref := range refs {
		e := inquest.ReviewEntry{Kind: reviewKinds[ref.kind], SourceID: ref.sourceID, CreatedAt: ref.at}
		switch ref.kind {
		case 0:
			e.Statement = statements[ref.id]
		case 1:
			e.Stance, e.Statement = stances[ref.id], statements[ref.statement]
		case 2:
			e.Figure = figures[ref.id]
		case 3:
			e.Question = questions[ref.id]
		}
		if e.Statement == nil && e.Figure == nil && e.Question == nil {
			continue // changed between the two reads: it shows on the next load
		}
		out = append(out, e)
	}
	return out, nil
}

// SourceFigures lists the figures of one source by position.
func (db *DB) SourceFigures(ctx context.Context, sourceID int64) ([]*inquest.Figure, error) {
	rows, err := db.reader().query(ctx, "SELECT "+figureColumns+" FROM figures WHERE source_id = ? ORDER BY start_pos, id", sourceID)
	if err != nil {
		return nil, fmt.Errorf("figures of source %d: %w", sourceID, err)
	}
	defer rows.Close()
	var out []*inquest.Figure
	for rows.Next() {
		f, err := scanFigure(rows)
		if err != nil {
			return nil, fmt.Errorf("figures of source %d: %w", sourceID, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SourceStances lists the stances of one source's statements, by claim and
// statement.
func (db *DB) SourceStances(ctx context.Context, sourceID int64) ([]*inquest.Stance, error) {
	rows, err := db.reader().query(ctx, "SELECT "+stanceColumns+` FROM stances st
		JOIN statements s ON s.id = st.statement_id WHERE s.source_id = ? ORDER BY st.claim_id, st.statement_id`, sourceID)
	if err != nil {
		return nil, fmt.Errorf("stances of source %d: %w", sourceID, err)
	}
	defer rows.Close()
	var out []*inquest.Stance
	for rows.Next() {
		s, err := scanStance(rows)
		if err != nil {
			return nil, fmt.Errorf("stances of source %d: %w", sourceID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ClaimStancesPage lists the standing stances on one claim, by statement.
// A claim holds hundreds of stances where its case holds a million
// statements: the page reads the claim's own in statement order (index
// stances_claim_statement), never the case's, and stops after the page.
func (db *DB) ClaimStancesPage(ctx context.Context, claimID int64, limit, offset int) ([]*inquest.Stance, bool, error) {
	if limit <= 0 || offset < 0 {
		return nil, false, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	rej := string(inquest.Rejected)
	rows, err := db.reader().query(ctx, "SELECT "+stanceColumns+` FROM stances st
		WHERE st.claim_id = ? AND st.review <> ? AND `+db.dialect.statementStands("st.statement_id")+` ORDER BY st.statement_id LIMIT ? OFFSET ?`, claimID, rej, limit+1, offset)
	if err != nil {
		return nil, false, fmt.Errorf("stances on claim %d: %w", claimID, err)
	}
	defer rows.Close()
	var out []*inquest.Stance
	for rows.Next() {
		s, err := scanStance(rows)
		if err != nil {
			return nil, false, fmt.Errorf("stances on claim %d: %w", claimID, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("stances on claim %d: %w", claimID, err)
	}
	more := len(out) > limit
	return out[:min(len(out), limit)], more, nil
}

// ClaimStanceCounts counts the standing stances on one claim by kind.
func (db *DB) ClaimStanceCounts(ctx context.Context, claimID int64) (map[inquest.StanceKind]int, error) {
	rej := string(inquest.Rejected)
	rows, err := db.reader().query(ctx, `SELECT st.stance, COUNT(*) FROM stances st
		WHERE st.claim_id = ? AND st.review <> ? AND `+db.dialect.statementStands("st.statement_id")+` GROUP BY st.stance`, claimID, rej)
	if err != nil {
		return nil, fmt.Errorf("count stances on claim %d: %w", claimID, err)
	}
	defer rows.Close()
	out := map[inquest.StanceKind]int{}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, fmt.Errorf("count stances on claim %d: %w", claimID, err)
		}
		out[inquest.StanceKind(kind)] = n
	}
	return out, rows.Err()
}

// StancesOfStatements lists the stances of the given statements.
func (db *DB) StancesOfStatements(ctx context.Context, statementIDs []int64) ([]*inquest.Stance, error) {
	if len(statementIDs) == 0 {
		return nil, nil
	}
	in, args := inList(statementIDs)
	rows, err := db.reader().query(ctx, "SELECT "+stanceColumns+" FROM stances st WHERE st.statement_id IN "+in+" ORDER BY st.statement_id, st.claim_id", args...)
	if err != nil {
		return nil, fmt.Errorf("stances of %d statements: %w", len(statementIDs), err)
	}
	defer rows.Close()
	var out []*inquest.Stance
	for rows.Next() {
		s, err := scanStance(rows)
		if err != nil {
			return nil, fmt.Errorf("stances of %d statements: %w", len(statementIDs), err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// PersonStatementsPage lists one person's standing statements by day. The
// ids come first, sorted from the person's rows of the index
// statements_person_said (which holds the id) and the index of rejected
// statements; full rows are read for the page only.
func (db *DB) PersonStatementsPage(ctx context.Context, personID int64, limit, offset int) ([]*inquest.Statement, int, error) {
	if limit <= 0 || offset < 0 {
		return nil, 0, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	stands := db.dialect.statementStands("s.id")
	var total int
	if err := db.reader().row(ctx, "SELECT COUNT(*) FROM statements s WHERE s.person_id = ? AND "+stands, personID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count the statements of person %d: %w", personID, err)
	}
	ids, err := db.pageIDs(ctx, `SELECT s.id FROM statements s WHERE s.person_id = ? AND `+stands+`
		ORDER BY s.said_on IS NULL, s.said_on, s.id LIMIT ? OFFSET ?`, personID, limit, offset)
	if err != nil || len(ids) == 0 {
		return nil, total, wrapErr(err, "statements of person %d", personID)
	}
	list, err := db.StatementsByID(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	return inOrder(ids, list, func(s *inquest.Statement) int64 { return s.ID }), total, nil
}

// QuestionsPage lists the case's standing questions by day asked, in the
// order of Questions (datedPage).
func (db *DB) QuestionsPage(ctx context.Context, caseID int64, limit, offset int) ([]*inquest.Question, int, error) {
	return datedPage(ctx, db.reader(), "questions", questionColumns, "asked_on", scanQuestion, caseID, limit, offset)
}

// ReviewWaiting counts the case's waiting suggestions, each kind up to
// upTo, by the same rules as ReviewQueuePage.
func (db *DB) ReviewWaiting(ctx context.Context, caseID int64, upTo int) (int, bool, error) {
	if upTo <= 0 {
		return 0, false, inquest.Errorf(inquest.EINVALID, "count up to a number above zero")
	}
	sug := string(inquest.Suggested)
	// upTo+1 of each, to tell "exactly upTo" from "more". The stances
	// are found by a scan of the stances index that stops at upTo+1: a
	// stance is the case's when its claim is (a stance links a claim and
	// a statement of one case), and its statement stands unless the small
	// index of rejected statements holds it. Neither reads the table of
	// statements, whose rows are whole quotations: looking each stance's
	// statement up there cost PostgreSQL 7 ms, and 420 ms when those rows
	// were not in memory. A join lets SQLite walk the case's million
	// statements by the case index, and PostgreSQL hash all of them first.
	var st, sn, fg, qn int
	err := db.reader().row(ctx, `SELECT
		(SELECT COUNT(*) FROM (SELECT 1 AS x FROM statements WHERE case_id = ? AND review = ? LIMIT ?) a),
		(SELECT COUNT(*) FROM (SELECT 1 AS x FROM stances x WHERE x.review = ?
			AND x.claim_id IN (SELECT c.id FROM claims c WHERE c.case_id = ?) AND `+db.dialect.statementStands("x.statement_id")+` LIMIT ?) b),
		(SELECT COUNT(*) FROM (SELECT 1 AS x FROM figures WHERE case_id = ? AND review = ? LIMIT ?) c),
		(SELECT COUNT(*) FROM (SELECT 1 AS x FROM questions WHERE case_id = ? AND review = ? AND source_id IS NOT NULL LIMIT ?) d)`,
		caseID, sug, upTo+1, sug, caseID, upTo+1, caseID, sug, upTo+1, caseID, sug, upTo+1).Scan(&st, &sn, &fg, &qn)
	if err != nil {
		return 0, false, fmt.Errorf("count what waits for review in case %d: %w", caseID, err)
	}
	more := false
	n := 0
	for _, k := range []int{st, sn, fg, qn} {
		if k > upTo {
			k, more = upTo, true
		}
		n += k
	}
	return n, more, nil
}

// pageIDs runs a query of one id column.
func (db *DB) pageIDs(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := db.reader().query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// inOrder returns the items of list in the order of ids, leaving out the
// ids list lacks.
func inOrder[T any](ids []int64, list []T, id func(T) int64) []T {
	byID := make(map[int64]T, len(list))
	for _, x := range list {
		byID[id(x)] = x
	}
	out := make([]T, 0, len(ids))
	for _, i := range ids {
		if x, ok := byID[i]; ok {
			out = append(out, x)
		}
	}
	return out
}

// wrapErr wraps err with what was being read, nil staying nil.
func wrapErr(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// unplacedFigures selects, from figures f, those that name no statement
// and no claimant: the figures page reads their sources' words and the
// statements around them to find who said them.
const unplacedFigures = `f.statement_id IS NULL AND f.claimant_id IS NULL
	AND f.claimant_name = '' AND f.review <> 'rejected'`

// FigureStatements lists the statements the figures page places the
// case's figures by: those they were said in, and for a figure that names
// no one, the statements whose span holds it, whose speaker said it (the
// quotation rule). They are read in one join rather than the case's
// million statements or a list of ids.
func (db *DB) FigureStatements(ctx context.Context, caseID int64) ([]*inquest.Statement, error) {
	rows, err := db.reader().query(ctx, "SELECT "+statementPlacingColumns+` FROM statements s
		WHERE s.id IN (SELECT f.statement_id FROM figures f WHERE f.case_id = ? AND f.statement_id IS NOT NULL
			UNION SELECT s2.id FROM figures f JOIN statements s2 ON s2.source_id = f.source_id
				AND s2.start_pos <= f.start_pos AND f.end_pos <= s2.end_pos
			WHERE f.case_id = ? AND `+unplacedFigures+`)
		ORDER BY s.id`, caseID, caseID)
	if err != nil {
		return nil, fmt.Errorf("statements of the figures of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Statement
	for rows.Next() {
		s, err := scanStatement(rows)
		if err != nil {
			return nil, fmt.Errorf("statements of the figures of case %d: %w", caseID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// FigureSources lists the sources the figures page consults: those of
// figures without an as-of day, which their source's day dates, and of
// figures that name no one, which their source's words or publisher speak
// for. Only the latter are read with their text. A figure that carries its
// day and claimant needs nothing of its source, and at a million
// statements that is nearly all of them: reading a source for each of the
// case's 68,000 figures held 23 MB through the derivation.
func (db *DB) FigureSources(ctx context.Context, caseID int64) ([]*inquest.Source, error) {
	rows, err := db.reader().query(ctx, `SELECT s.id, s.case_id, s.publisher, s.kind, s.published,
			CASE WHEN EXISTS (SELECT 1 FROM figures f WHERE f.source_id = s.id AND `+unplacedFigures+`) THEN s.text ELSE '' END
		FROM sources s
		WHERE s.id IN (SELECT f.source_id FROM figures f WHERE f.case_id = ?
			AND ((f.review <> 'rejected' AND (f.as_of IS NULL OR f.as_of = '')) OR (`+unplacedFigures+`)))
		ORDER BY s.id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("sources of the figures of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []*inquest.Source
	for rows.Next() {
		s := new(inquest.Source)
		var kind string
		var published sql.NullString
		if err := rows.Scan(&s.ID, &s.CaseID, &s.Publisher, &kind, &published, &s.Text); err != nil {
			return nil, fmt.Errorf("sources of the figures of case %d: %w", caseID, err)
		}
		s.Kind, s.Published = inquest.SourceKind(kind), dateOf(published)
		out = append(out, s)
	}
	return out, rows.Err()
}

// PeopleStamp is the count and greatest id of the people, which an
// addition moves, and the public-change count, which every update and
// deletion of a person moves (migrations 0008 and 0010).
func (db *DB) PeopleStamp(ctx context.Context) (string, error) {
	var n, maxID, epoch int64
	err := db.reader().row(ctx, `SELECT (SELECT count(*) FROM people), (SELECT coalesce(max(id), 0) FROM people),
		(SELECT epoch FROM public_epoch WHERE id = 1)`).Scan(&n, &maxID, &epoch)
	if err != nil {
		return "", fmt.Errorf("read the stamp of the people: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d", n, maxID, epoch), nil
}

// WorkspaceStamp is the count of changes to what the workspace's kept
// derivations derive from (migration 0014).
func (db *DB) WorkspaceStamp(ctx context.Context) (string, error) {
	var epoch int64
	if err := db.reader().row(ctx, "SELECT epoch FROM workspace_epoch WHERE id = 1").Scan(&epoch); err != nil {
		return "", fmt.Errorf("read the count of workspace changes: %w", err)
	}
	return strconv.FormatInt(epoch, 10), nil
}

// PeopleNames lists every person by name without their details, which
// take three more queries over every person's names, aliases and
// positions: a page that offers the people to choose from needs the
// names alone.
func (db *DB) PeopleNames(ctx context.Context) ([]*inquest.Person, error) {
	people, err := queryPeople(ctx, db.reader(), "SELECT "+personColumns+" FROM people ORDER BY name, slug")
	if err != nil {
		return nil, fmt.Errorf("list the names of people: %w", err)
	}
	return people, nil
}

// PeoplePage lists a page of people by name with their details.
func (db *DB) PeoplePage(ctx context.Context, limit, offset int) ([]*inquest.Person, int, error) {
	if limit <= 0 || offset < 0 {
		return nil, 0, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	r := db.reader()
	var total int
	if err := r.row(ctx, "SELECT COUNT(*) FROM people").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count people: %w", err)
	}
	people, err := queryPeople(ctx, r, "SELECT "+personColumns+" FROM people ORDER BY name, slug LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list people: %w", err)
	}
	if len(people) == 0 {
		return nil, total, nil
	}
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	in, args := inList(ids)
	if err := attachPersonDetails(ctx, r, people, "person_id IN "+in, args...); err != nil {
		return nil, 0, fmt.Errorf("list people: %w", err)
	}
	return people, total, nil
}

// FiguresPage lists a page of the case's standing figures, in the order of
// Figures (datedPage).
func (db *DB) FiguresPage(ctx context.Context, caseID int64, limit, offset int) ([]*inquest.Figure, int, error) {
	return datedPage(ctx, db.reader(), "figures", figureColumns, "as_of", scanFigure, caseID, limit, offset)
}

// datedPage lists a page of the case's rows of table that are not
// rejected, by the day in column day (unknown days last) and id, and
// counts them all. The rows with a day are read in the order of the
// table's (case_id, day) index, so that a page stops at its end instead
// of sorting every row of the case; those without follow by id.
func datedPage[T any](ctx context.Context, r q, table, columns, day string, scan func(scanner) (T, error), caseID int64, limit, offset int) ([]T, int, error) {
	if limit <= 0 || offset < 0 {
		return nil, 0, inquest.Errorf(inquest.EINVALID, "a page needs a size above zero and an offset of zero or more")
	}
	rej := string(inquest.Rejected)
	var total int
	if err := r.row(ctx, "SELECT COUNT(*) FROM "+table+" WHERE case_id = ? AND review <> ?", caseID, rej).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count the %s of case %d: %w", table, caseID, err)
	}
	read := func(query string, args ...any) ([]T, error) {
		rows, err := r.query(ctx, "SELECT "+columns+" FROM "+table+" WHERE case_id = ? AND review <> ? AND "+query, append([]any{caseID, rej}, args...)...)
		if err != nil {
			return nil, fmt.Errorf("%s of case %d: %w", table, caseID, err)
		}
		defer rows.Close()
		var out []T
		for rows.Next() {
			x, err := scan(rows)
			if err != nil {
				return nil, fmt.Errorf("%s of case %d: %w", table, caseID, err)
			}
			out = append(out, x)
		}
		return out, rows.Err()
	}
	page, err := read(day+" IS NOT NULL ORDER BY "+day+", id LIMIT ? OFFSET ?", limit, offset)
	if err != nil || len(page) == limit {
		return page, total, err
	}
	// The page reaches past the rows with a day.
	dated := offset + len(page)
	if len(page) == 0 && offset > 0 {
		var undated int
		if err := r.row(ctx, "SELECT COUNT(*) FROM "+table+" WHERE case_id = ? AND "+day+" IS NULL AND review <> ?", caseID, rej).Scan(&undated); err != nil {
			return nil, 0, fmt.Errorf("count the %s of case %d: %w", table, caseID, err)
		}
		dated = total - undated
	}
	rest, err := read(day+" IS NULL ORDER BY id LIMIT ? OFFSET ?", limit-len(page), max(0, offset-dated))
	if err != nil {
		return nil, 0, err
	}
	return append(page, rest...), total, nil
}
