// Package loadtest runs the web server against a real database under
// concurrent readers and writers, and checks that nothing acknowledged was
// lost. `inquest bench load` runs it at full size and prints the figures;
// its own test runs it small on both backends in `go test`, asserting no
// errors and no lost writes (never timings).
//
// Readers request the case page, source pages, original downloads and the
// JSON list over HTTP on loopback. On an existing case (Config.Case, such
// as one `inquest bench gen` made) they read a mix of its public pages
// instead, and a share of them sign in as a throwaway analyst and read
// workspace pages; nothing there is written but that user and its
// session (case.go). Writers add sources through the ingest
// pipeline (extraction included), on a store handle of their own, as
// `inquest ingest` beside `inquest serve` would.
//
// It imports the root package, store, ingest and web; only cmd/inquest and
// tests import it.
package loadtest
