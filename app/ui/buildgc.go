package ui

import "runtime/debug"

// On wasm Go has one thread and the garbage collector's mark phase runs in
// the idle time the background build leaves when it yields: each cycle
// marks the whole live heap (the build's word lists, maps and entities) in
// one task of a few hundred milliseconds on a 5 MB article. Fewer cycles
// mean fewer such tasks, so for the length of a background build the
// collector is paced by a memory limit instead of by heap growth, and the
// usual pacing comes back when the build ends.

// buildMemoryLimit is the Go memory the collector may let a background
// build reach before it collects: the page's budget is 300 MB, wasm memory
// plus the JavaScript heap, and wasm memory never shrinks once grown.
const buildMemoryLimit = 200 << 20

// buildGCPercent is GOGC during a background build: high enough that the
// memory limit, not heap growth, decides when the collector runs late in
// the build. GOGC off (the limit alone) was tried: two cycles instead of
// four on a 5 MB paste, but by main-thread processor time no shorter
// longest task (197 vs 175–206 ms), more processor time to interactive
// (5.9 vs 5.3–5.6 s) and 15 MB more memory.
const buildGCPercent = 400

// relaxGC paces the collector for a background build; the function it
// returns restores the previous pacing.
func relaxGC() (restore func()) {
	limit := debug.SetMemoryLimit(buildMemoryLimit)
	percent := debug.SetGCPercent(buildGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
