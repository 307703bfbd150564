package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// yielder lets a goroutine doing long work (the background build,
// build.go; parsing the lexicon) give the thread back to the browser once a
// slice has run: wasm has one thread, and the goroutine otherwise runs to
// its end in one task.
type yielder struct {
	wake  chan struct{}
	fn    app.Func
	start time.Time
}

func newYielder() *yielder {
	y := &yielder{wake: make(chan struct{}, 1), start: time.Now()}
	y.fn = app.FuncOf(func(app.Value, []app.Value) any {
		// The slice counts from the task's start: Go runs this callback
		// first, then every goroutine ready, and go-app's render of a
		// frame due (20–30 ms on a 5 MB article) can run before the
		// build does, in the same task.
		y.start = time.Now()
		select {
		case y.wake <- struct{}{}:
		default:
		}
		return nil
	})
	return y
}

// pause yields once the current slice has run buildSlice, and reports
// whether it did.
func (y *yielder) pause() bool {
	if time.Since(y.start) < buildSlice {
		return false
	}
	y.yield()
	return true
}

// yield blocks until the browser has run the tasks waiting (input, a
// frame): a message posted to itself comes back after them, with no
// minimum delay (time.Sleep's setTimeout waits at least 4 ms once nested,
// a sixth of each slice). A new slice starts with the message's task.
func (y *yielder) yield() {
	glossJS().Call("yieldTask", y.fn)
	<-y.wake
}

// release frees the callback; the yielder is not used again.
func (y *yielder) release() { y.fn.Release() }
