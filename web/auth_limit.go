package web

import (
	"sync"
	"time"
)

// loginLimiter counts failed logins per client address and per user name
// in fixed windows, in memory. In memory is enough for one instance; with
// several instances behind a proxy each keeps its own counts, so the real
// limit is the per-instance limit times the number of instances, and a
// restart forgets the counts. Both are acceptable for slowing down password
// guessing, which is what it is for; an operator who needs more puts a
// limit in the proxy too.
//
// The address is the TCP peer (r.RemoteAddr): behind a reverse proxy every
// client has the proxy's address and the per-address limit becomes one limit
// for everyone, which errs on the side of refusing. The per-name limit lets
// anyone lock a user out for a window by guessing wrong on purpose; that is
// the usual price of stopping guesses spread over many addresses, and the
// window is short.
type loginLimiter struct {
	mu      sync.Mutex
	window  time.Duration
	perAddr int
	perName int
	counts  map[string]*loginCount
	now     func() time.Time
}

type loginCount struct {
	failures int
	since    time.Time
}

// Limits of failed logins in one window.
const (
	loginWindow        = 15 * time.Minute
	loginFailuresAddr  = 30
	loginFailuresName  = 10
	loginLimiterMaxKey = 100_000
)

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{window: loginWindow, perAddr: loginFailuresAddr, perName: loginFailuresName,
		counts: map[string]*loginCount{}, now: time.Now}
}

// allow reports whether a login from addr for name may be tried now, and if
// not, how long until it may.
func (l *loginLimiter) allow(addr, name string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var wait time.Duration
	for _, k := range []struct {
		key   string
		limit int
	}{{"a:" + addr, l.perAddr}, {"n:" + name, l.perName}} {
		c := l.counts[k.key]
		if c == nil || now.Sub(c.since) >= l.window {
			continue
		}
		if c.failures >= k.limit {
			wait = max(wait, c.since.Add(l.window).Sub(now))
		}
	}
	return wait == 0, wait
}

// failed counts a failed login from addr for name.
func (l *loginLimiter) failed(addr, name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.counts) >= loginLimiterMaxKey {
		l.prune(now)
	}
	for _, key := range []string{"a:" + addr, "n:" + name} {
		c := l.counts[key]
		if c == nil || now.Sub(c.since) >= l.window {
			if len(l.counts) >= loginLimiterMaxKey {
				continue // full of live entries: keep memory bounded
			}
			c = &loginCount{since: now}
			l.counts[key] = c
		}
		c.failures++
	}
}

// succeeded clears the name's failures: its owner knows the password. The
// address keeps its count, so one good account does not reset guessing at
// others from the same place.
func (l *loginLimiter) succeeded(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.counts, "n:"+name)
}

func (l *loginLimiter) prune(now time.Time) {
	for k, c := range l.counts {
		if now.Sub(c.since) >= l.window {
			delete(l.counts, k)
		}
	}
}
