package web

import (
	"net/http"
	"sync"

	"github.com/inquest-project/inquest"
)

// Every route that changes state (POST, PUT, PATCH, DELETE) MUST be
// registered through s.handleState, never with mux.Handle directly:
//
//	s.handleState(mux, inquest.RoleAnalyst, "POST /w/statements/{id}/confirm", s.handle(s.confirmStatement))
//	s.handleState(mux, inquest.RoleEditor, "POST /w/chapters/{id}/publish", s.handle(s.publishChapter))
//
// It wraps the handler in requireRole (sign-in, role, cross-origin check and
// form token) and records the pattern and its role, so that the role matrix
// test (auth_matrix_test.go) finds every state-changing route, including ones
// added later, and proves each refuses an anonymous request, a reader, a role
// too low and a request without CSRF protection. That test also reads the
// package's source and fails on any state-changing pattern registered
// outside handleState.
//
// Routes that must work without a session (POST /login) use handlePublicState,
// which still refuses cross-origin browser requests.

// stateRoute is one registered state-changing route.
type stateRoute struct {
	Pattern string
	Role    inquest.Role // "" for a route open to readers (login)
}

// stateRoutes records the state-changing routes of a server.
type stateRoutes struct {
	mu     sync.Mutex
	routes map[*Server][]stateRoute
}

var registry = &stateRoutes{routes: map[*Server][]stateRoute{}}

func (reg *stateRoutes) add(s *Server, r stateRoute) {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	reg.routes[s] = append(reg.routes[s], r)
}

// handleState registers h for a state-changing pattern behind requireRole.
func (s *Server) handleState(mux *http.ServeMux, role inquest.Role, pattern string, h http.Handler) {
	registry.add(s, stateRoute{Pattern: pattern, Role: role})
	mux.Handle(pattern, s.requireRole(role, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		// A change may have made something private or unconfirmed: the
		// public site of this instance must not serve it from its cache.
		s.forgetPublicRecords()
	})))
}

// handlePublicState registers h for a state-changing pattern open to readers
// (only the login form), behind the cross-origin check.
func (s *Server) handlePublicState(mux *http.ServeMux, pattern string, h http.Handler) {
	registry.add(s, stateRoute{Pattern: pattern})
	mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := crossOrigin.Check(r); err != nil {
			s.Error(w, r, inquest.Errorf(inquest.EFORBIDDEN,
				"This request came from another site and was refused. Use the form on this site."))
			return
		}
		h.ServeHTTP(w, r)
	}))
}
