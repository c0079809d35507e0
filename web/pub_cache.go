package web

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"sync"
	"time"
)

// Public pages are the same for every reader of one language, so each is
// rendered once and kept while the public records it was rendered from are
// the loaded ones (pub_record.go renews them after pubCacheTTL or longer
// on a large case): serving it then costs what serving a file costs. Only
// the public view is cached; the workspace never is.
//
// At scale three things matter, and the cache does all three:
//   - concurrent requests for a page nobody has rendered yet wait for one
//     render instead of each rendering it (single flight);
//   - a page gone stale is served as it is while one request renders it
//     anew, so readers do not queue behind the render;
//   - memory is bounded in bytes, the least recently served pages leaving
//     first, so that a case of a hundred thousand sources neither grows
//     the cache without end nor empties it all at once.

type cachedPage struct {
	key    string
	status int
	body   []byte
	header http.Header
	err    error // a handler's error, shared with those who waited for it
	at     time.Time
	gen    int64 // the generation of the public records it was rendered from
}

// pageMaxAge bounds how long a page is served while the records it was
// rendered from stay loaded: pages show today's date (days a question has
// waited).
const pageMaxAge = 5 * time.Minute

func (p *cachedPage) size() int64 { return int64(len(p.body)+len(p.key)) + 512 }

// flight is one render in progress; those who want the same page wait for
// done.
type flight struct {
	done chan struct{}
	page *cachedPage
}

type pageCache struct {
	mu       sync.Mutex
	pages    map[string]*list.Element // of *cachedPage
	lru      *list.List               // most recently served first
	bytes    int64
	max      int64
	inflight map[string]*flight
}

// pageCacheBytes bounds the memory the cached pages take. A source page
// of a generated case is 10–30 kB, so this keeps a thousand or two pages,
// the ones readers ask for most: the lists of a case, which are costly to
// render and asked for often, and the sources in the news. Keeping more
// buys little: readers of a large case spread over its sources.
var pageCacheBytes int64 = 32 << 20

// maxCachedPage is the largest page kept: a bulk download of a large case
// would otherwise push out thousands of pages.
const maxCachedPage = 8 << 20

var pageCaches sync.Map // *Server -> *pageCache

func (s *Server) pageCache() *pageCache {
	v, ok := pageCaches.Load(s)
	if !ok {
		v, _ = pageCaches.LoadOrStore(s, &pageCache{pages: map[string]*list.Element{}, lru: list.New(),
			max: pageCacheBytes, inflight: map[string]*flight{}})
	}
	return v.(*pageCache)
}

// get returns the cached page and whether it is fresh, rendered from the
// records loaded now; nil when there is none.
func (pc *pageCache) get(key string, gen int64) (*cachedPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el := pc.pages[key]
	if el == nil {
		return nil, false
	}
	pc.lru.MoveToFront(el)
	p := el.Value.(*cachedPage)
	return p, p.gen == gen && time.Since(p.at) <= pageMaxAge
}

func (pc *pageCache) put(p *cachedPage) {
	if p.size() > maxCachedPage || p.err != nil || p.status != http.StatusOK {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el := pc.pages[p.key]; el != nil {
		pc.bytes -= el.Value.(*cachedPage).size()
		pc.lru.Remove(el)
	}
	pc.pages[p.key] = pc.lru.PushFront(p)
	pc.bytes += p.size()
	for pc.bytes > pc.max {
		last := pc.lru.Back()
		old := last.Value.(*cachedPage)
		pc.lru.Remove(last)
		delete(pc.pages, old.key)
		pc.bytes -= old.size()
	}
}

// captureWriter records a response instead of sending it.
type captureWriter struct {
	header http.Header
	status int
	// body is the response so far. A page rendered by Server.render comes
	// in one write, which append copies into a slice of just its size.
	body []byte
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
	c.body = append(c.body, b...)
	return len(b), nil
}

// cachedPublic serves h's response from the cache when it is fresh, and
// otherwise runs h once for all who ask meanwhile and keeps a successful
// response.
func (s *Server) cachedPublic(h func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		// The static export visits each page once: keeping them would only
		// take memory.
		if s.building() || s.viewOf(r).workspace || r.Method != http.MethodGet && r.Method != http.MethodHead {
			return h(w, r)
		}
		s.followPublicEpoch(r.Context()) // drops the cache if another process withdrew something
		pc := s.pageCache()
		set := s.templatesFor(r)
		key := set.lang + "|" + set.prefix + "|" + r.URL.Path + "?" + r.URL.RawQuery
		gen := s.recordGen()
		page, fresh := pc.get(key, gen)
		if fresh {
			// Renews the records in the background once they are old,
			// which in turn retires this page.
			s.refreshRecords(r.Context())
		} else {
			pc.mu.Lock()
			f := pc.inflight[key]
			lead := f == nil
			if lead {
				f = &flight{done: make(chan struct{})}
				pc.inflight[key] = f
			}
			pc.mu.Unlock()
			switch {
			case lead:
				// The render goes on if this reader leaves: others wait
				// for it.
				f.page = render(h, r.WithContext(context.WithoutCancel(r.Context())), key)
				f.page.gen = gen
				pc.put(f.page)
				pc.mu.Lock()
				delete(pc.inflight, key)
				pc.mu.Unlock()
				close(f.done)
				page = f.page
			case page != nil:
				// Stale, and someone renders it anew: serve what we have.
			default:
				select {
				case <-f.done:
					page = f.page
				case <-r.Context().Done():
					return r.Context().Err()
				}
			}
		}
		if page.err != nil {
			return page.err
		}
		copyHeader(w.Header(), page.header)
		if page.status != http.StatusOK {
			w.WriteHeader(page.status)
		}
		_, err := w.Write(page.body)
		return err
	}
}

// render runs h into a page.
func render(h func(w http.ResponseWriter, r *http.Request) error, r *http.Request, key string) *cachedPage {
	cw := &captureWriter{header: http.Header{}}
	err := h(cw, r)
	if cw.status == 0 {
		cw.status = http.StatusOK
	}
	body := cw.body
	if cap(body)-len(body) > len(body)/8 {
		// Written in parts, it grew by doubling: the cache keeps a copy of
		// just the page.
		body = bytes.Clone(body)
	}
	return &cachedPage{key: key, status: cw.status, body: body, header: cw.header, err: err, at: time.Now()}
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = v
	}
}
