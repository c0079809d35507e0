package web

import "net/http"

// publicRoutes registers the public site's pages (issue 6). The front page,
// the case page and the source pages are in routes.go. Every page here reads
// the public record of a public case (pub_record.go), whoever asks.
func (s *Server) publicRoutes(mux *http.ServeMux) {
	const c = "GET /cases/{slug}"
	mux.Handle(c+"/chapters/{chapter}", s.handle(s.chapterPage))
	mux.Handle(c+"/claims", s.handle(s.claimsPage))
	mux.Handle(c+"/claims/{claim}", s.handle(s.claimPage))
	mux.Handle(c+"/contradictions", s.handle(s.contradictionsPage))
	mux.Handle(c+"/matrix", s.handle(s.matrixPage))
	mux.Handle(c+"/timeline", s.handle(s.timelinePage))
	mux.Handle(c+"/figures", s.handle(s.figuresPage))
	mux.Handle(c+"/figures/{measure}", s.handle(s.measurePage))
	mux.Handle(c+"/questions", s.handle(s.questionsPage))
	mux.Handle(c+"/people", s.handle(s.casePeoplePage))
	mux.Handle("GET /people/{slug}", s.handle(s.personPage))

	// Feeds and open data.
	mux.Handle(c+"/feed.atom", s.handle(s.chaptersFeed))
	mux.Handle(c+"/contradictions.atom", s.handle(s.contradictionsFeed))
	mux.Handle(c+"/data", s.handle(s.dataIndex))
	mux.Handle(c+"/data/{file}", s.handle(s.dataFile))

	// Language prefixes: /ru/cases/… is /cases/… in Russian.
	s.langPrefixes(mux)
}
