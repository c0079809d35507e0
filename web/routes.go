package web

import "net/http"

// routes is the one route table of the site, read top to bottom. Every
// handler returns an error, which s.handle turns into an error page.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// Pages.
	mux.Handle("GET /{$}", s.handle(s.homePage))
	mux.Handle("GET /cases/{slug}", s.handle(s.casePage))
	mux.Handle("GET /sources/{id}", s.handle(s.sourcePage))
	mux.Handle("GET /sources/{id}/original", s.handle(s.sourceOriginal))

	// JSON.
	mux.Handle("GET /api/v1/cases", s.handle(s.apiCases))
	mux.Handle("GET /api/v1/cases/{slug}/sources", s.handle(s.apiCaseSources))
	mux.Handle("GET /api/v1/sources/{id}", s.handle(s.apiSource))

	// Assets, under content-hashed names so they can be cached for ever.
	mux.Handle("GET /static/{name}", s.handle(s.staticFile))

	// The public site beyond the record pages: claims, matrix, timeline,
	// figures, questions, people, chapters, feeds, open data, languages.
	s.publicRoutes(mux)
	// The analysts' workspace under /w/, behind login.
	s.workspaceRoutes(mux)
	// Accounts: login, logout.
	s.accountRoutes(mux)
	// The JSON API under /api/v1/ beyond the read-only endpoints above.
	s.apiRoutes(mux)

	// Any other path is a 404 page (or JSON under /api/); another method on
	// a known path is answered 405 by the mux, with an Allow header.
	mux.Handle("GET /", s.handle(s.notFound))
	return mux
}
