package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
)

//go:embed templates
var templateFS embed.FS

// layout is what every page template receives: the page's own model in Page,
// and what the frame around it needs.
type layout struct {
	Title     string
	Workspace bool
	Lang      string       // language of the interface: en, ru or kk
	Languages []langSwitch // the same page in each interface language
	Page      any
}

// templateSet is the parsed pages for one interface language and one URL
// prefix: "t" translates into the language, "href" puts the prefix in front
// of a site path. Parsing one set per language at start-up keeps rendering
// as fast as with one language.
type templateSet struct {
	lang   string
	prefix string // "", "/en", "/ru" or "/kk"
	pages  map[string]*template.Template
}

// titled is implemented by page models that name their page.
type titled interface{ PageTitle() string }

// parseTemplates parses base.html with each page template in its own set, so
// that every page may define "title" and "content" without clashing. Doing it
// at start-up makes a broken template fail the first test, not a reader.
func parseTemplates(sf *staticFiles, lang, prefix string) (map[string]*template.Template, error) {
	funcs := template.FuncMap{}
	for k, v := range extraFuncs {
		funcs[k] = v
	}
	for k, v := range (template.FuncMap{
		"t":         func(s string) string { return translate(lang, s) },
		"tf":        func(s string, args ...any) string { return fmt.Sprintf(translate(lang, s), args...) },
		"href":      func(parts ...any) string { return prefix + fmt.Sprint(parts...) },
		"uiLang":    func() string { return lang },
		"static":    sf.URL,
		"short":     shortHash,
		"date":      showDate,
		"time":      showTime,
		"bytes":     showBytes,
		"langName":  langName,
		"stanceCSS": func(k inquest.StanceKind) string { return "stance-" + string(k) },
	}) {
		funcs[k] = v
	}
	for k, v := range publicFuncs(lang) {
		funcs[k] = v
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		if n == "templates/base.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		pages[name] = t
	}
	return pages, nil
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, page any) {
	set := s.templatesFor(r)
	t, ok := set.pages[name]
	if !ok {
		s.log.Error("no such template", "name", name, "request_id", requestID(r.Context()))
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	v := s.viewOf(r)
	l := layout{Title: "Inquest", Workspace: v.workspace, Lang: set.lang, Page: page}
	if !v.workspace {
		l.Languages = languageSwitch(r, set.lang)
		w.Header().Add("Vary", "Accept-Language")
	}
	if p, ok := page.(titled); ok {
		l.Title = p.PageTitle() + " · Inquest"
	}
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer putRenderBuffer(buf)
	if err := t.ExecuteTemplate(buf, "base.html", l); err != nil {
		s.log.Error("render", "template", name, "request_id", requestID(r.Context()), "err", err)
		if name != "error" {
			s.render(w, r, http.StatusInternalServerError, "error", errorPage{Status: 500,
				StatusText: http.StatusText(500), Message: "Internal error.", RequestID: requestID(r.Context())})
			return
		}
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// renderBuffers are the buffers pages are rendered into before they are
// sent (a template that fails midway must not have sent half a page). A
// page grows its buffer by doubling to tens of kilobytes; reusing them
// spares a busy server a tenth of what it allocates.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for reuse: a rare huge page
// should not stay in memory for good.
const maxPooledBuffer = 1 << 20

func putRenderBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	renderBuffers.Put(b)
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

func showDate(d inquest.Date) string {
	if !d.Known() {
		return "date unknown"
	}
	return d.Time().Format("2 January 2006")
}

func showTime(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format("2 January 2006, 15:04 UTC")
}

func showBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

var languageNames = map[string]string{"en": "English", "ru": "Russian", "kk": "Kazakh"}

func langName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	if code == "" {
		return "unknown"
	}
	return code
}
