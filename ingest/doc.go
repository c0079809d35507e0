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
// package extract for the engine's types and to build the engine.
//
// A document's source and the engine's suggestions for it are written in one
// transaction (inquest.IngestService), so that a source is never stored
// without them; a file's locator is its meta file's url or "file:" and its
// path relative to the argument it was found under, never an absolute path.
//
// Pipeline.Run is the bulk form (inquest ingest uses it): documents are read
// and extracted on GOMAXPROCS goroutines while one goroutine stores them in
// the order given, several to a transaction when the store offers
// AddSourcesWithSuggestions, each still whole or not at all; a document is
// reported only after its transaction commits.
//
// Limits: reading never holds more than Options.MaxSize bytes of a document
// (after HTTP decompression); HTML too deeply nested for the parser or too
// large for readability is read by a linear fallback; PDF page trees are
// walked with cycle and size checks, page content is measured decompressed
// before it is laid out, and the PDF library gets pdfTimeout per file. The
// PDF library can still loop or recurse without end on some crafted files;
// a server that accepts PDFs from strangers should run ReadPDF in a child
// process with a CPU and memory limit.
package ingest
