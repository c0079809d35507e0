package web

import "net/http"

// publicRoutes registers the public site's pages (issue 6). The front page,
// the case page and the source pages are in routes.go. Every page here reads
// the public record of a public case (pub_record.go), whoever asks.
func (s *Server) publicRoutes(mux *http.ServeMux) {
	const c = "GET /cases/{slug}"
	// Further pages of the lists that grow with the case (pub_paging.go).
	mux.Handle(c+"/page/{n}", s.handle(s.casePage))
	mux.Handle(c+"/contradictions/page/{n}", s.handle(s.cachedPublic(s.contradictionsPage)))
	mux.Handle(c+"/timeline/page/{n}", s.handle(s.cachedPublic(s.timelinePage)))
	mux.Handle(c+"/matrix/page/{n}", s.handle(s.cachedPublic(s.matrixPage)))
	mux.Handle(c+"/chapters/{chapter}", s.handle(s.cachedPublic(s.chapterPage)))
	mux.Handle(c+"/chapters/{chapter}/versions/{version}", s.handle(s.cachedPublic(s.chapterPage)))
	mux.Handle(c+"/claims", s.handle(s.cachedPublic(s.claimsPage)))
	mux.Handle(c+"/claims/{claim}", s.handle(s.cachedPublic(s.claimPage)))
	mux.Handle(c+"/contradictions", s.handle(s.cachedPublic(s.contradictionsPage)))
	mux.Handle(c+"/matrix", s.handle(s.cachedPublic(s.matrixPage)))
	mux.Handle(c+"/timeline", s.handle(s.cachedPublic(s.timelinePage)))
	mux.Handle(c+"/figures", s.handle(s.cachedPublic(s.figuresPage)))
	mux.Handle(c+"/figures/{measure}", s.handle(s.cachedPublic(s.measurePage)))
	mux.Handle(c+"/questions", s.handle(s.cachedPublic(s.questionsPage)))
	mux.Handle(c+"/people", s.handle(s.cachedPublic(s.casePeoplePage)))
	mux.Handle("GET /people/{slug}", s.handle(s.cachedPublic(s.personPage)))
	mux.Handle("GET /people/{slug}/page/{n}", s.handle(s.cachedPublic(s.personPage)))

	// Feeds and open data.
	mux.Handle(c+"/feed.atom", s.handle(s.cachedPublic(s.chaptersFeed)))
	mux.Handle(c+"/contradictions.atom", s.handle(s.cachedPublic(s.contradictionsFeed)))
	mux.Handle(c+"/data", s.handle(s.cachedPublic(s.dataIndex)))
	mux.Handle(c+"/data/{file}", s.handle(s.dataFileRoute))

	// Language prefixes: /ru/cases/… is /cases/… in Russian.
	s.langPrefixes(mux)
}
