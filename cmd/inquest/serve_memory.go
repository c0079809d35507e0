package main

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
)

// defaultServeMemory is serve's soft memory limit. A server holds each
// public case's keys (about 40 MB at a million statements) and a 32 MB page
// cache; the rest is what requests in flight allocate and drop. Without a
// limit the collector lets the heap grow to twice what is live; with it,
// it collects sooner, so that a server with the embedded SQLite (whose
// own page caches come on top) stays under about 300 MB. At a million
// statements with analysts at work, 192 MB kept the SQLite server at
// 253 MiB with a page p99 of 25-29 ms; 160 MB saved 1-10 MiB of it and
// doubled the p99 (49-80 ms), the collector running all the time.
const defaultServeMemory = "192MB"

// setMemoryLimit sets the Go runtime's soft memory limit from the
// --memory-limit flag: "off" sets none; when the flag was not given,
// GOMEMLIMIT, if set, is left to the runtime. Near the limit the
// collector runs more often (at most half the processor time); nothing is
// ever refused for it, so work that needs more (a full re-analysis of a
// large case in a serve process) runs slower, not fails.
func setMemoryLimit(value string, given bool) error {
	if !given && os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	if strings.EqualFold(strings.TrimSpace(value), "off") {
		debug.SetMemoryLimit(math.MaxInt64) // the runtime's own "no limit"
		return nil
	}
	n, err := ingest.ParseSize(value)
	if err != nil {
		return inquest.Errorf(inquest.EINVALID, "--memory-limit %q: give a size such as 192MB or 1GB, or off", value)
	}
	if n < 32<<20 {
		return inquest.Errorf(inquest.EINVALID, "--memory-limit %s is too small to serve anything: give 32MB or more, or off", ingest.FormatSize(n))
	}
	debug.SetMemoryLimit(n)
	return nil
}

// memoryLimitUsage is the flag's help.
var memoryLimitUsage = fmt.Sprintf("a soft limit on the memory this process's Go heap holds, such as 192MB or 1GB, or off; near it the garbage collector runs more often, and nothing is refused for it. Without the flag, GOMEMLIMIT if set, else %s", defaultServeMemory)
