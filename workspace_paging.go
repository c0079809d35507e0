package inquest

import (
	"context"
	"time"
)

// PagedWorkspace reads the workspace's long lists a page at a time, and a
// source's own records without the rest of its case, so that a workspace
// page costs the same at a thousand statements and at a million.
type PagedWorkspace interface {
	// LatestSourcesPage lists the newest version of each source of the
	// case, by id, limit of them from offset, without their text, and
	// whether more follow. (Counting them all would cost a scan of the
	// case's sources on every page.)
	LatestSourcesPage(ctx context.Context, caseID int64, limit, offset int) ([]*Source, bool, error)
	// ReviewCountsOf counts the suggestions waiting in each of the given
	// sources that has any.
	ReviewCountsOf(ctx context.Context, sourceIDs []int64) ([]SourceReviewCount, error)
	// ReviewQueuePage returns the case's suggestions (of one source when
	// sourceID is not 0) newest first, limit of them from offset, and
	// whether more follow. A stance waits only while its statement is
	// not rejected; a question only when it comes from a source.
	ReviewQueuePage(ctx context.Context, caseID, sourceID int64, limit, offset int) ([]ReviewEntry, bool, error)
	// SourcesWithText returns those of the sources with the ids that
	// exist, by id, with their text: the sources of a page of the review
	// queue, in one query.
	SourcesWithText(ctx context.Context, ids []int64) ([]*Source, error)
	// SourceFigures lists the figures of one source by position.
	SourceFigures(ctx context.Context, sourceID int64) ([]*Figure, error)
	// SourceStances lists the stances of one source's statements.
	SourceStances(ctx context.Context, sourceID int64) ([]*Stance, error)

	// ClaimStancesPage lists the stances on one claim that stand (neither
	// the stance nor its statement rejected), by statement, limit of them
	// from offset, and whether more follow.
	ClaimStancesPage(ctx context.Context, claimID int64, limit, offset int) ([]*Stance, bool, error)
	// ClaimStanceCounts counts those stances by kind.
	ClaimStanceCounts(ctx context.Context, claimID int64) (map[StanceKind]int, error)
	// StatementsByID loads the given statements, by id; an id that names
	// no statement is left out (as PublicReads has it).
	StatementsByID(ctx context.Context, ids []int64) ([]*Statement, error)
	// StancesOfStatements lists the stances of the given statements, by
	// statement and claim.
	StancesOfStatements(ctx context.Context, statementIDs []int64) ([]*Stance, error)
	// PersonStatementsPage lists one person's statements that are not
	// rejected, in every case, by the day said (unknown days last) and
	// id, limit of them from offset; and how many there are in all.
	PersonStatementsPage(ctx context.Context, personID int64, limit, offset int) ([]*Statement, int, error)
	// QuestionsPage lists the case's questions that are not rejected, by
	// the day asked (unknown days last) and id, limit of them from
	// offset, and how many there are in all.
	QuestionsPage(ctx context.Context, caseID int64, limit, offset int) ([]*Question, int, error)
	// ReviewWaiting counts what waits in the case's review queue (as
	// ReviewQueuePage lists it), counting each kind up to upTo only: a
	// front page needs "a lot", not a scan of the whole case.
	ReviewWaiting(ctx context.Context, caseID int64, upTo int) (n int, more bool, err error)
	// FigureStatements lists, by id, the statements that place the case's
	// figures: those they were said in, and for a figure that names neither
	// a statement nor a claimant, those whose span holds it (a quotation's
	// figure is its speaker's). With what places a figure (speaker, day, span, review) and
	// without their text, context, note and translations, which at tens of
	// thousands of figures would be most of what the figures page holds.
	FigureStatements(ctx context.Context, caseID int64) ([]*Statement, error)
	// FigureSources lists, by id, the sources that date or speak for the
	// case's figures: those of figures without an as-of day, and those of
	// figures that name no statement and no claimant. Only ID, CaseID,
	// Publisher, Kind and Published are read, and the text of the latter
	// sources, whose sentences may name who said the figure. Rejected
	// figures need none.
	FigureSources(ctx context.Context, caseID int64) ([]*Source, error)
	// PeopleNames lists every person by name, without names in other
	// scripts, aliases or positions: what a list to choose one from needs.
	PeopleNames(ctx context.Context) ([]*Person, error)
	// PeopleStamp is a value that changes whenever PeopleNames would: a
	// person added, renamed, made private or removed, by any process. The
	// workspace keeps the list of two thousand people between requests
	// and reads this to know it is still the list.
	PeopleStamp(ctx context.Context) (string, error)
	// WorkspaceStamp is a value that changes whenever what the figures
	// page derives from changes, by any process: a figure or measure, a
	// person or their names, a statement added, removed or given another
	// speaker, a source edited or removed, a claim or its texts. The
	// workspace keeps the figures' series and each case's claims between
	// requests and reads or derives them again only when it moves.
	WorkspaceStamp(ctx context.Context) (string, error)
	// PeoplePage lists the people by name, limit of them from offset, in
	// full; and how many there are in all.
	PeoplePage(ctx context.Context, limit, offset int) ([]*Person, int, error)
	// FiguresPage lists the case's figures that are not rejected, by the
	// day they hold (unknown days last) and id, limit of them from
	// offset; and how many there are in all.
	FiguresPage(ctx context.Context, caseID int64, limit, offset int) ([]*Figure, int, error)
}

// ReviewEntry is one suggestion of the review queue: Kind is "statement",
// "stance", "figure" or "question", and the matching field is set; a
// stance comes with its statement.
type ReviewEntry struct {
	Kind      string
	SourceID  int64
	CreatedAt time.Time
	Statement *Statement
	Stance    *Stance
	Figure    *Figure
	Question  *Question
}
