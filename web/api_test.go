package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// apiCall sends a JSON request with a bearer token and decodes the answer.
func apiCall(t *testing.T, h http.Handler, token, method, path, body string) (int, map[string]any, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, path, rd)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, path, ct)
	}
	var obj map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &obj)
	return rec.Code, obj, rec.Body.String()
}

// errorCode returns the code of a JSON error answer.
func errorCode(obj map[string]any) string {
	e, _ := obj["error"].(map[string]any)
	code, _ := e["code"].(string)
	return code
}

func TestAPIChangesAreAuditedAsTheUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january-events")
		src := storetest.NewSource(t, db, c.ID, "/a.txt", "They were not there.", "They were not there.")
		st := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: "Berik Asylov", Text: "They were not there.",
			Start: 0, End: 20, Origin: inquest.Extracted, Review: inquest.Suggested, Confidence: 0.8}
		if err := db.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part."}
		if err := db.UpsertClaim(ctx, claim); err != nil {
			t.Fatal(err)
		}
		u := addUser(t, db, "aigerim", inquest.RoleAnalyst)
		token, _, err := db.CreateToken(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		h := NewServer(db, Options{}).Handler()
		id := strconv.FormatInt(st.ID, 10)

		code, me, _ := apiCall(t, h, token, "GET", "/api/v1/me", "")
		if code != 200 || me["name"] != "aigerim" || me["role"] != "analyst" {
			t.Errorf("GET /api/v1/me = %d %v", code, me)
		}
		code, _, body := apiCall(t, h, token, "GET", "/api/v1/cases/january-events/statements?review=suggested", "")
		if code != 200 || !strings.Contains(body, `"They were not there."`) {
			t.Errorf("suggested statements = %d %s", code, body)
		}

		code, got, body := apiCall(t, h, token, "POST", "/api/v1/statements/"+id+"/review", `{"review": "confirmed"}`)
		if code != 200 || got["review"] != "confirmed" {
			t.Fatalf("confirm = %d %s", code, body)
		}
		code, _, body = apiCall(t, h, token, "POST", "/api/v1/stances",
			`{"statement_id": `+id+`, "claim": "foreign-terrorists", "stance": "denies", "note": "says so outright"}`)
		if code != 200 || !strings.Contains(body, `"contradictions"`) {
			t.Fatalf("set stance = %d %s", code, body)
		}
		code, _, body = apiCall(t, h, token, "GET", "/api/v1/cases/january-events/stances", "")
		if code != 200 || !strings.Contains(body, `"stance": "denies"`) {
			t.Errorf("stances after setting one = %d %s", code, body)
		}

		// A stale version is refused, and says what to do.
		code, got, _ = apiCall(t, h, token, "PATCH", "/api/v1/statements/"+id,
			`{"version": "2000-01-01T00:00:00Z", "speaker_name": "Someone else"}`)
		if code != 409 || errorCode(got) != inquest.ECONFLICT {
			t.Errorf("edit of a stale version = %d %v, want 409 conflict", code, got)
		}
		fresh, _ := db.Statement(ctx, st.ID)
		code, got, body = apiCall(t, h, token, "PATCH", "/api/v1/statements/"+id,
			`{"version": "`+fresh.UpdatedAt.Format(time.RFC3339Nano)+`", "speaker_role": "Prosecutor General"}`)
		if code != 200 || got["speaker_role"] != "Prosecutor General" {
			t.Errorf("edit = %d %s", code, body)
		}

		// Each change is in the audit log, by the user, before and after.
		code, _, body = apiCall(t, h, token, "GET", "/api/v1/audit?entity=statement&id="+id, "")
		var entries []inquest.AuditEntry
		if err := json.Unmarshal([]byte(body), &entries); code != 200 || err != nil {
			t.Fatalf("audit = %d %s", code, body)
		}
		var actions []string
		for _, e := range entries {
			if e.Actor != "aigerim" {
				t.Errorf("audit entry %s by %q, want aigerim", e.Action, e.Actor)
			}
			actions = append(actions, e.Action)
		}
		if got := strings.Join(actions, " "); !strings.Contains(got, "statement.review") || !strings.Contains(got, "statement.edit") {
			t.Errorf("audit of statement %s = %s; want the review and the edit", id, got)
		}
		if !strings.Contains(body, `\"review\":\"suggested\"`) || !strings.Contains(body, `\"review\":\"confirmed\"`) {
			t.Errorf("audit lacks before and after of the review: %s", body)
		}

		// The same history on the page, for a signed-in analyst.
		cl := newClient(t, h)
		cl.login("aigerim")
		rec := cl.do("GET", "/w/audit?entity=statement&id="+id, nil)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "statement.review") || !strings.Contains(rec.Body.String(), "aigerim") {
			t.Errorf("audit page = %d; want the review by aigerim", rec.Code)
		}
	})
}

func TestAPIErrorsAreJSON(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		u := addUser(t, db, "aigerim", inquest.RoleAnalyst)
		token, _, err := db.CreateToken(context.Background(), u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		h := NewServer(db, Options{}).Handler()
		for _, tc := range []struct {
			token, method, path, body string
			status                    int
			code, says                string
		}{
			{"", "GET", "/api/v1/me", "", 401, inquest.EUNAUTHORIZED, "Bearer"},
			{"inq_nope", "GET", "/api/v1/cases", "", 401, inquest.EUNAUTHORIZED, "token"},
			{token, "GET", "/api/v1/nothing-here", "", 404, inquest.ENOTFOUND, "/api/v1/nothing-here"},
			{token, "GET", "/api/v1/statements/999", "", 404, inquest.ENOTFOUND, "999"},
			{token, "GET", "/api/v1/statements/abc", "", 404, inquest.ENOTFOUND, "abc"},
			{token, "GET", "/api/v1/audit?entity=statement", "", 400, inquest.EINVALID, "needs an id"},
			{token, "POST", "/api/v1/stances", `{"statement_id": 1,`, 400, inquest.EINVALID, "JSON"},
			{token, "POST", "/api/v1/stances", `{"statement": 1}`, 400, inquest.EINVALID, "unknown field"},
			{token, "POST", "/api/v1/stances", ``, 400, inquest.EINVALID, "empty"},
			{token, "POST", "/api/v1/statements/1/review", `{"review": "maybe"}`, 400, inquest.EINVALID, "maybe"},
			{token, "POST", "/api/v1/chapters/1/publish", ``, 403, inquest.EFORBIDDEN, "editor"},
		} {
			code, obj, body := apiCall(t, h, tc.token, tc.method, tc.path, tc.body)
			if code != tc.status || errorCode(obj) != tc.code || !strings.Contains(body, tc.says) {
				t.Errorf("%s %s = %d %s; want %d {\"error\": {\"code\": %q, …%q…}}", tc.method, tc.path, code, body, tc.status, tc.code, tc.says)
			}
			if e, _ := obj["error"].(map[string]any); e["message"] == "" || e["message"] == nil {
				t.Errorf("%s %s: error without a message: %s", tc.method, tc.path, body)
			}
		}
	})
}

func TestAPISessionNeedsFormToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		h := NewServer(db, Options{}).Handler()
		c := newClient(t, h)
		c.login("aigerim")
		send := func(token string) int {
			r := httptest.NewRequest("POST", "/api/v1/statements/1/review", strings.NewReader(`{"review": "confirmed"}`))
			r.Header.Set("Content-Type", "application/json")
			r.AddCookie(c.cookie)
			if token != "" {
				r.Header.Set("X-CSRF-Token", token)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			return rec.Code
		}
		if got := send(""); got != 403 {
			t.Errorf("a script using the session cookie without X-CSRF-Token = %d, want 403", got)
		}
		if got := send(c.formToken()); got != 404 {
			t.Errorf("with X-CSRF-Token = %d, want 404 (there is no statement 1)", got)
		}
		_ = url.Values{}
	})
}
