// Package backup takes consistent online backups of an Inquest workspace and
// restores them: a SQLite workspace with VACUUM INTO, which copies one
// snapshot while the server goes on writing; a PostgreSQL workspace with
// pg_dump and pg_restore, whose custom-format dump is one snapshot too.
//
// Since the archived original bytes live inside the database, one backup
// file holds every record and every byte of evidence.
//
// It works on the database directly, below the store, so that it can copy a
// workspace of any schema version: it imports the SQL drivers and the
// standard library, and must not import package store, the web or the
// domain packages above it. Verifying what a restore brought back (hashes,
// audit chain) is left to the caller, which has the store.
package backup
