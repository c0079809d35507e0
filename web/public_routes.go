package web

import "net/http"

// publicRoutes registers the public site's pages (issue 6).
func (s *Server) publicRoutes(mux *http.ServeMux) {
	_ = mux
}
