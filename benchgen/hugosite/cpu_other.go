//go:build !unix

package hugosite

import (
	"os"
	"time"
)

// ProcessCPU is unknown on this system: 0.
func ProcessCPU() time.Duration { return 0 }

// LoadAverage is unknown on this system: "".
func LoadAverage() string { return "" }

func maxRSS(*os.ProcessState) int64 { return 0 }
