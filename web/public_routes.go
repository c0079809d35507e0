package web

import "net/http"

// publicRoutes registers the public site's pages (issue 6).
func (s *Server) publicRoutes(mux *http.ServeMux) {
	// Language prefixes: /ru/cases/… is /cases/… in Russian.
	s.langPrefixes(mux)
}
