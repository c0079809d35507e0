package web

import (
	"net/http"
	"strings"
	"time"
)

// sessionTTL is how long a login lasts: a working day and a bit, so that an
// analyst signs in once a day and a forgotten browser is closed by the next.
const sessionTTL = 12 * time.Hour

// setSessionCookie gives the browser the session secret: HttpOnly (no script
// reads it), SameSite=Lax (not sent with cross-site form posts), Secure when
// the connection is TLS.
func setSessionCookie(w http.ResponseWriter, r *http.Request, secret string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookieName, Value: secret, Path: "/",
		Expires: expires, MaxAge: int(time.Until(expires).Seconds()),
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie removes the cookie from the browser.
func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode,
	})
}

// safeNext returns where to go after login: next when it is a path on this
// site, else the workspace. "//evil.example" and "/\evil.example" are paths
// to a browser only in name, so they are refused too.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/w/"
	}
	return next
}

// clientAddr is the TCP peer's address without the port.
func clientAddr(r *http.Request) string {
	addr := r.RemoteAddr
	if i := strings.LastIndexByte(addr, ':'); i > 0 && !strings.HasSuffix(addr, "]") {
		addr = addr[:i]
	}
	return strings.Trim(addr, "[]")
}
