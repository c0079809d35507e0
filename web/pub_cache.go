package web

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// Public pages are the same for every reader of one language, so each is
// rendered once and kept for pubCacheTTL: a page a few seconds old is fine
// for readers, and serving it costs what serving a file costs. Only the
// public view is cached; the workspace never is.

type cachedPage struct {
	body   []byte
	header http.Header
	at     time.Time
}

type pageCache struct {
	mu    sync.RWMutex
	pages map[string]*cachedPage
}

// maxCachedPages bounds the memory the cache takes on a large case; when it
// is full it starts again empty, which costs one render per page.
const maxCachedPages = 20000

var pageCaches sync.Map // *Server -> *pageCache

// captureWriter records a response instead of sending it.
type captureWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (c *captureWriter) Header() http.Header { return c.header }
func (c *captureWriter) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}
func (c *captureWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.buf.Write(b)
}

// cachedPublic serves h's response from the cache when it is fresh, and
// otherwise runs h and keeps a successful response.
func (s *Server) cachedPublic(h func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		// The static export visits each page once: keeping them would only
		// take memory.
		if s.building() || s.viewOf(r).workspace || r.Method != http.MethodGet && r.Method != http.MethodHead {
			return h(w, r)
		}
		v, _ := pageCaches.LoadOrStore(s, &pageCache{pages: map[string]*cachedPage{}})
		pc := v.(*pageCache)
		set := s.templatesFor(r)
		key := set.lang + "|" + set.prefix + "|" + r.URL.Path
		pc.mu.RLock()
		page := pc.pages[key]
		pc.mu.RUnlock()
		if page == nil || time.Since(page.at) > pubCacheTTL {
			cw := &captureWriter{header: http.Header{}}
			if err := h(cw, r); err != nil {
				return err
			}
			page = &cachedPage{body: cw.buf.Bytes(), header: cw.header, at: time.Now()}
			if cw.status != http.StatusOK {
				copyHeader(w.Header(), cw.header)
				w.WriteHeader(cw.status)
				_, err := w.Write(page.body)
				return err
			}
			pc.mu.Lock()
			if len(pc.pages) >= maxCachedPages {
				pc.pages = map[string]*cachedPage{}
			}
			pc.pages[key] = page
			pc.mu.Unlock()
		}
		copyHeader(w.Header(), page.header)
		_, err := w.Write(page.body)
		return err
	}
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = v
	}
}
