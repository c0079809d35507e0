package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestUserAddAndList(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		code, stdout, stderr := runCLI(t, "a long password here\n", "user", "add", "aigerim", "--role", "editor", "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "user aigerim added as editor") {
			t.Fatalf("user add = %d %q %q", code, stdout, stderr)
		}
		db := openTestDSN(t, dsn)
		u, err := db.Authenticate(context.Background(), "aigerim", "a long password here")
		if err != nil || u.Role != inquest.RoleEditor {
			t.Fatalf("the password read from stdin does not sign in: %v, %v", u, err)
		}

		for _, tc := range []struct {
			stdin string
			args  []string
			want  string
		}{
			{"a long password here\n", []string{"user", "add", "aigerim", "--role", "analyst"}, "already exists"},
			{"a long password here\n", []string{"user", "add", "bolat", "--role", "reader"}, `--role "reader" is not analyst, editor or admin`},
			{"short\n", []string{"user", "add", "bolat", "--role", "analyst"}, "too short"},
			{"", []string{"user", "add", "bolat", "--role", "analyst"}, "no password on standard input"},
			{"a long password here\n", []string{"user", "add", "--role", "analyst"}, "give one user name"},
		} {
			code, _, stderr := runCLI(t, tc.stdin, append(tc.args, "--db", dsn)...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("inquest %s = %d %q; want an error saying %q", strings.Join(tc.args, " "), code, stderr, tc.want)
			}
		}

		runCLI(t, "another password!\n", "user", "add", "bolat", "--role", "analyst", "--db", dsn)
		code, stdout, _ = runCLI(t, "", "user", "list", "--format", "json", "--db", dsn)
		var got []userLine
		if err := json.Unmarshal([]byte(stdout), &got); code != 0 || err != nil {
			t.Fatalf("user list --format json = %d %q: %v", code, stdout, err)
		}
		if len(got) != 2 || got[0].Name != "aigerim" || got[0].Role != "editor" || got[1].Name != "bolat" || got[1].Role != "analyst" {
			t.Errorf("user list = %+v; want aigerim editor, bolat analyst", got)
		}
		if strings.Contains(stdout, "argon2") {
			t.Errorf("user list shows password hashes: %s", stdout)
		}

		code, stdout, stderr = runCLI(t, "", "user", "role", "bolat", "editor", "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "bolat is now editor") {
			t.Errorf("user role = %d %q %q", code, stdout, stderr)
		}
	})
}

func TestTokenCreate(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		runCLI(t, "", "case", "create", "internal", "--title", "Internal notes", "--db", dsn)
		runCLI(t, "a long password here\n", "user", "add", "script", "--role", "analyst", "--db", dsn)
		code, stdout, stderr := runCLI(t, "", "token", "create", "script", "--name", "nightly", "--db", dsn)
		token := strings.TrimSpace(stdout)
		if code != 0 || !strings.HasPrefix(token, "inq_") || strings.Contains(token, "\n") {
			t.Fatalf("token create = %d %q %q; want the token alone on stdout", code, stdout, stderr)
		}
		if !strings.Contains(stderr, "shown only now") {
			t.Errorf("token create does not warn that the token is shown once: %q", stderr)
		}
		db := openTestDSN(t, dsn)
		var n int
		if err := db.RawQueryRow(context.Background(), "SELECT COUNT(*) FROM api_tokens WHERE token_sha256 = ?", token).Scan(&n); err != nil || n != 0 {
			t.Errorf("the token itself is stored (%d, %v)", n, err)
		}

		base := startServing(t, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
		get := func(auth string) (int, string) {
			t.Helper()
			req, _ := http.NewRequest("GET", base+"api/v1/cases", nil)
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		if code, body := get(""); code != 200 || strings.Contains(body, "Internal notes") {
			t.Errorf("anonymous GET /api/v1/cases = %d %q; want only public cases", code, body)
		}
		if code, body := get("Bearer " + token); code != 200 || !strings.Contains(body, "Internal notes") {
			t.Errorf("GET /api/v1/cases with the token = %d %q; want the private case too", code, body)
		}
		if code, body := get("Bearer inq_wrong"); code != 401 || !strings.Contains(body, `"code":"unauthorized"`) {
			t.Errorf("GET /api/v1/cases with a wrong token = %d %q; want 401 JSON", code, body)
		}

		code, _, stderr = runCLI(t, "", "token", "create", "nobody", "--db", dsn)
		if code == 0 || !strings.Contains(stderr, "inquest user add nobody") {
			t.Errorf("token create for no user = %d %q", code, stderr)
		}
	})
}

var demoLogin = regexp.MustCompile(`sign in at /login as (\S+) with password (\S+) `)

func TestDemoPrintsLogin(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: out, stderr: &syncBuffer{}, getenv: func(string) string { return "" }},
			[]string{"demo", "--addr", "127.0.0.1:0", "--db", dsn})
	}()
	defer func() { cancel(); <-done }()
	var m, u []string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && (m == nil || u == nil); time.Sleep(20 * time.Millisecond) {
		m, u = demoLogin.FindStringSubmatch(out.String()), servingURL.FindStringSubmatch(out.String())
	}
	if m == nil || u == nil {
		t.Fatalf("demo printed no login and URL: %q", out.String())
	}
	base, _, _ := strings.Cut(u[1], "/cases/")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(base+"/login", url.Values{"username": {m[1]}, "password": {m[2]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) == 0 {
		t.Errorf("signing in with the printed name and password = %d, cookies %v; want 303 and a session", resp.StatusCode, resp.Cookies())
	}
}
