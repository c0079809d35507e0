package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
)

// Public pages are cached (pub_cache.go, pub_record.go). The store counts
// the changes that take something off the public site (inquest.PublicEpochs;
// confirmations and additions do not count). After a change made through
// this server the count is read at once; changes made elsewhere — by
// another instance on the same PostgreSQL, or by the command line — are seen
// because every public request looks at the count, at most every
// publicEpochEvery. When it has moved, the cache is dropped before the page
// is served. So what is made private or rejected anywhere leaves every
// instance's public site within a fraction of a second, never after the
// cache ages out, while confirmations do not make a large case's record
// reload on every click.

// publicEpochEvery is how often the count is read: one indexed read of one
// row, a few times a second, whatever the traffic.
var publicEpochEvery = 200 * time.Millisecond

type epochWatch struct {
	mu      sync.Mutex
	epoch   int64
	known   bool
	checked atomic.Int64 // unix nanoseconds of the last read
}

var epochWatches sync.Map // *Server -> *epochWatch

func (s *Server) epochWatch() *epochWatch {
	v, ok := epochWatches.Load(s)
	if !ok {
		v, _ = epochWatches.LoadOrStore(s, &epochWatch{})
	}
	return v.(*epochWatch)
}

// followPublicEpoch drops the public cache when the public-change count has
// moved since it was last read. Requests arriving while one reads it go on
// with the cache as it is.
func (s *Server) followPublicEpoch(ctx context.Context) {
	pe, ok := s.st.(inquest.PublicEpochs)
	if !ok || s.building() {
		return
	}
	w := s.epochWatch()
	if time.Since(time.Unix(0, w.checked.Load())) < publicEpochEvery || !w.mu.TryLock() {
		return
	}
	defer w.mu.Unlock()
	n, err := pe.PublicEpoch(ctx)
	if err != nil {
		s.log.Warn("read the public-change count", "err", err)
		return
	}
	w.checked.Store(time.Now().UnixNano())
	if w.known && n != w.epoch {
		s.dropPublicCaches()
	}
	w.epoch, w.known = n, true
}

// followPublicEpochNow reads the count at once, after a change made
// through this server, and drops the cache if the change moved it. A store
// that keeps no count has its cache dropped after every change.
func (s *Server) followPublicEpochNow() {
	pe, ok := s.st.(inquest.PublicEpochs)
	if !ok {
		s.dropPublicCaches()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	w := s.epochWatch()
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := pe.PublicEpoch(ctx)
	if err != nil || !w.known || n != w.epoch {
		s.dropPublicCaches() // when in doubt, drop
	}
	if err == nil {
		w.epoch, w.known = n, true
		w.checked.Store(time.Now().UnixNano())
	}
}
