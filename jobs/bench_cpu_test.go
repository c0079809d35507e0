package jobs_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time (user and system) this process has used. On
// a machine shared with other work, wall time says more about the machine
// than about Inquest; the processor time of a single-threaded run is what
// it would take on an idle core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
