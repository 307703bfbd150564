package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The first render on a start draws what a person can see and use at once:
// the top bar, the library, the article and the side's labels, tabs and
// entities. The rest of the page — the hidden new-article pane, and the
// gazetteer, export/import and compare panels, which lie below the fold on
// every screen — is mounted in the frame after first paint, before anyone
// can reach it (a scroll of 1,300 px or more, or a click on "+ New", which
// shows the pane in the render it causes anyway). go-app creates each
// element through syscall/js one attribute at a time, and V8 compiles each
// render function on its first call: ~40 of the ~160 elements of a cold
// start's first render are left for after it.
//
// On a window up to 1000 px wide (phones, small tablets) the library pane is
// hidden behind ☰ (web/gloss.css), and an embed never shows it: there its
// contents — a third of the first render's elements — are mounted with the
// rest, and ☰ pressed before that mounts them at once.
//
// body.dataset.ready says the first screen is interactive; body.dataset.complete
// (and the gloss-complete mark) that the rest is mounted too.

// restShown reports whether the parts below the first screen are rendered:
// always on the server (the prerendered page is whole), on the client once
// mountRest has run.
func (a *App) restShown() bool { return a.rest || !app.IsClient }

// later renders v once the rest of the page is mounted, and an empty,
// hidden placeholder until then (go-app diffs children by position: the
// placeholder keeps the siblings after it where they are).
func (a *App) later(v func() app.UI) app.UI {
	if a.restShown() {
		return v()
	}
	return app.Div().Hidden(true)
}

// mountRestAfterPaint mounts the rest of the page once the browser has
// painted the first screen (already there when the first screen was the
// new-article pane: then the page only says it is complete).
func (a *App) mountRestAfterPaint() {
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		a.ctx.Dispatch(func(ctx app.Context) { a.mountRest(ctx) })
		return nil
	})
	glossJS().Call("afterPaint", fn)
}

// mountRest renders the whole page from now on; the render it causes
// mounts what the first one left out.
func (a *App) mountRest(ctx app.Context) {
	a.rest = true
	a.listenStorage(ctx)
	a.roomAfterPaint()
	ctx.Defer(func(app.Context) {
		app.Window().Get("document").Get("body").Get("dataset").Set("complete", "1")
		perfMark("gloss-complete")
	})
}

// libraryNarrow is web/gloss.css's media query under which the library pane
// is hidden behind ☰.
const libraryNarrow = "(max-width: 1000px)"

// libraryBehindMenu reports whether the window is narrow enough for the
// library pane to start hidden behind ☰.
func libraryBehindMenu() bool {
	if !app.IsClient {
		return false
	}
	mm := app.Window().Get("matchMedia")
	if !mm.Truthy() {
		return false
	}
	return app.Window().Call("matchMedia", libraryNarrow).Get("matches").Bool()
}
