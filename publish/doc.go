// Package publish turns the public record into what readers take away:
// chapters rendered from Markdown with numbered citations, Atom feeds, the
// open-data downloads (JSON and CSV), and the static export of the whole
// public site.
//
// It works on values handed to it (chapters, statements, a resolver, an
// http.Handler to crawl) and decides nothing about visibility: the caller
// passes only what readers may see. It imports the root package, goldmark,
// bluemonday and the standard library; it must not import store or web, so
// that the web layer can use it and the static export can drive the web
// handler without an import cycle.
package publish
