// Package ingest turns files, directories and web pages into sources: it
// reads the original bytes (plain text in UTF-8 or a Cyrillic code page, HTML,
// PDF with a text layer, or an http(s) URL), extracts the plain text and the
// metadata, and stores the result through the root inquest interfaces together
// with what the extraction engine suggests in it.
//
// It owns reading and fetching (size, redirect and address limits included)
// and the ingest pipeline. It must not import package store, web or cmd: it
// talks to storage only through the root interfaces, so that it runs the same
// on SQLite and PostgreSQL and can be tested against either. It may import
// package extract for the engine's types; the engine itself is passed in.
package ingest
