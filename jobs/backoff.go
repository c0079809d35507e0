package jobs

import (
	"errors"
	"math/rand/v2"
	"time"
)

// Backoff is the wait before retrying a job that failed on the given
// attempt (1 for the first): exponential from 10 s, doubled each attempt, at
// most an hour, with ±25% jitter so that jobs that failed together (a site
// that was down) do not all come back at the same moment.
func Backoff(attempt int) time.Duration {
	return backoff(attempt, 10*time.Second, time.Hour)
}

func backoff(attempt int, base, limit time.Duration) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	d := base
	for i := 1; i < attempt && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	jitter := time.Duration((rand.Float64() - 0.5) * 0.5 * float64(d))
	return d + jitter
}

// permanent marks an error that no retry can cure (bad arguments, a case that
// does not exist): the job fails at once.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so that the runner fails the job without retrying it.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}
