//go:build unix

package web_test

import (
	"syscall"
	"time"
)

// processCPU is the processor time the process has used, user and system:
// on a shared machine a steadier measure of a page's cost than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
