package publish

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// The static export renders the public site through the very handler that
// serves it live, so the two cannot drift apart: it requests every page it
// can reach from the start paths, writes each to a file, and rewrites the
// site's absolute links into relative ones, so the result opens from a disk
// or any web server with no server-side code.

// ExportOptions say what to export.
type ExportOptions struct {
	// Start are the site paths to begin at, e.g. "/" and "/cases/slug".
	Start []string
	// Skip reports paths not to follow (the workspace, the API, login).
	Skip func(path string) bool
	// Progress, when set, receives a line every few hundred pages.
	Progress io.Writer
	// OnProgress, when set, is called after each path is exported with how
	// many paths are done and how many are known so far (the crawl finds
	// more as it goes, so known grows until the end). An error it returns
	// stops the export, as a cancelled context does.
	OnProgress func(done, known int) error
}

// ExportStats counts what an export wrote.
type ExportStats struct {
	Pages  int           // HTML pages
	Files  int           // everything else: feeds, data, styles, originals
	Bytes  int64         // written in all
	Broken []string      // links to paths that did not answer 200, as "from -> to"
	Took   time.Duration //
}

// PagesPerSecond is HTML pages written per second.
func (s ExportStats) PagesPerSecond() float64 { return float64(s.Pages) / s.Took.Seconds() }

var linkRe = regexp.MustCompile(`(href|src)="(/[^"]*)"`)

// Export crawls h from opt.Start and writes the site under dir, which must
// be empty or not exist. A broken internal link does not stop the export:
// it is listed in the stats, and the caller decides.
func Export(ctx context.Context, h http.Handler, dir string, opt ExportOptions) (ExportStats, error) {
	start := time.Now()
	var st ExportStats
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("export: %w", err)
	}
	if entries, err := os.ReadDir(dir); err != nil {
		return st, fmt.Errorf("export: %w", err)
	} else if len(entries) > 0 {
		return st, fmt.Errorf("export: %s is not empty; give a new or empty directory", dir)
	}
	seen := map[string]bool{}
	var queue []string
	from := map[string]string{}
	push := func(p, referrer string) {
		if seen[p] || (opt.Skip != nil && opt.Skip(p)) {
			return
		}
		seen[p] = true
		from[p] = referrer
		queue = append(queue, p)
	}
	for _, p := range opt.Start {
		push(p, "")
	}
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		p := queue[0]
		queue = queue[1:]
		req := httptest.NewRequest(http.MethodGet, p, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			st.Broken = append(st.Broken, fmt.Sprintf("%s -> %s (%d)", from[p], p, rec.Code))
			if err := opt.report(&st, len(seen)); err != nil {
				return st, err
			}
			continue
		}
		ct, _, _ := mime.ParseMediaType(rec.Header().Get("Content-Type"))
		isHTML := ct == "text/html" && !hasExt(p) // an archived web page is a file, never a page of the site
		file := fileFor(p, isHTML)
		body := rec.Body.Bytes()
		if isHTML || ct == "application/atom+xml" {
			body = linkRe.ReplaceAllFunc(body, func(m []byte) []byte {
				sub := linkRe.FindSubmatch(m)
				target := string(sub[2])
				tp, frag, _ := strings.Cut(target, "#")
				if u, err := url.Parse(tp); err == nil {
					tp = u.Path
				}
				if !strings.HasPrefix(tp, "//") {
					push(tp, p)
				}
				rel := relativeLink(file, fileFor(tp, !hasExt(tp)), frag)
				return []byte(fmt.Sprintf(`%s="%s"`, sub[1], rel))
			})
		}
		if isHTML {
			st.Pages++
		} else {
			st.Files++
		}
		st.Bytes += int64(len(body))
		full := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return st, fmt.Errorf("export %s: %w", p, err)
		}
		if err := os.WriteFile(full, body, 0o644); err != nil {
			return st, fmt.Errorf("export %s: %w", p, err)
		}
		if opt.Progress != nil && (st.Pages+st.Files)%500 == 0 {
			fmt.Fprintf(opt.Progress, "%d pages, %d other files\n", st.Pages, st.Files)
		}
		if err := opt.report(&st, len(seen)); err != nil {
			return st, err
		}
	}
	sort.Strings(st.Broken)
	st.Took = time.Since(start)
	return st, nil
}

// report passes the export's progress to OnProgress.
func (opt ExportOptions) report(st *ExportStats, known int) error {
	if opt.OnProgress == nil {
		return nil
	}
	if err := opt.OnProgress(st.Pages+st.Files+len(st.Broken), known); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// fileFor is where the page at site path p is written: an HTML page as
// p/index.html, anything else under its own name.
func fileFor(p string, isHTML bool) string {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if isHTML {
		if p == "" {
			return "index.html"
		}
		return p + "/index.html"
	}
	return p
}

// hasExt guesses, for a link not yet fetched, whether it names a file
// (style.css, feed.atom, statements.csv) rather than a page. Pages of the
// site have no extension; the one file without one, a source's original, is
// linked by its download attribute and handled the same way either way,
// because fileFor is only used to compute the relative path.
func hasExt(p string) bool {
	base := path.Base(p)
	return strings.Contains(base, ".") || base == "original"
}

// relativeLink is the link from the file at from to the file at to, both
// relative to the site root.
func relativeLink(from, to, frag string) string {
	fromDir := path.Dir(from)
	up := ""
	if fromDir != "." {
		up = strings.Repeat("../", strings.Count(fromDir, "/")+1)
	}
	out := up + to
	if frag != "" {
		out += "#" + frag
	}
	return out
}
