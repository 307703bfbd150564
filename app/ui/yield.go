package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// yielder lets a goroutine doing long work (parsing the lexicon) give the
// thread back to the browser once a slice has run, as the background
// build does (build.go): wasm has one thread, and the goroutine otherwise
// runs to its end in one task.
type yielder struct {
	wake  chan struct{}
	fn    app.Func
	start time.Time
}

func newYielder() *yielder {
	y := &yielder{wake: make(chan struct{}, 1), start: time.Now()}
	y.fn = app.FuncOf(func(app.Value, []app.Value) any {
		select {
		case y.wake <- struct{}{}:
		default:
		}
		return nil
	})
	return y
}

// pause blocks until the browser has run the tasks waiting, once the
// current slice has run buildSlice.
func (y *yielder) pause() {
	if time.Since(y.start) < buildSlice {
		return
	}
	glossJS().Call("yieldTask", y.fn)
	<-y.wake
	y.start = time.Now()
}

// release frees the callback; the yielder is not used again.
func (y *yielder) release() { y.fn.Release() }
