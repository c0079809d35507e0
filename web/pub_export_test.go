package web

import "time"

// SetClockForTest sets the web layer's today and returns a function that
// restores it.
func SetClockForTest(now func() time.Time) func() {
	old := clock
	clock = now
	return func() { clock = old }
}
