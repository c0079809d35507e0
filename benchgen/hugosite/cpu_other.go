//go:build !unix

package hugosite

import "time"

// ProcessCPU is unknown on this system: 0.
func ProcessCPU() time.Duration { return 0 }

// LoadAverage is unknown on this system: "".
func LoadAverage() string { return "" }
