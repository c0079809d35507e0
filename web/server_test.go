package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// fixture is a small record: a public case with two versions of one source,
// a plain-text source with a suggested and a confirmed statement, and a
// private source; and a private case with one source.
type fixture struct {
	db           *store.DB
	pub, priv    *inquest.Case
	v1, v2       *inquest.Source
	text, secret *inquest.Source
	privCaseSrc  *inquest.Source
	confirmed    *inquest.Statement
	suggested    *inquest.Statement
	textOriginal []byte
}

const marker = "PRIVATE-MARKER-7f3a"

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{db: db}
	f.pub = &inquest.Case{Slug: "january-events", Title: "January events", Background: "Protests began on 2 January.\n\nThey spread.", Public: true}
	f.priv = &inquest.Case{Slug: "hidden", Title: "Hidden case " + marker}
	for _, c := range []*inquest.Case{f.pub, f.priv} {
		if err := db.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	add := func(s *inquest.Source, original string) *inquest.Source {
		t.Helper()
		if s.TextSHA256 == "" {
			s.TextSHA256 = inquest.SHA256Hex([]byte(s.Text))
		}
		s.SHA256 = inquest.SHA256Hex([]byte(original))
		s.RetrievedAt = time.Date(2022, 3, 15, 10, 0, 0, 0, time.UTC)
		stored, _, err := db.AddSource(ctx, s, []byte(original))
		if err != nil {
			t.Fatalf("add source %s: %v", s.Locator, err)
		}
		return stored
	}
	f.v1 = add(&inquest.Source{CaseID: f.pub.ID, Locator: "https://example.org/statement", URL: "https://example.org/statement",
		Title: "MFA statement", Publisher: "Ministry of Foreign Affairs", Language: "en", Published: "2022-03-14",
		ContentType: "text/html; charset=utf-8", Text: "First version."}, "<p>First version.</p>")
	f.v2 = add(&inquest.Source{CaseID: f.pub.ID, Locator: "https://example.org/statement", URL: "https://example.org/statement",
		Title: "MFA statement", Publisher: "Ministry of Foreign Affairs", Language: "en", Published: "2022-03-14",
		ContentType: "text/html; charset=utf-8", Text: "Second version."}, "<p>Second version, corrected.</p>")
	text := "Majilis session\n\nAsked about foreign fighters, Asylov said: “They were not there.”\n\nThe toll was 230.\n\nКто-то сказал: «Это лишь предложенные слова».\n"
	f.textOriginal = append([]byte{0xEF, 0xBB, 0xBF}, []byte(text)...) // a BOM: the original is not the text
	f.text = add(&inquest.Source{CaseID: f.pub.ID, Locator: "/corpus/majilis.txt", FileName: "majilis.txt",
		Title: "Prosecutor General before the Majilis", Publisher: "Majilis", Language: "en", Published: "2022-03-14",
		Kind: inquest.KindTranscript, ContentType: "text/plain; charset=utf-8", Text: text}, string(f.textOriginal))
	f.secret = add(&inquest.Source{CaseID: f.pub.ID, Locator: "/private/witness.txt", FileName: "witness.txt",
		Title: "Witness account " + marker, Language: "en", Private: true, Text: "Name withheld " + marker}, "Name withheld "+marker)
	f.privCaseSrc = add(&inquest.Source{CaseID: f.priv.ID, Locator: "/hidden.txt", Title: "Hidden source " + marker,
		Text: "hidden " + marker}, "hidden "+marker)

	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	s0, e0 := span("They were not there.")
	f.confirmed = &inquest.Statement{CaseID: f.pub.ID, SourceID: f.text.ID, SpeakerName: "Berik Asylov", Text: "They were not there.",
		Start: s0, End: e0, SaidOn: "2022-03-14", Origin: inquest.Extracted, Review: inquest.Confirmed, Confidence: 0.9, Note: "analyst note " + marker}
	s1, e1 := span("Это лишь предложенные слова")
	f.suggested = &inquest.Statement{CaseID: f.pub.ID, SourceID: f.text.ID, SpeakerName: "Кто-то " + marker, Text: "Это лишь предложенные слова",
		Start: s1, End: e1, Origin: inquest.Extracted, Review: inquest.Suggested, Confidence: 0.5}
	for _, s := range []*inquest.Statement{f.confirmed, f.suggested} {
		if err := db.AddStatement(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func publicServer(db *store.DB) http.Handler { return web.NewServer(db, web.Options{}).Handler() }

func workspaceServer(db *store.DB) http.Handler {
	return web.NewServer(db, web.Options{Workspace: true}).Handler()
}

func TestCasePageListsSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		rec := get(t, publicServer(db), "/cases/january-events")
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /cases/january-events = %d, want 200", rec.Code)
		}
		body := rec.Body.String()
		for _, want := range []string{
			"<h1>January events</h1>",
			"Protests began on 2 January.",
			fmt.Sprintf(`href="/sources/%d" lang="en">Prosecutor General before the Majilis</a>`, f.text.ID),
			fmt.Sprintf(`href="/sources/%d" lang="en">MFA statement</a>`, f.v2.ID), // the latest version only
			"Ministry of Foreign Affairs",
			"14 March 2022",
			"English",
			"<dd>2</dd>", // v2's version number
			f.text.SHA256[:12],
			"Sources <span class=\"count\">(2)</span>",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("case page lacks %q", want)
			}
		}
		if strings.Contains(body, fmt.Sprintf(`href="/sources/%d"`, f.v1.ID)) {
			t.Errorf("case page links the superseded version %d", f.v1.ID)
		}
		if strings.Contains(body, marker) {
			t.Errorf("public case page shows private material")
		}

		// Public paths show the public view even on a workspace server:
		// private material lives under /w/ only.
		ws := get(t, workspaceServer(db), "/cases/january-events").Body.String()
		if strings.Contains(ws, fmt.Sprintf(`href="/sources/%d"`, f.secret.ID)) || strings.Contains(ws, marker) {
			t.Errorf("case page outside /w/ shows the private source")
		}
	})
}

func TestHomeListsCases(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		newFixture(t, db)
		pub := get(t, publicServer(db), "/").Body.String()
		if !strings.Contains(pub, `href="/cases/january-events"`) || strings.Contains(pub, "/cases/hidden") {
			t.Errorf("public home page should list january-events and not hidden:\n%s", pub)
		}
		ws := get(t, workspaceServer(db), "/").Body.String()
		if strings.Contains(ws, `href="/cases/hidden"`) || strings.Contains(ws, "Workspace:") {
			t.Errorf("home page outside /w/ should show only public cases, even on a workspace server")
		}
		rec := get(t, publicServer(db), "/api/v1/cases")
		var cases []inquest.Case
		if err := json.Unmarshal(rec.Body.Bytes(), &cases); err != nil || len(cases) != 1 || cases[0].Slug != "january-events" {
			t.Errorf("GET /api/v1/cases = %d %s, want the one public case", rec.Code, rec.Body)
		}
	})
}

func TestSourcePageShowsTextAndHashes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		rec := get(t, publicServer(db), fmt.Sprintf("/sources/%d", f.text.ID))
		if rec.Code != http.StatusOK {
			t.Fatalf("source page = %d, want 200", rec.Code)
		}
		body := rec.Body.String()
		if f.text.SHA256 == f.text.TextSHA256 {
			t.Fatal("fixture: original and text hashes should differ")
		}
		for _, want := range []string{
			"<p>Majilis session</p>",
			"<p>The toll was 230.</p>",
			"<code>" + f.text.SHA256 + "</code>",
			"<code>" + f.text.TextSHA256 + "</code>",
			fmt.Sprintf(`href="/sources/%d/original" download="majilis.txt"`, f.text.ID),
			"15 March 2022, 10:00 UTC",
			"Majilis",
			// The confirmed statement is marked in the text and listed.
			fmt.Sprintf(`<a class="mark statement review-confirmed" href="#s-%d" id="ts-%d" title="Statement by Berik Asylov">They were not there.</a>`, f.confirmed.ID, f.confirmed.ID),
			fmt.Sprintf(`<li id="s-%d" class="statement review-confirmed">`, f.confirmed.ID),
		} {
			if !strings.Contains(body, want) {
				t.Errorf("source page lacks %q", want)
			}
		}
		if strings.Contains(body, marker) {
			t.Errorf("public source page shows a suggested statement or an analyst's note")
		}

		ws := get(t, workspaceServer(db), fmt.Sprintf("/sources/%d", f.text.ID)).Body.String()
		if strings.Contains(ws, fmt.Sprintf(`href="#s-%d"`, f.suggested.ID)) {
			t.Errorf("source page outside /w/ marks the suggested statement, even on a workspace server")
		}
		// Every link within the page leads to an element of the page.
		for _, page := range []string{body, ws} {
			for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
				if !strings.Contains(page, `id="`+m[1]+`"`) {
					t.Errorf("source page links #%s, which is not on the page", m[1])
				}
			}
		}

		versions := get(t, publicServer(db), fmt.Sprintf("/sources/%d", f.v2.ID)).Body.String()
		for _, want := range []string{
			fmt.Sprintf(`<a href="/sources/%d">Version 1</a>`, f.v1.ID),
			`<strong aria-current="page">Version 2</strong>`,
			f.v1.SHA256[:12],
		} {
			if !strings.Contains(versions, want) {
				t.Errorf("versions of source %d lack %q", f.v2.ID, want)
			}
		}
	})
}

func TestOriginalDownloadIsExact(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		tests := []struct {
			src      *inquest.Source
			original []byte
			ctype    string
			filename string
		}{
			{f.text, f.textOriginal, "text/plain; charset=utf-8", "majilis.txt"},
			{f.v1, []byte("<p>First version.</p>"), "text/html; charset=utf-8", "statement.html"},
		}
		for _, tt := range tests {
			rec := get(t, publicServer(db), fmt.Sprintf("/sources/%d/original", tt.src.ID))
			if rec.Code != http.StatusOK {
				t.Fatalf("download of %d = %d", tt.src.ID, rec.Code)
			}
			got := rec.Body.Bytes()
			if !bytes.Equal(got, tt.original) || inquest.SHA256Hex(got) != tt.src.SHA256 {
				t.Errorf("download of %d: sha256 %s, want %s", tt.src.ID, inquest.SHA256Hex(got), tt.src.SHA256)
			}
			if ct := rec.Header().Get("Content-Type"); ct != tt.ctype {
				t.Errorf("download of %d: Content-Type %q, want %q", tt.src.ID, ct, tt.ctype)
			}
			disp, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
			if err != nil || disp != "attachment" || params["filename"] != tt.filename {
				t.Errorf("download of %d: Content-Disposition %q, want attachment; filename=%q", tt.src.ID, rec.Header().Get("Content-Disposition"), tt.filename)
			}
		}
	})
}

func TestNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		h := publicServer(db)
		for _, path := range []string{
			"/sources/999999",
			"/sources/abc",
			"/sources/999999/original",
			"/cases/no-such-case",
			"/no/such/page",
			fmt.Sprintf("/sources/%d", f.secret.ID),          // private source
			fmt.Sprintf("/sources/%d/original", f.secret.ID), // its bytes
			fmt.Sprintf("/sources/%d", f.privCaseSrc.ID),     // source of a private case
			"/cases/hidden",                                  // private case
			"/static/style.css",                              // assets only under hashed names
		} {
			rec := get(t, h, path)
			if rec.Code != http.StatusNotFound {
				t.Errorf("GET %s = %d, want 404", path, rec.Code)
				continue
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: Content-Type %q, want an HTML page", path, ct)
			}
			body := rec.Body.String()
			if !strings.Contains(body, "<h1>Not Found</h1>") || !strings.Contains(body, "request id") {
				t.Errorf("GET %s: the 404 page lacks its heading or request id:\n%s", path, body)
			}
			if strings.Contains(body, marker) {
				t.Errorf("GET %s: the 404 page shows private material", path)
			}
		}

		post := httptest.NewRecorder()
		h.ServeHTTP(post, httptest.NewRequest(http.MethodPost, "/cases/january-events", strings.NewReader("x=1")))
		if post.Code != http.StatusMethodNotAllowed || post.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("POST /cases/january-events = %d, want 405 with the security headers", post.Code)
		}

		rec := get(t, h, "/api/v1/sources/999999")
		var body struct {
			Error struct{ Code, Message, RequestID string }
		}
		err := json.Unmarshal(rec.Body.Bytes(), &body)
		if e := body.Error; err != nil || rec.Code != 404 || e.Code != inquest.ENOTFOUND || e.Message == "" {
			t.Errorf("GET /api/v1/sources/999999 = %d %s, want 404 with JSON code %q", rec.Code, rec.Body, inquest.ENOTFOUND)
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	db := storetest.Open(t)
	f := newFixture(t, db)
	h := publicServer(db)
	css := regexp.MustCompile(`/static/style\.[0-9a-f]{8}\.css`).FindString(get(t, h, "/").Body.String())
	if css == "" {
		t.Fatal("home page links no hashed stylesheet")
	}
	for _, path := range []string{"/", "/cases/january-events", fmt.Sprintf("/sources/%d", f.text.ID),
		fmt.Sprintf("/sources/%d/original", f.text.ID), "/sources/999999", "/api/v1/cases", css} {
		rec := get(t, h, path)
		hd := rec.Header()
		if csp := hd.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") && !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("GET %s: Content-Security-Policy %q lacks a default-src", path, csp)
		}
		if csp := hd.Get("Content-Security-Policy"); strings.Contains(csp, "script-src") || strings.Contains(csp, "unsafe") {
			t.Errorf("GET %s: Content-Security-Policy %q allows scripts", path, csp)
		}
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"X-Frame-Options":        "DENY",
		} {
			if got := hd.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", path, k, got, want)
			}
		}
		if !strings.Contains(hd.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("GET %s: CSP lacks frame-ancestors 'none'", path)
		}
		if hd.Get("X-Request-Id") == "" {
			t.Errorf("GET %s: no X-Request-Id", path)
		}
	}
	rec := get(t, h, css)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s = %d %q %q, want 200 text/css cached as immutable", css, rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"))
	}
}

func TestInternalErrorIsLoggedNotShown(t *testing.T) {
	db := storetest.Open(t)
	newFixture(t, db)
	var logs bytes.Buffer
	h := web.NewServer(db, web.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Handler()
	db.Close() // every query now fails inside the driver
	rec := get(t, h, "/cases/january-events")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("with a closed database: %d, want 500", rec.Code)
	}
	id := rec.Header().Get("X-Request-Id")
	body := rec.Body.String()
	if !strings.Contains(body, id) || !strings.Contains(body, "Internal error.") {
		t.Errorf("500 page should say only 'Internal error.' and the request id %s:\n%s", id, body)
	}
	if strings.Contains(strings.ToLower(body), "closed") || strings.Contains(body, "sql") {
		t.Errorf("500 page shows the internal cause:\n%s", body)
	}
	if !strings.Contains(logs.String(), "request_id="+id) || !strings.Contains(logs.String(), "closed") {
		t.Errorf("log lacks the request id %s and the cause:\n%s", id, logs.String())
	}
}

func TestPrivateMaterialNeverPublic(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		h := publicServer(db)
		paths := []string{"/", "/cases/january-events", "/api/v1/cases", "/api/v1/cases/january-events/sources"}
		for _, s := range []*inquest.Source{f.v1, f.v2, f.text, f.secret, f.privCaseSrc} {
			paths = append(paths, fmt.Sprintf("/sources/%d", s.ID), fmt.Sprintf("/sources/%d/original", s.ID), fmt.Sprintf("/api/v1/sources/%d", s.ID))
		}
		for _, p := range paths {
			rec := get(t, h, p)
			b, _ := io.ReadAll(rec.Body)
			if bytes.Contains(b, []byte(marker)) {
				t.Errorf("public GET %s (%d) shows private material", p, rec.Code)
			}
		}
	})
}

func TestBackgroundMarkdownIsSanitised(t *testing.T) {
	db := storetest.Open(t)
	c := &inquest.Case{Slug: "md", Title: "Markdown", Public: true,
		Background: "Protests *began* on [2 January](https://example.org/a).\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(2))"}
	if err := db.CreateCase(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	body := get(t, publicServer(db), "/cases/md").Body.String()
	if !strings.Contains(body, "<em>began</em>") || !strings.Contains(body, `href="https://example.org/a"`) {
		t.Errorf("background Markdown not rendered:\n%s", body)
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, "alert(") {
		t.Errorf("background lets a script through:\n%s", body)
	}
}
