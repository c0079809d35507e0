package web

import "net/http"

// apiRoutes registers the JSON API under /api/v1/ (issue 5).
func (s *Server) apiRoutes(mux *http.ServeMux) {
	_ = mux
}
