//go:build unix

package extract

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used, user and system. The
// benchmarks report throughput per CPU second beside the wall-clock MB/s,
// which a busy machine distorts.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
