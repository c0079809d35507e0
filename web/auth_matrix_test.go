package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// stateRoutes returns the state-changing routes of s, by pattern.
func (s *Server) stateRoutes() []stateRoute {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	out := append([]stateRoute(nil), registry.routes[s]...)
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out
}

// TestStateRoutesRegistered proves the role matrix below sees every
// state-changing route: each POST, PUT, PATCH or DELETE pattern written
// anywhere in the package must have been registered through handleState
// (or handlePublicState), which records it.
func TestStateRoutesRegistered(t *testing.T) {
	s := NewServer(storetest.Open(t), Options{})
	registered := map[string]bool{}
	for _, r := range s.stateRoutes() {
		registered[r.Pattern] = true
	}
	for _, op := range s.apiOps() {
		if !isSafeMethod(op.Method) && !registered[op.Method+" "+op.Path] {
			t.Errorf("API operation %s %s changes state but is not registered through handleState", op.Method, op.Path)
		}
	}
	n := 0
	for _, p := range sourceRoutes(t) {
		method, _, _ := strings.Cut(p, " ")
		if isSafeMethod(method) {
			continue
		}
		n++
		if !registered[p] {
			t.Errorf("%s changes state but is not registered through s.handleState (see auth.go): it escapes the sign-in, role and CSRF checks", p)
		}
	}
	if n < 3 {
		t.Errorf("found only %d state-changing route literals in the source: the walk is broken", n)
	}
}

// pathFor fills a route pattern's wildcards to make a request path.
var wildcard = regexp.MustCompile(`\{([a-zA-Z_]+)(\.\.\.)?\}`)

func pathFor(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	path = strings.TrimSuffix(path, "{$}")
	path = wildcard.ReplaceAllStringFunc(path, func(w string) string {
		name := wildcard.FindStringSubmatch(w)[1]
		if strings.Contains(name, "id") || name == "n" {
			return "1"
		}
		return "x"
	})
	return method, path
}

// TestRoleMatrix sends every registered state-changing route the requests
// that must be refused, and one that must get past the gate:
//
//   - anonymous: no session, no token;
//   - a reader whose cookie is no session (made up, or ended);
//   - a signed-in user whose role is too low (analyst on editor routes,
//     editor on admin routes), with a bearer token and with a session;
//   - a signed-in administrator's request without CSRF protection: sent
//     cross-site (Sec-Fetch-Site, or Origin from another host), or without,
//     or with a wrong, form token;
//   - and the control: the administrator's proper request is not refused
//     by the gate (it may still fail on the made-up ids: 400, 404).
func TestRoleMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		users := map[inquest.Role]*inquest.User{}
		tokens := map[inquest.Role]string{}
		for _, role := range []inquest.Role{inquest.RoleAnalyst, inquest.RoleEditor, inquest.RoleAdmin} {
			users[role] = addUser(t, db, "u-"+string(role), role)
			secret, _, err := db.CreateToken(ctx, users[role].ID, "matrix")
			if err != nil {
				t.Fatal(err)
			}
			tokens[role] = secret
		}
		s := NewServer(db, Options{})
		h := s.Handler()
		sessions := map[inquest.Role]*client{}
		for role, u := range users {
			c := newClient(t, h)
			c.login(u.Name)
			sessions[role] = c
		}
		ended := newClient(t, h)
		ended.login(users[inquest.RoleAdmin].Name)
		endedCookie := *ended.cookie
		ended.do("POST", "/logout", url.Values{"csrf": {ended.formToken()}})

		routes := s.stateRoutes()
		if len(routes) < 10 {
			t.Fatalf("only %d state-changing routes registered: %v", len(routes), routes)
		}
		type req struct {
			name    string
			cookie  *http.Cookie
			bearer  string
			headers map[string]string
			csrf    string
		}
		send := func(method, path string, q req) *httptest.ResponseRecorder {
			form := url.Values{"csrf": {q.csrf}, "review": {"confirmed"}, "note": {"matrix"}}
			r := httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
			r.Host = "inquest.example"
			r.RemoteAddr = "198.51.100.7:5555"
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if q.cookie != nil {
				r.AddCookie(q.cookie)
			}
			if q.bearer != "" {
				r.Header.Set("Authorization", "Bearer "+q.bearer)
			}
			for k, v := range q.headers {
				r.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			return rec
		}
		same := map[string]string{"Sec-Fetch-Site": "same-origin"}
		admin := sessions[inquest.RoleAdmin]
		for _, rt := range routes {
			method, path := pathFor(rt.Pattern)
			t.Run(rt.Pattern, func(t *testing.T) {
				refuse := func(q req, want ...int) {
					t.Helper()
					rec := send(method, path, q)
					for _, w := range want {
						if rec.Code == w {
							return
						}
					}
					t.Errorf("%s: %s %s = %d %.200s; want one of %v", q.name, method, path, rec.Code, rec.Body.String(), want)
				}
				// CSRF: refused even from an administrator, on every route.
				refuse(req{name: "cross-site (Sec-Fetch-Site)", cookie: admin.cookie, csrf: admin.formToken(),
					headers: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 403)
				refuse(req{name: "cross-origin (Origin, no Sec-Fetch-Site)", cookie: admin.cookie, csrf: admin.formToken(),
					headers: map[string]string{"Origin": "https://evil.example"}}, 403)
				if rt.Role == "" {
					return // the login form: open to readers, so nothing more to refuse
				}
				refuse(req{name: "no form token", cookie: admin.cookie, headers: same}, 403)
				refuse(req{name: "wrong form token", cookie: admin.cookie, csrf: formTokenOf("another session"), headers: same}, 403)
				refuse(req{name: "another session's form token", cookie: admin.cookie, csrf: sessions[inquest.RoleAnalyst].formToken(), headers: same}, 403)

				// Readers.
				refuse(req{name: "anonymous", headers: same, csrf: admin.formToken()}, 401)
				refuse(req{name: "made-up session cookie", cookie: &http.Cookie{Name: sessionCookieName, Value: "not-a-session"},
					csrf: formTokenOf("not-a-session"), headers: same}, 401)
				refuse(req{name: "ended session", cookie: &endedCookie, csrf: formTokenOf(endedCookie.Value), headers: same}, 401)
				if strings.HasPrefix(path, "/api/") {
					refuse(req{name: "made-up bearer token", bearer: "inq_made-up", headers: same}, 401)
				}

				// Roles too low.
				for _, role := range []inquest.Role{inquest.RoleAnalyst, inquest.RoleEditor} {
					if role.Includes(rt.Role) {
						continue
					}
					c := sessions[role]
					refuse(req{name: string(role) + " session", cookie: c.cookie, csrf: c.formToken(), headers: same}, 403)
					if strings.HasPrefix(path, "/api/") {
						refuse(req{name: string(role) + " token", bearer: tokens[role]}, 403)
					}
				}

				// Control: the gate lets the right request through (a
				// session of its own, since the route may be /logout).
				ctl := admin
				if rt.Pattern == "POST /logout" {
					ctl = newClient(t, h)
					ctl.login(users[inquest.RoleAdmin].Name)
				}
				rec := send(method, path, req{name: "admin", cookie: ctl.cookie, csrf: ctl.formToken(), headers: same})
				if rec.Code == 401 || rec.Code == 403 || rec.Code == 429 {
					t.Errorf("control: administrator's proper %s %s = %d %.200s; the gate refuses everyone, so the refusals above prove nothing",
						method, path, rec.Code, rec.Body.String())
				}
				if strings.HasPrefix(path, "/api/") {
					rec := send(method, path, req{name: "admin token", bearer: tokens[inquest.RoleAdmin]})
					if rec.Code == 401 || rec.Code == 403 {
						t.Errorf("control: administrator's token on %s %s = %d %.200s", method, path, rec.Code, rec.Body.String())
					}
				}
			})
		}
	})
}
