package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"github.com/inquest-project/inquest"
)

// The names other files of the package build on: who is signed in
// (userFrom), the gate around a handler (requireRole), and the form token
// (csrfToken, csrfField). See auth.go for how to register state-changing
// routes.

type userKey struct{}
type csrfKey struct{}
type authnKey struct{}

// authnFrom returns who withSession found the request to be from, if any.
func authnFrom(ctx context.Context) *authn {
	a, _ := ctx.Value(authnKey{}).(*authn)
	return a
}

// userFrom returns the signed-in user of the request, or nil for a reader.
// It is set by requireRole (and by s.withSession for pages that only want to
// know), never by anything a client sends directly.
func userFrom(ctx context.Context) *inquest.User {
	u, _ := ctx.Value(userKey{}).(*inquest.User)
	return u
}

// withUser returns ctx carrying u as the signed-in user.
func withUser(ctx context.Context, u *inquest.User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// csrfToken returns the form token of the request's session, or "" when the
// request has no session. Forms that change anything carry it in a hidden
// field named "csrf" (see csrfField); scripts send it as X-CSRF-Token.
func csrfToken(ctx context.Context) string {
	t, _ := ctx.Value(csrfKey{}).(string)
	return t
}

func withCSRF(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, csrfKey{}, token)
}

// csrfFieldName is the form field that carries the token.
const csrfFieldName = "csrf"

// formTokenOf derives a session's form token from its secret. The token can
// be shown in every page (it is not the secret: SHA-256 does not run
// backwards) and needs no storage of its own; it changes with the session.
func formTokenOf(sessionSecret string) string {
	sum := sha256.Sum256([]byte("inquest form token v1\x00" + sessionSecret))
	return hex.EncodeToString(sum[:16])
}

// sessionCookieName is the cookie that carries the session secret.
const sessionCookieName = "inquest_session"

// requireRole lets the request through to h only when it comes from a
// signed-in user whose role includes role, with the user in the context
// (userFrom) and the store's audit actor set to the user's name. For a
// method that may change state (anything but GET, HEAD, OPTIONS) it also
// refuses a cross-origin browser request (http.CrossOriginProtection) and, for
// a request signed in by the session cookie, one without the session's form
// token (field "csrf" or header X-CSRF-Token). A bearer token counts only
// under /api/, where no browser sends one by itself.
//
// Refusals: under /api/ a JSON error (401 with WWW-Authenticate: Bearer, or
// 403); for pages, a GET without a session is sent to /login?next=…, other
// methods get a 401 page; a role too low gets 403.
func (s *Server) requireRole(role inquest.Role, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isSafeMethod(r.Method) {
			if err := crossOrigin.Check(r); err != nil {
				s.Error(w, r, inquest.Errorf(inquest.EFORBIDDEN,
					"This request came from another site and was refused. Use the form on this site."))
				return
			}
		}
		a := authnFrom(r.Context())
		if a == nil {
			var err error
			if a, err = s.signIn(r); err != nil {
				s.Error(w, r, err)
				return
			}
		}
		if a == nil {
			s.refuseAnonymous(w, r)
			return
		}
		if !isSafeMethod(r.Method) && a.bySession {
			got := r.Header.Get("X-CSRF-Token")
			if got == "" {
				got = r.PostFormValue(csrfFieldName)
			}
			if subtle.ConstantTimeCompare([]byte(got), []byte(a.formToken)) != 1 {
				s.Error(w, r, inquest.Errorf(inquest.EFORBIDDEN,
					"This form has expired or did not come from this site. Reload the page and try again."))
				return
			}
		}
		if !a.user.Role.Includes(role) {
			s.Error(w, r, inquest.Errorf(inquest.EFORBIDDEN,
				"Your role (%s) may not do this; it needs %s rights. Ask an administrator.", a.user.Role, role))
			return
		}
		h.ServeHTTP(w, r.WithContext(a.context(r.Context())))
	})
}

// crossOrigin is the standard library's check of Sec-Fetch-Site and Origin.
var crossOrigin = http.NewCrossOriginProtection()

func isSafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// refuseAnonymous answers a request that needs a user and has none.
func (s *Server) refuseAnonymous(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="inquest"`)
		s.Error(w, r, inquest.Errorf(inquest.EUNAUTHORIZED,
			"Sign in first: send Authorization: Bearer TOKEN (make one with 'inquest token create USER')."))
		return
	}
	if isSafeMethod(r.Method) {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.Error(w, r, inquest.Errorf(inquest.EUNAUTHORIZED,
		"You are not signed in, or your session has ended. Sign in at /login and try again."))
}

// authn is who a request is from and how it proved it.
type authn struct {
	user      *inquest.User
	accounts  inquest.Accounts
	bySession bool
	formToken string
}

// context returns ctx carrying the user, the form token and the audit actor.
func (a *authn) context(ctx context.Context) context.Context {
	ctx = context.WithValue(ctx, authnKey{}, a)
	ctx = withUser(ctx, a.user)
	if a.formToken != "" {
		ctx = withCSRF(ctx, a.formToken)
	}
	return a.accounts.WithActor(ctx, a.user.Name)
}

// accounts returns the store's accounts, which every store of this program
// keeps; a store without them can serve only public pages.
func (s *Server) accounts() (inquest.Accounts, bool) {
	a, ok := s.st.(inquest.Accounts)
	return a, ok
}

// signIn finds who the request is from: the session cookie, or under /api/ a
// bearer token. It returns nil (and no error) for a reader; a stale or
// unknown cookie also counts as a reader, so that the login page still works.
func (s *Server) signIn(r *http.Request) (*authn, error) {
	acc, ok := s.accounts()
	if !ok {
		return nil, nil
	}
	if isAPI(r) {
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, secret, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
				return nil, inquest.Errorf(inquest.EUNAUTHORIZED, "Authorization must be 'Bearer TOKEN'.")
			}
			u, err := acc.TokenUser(r.Context(), strings.TrimSpace(secret))
			if err != nil {
				return nil, err
			}
			return &authn{user: u, accounts: acc}, nil
		}
	}
	c, err := r.Cookie(sessionCookieName)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	u, _, err := acc.SessionUser(r.Context(), c.Value)
	if inquest.ErrorCode(err) == inquest.EUNAUTHORIZED {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &authn{user: u, accounts: acc, bySession: true, formToken: formTokenOf(c.Value)}, nil
}

// withSession puts the signed-in user (if any) into the request's context
// without requiring one, so that every page can say who is signed in; the
// server's middleware runs it on every request. A bad cookie or token makes
// the request a reader's here; requireRole then refuses it where it matters.
func (s *Server) withSession(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, err := s.signIn(r)
		if err != nil && isAPI(r) {
			// A script with a wrong token should hear so, not get the
			// public view as if it had sent none.
			w.Header().Set("WWW-Authenticate", `Bearer realm="inquest", error="invalid_token"`)
			s.Error(w, r, err)
			return
		}
		if err != nil || a == nil {
			h.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(w, r.WithContext(a.context(r.Context())))
	})
}
