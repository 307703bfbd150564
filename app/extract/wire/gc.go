package wire

import "runtime/debug"

// A build worker does nothing but the build while it runs, so the garbage
// collector's usual pacing (a cycle each time the heap doubles) only costs
// it: on wasm Go has one thread, each cycle marks the whole live heap (the
// text's tokens, word tables and entities), and while it marks every
// pointer write in the build pays a write barrier. So for the length of a
// build the collector runs only when the worker's memory nears a limit
// sized to the text, and the usual pacing comes back after.
//
// In node, on the 5 MB sample with the lexicon, the helper's share then
// runs without a cycle (four before) and the worker's with one or two
// (four before); see notes/i16x.md for the figures.

// buildMemoryBase and buildMemoryPerByte size a build's memory limit: the
// idle worker (its module, the word lists, the warm-up's heap) plus about
// what a build without any collection allocates per byte of text (~250 MB
// for the 5 MB sample in the worker that makes the index and encodes the
// result, ~90 MB in the helper). Wasm memory never shrinks once grown, and
// the worker's default pacing peaked at ~240 MB on that sample: the limit,
// 248 MB there, keeps the peak about where it was; a longer text gets a
// higher limit, so the collector never runs back to back on a live heap
// near a fixed one.
const (
	buildMemoryBase    = 48 << 20
	buildMemoryPerByte = 40
)

// BuildGCPercent is the collector's GOGC during a build: off, so that the
// memory limit alone starts a cycle.
const BuildGCPercent = -1

// BuildMemoryLimit is the memory limit in force during the build of a text
// of n bytes.
func BuildMemoryLimit(n int) int64 {
	return buildMemoryBase + buildMemoryPerByte*int64(n)
}

// relaxGC paces the collector for the build of a text of n bytes; the
// function it returns restores the pacing in force before.
func relaxGC(n int) (restore func()) {
	limit := debug.SetMemoryLimit(BuildMemoryLimit(n))
	percent := debug.SetGCPercent(BuildGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
