package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// accountRoutes registers login, logout, the audit page and user management.
func (s *Server) accountRoutes(mux *http.ServeMux) {
	limiter := newLoginLimiter()
	mux.Handle("GET /login", s.handle(s.loginPage))
	s.handlePublicState(mux, "POST /login", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return s.login(w, r, limiter)
	}))
	s.handleState(mux, inquest.RoleAnalyst, "POST /logout", s.handle(s.logout))

	mux.Handle("GET /w/audit", s.requireRole(inquest.RoleAnalyst, s.handle(s.auditPage)))
	mux.Handle("GET /w/admin/users", s.requireRole(inquest.RoleAdmin, s.handle(s.usersPage)))
	s.handleState(mux, inquest.RoleAdmin, "POST /w/admin/users", s.handle(s.addUser))
	s.handleState(mux, inquest.RoleAdmin, "POST /w/admin/users/{id}/role", s.handle(s.changeRole))
}

// loginForm is the model of acct_login.html.
type loginForm struct {
	Next     string
	Username string
	Error    string
	User     *inquest.User // already signed in
	CSRF     string
}

func (loginForm) PageTitle() string { return "Sign in" }

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	f := loginForm{Next: safeNext(r.URL.Query().Get("next")), User: userFrom(r.Context()), CSRF: csrfToken(r.Context())}
	if r.URL.Query().Get("next") == "" {
		f.Next = ""
	}
	s.render(w, r, http.StatusOK, "acct_login", f)
	return nil
}

// login checks the form's user name and password and starts a session. A
// failure shows the form again with one message for a wrong name or a wrong
// password; too many failures answer 429 before any password is checked.
func (s *Server) login(w http.ResponseWriter, r *http.Request, limiter *loginLimiter) error {
	acc, ok := s.accounts()
	if !ok {
		return inquest.Errorf(inquest.EINTERNAL, "this store keeps no accounts")
	}
	name := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	f := loginForm{Next: r.PostFormValue("next"), Username: name}
	addr := clientAddr(r)
	if ok, wait := limiter.allow(addr, name); !ok {
		mins := int(wait.Minutes()) + 1
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.log.Warn("login refused: too many failures", "addr", addr, "user", name, "request_id", requestID(r.Context()))
		f.Error = "Too many failed attempts. Wait " + strconv.Itoa(mins) + " minutes and try again."
		s.render(w, r, http.StatusTooManyRequests, "acct_login", f)
		return nil
	}
	if name == "" || password == "" {
		f.Error = "Enter your user name and password."
		s.render(w, r, http.StatusBadRequest, "acct_login", f)
		return nil
	}
	u, err := acc.Authenticate(r.Context(), name, password)
	if inquest.ErrorCode(err) == inquest.EUNAUTHORIZED {
		limiter.failed(addr, name)
		s.log.Info("login failed", "addr", addr, "user", name, "request_id", requestID(r.Context()))
		f.Error = inquest.ErrorMessage(err)
		s.render(w, r, http.StatusUnauthorized, "acct_login", f)
		return nil
	}
	if err != nil {
		return err
	}
	limiter.succeeded(name)
	// A session cookie sent with the login (an old session) is ended, so
	// that a cookie planted before login never becomes a signed-in one.
	if c, err := r.Cookie(sessionCookieName); err == nil && c.Value != "" {
		_ = acc.DeleteSession(r.Context(), c.Value)
	}
	secret, sess, err := acc.CreateSession(r.Context(), u.ID, sessionTTL)
	if err != nil {
		return err
	}
	setSessionCookie(w, r, secret, sess.ExpiresAt)
	http.Redirect(w, r, safeNext(f.Next), http.StatusSeeOther)
	return nil
}

// logout ends the session in the database and in the browser.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	acc, _ := s.accounts()
	if c, err := r.Cookie(sessionCookieName); err == nil && c.Value != "" {
		if err := acc.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	clearSessionCookie(w, r)
	http.Redirect(w, r, "/login?out=1", http.StatusSeeOther)
	return nil
}
