//go:build !unix

package extract

import "time"

// processCPU is unknown here; the benchmarks then report wall-clock MB/s only.
func processCPU() time.Duration { return 0 }
