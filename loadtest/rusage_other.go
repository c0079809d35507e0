//go:build !unix

package loadtest

import "time"

// cpuTime and peakRSS are not measured where there is no getrusage.
func cpuTime() time.Duration { return 0 }
func peakRSS() int64         { return 0 }
