package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Timing hooks for the browser benchmark (cmd/gloss/bench_browser_test.go).
// Durations measured in Go land in window.glossPerf (milliseconds, the last
// value per key) and as performance.measure entries, so a profile recorded in
// DevTools shows them on the timeline. Each call costs a few syscall/js calls
// (~10 µs): use them once per user action, never per item.
//
// Keys the benchmark reads: "search" (one query, Go side, results handed to
// the page), "label" (a key press to the annotation saved and painted),
// "draw" (the article rendered, painted and highlighted). Marks (perfMark)
// name the steps of a paste and of a background build ("gloss-paste",
// "gloss-stored", "gloss-build-start", "-found", "-suggested", "-sorted",
// "gloss-install"): the benchmark's trace splits the processor time to
// interactive by them.

// perfNow returns the page's performance.now() in milliseconds, or 0 outside
// the browser (prerendering, native tests).
func perfNow() float64 {
	if !app.IsClient {
		return 0
	}
	return app.Window().Get("performance").Call("now").Float()
}

// perfMark adds a named mark to the page's performance timeline.
func perfMark(name string) {
	if !app.IsClient {
		return
	}
	app.Window().Get("performance").Call("mark", name)
}

// perfValue sets glossPerf[key] to v.
func perfValue(key string, v float64) {
	if !app.IsClient {
		return
	}
	glossPerf().Set(key, v)
}

// glossPerf is window.glossPerf, made on first use.
func glossPerf() app.Value {
	w := app.Window()
	p := w.Get("glossPerf")
	if !p.Truthy() {
		p = w.Get("Object").New()
		w.Set("glossPerf", p)
	}
	return p
}

// perfSince records the time since start (a perfNow value) under key:
//
//	defer perfSince("label", perfNow())
func perfSince(key string, start float64) {
	if !app.IsClient {
		return
	}
	end := perfNow()
	w := app.Window()
	p := glossPerf()
	p.Set(key, end-start)
	p.Set(key+"At", end)
	// A measure shows on the DevTools timeline; a browser without the
	// options form would throw, which must not break the action measured.
	defer func() { recover() }()
	opts := w.Get("Object").New()
	opts.Set("start", start)
	opts.Set("end", end)
	w.Get("performance").Call("measure", "gloss-"+key, opts)
}
