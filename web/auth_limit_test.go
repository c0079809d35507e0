package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestLoginLimiterWindows(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	l := newLoginLimiter()
	l.now = func() time.Time { return now }
	for i := range loginFailuresName {
		if ok, _ := l.allow("a1", "aigerim"); !ok {
			t.Fatalf("attempt %d refused; the limit is %d", i+1, loginFailuresName)
		}
		l.failed("a1", "aigerim")
	}
	ok, wait := l.allow("a2", "aigerim")
	if ok || wait <= 0 || wait > loginWindow {
		t.Errorf("after %d failures for one name, from another address: allow = %v, wait %v; want refused for up to %v",
			loginFailuresName, ok, wait, loginWindow)
	}
	if ok, _ := l.allow("a1", "bolat"); !ok {
		t.Errorf("another name from the same address is refused before the address limit")
	}
	now = now.Add(loginWindow)
	if ok, _ := l.allow("a1", "aigerim"); !ok {
		t.Errorf("still refused after the window has passed")
	}

	// The address limit holds across names.
	l = newLoginLimiter()
	l.now = func() time.Time { return now }
	for i := range loginFailuresAddr {
		l.failed("a3", "name"+strconv.Itoa(i))
	}
	if ok, _ := l.allow("a3", "fresh-name"); ok {
		t.Errorf("after %d failures from one address, a new name from it is allowed", loginFailuresAddr)
	}
	if ok, _ := l.allow("a4", "fresh-name"); !ok {
		t.Errorf("another address is refused")
	}

	// A success clears the name, not the address.
	l = newLoginLimiter()
	l.now = func() time.Time { return now }
	for range loginFailuresName - 1 {
		l.failed("a5", "c")
	}
	l.succeeded("c")
	l.failed("a5", "c")
	if ok, _ := l.allow("a5", "c"); !ok {
		t.Errorf("a success did not clear the name's failures")
	}
}

func TestLoginRateLimited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		c := newClient(t, NewServer(db, Options{}).Handler())
		for i := range loginFailuresName {
			rec := c.do("POST", "/login", url.Values{"username": {"aigerim"}, "password": {"guess " + strconv.Itoa(i)}})
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("failed login %d = %d, want 401", i+1, rec.Code)
			}
		}
		// Now even the right password waits: the guesser cannot tell.
		rec := c.do("POST", "/login", url.Values{"username": {"aigerim"}, "password": {testPassword}})
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || c.cookie != nil {
			t.Errorf("login after %d failures = %d, Retry-After %q, cookie %v; want 429 with Retry-After and no session",
				loginFailuresName, rec.Code, rec.Header().Get("Retry-After"), c.cookie)
		}
	})
}

func TestSessionExpiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		c := newClient(t, NewServer(db, Options{}).Handler())
		c.login("aigerim")
		if rec := c.do("GET", "/w/audit", nil); rec.Code != http.StatusOK {
			t.Fatalf("GET /w/audit = %d", rec.Code)
		}
		if _, err := db.RawExec(t.Context(), "UPDATE sessions SET expires_at = created_at"); err != nil {
			t.Fatal(err)
		}
		if rec := c.do("GET", "/w/audit", nil); rec.Code != http.StatusSeeOther {
			t.Errorf("GET /w/audit after the session expired = %d, want 303 to /login", rec.Code)
		}
		token := c.formToken()
		if rec := c.do("POST", "/logout", url.Values{"csrf": {token}}); rec.Code != http.StatusUnauthorized {
			t.Errorf("POST /logout with an expired session = %d, want 401", rec.Code)
		}
	})
}

func TestSafeNext(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/w/review", "/w/review"},
		{"/w/audit?entity=statement&id=1", "/w/audit?entity=statement&id=1"},
		{"", "/w/"},
		{"https://evil.example/", "/w/"},
		{"//evil.example/", "/w/"},
		{"/\\evil.example", "/w/"},
		{"javascript:alert(1)", "/w/"},
	} {
		if got := safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
