package inquest

import "context"

// Store is everything the record keeps. The store package implements it on
// SQLite and PostgreSQL with one body of SQL.
type Store interface {
	CaseService
	SourceService
	PersonService
	ClaimService
	StatementService
	FigureService
	QuestionService
	EventService
	IngestService
	ChapterService
	// Audit appends an entry to the hash chain, filling ID, At, PrevHash, Hash.
	Audit(ctx context.Context, e *AuditEntry) error
	// VerifyAudit walks the chain and returns the id of the first broken entry,
	// or 0 when the chain is intact.
	VerifyAudit(ctx context.Context) (int64, error)
	Close() error
}
