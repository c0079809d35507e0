package publish

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// linkRe is the expression rewriteLinks replaced; the tests hold the two
// to the same output.
var linkRe = regexp.MustCompile(`(href|src)="(/[^"]*)"`)

func rewriteByRegexp(body []byte, rewrite func(string) string) []byte {
	return linkRe.ReplaceAllFunc(body, func(m []byte) []byte {
		sub := linkRe.FindSubmatch(m)
		return []byte(fmt.Sprintf(`%s="%s"`, sub[1], rewrite(string(sub[2]))))
	})
}

func TestRewriteLinks(t *testing.T) {
	mark := func(s string) string { return "<" + s + ">" }
	for _, tc := range []struct{ in, want string }{
		{`<a href="/a/b">x</a>`, `<a href="</a/b>">x</a>`},
		{`<img src="/s.css"><a href="/">`, `<img src="</s.css>"><a href="</>">`},
		{`<a href="https://x.org/a">`, `<a href="https://x.org/a">`},
		{`<a href="#top"> <a href="rel/a">`, `<a href="#top"> <a href="rel/a">`},
		{`<a data-x="/no" href="/yes">`, `<a data-x="/no" href="</yes>">`},
		{`<a xhref="/y">`, `<a xhref="</y>">`},
		{`<a href="/open`, `<a href="/open`},
		{`href="/a"src="/b"`, `href="</a>"src="</b>"`},
		{`<a href="/a?x=/b#c">`, `<a href="</a?x=/b#c>">`},
		{``, ``},
	} {
		got := string(rewriteLinks([]byte(tc.in), mark))
		if got != tc.want {
			t.Errorf("rewriteLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if re := string(rewriteByRegexp([]byte(tc.in), mark)); got != re {
			t.Errorf("rewriteLinks(%q) = %q, the expression gave %q", tc.in, got, re)
		}
	}
}

func FuzzRewriteLinks(f *testing.F) {
	for _, s := range []string{`<a href="/a">`, `src="/x" href="/y"`, `href="/`, `="/a"`, `hrefsrc="/a"`} {
		f.Add(s)
	}
	mark := func(s string) string { return "[" + s + "]" }
	f.Fuzz(func(t *testing.T, in string) {
		got, want := rewriteLinks([]byte(in), mark), rewriteByRegexp([]byte(in), mark)
		if string(got) != string(want) {
			t.Errorf("rewriteLinks(%q) = %q, the expression gave %q", in, got, want)
		}
	})
}

// TestExportCrawlsEveryPage exports a small site of many pages that link
// to one another, with a broken link, a file and a skipped path: every
// reachable page is written once with relative links, whatever order the
// workers take them in.
func TestExportCrawlsEveryPage(t *testing.T) {
	const n = 300
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<link href="/style.css"><a href="/p/1">first</a> <a href="/w/secret">workspace</a>`)
	})
	mux.HandleFunc("GET /p/{n}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var i int
		fmt.Sscan(r.PathValue("n"), &i)
		fmt.Fprintf(w, `<h1>Page %d</h1><a href="/">home</a>`, i)
		for _, next := range []int{2 * i, 2*i + 1} {
			if next <= n {
				fmt.Fprintf(w, ` <a href="/p/%d#top">%d</a>`, next, next)
			}
		}
		if i == 7 {
			fmt.Fprint(w, ` <a href="/missing">gone</a>`)
		}
	})
	mux.HandleFunc("GET /style.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		fmt.Fprint(w, "body{}")
	})
	dir := filepath.Join(t.TempDir(), "site")
	lastDone, lastKnown, backwards := 0, 0, false
	st, err := Export(context.Background(), mux, dir, ExportOptions{Start: []string{"/"}, Skip: func(p string) bool { return strings.HasPrefix(p, "/w/") },
		OnProgress: func(done, known int) error {
			backwards = backwards || done < lastDone || known < lastKnown || done > known
			lastDone, lastKnown = done, known
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	if want := n + 3; lastDone != want || lastKnown != want || backwards {
		t.Errorf("progress ended at %d of %d (went backwards or past known: %v), want %d of %d, never back", lastDone, lastKnown, backwards, want, want)
	}
	if st.Pages != n+1 || st.Files != 1 {
		t.Errorf("exported %d pages and %d files, want %d and 1", st.Pages, st.Files, n+1)
	}
	if want := []string{"/p/7 -> /missing (404)"}; fmt.Sprint(st.Broken) != fmt.Sprint(want) {
		t.Errorf("broken links %q, want %q", st.Broken, want)
	}
	for _, tc := range []struct{ file, want string }{
		{"index.html", `<link href="style.css"><a href="p/1/index.html">first</a>`},
		{"p/1/index.html", `<a href="../../index.html">home</a> <a href="../../p/2/index.html#top">2</a>`},
		{fmt.Sprintf("p/%d/index.html", n), fmt.Sprintf(`<h1>Page %d</h1>`, n)},
		{"style.css", "body{}"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tc.file)))
		if err != nil || !strings.Contains(string(b), tc.want) {
			t.Errorf("%s = %q, %v; want it to hold %q", tc.file, b, err, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "w")); err == nil {
		t.Error("the skipped workspace path was exported")
	}
	if _, err := Export(context.Background(), mux, dir, ExportOptions{Start: []string{"/"}}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("export into a full directory: %v, want an error saying it is not empty", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Export(ctx, mux, filepath.Join(t.TempDir(), "cancelled"), ExportOptions{Start: []string{"/"}}); err != context.Canceled {
		t.Errorf("export with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestExportWritesWhatTheHandlerServes exports every kind of answer the
// site gives, pages and feeds to rewrite and files to stream (a download
// of many megabytes written a line at a time, an archived web page, an
// original with no Content-Type, an empty file), and compares each file
// with what the handler serves: files byte for byte, pages and feeds with
// their links made relative and nothing else changed.
func TestExportWritesWhatTheHandlerServes(t *testing.T) {
	var csvBody strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&csvBody, "%d,statement %d,\"said, on day %d\"\n", i, i, i%365)
	}
	archived := `<html><a href="/elsewhere">a link of the archived page, not of the site</a></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<a href="/data/statements.csv">csv</a> <a href="/data/empty.json">json</a> <a href="/feed.atom">feed</a> `+
			`<a href="/s/1/page.html">archived</a> <a href="/s/1/original">original</a> <img src="/logo.png">`)
	})
	mux.HandleFunc("GET /data/statements.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		for line := range strings.Lines(csvBody.String()) {
			io.WriteString(w, line)
		}
	})
	mux.HandleFunc("GET /data/empty.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
	})
	mux.HandleFunc("GET /feed.atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed><link href="/"/><entry><link href="/s/1/page.html"/></entry></feed>`)
	})
	mux.HandleFunc("GET /s/1/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, archived)
	})
	mux.HandleFunc("GET /s/1/original", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, archived) // no Content-Type: sniffed as HTML, still a file
	})
	mux.HandleFunc("GET /logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00\xff", 40_000)))
	})
	dir := filepath.Join(t.TempDir(), "site")
	st, err := Export(context.Background(), mux, dir, ExportOptions{Start: []string{"/"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Broken) > 0 || st.Pages != 1 || st.Files != 6 {
		t.Errorf("exported %d pages, %d files, broken %q; want 1 page, 6 files, none broken", st.Pages, st.Files, st.Broken)
	}
	rewritten := map[string]string{
		"index.html": `<a href="data/statements.csv">csv</a> <a href="data/empty.json">json</a> <a href="feed.atom">feed</a> ` +
			`<a href="s/1/page.html">archived</a> <a href="s/1/original">original</a> <img src="logo.png">`,
		"feed.atom": `<feed><link href="index.html"/><entry><link href="s/1/page.html"/></entry></feed>`,
	}
	var total int64
	files := 0
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		total += int64(len(got))
		if want, ok := rewritten[rel]; ok {
			if string(got) != want {
				t.Errorf("%s = %q, want %q", rel, got, want)
			}
			return nil
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+rel, nil))
		if rec.Code != http.StatusOK || !bytes.Equal(got, rec.Body.Bytes()) {
			t.Errorf("%s: %d bytes in the export, the handler serves %d bytes (%d); want the same bytes", rel, len(got), rec.Body.Len(), rec.Code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 7 || total != st.Bytes {
		t.Errorf("the export holds %d files of %d bytes, the stats say %d files of %d bytes", files, total, st.Pages+st.Files, st.Bytes)
	}
}

// TestExportHandlerFailingMidway exports a site whose download fails after
// it has begun (the handler panics with http.ErrAbortHandler, as the site
// does when a query fails midway) and whose other file panics: neither
// leaves a file, whole or partial, each is reported with the page that
// links it, and the rest of the site is written.
func TestExportHandlerFailingMidway(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<a href="/data/statements.csv">csv</a> <a href="/data/claims.json">json</a> <a href="/data/people.csv">people</a>`)
	})
	mux.HandleFunc("GET /data/statements.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		for i := range 20_000 {
			fmt.Fprintf(w, "%d,a row of the table before the query fails\n", i)
		}
		panic(http.ErrAbortHandler)
	})
	mux.HandleFunc("GET /data/claims.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id":1},`)
		panic("a bug")
	})
	mux.HandleFunc("GET /data/people.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		fmt.Fprint(w, "id,name\n1,A\n")
	})
	dir := filepath.Join(t.TempDir(), "site")
	st, err := Export(context.Background(), mux, dir, ExportOptions{Start: []string{"/"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/ -> /data/claims.json (failed midway: a bug)", "/ -> /data/statements.csv (failed midway)"}
	if fmt.Sprint(st.Broken) != fmt.Sprint(want) {
		t.Errorf("broken %q, want %q", st.Broken, want)
	}
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator))))
		}
		return err
	})
	if want := []string{"data/people.csv", "index.html"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the export holds %q, want only %q", got, want)
	}
	if st.Pages != 1 || st.Files != 1 {
		t.Errorf("counted %d pages and %d files, want 1 and 1", st.Pages, st.Files)
	}
}

// BenchmarkExportDownload exports a page linking one download of 64 MB
// written a line at a time, as the open-data statements are: its B/op is
// what the export holds of a download (the whole of it, twice over while
// the buffer grows, when answers were recorded in memory).
func BenchmarkExportDownload(b *testing.B) {
	line := []byte(strings.Repeat("x", 127) + "\n")
	const size = 64 << 20
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<a href="/statements.csv">csv</a>`)
	})
	mux.HandleFunc("GET /statements.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		for range size / len(line) {
			w.Write(line)
		}
	})
	b.ReportAllocs()
	b.SetBytes(size)
	for i := 0; b.Loop(); i++ {
		if _, err := Export(context.Background(), mux, filepath.Join(b.TempDir(), strconv.Itoa(i)), ExportOptions{Start: []string{"/"}}); err != nil {
			b.Fatal(err)
		}
	}
}
