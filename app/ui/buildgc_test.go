package ui

import (
	"runtime/debug"
	"testing"
)

// TestRelaxGC checks that a background build's pacing is in force during
// the build and that the previous pacing comes back after it.
func TestRelaxGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	restore := relaxGC()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("memory limit during the build = %d, want %d", got, buildMemoryLimit)
	}
	if got := debug.SetGCPercent(buildGCPercent); got != buildGCPercent {
		t.Errorf("GC percent during the build = %d, want %d", got, buildGCPercent)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit after the build = %d, want %d", got, 1<<40)
	}
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GC percent after the build = %d, want 77", got)
	}
}
