package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
)

// Public pages are cached (pub_cache.go, pub_record.go), and a change made
// through this server drops its cache at once. A change made elsewhere — by
// another instance on the same PostgreSQL, or by the command line — is seen
// through the store's public-change count (inquest.PublicEpochs): every
// public request looks at it, at most every publicEpochEvery, and when it
// has moved the cache is dropped before the page is served. So what is made
// private or rejected anywhere leaves every instance's public site within a
// fraction of a second, never after the cache ages out.

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

// notePublicEpoch records the count as it is now, after this server dropped
// its cache for a change of its own, so that the same change does not drop
// the cache a second time when followPublicEpoch next reads the count.
func (s *Server) notePublicEpoch() {
	pe, ok := s.st.(inquest.PublicEpochs)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	w := s.epochWatch()
	w.mu.Lock()
	defer w.mu.Unlock()
	if n, err := pe.PublicEpoch(ctx); err == nil {
		w.epoch, w.known = n, true
		w.checked.Store(time.Now().UnixNano())
	}
}
