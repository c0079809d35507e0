// Package web serves Inquest's pages: the list of cases, a case with its
// sources, and a source with its archived text, hashes, versions and the
// download of its original bytes.
//
// It owns the HTTP handlers, the one route table (routes.go), the html/template
// templates and the CSS, all embedded in the binary and parsed at start-up. It
// reads the record only through the inquest.Store interface, so it imports the
// root package and the standard library and must not import store, ingest,
// extract or cmd/inquest.
//
// A server runs in one of two modes. The public mode shows only public cases,
// sources not marked private, and confirmed statements and figures. The
// workspace mode (for analysts, on a trusted address) shows every case and the
// engine's suggestions too. Private material never reaches a public page.
package web
