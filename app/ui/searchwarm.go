package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gloss/app/entity"
)

// searchWarmDelay is how long after the first paint, in milliseconds, the
// search's warm-up starts (in idle time): soon, so that it is done before a
// person's first query, yet after the page's own start.
const searchWarmDelay = 200

// searchWarmSlice is how long, in milliseconds, the warm-up runs its steps
// in one idle callback before it waits for the next.
const searchWarmSlice = 8

// warmSearchLater runs an entity.Warmer in idle time after the first paint,
// a few milliseconds at a time, so that the first query into an article
// runs the search's optimised code rather than V8's baseline code, which
// rescanned a 1 MB article's targets several times slower. It waits while
// a long article is being built or a page read (the build workers need
// both processors), not for the worker's own warm-up, and runs once per
// page; the mark "gloss-search-warm" says it is done.
func (f *finder) warmSearchLater() {
	if !app.IsClient {
		return
	}
	// The made-up article is made in the first step, not here: here is the
	// start, before the first draw (made here, its generator was compiled
	// and run before ready at every start: ~30 KB of code).
	var w *entity.Warmer
	var step app.Func
	step = app.FuncOf(func(app.Value, []app.Value) any {
		if extractWorker.working() || f.installing() {
			glossJS().Call("whenIdle", searchWarmDelay, step)
			return nil
		}
		start := perfNow()
		if w == nil {
			w = entity.NewWarmer()
		}
		for w.Step() {
			if perfNow()-start >= searchWarmSlice {
				glossJS().Call("whenIdle", 0, step)
				return nil
			}
		}
		step.Release()
		perfMark("gloss-search-warm")
		return nil
	})
	glossJS().Call("whenIdle", searchWarmDelay, step)
}
