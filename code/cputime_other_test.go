//go:build !unix

package code_test

import "time"

// cpuTime is unknown on this platform; benchmarks then report wall-clock
// throughput only.
func cpuTime() time.Duration { return 0 }
