package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// testPassword is long enough for the store's rule.
const testPassword = "correct horse battery"

// addUser stores a user with testPassword.
func addUser(t testing.TB, db *store.DB, name string, role inquest.Role) *inquest.User {
	t.Helper()
	u := &inquest.User{Name: name, Role: role}
	if err := db.CreateUser(context.Background(), u, testPassword); err != nil {
		t.Fatalf("add user %s: %v", name, err)
	}
	return u
}

// client sends requests to a handler the way a browser on the same site
// does: it keeps the session cookie and sends Sec-Fetch-Site: same-origin.
type client struct {
	t       testing.TB
	h       http.Handler
	cookie  *http.Cookie
	addr    string
	headers map[string]string
}

func newClient(t testing.TB, h http.Handler) *client {
	return &client{t: t, h: h, addr: "192.0.2.1:1234", headers: map[string]string{"Sec-Fetch-Site": "same-origin"}}
}

func (c *client) do(method, path string, form url.Values) *httptest.ResponseRecorder {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	req.RemoteAddr = c.addr
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	if c.cookie != nil {
		req.AddCookie(c.cookie)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == sessionCookieName {
			if ck.MaxAge < 0 {
				c.cookie = nil
			} else {
				c.cookie = ck
			}
		}
	}
	return rec
}

// login posts the login form and fails the test unless it succeeds.
func (c *client) login(name string) {
	c.t.Helper()
	rec := c.do("POST", "/login", url.Values{"username": {name}, "password": {testPassword}})
	if rec.Code != http.StatusSeeOther || c.cookie == nil {
		c.t.Fatalf("login as %s: %d %s", name, rec.Code, rec.Body.String())
	}
}

// formToken is the session's CSRF token as the pages show it.
func (c *client) formToken() string {
	c.t.Helper()
	if c.cookie == nil {
		c.t.Fatal("no session")
	}
	return formTokenOf(c.cookie.Value)
}

func TestLoginLogout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		h := NewServer(db, Options{}).Handler()
		c := newClient(t, h)

		rec := c.do("GET", "/w/audit", nil)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?next=%2Fw%2Faudit" {
			t.Fatalf("anonymous GET /w/audit = %d to %q, want 303 to the login page", rec.Code, rec.Header().Get("Location"))
		}
		rec = c.do("GET", "/login?next=%2Fw%2Faudit", nil)
		body := rec.Body.String()
		for _, want := range []string{`name="username"`, `name="password"`, `type="password"`, `action="/login"`, `value="/w/audit"`} {
			if !strings.Contains(body, want) {
				t.Errorf("login page lacks %s", want)
			}
		}

		for _, tc := range []struct{ name, password string }{{"aigerim", "wrong password!"}, {"nobody", testPassword}, {"", ""}} {
			rec = c.do("POST", "/login", url.Values{"username": {tc.name}, "password": {tc.password}})
			if rec.Code < 400 || c.cookie != nil {
				t.Errorf("login %q/%q = %d with cookie %v; want refused, no session", tc.name, tc.password, rec.Code, c.cookie)
			}
			if !strings.Contains(rec.Body.String(), `role="alert"`) {
				t.Errorf("failed login %q shows no error message", tc.name)
			}
		}

		rec = c.do("POST", "/login", url.Values{"username": {"aigerim"}, "password": {testPassword}, "next": {"/w/audit"}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/w/audit" {
			t.Fatalf("login = %d to %q, want 303 to /w/audit", rec.Code, rec.Header().Get("Location"))
		}
		if c.cookie == nil || !c.cookie.HttpOnly || c.cookie.SameSite != http.SameSiteLaxMode || c.cookie.Path != "/" {
			t.Fatalf("session cookie = %+v; want HttpOnly, SameSite=Lax, Path=/", c.cookie)
		}
		if rec := c.do("GET", "/w/audit", nil); rec.Code != http.StatusOK {
			t.Fatalf("signed-in GET /w/audit = %d", rec.Code)
		}

		old := *c.cookie
		rec = c.do("POST", "/logout", url.Values{"csrf": {c.formToken()}})
		if rec.Code != http.StatusSeeOther || c.cookie != nil {
			t.Fatalf("logout = %d, cookie %v; want 303 and the cookie cleared", rec.Code, c.cookie)
		}
		c.cookie = &old // a copy of the cookie kept somewhere no longer works
		if rec := c.do("GET", "/w/audit", nil); rec.Code != http.StatusSeeOther {
			t.Errorf("GET /w/audit with the logged-out cookie = %d, want 303 to login", rec.Code)
		}
		var n int
		if err := db.RawQueryRow(context.Background(), "SELECT COUNT(*) FROM sessions").Scan(&n); err != nil || n != 0 {
			t.Errorf("after logout %d sessions remain (%v)", n, err)
		}
	})
}
