package inquest

import "context"

// RecordReads reads a case in the small pieces a public page needs, so
// that the public site's memory does not grow with the case: the site
// keeps each case's keys (which statements and sources there are, whose
// and when) and reads the text of only what a page shows.
//
// The methods return what is stored, private or not: what a reader may
// see is decided in one place by the caller (web/visibility.go), never by
// the query.
type RecordReads interface {
	// StatementKeys lists the keys of the case's statements in review
	// state r, by id.
	StatementKeys(ctx context.Context, caseID int64, r Review) ([]StatementKey, error)
	// SourceKeys lists the keys of every version of every source of the
	// case, by id.
	SourceKeys(ctx context.Context, caseID int64) ([]SourceKey, error)
	// StatementsByID returns those of the statements with the ids that
	// exist, by id, with their translations.
	StatementsByID(ctx context.Context, ids []int64) ([]*Statement, error)
	// SourcesByID returns those of the sources with the ids that exist,
	// by id, without their text.
	SourcesByID(ctx context.Context, ids []int64) ([]*Source, error)
	// PeopleByID returns those of the people with the ids that exist, by
	// id, without their names in other scripts, aliases and positions.
	PeopleByID(ctx context.Context, ids []int64) ([]*Person, error)
	// StancesInReview, FiguresInReview and QuestionsInReview list the
	// case's stances, figures and questions in review state r, in the
	// order of Stances, Figures and Questions. Of half a million stances
	// a large case has, a few percent are confirmed: reading the others
	// to drop them was most of what loading the public record held.
	StancesInReview(ctx context.Context, caseID int64, r Review) ([]*Stance, error)
	FiguresInReview(ctx context.Context, caseID int64, r Review) ([]*Figure, error)
	QuestionsInReview(ctx context.Context, caseID int64, r Review) ([]*Question, error)
	// PublicStamp is a value that moves whenever the public record of the
	// case may have changed, by any process: something confirmed, added
	// or published, or anything public changed or removed (the public
	// change count). Reading it costs a few small queries; loading a
	// large case's record costs seconds, so a server reloads only when
	// the stamp moved.
	PublicStamp(ctx context.Context, caseID int64) (string, error)
}

// StatementKey is what a list of statements needs to place one without
// its words: which source, which speaker, which day.
type StatementKey struct {
	ID       int64
	SourceID int64
	PersonID int64
	SaidOn   Date
}

// SourceKey is what a list of sources needs to know of one without
// reading it: which document it is a version of, whether it is private,
// the day it was published, and its title, by which pages cite it.
type SourceKey struct {
	ID        int64
	Locator   string
	Version   int
	Private   bool
	Published Date
	Title     string
}
