package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	Broken []string      // links to paths that did not answer 200 in full, as "from -> to (why)"
	Took   time.Duration //
}

// PagesPerSecond is HTML pages written per second.
func (s ExportStats) PagesPerSecond() float64 { return float64(s.Pages) / s.Took.Seconds() }

// Export crawls h from opt.Start and writes the site under dir, which must
// be empty or not exist. A broken internal link does not stop the export:
// it is listed in the stats, and the caller decides.
//
// Pages are rendered by as many workers as the process may run threads at
// once (GOMAXPROCS): a page's time is spent in the handler (queries and
// templates) and in writing its file, and the pages are independent of one
// another, so the crawl scales with the cores.
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
	c := &crawl{ctx: ctx, h: h, dir: dir, opt: opt, seen: map[string]string{}}
	c.more = sync.NewCond(&c.mu)
	for _, p := range opt.Start {
		c.push(p, "")
	}
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.work()
		}()
	}
	wg.Wait()
	st = c.st
	sort.Strings(st.Broken)
	st.Took = time.Since(start)
	if c.err != nil {
		return st, c.err
	}
	return st, ctx.Err()
}

// crawl is the state the export's workers share, under mu.
type crawl struct {
	ctx context.Context
	h   http.Handler
	dir string
	opt ExportOptions

	mu    sync.Mutex
	more  *sync.Cond        // signalled when the queue grows or the crawl ends
	seen  map[string]string // path -> the page that first linked it ("" for a start path)
	queue []string
	busy  int // workers rendering a page, which may add to the queue
	st    ExportStats
	err   error
}

// push queues site path p, linked from referrer, unless it was seen or is
// skipped. Called with mu held, or before the workers start.
func (c *crawl) push(p, referrer string) {
	if _, ok := c.seen[p]; ok || (c.opt.Skip != nil && c.opt.Skip(p)) {
		return
	}
	c.seen[p] = referrer
	c.queue = append(c.queue, p)
}

// work takes paths from the queue until it is empty and no other worker
// can add to it, or an error stops the crawl.
func (c *crawl) work() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for len(c.queue) == 0 && c.busy > 0 && c.err == nil {
			c.more.Wait()
		}
		if c.err == nil {
			c.err = c.ctx.Err()
		}
		if len(c.queue) == 0 || c.err != nil {
			c.more.Broadcast() // the crawl is over: wake the others to return
			return
		}
		p := c.queue[0]
		c.queue = c.queue[1:]
		c.busy++
		c.mu.Unlock()
		err := c.page(p)
		c.mu.Lock()
		c.busy--
		if err != nil && c.err == nil {
			c.err = err
		}
		c.more.Broadcast()
	}
}

// page fetches the page at site path p, rewrites its links, writes it and
// queues the site paths it links to. Anything but a page or a feed was
// written to its file as the handler answered (see exportWriter).
func (c *crawl) page(p string) error {
	req := httptest.NewRequest(http.MethodGet, p, nil).WithContext(c.ctx)
	w := newExportWriter(c.dir, p)
	if failed := c.serve(w, req); failed != "" {
		return c.broken(p, failed)
	}
	if err := w.finish(); err != nil {
		return fmt.Errorf("export %s: %w", p, err)
	}
	if w.code != http.StatusOK {
		return c.broken(p, strconv.Itoa(w.code))
	}
	file := fileFor(p, w.isHTML)
	var links []string
	size := w.n
	if w.rewrite {
		body := rewriteLinks(w.buf.Bytes(), func(target string) string {
			tp, frag, _ := strings.Cut(target, "#")
			if u, err := url.Parse(tp); err == nil {
				tp = u.Path
			}
			if !strings.HasPrefix(tp, "//") {
				links = append(links, tp)
			}
			return relativeLink(file, fileFor(tp, !hasExt(tp)), frag)
		})
		full := filepath.Join(c.dir, filepath.FromSlash(file))
		if err := mkdir(filepath.Dir(full)); err != nil {
			return fmt.Errorf("export %s: %w", p, err)
		}
		if err := os.WriteFile(full, body, 0o644); err != nil {
			return fmt.Errorf("export %s: %w", p, err)
		}
		size = int64(len(body))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range links {
		c.push(l, p)
	}
	if w.isHTML {
		c.st.Pages++
	} else {
		c.st.Files++
	}
	c.st.Bytes += size
	if c.opt.Progress != nil && (c.st.Pages+c.st.Files)%500 == 0 {
		fmt.Fprintf(c.opt.Progress, "%d pages, %d other files\n", c.st.Pages, c.st.Files)
	}
	// Under the lock, so that done never goes back, and after this page's
	// links are queued, so that known is never short of them.
	return c.opt.report(&c.st, len(c.seen))
}

// serve runs the handler for one path. A handler that panics, as one does
// with http.ErrAbortHandler when an answer already begun cannot be
// finished (a download whose query fails midway), fails that path only:
// what it wrote is removed, and serve says why it failed ("" when it did
// not), as net/http would drop that one connection.
func (c *crawl) serve(w *exportWriter, req *http.Request) (failed string) {
	defer func() {
		if v := recover(); v != nil {
			w.discard()
			failed = "failed midway"
			if v != http.ErrAbortHandler {
				failed = fmt.Sprintf("failed midway: %v", v)
			}
		}
	}()
	c.h.ServeHTTP(w, req)
	return ""
}

// broken records that path p, linked from the page that first led to it,
// did not answer in full, for why.
func (c *crawl) broken(p, why string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.Broken = append(c.st.Broken, fmt.Sprintf("%s -> %s (%s)", c.seen[p], p, why))
	return c.opt.report(&c.st, len(c.seen))
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

// mkdir makes dir. A page's directory is almost always new and its parent
// made already, so one Mkdir usually does, where MkdirAll would first stat
// the directory and then its parent.
func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}

// rewriteLinks replaces the value of every href="/…" and src="/…"
// attribute in body with rewrite(value): the site's absolute links. It is
// what the regular expression (href|src)="(/[^"]*)" with ReplaceAllFunc
// did, by hand, because on a large site the expression cost a fifth of the
// export's processor time.
func rewriteLinks(body []byte, rewrite func(target string) string) []byte {
	var out []byte
	last := 0 // body[:last] is in out already
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(`="/`))
		if j < 0 {
			break
		}
		eq := i + j
		var name int // length of the attribute name before eq
		switch {
		case bytes.HasSuffix(body[:eq], []byte("href")):
			name = 4
		case bytes.HasSuffix(body[:eq], []byte("src")):
			name = 3
		default:
			i = eq + 3
			continue
		}
		val := eq + 2 // the value's first byte, "/"
		n := bytes.IndexByte(body[val:], '"')
		if n < 0 {
			break // no closing quote: no link, as the expression found none
		}
		if out == nil {
			out = make([]byte, 0, len(body)+len(body)/4)
		}
		out = append(out, body[last:eq-name]...)
		out = append(out, body[eq-name:eq+2]...) // href=" or src="
		out = append(out, rewrite(string(body[val:val+n]))...)
		out = append(out, '"')
		last = val + n + 1
		i = last
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
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
