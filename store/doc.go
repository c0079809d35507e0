// Package store keeps the record of Inquest in a database: SQLite (through
// modernc.org/sqlite, the embedded default) or PostgreSQL (through pgx). One
// body of SQL serves both; the few places where the two differ —
// placeholders, column types in migrations, driver error codes, timestamp
// encoding, locking the audit chain, full-text search — are all in
// dialect.go, so that the two backends cannot drift apart.
//
// It owns the schema (embedded, numbered, forward-only migrations under
// migrations/), the evidence archive (original bytes stored in the database,
// content-addressed by SHA-256, so that one backup holds everything) and the
// hash-chained audit log.
//
// It imports the root package inquest and the database drivers, and must not
// import any other package of Inquest (ingest, extract, analysis, web,
// publish, cmd): they depend on it, not the other way round.
package store
