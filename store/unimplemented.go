package store

import (
	"context"

	"github.com/inquest-project/inquest"
)

// Methods not yet written; each is replaced by its real file.

func errTODO(what string) error {
	return inquest.Errorf(inquest.EINTERNAL, "store: %s is not implemented yet", what)
}

func (db *DB) CreateCase(ctx context.Context, c *inquest.Case) error { return errTODO("CreateCase") }
func (db *DB) UpdateCase(ctx context.Context, c *inquest.Case) error { return errTODO("UpdateCase") }
func (db *DB) CaseBySlug(ctx context.Context, slug string) (*inquest.Case, error) {
	return nil, errTODO("CaseBySlug")
}
func (db *DB) Cases(ctx context.Context) ([]*inquest.Case, error) { return nil, errTODO("Cases") }
func (db *DB) AddSource(ctx context.Context, s *inquest.Source, original []byte) (*inquest.Source, bool, error) {
	return nil, false, errTODO("AddSource")
}
func (db *DB) Source(ctx context.Context, id int64) (*inquest.Source, error) {
	return nil, errTODO("Source")
}
func (db *DB) Sources(ctx context.Context, f inquest.SourceFilter) ([]*inquest.Source, error) {
	return nil, errTODO("Sources")
}
func (db *DB) Versions(ctx context.Context, id int64) ([]*inquest.Source, error) {
	return nil, errTODO("Versions")
}
func (db *DB) Original(ctx context.Context, sourceID int64) ([]byte, error) {
	return nil, errTODO("Original")
}
func (db *DB) VerifyArchive(ctx context.Context) ([]inquest.Mismatch, error) {
	return nil, errTODO("VerifyArchive")
}
func (db *DB) UpsertPerson(ctx context.Context, p *inquest.Person) error {
	return errTODO("UpsertPerson")
}
func (db *DB) Person(ctx context.Context, id int64) (*inquest.Person, error) {
	return nil, errTODO("Person")
}
func (db *DB) PersonBySlug(ctx context.Context, slug string) (*inquest.Person, error) {
	return nil, errTODO("PersonBySlug")
}
func (db *DB) People(ctx context.Context) ([]*inquest.Person, error)   { return nil, errTODO("People") }
func (db *DB) UpsertClaim(ctx context.Context, c *inquest.Claim) error { return errTODO("UpsertClaim") }
func (db *DB) Claims(ctx context.Context, caseID int64) ([]*inquest.Claim, error) {
	return nil, errTODO("Claims")
}
func (db *DB) AddStance(ctx context.Context, s *inquest.Stance) error { return errTODO("AddStance") }
func (db *DB) Stances(ctx context.Context, caseID int64) ([]*inquest.Stance, error) {
	return nil, errTODO("Stances")
}
func (db *DB) AddStatement(ctx context.Context, s *inquest.Statement) error {
	return errTODO("AddStatement")
}
func (db *DB) Statement(ctx context.Context, id int64) (*inquest.Statement, error) {
	return nil, errTODO("Statement")
}
func (db *DB) Statements(ctx context.Context, f inquest.StatementFilter) ([]*inquest.Statement, error) {
	return nil, errTODO("Statements")
}
func (db *DB) SetStatementReview(ctx context.Context, id int64, r inquest.Review, by string) error {
	return errTODO("SetStatementReview")
}
func (db *DB) AddFigure(ctx context.Context, f *inquest.Figure) error { return errTODO("AddFigure") }
func (db *DB) Figures(ctx context.Context, caseID int64) ([]*inquest.Figure, error) {
	return nil, errTODO("Figures")
}
func (db *DB) AddQuestion(ctx context.Context, q *inquest.Question) error {
	return errTODO("AddQuestion")
}
func (db *DB) Questions(ctx context.Context, caseID int64) ([]*inquest.Question, error) {
	return nil, errTODO("Questions")
}
func (db *DB) AddEvent(ctx context.Context, e *inquest.Event) error { return errTODO("AddEvent") }
func (db *DB) Events(ctx context.Context, caseID int64) ([]*inquest.Event, error) {
	return nil, errTODO("Events")
}
func (db *DB) Audit(ctx context.Context, e *inquest.AuditEntry) error { return errTODO("Audit") }
func (db *DB) VerifyAudit(ctx context.Context) (int64, error)         { return 0, errTODO("VerifyAudit") }
