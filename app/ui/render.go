package ui

import (
	"strconv"

	"gloss/app/annot"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Render draws the page. The article's paragraphs are not part of this tree:
// web/gloss.js draws them inside the stable #article element.
func (a *App) Render() app.UI {
	a.find.a = a // also when prerendered, before OnMount
	if app.IsClient && a.lib == nil {
		// go-app mounts the component before OnMount opens the library,
		// then renders it again: the empty page drawn in between was
		// built, diffed and replaced at every start, unseen (go-app's
		// loader covers it). Mount the bare shell; the first real render
		// is the page with the library and its article. The server's
		// prerendered page (no WebAssembly, robots) is unchanged.
		return app.Div().Class("shell")
	}
	if app.IsClient {
		a.ctx.Defer(func(app.Context) { a.syncFields() })
	}
	cls := "shell"
	if a.embed {
		cls += " embed"
	}
	if a.dropOver {
		cls += " dropping"
	}
	if a.showLib {
		cls += " show-lib"
	}
	return app.Div().Class(cls).Body(
		a.renderTop(),
		a.renderMessage(),
		a.renderBulk(),
		app.Div().Class("body").Body(
			a.renderLibrary(),
			app.Main().Class("article-scroll").Body(
				// The article element comes first and is never replaced:
				// go-app diffs by position and gloss.js owns its children.
				app.Div().ID("article").Class("article").
					DataSet("testid", "article").
					Lang("").
					// Focusable: the reading caret's keys work here.
					TabIndex(0).Role("region").
					Attr("aria-label", "Article text: arrow keys move the reading caret, J and K go to the next or previous annotation").
					Hidden(a.newPane || a.doc() == nil || a.editing).
					OnClick(a.onArticleClick),
				a.renderNewPane(),
				a.renderTextEditor(),
				app.If(a.editOpen && a.selected != "" && a.doc() != nil && !a.newPane && !a.editing, a.renderEditor),
			),
			a.renderSide(),
		),
		app.If(a.help, a.renderHelp),
		app.If(a.tipShown(), a.renderTip),
		// Over the article while the library pane is open on a narrow
		// window: it dims the page, and a tap on it closes the pane.
		app.If(a.showLib, func() app.UI {
			return app.Div().Class("scrim").DataSet("testid", "library-scrim").
				OnClick(func(ctx app.Context, e app.Event) { a.showLib = false })
		}),
	)
}

// icon is a button's symbol and its word; narrow screens show the symbol
// only (the button keeps the word as its aria-label).
func icon(sym, word string) app.UI {
	return app.Span().Body(
		app.Span().Attr("aria-hidden", "true").Text(sym+" "),
		app.Span().Class("lbl").Text(word),
	)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (a *App) renderSide() app.UI {
	cls := "side right"
	if a.sideTab == "annotations" {
		cls += " tab-annotations" // hides the entities panel (CSS)
	}
	open := a.doc() != nil && !a.newPane
	if !open {
		cls += " start"
	}
	return app.Aside().Class(cls).Attr("aria-label", "Labels and panels").Body(
		a.renderLabels(),
		app.If(a.comparing(), a.renderCompare),
		a.renderOrphans(),
		app.If(open, a.renderTabs),
		app.If(open && a.sideTab == "annotations", a.renderAnnotations),
		a.find.renderPanels(),
		app.If(!a.comparing(), func() app.UI { return a.later(a.renderCompare) }),
	)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// onArticleClick is the article's one delegated handler: a click on a
// drawn annotation opens its editor.
func (a *App) onArticleClick(ctx app.Context, e app.Event) {
	if sel := app.Window().Call("getSelection"); sel.Truthy() && !sel.Get("isCollapsed").Bool() {
		return // the end of a drag that selected text
	}
	m := e.Get("target").Call("closest", "mark.ann")
	if !m.Truthy() {
		a.selected = ""
		a.editOpen = false
		return
	}
	a.selected = m.Get("dataset").Get("id").String()
	a.editOpen = true
	if x, ok := a.doc().Set.Get(a.selected); ok {
		w := text.Span{Start: x.Start, End: x.End}
		a.caret = caret{on: true, anchor: w, focus: w}
	}
}

// readFilesWith reads the first file of a FileList and hands its bytes to f.
func (a *App) readFilesWith(ctx app.Context, files app.Value, f func(ctx app.Context, name string, data []byte)) {
	a.readFileAs(ctx, files, f, false)
}

// readFileAs is readFilesWith; with article, a long UTF-8 file's text is
// also kept as the JavaScript string it decodes to (readFileText), for the
// article it becomes.
func (a *App) readFileAs(ctx app.Context, files app.Value, f func(ctx app.Context, name string, data []byte), article bool) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		name := args[0].String()
		if args[1].IsNull() {
			ctx.Dispatch(func(ctx app.Context) { a.setError(name + " could not be read: " + args[2].String()) })
			return nil
		}
		b := make([]byte, args[1].Length())
		app.CopyBytesToGo(b, args[1])
		if article && len(args) > 3 {
			readFileText(b, args[3])
		}
		ctx.Dispatch(func(ctx app.Context) { f(ctx, name, b) })
		return nil
	})
	glossJS().Call("readFile", files.Index(0), cb, article)
}

var _ = annot.Annotation{}

// syncFields puts the model's values into the text fields go-app cannot
// update once a person has typed in them (it sets the value attribute, not
// the property), unless the person is typing there now.
func (a *App) syncFields() {
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	set := func(id, v string) {
		el := doc.Call("getElementById", id)
		if el.Truthy() && !el.Equal(active) && el.Get("value").String() != v {
			el.Set("value", v)
		}
	}
	if a.doc() != nil {
		set("title-input", a.doc().Meta.Title)
		if x, ok := a.doc().Set.Get(a.selected); ok {
			set("note-input", x.Note)
		}
	}
	if a.selected != a.shownSel {
		a.shownSel = a.selected
		glossJS().Call("select", a.selected)
	}
	if a.editOpen && a.selected != "" {
		glossJS().Call("place", doc.Call("getElementById", "span-editor"), a.selected)
	}
	if id := a.focusAfterRender; id != "" {
		a.focusAfterRender = ""
		if el := doc.Call("getElementById", id); el.Truthy() {
			el.Call("focus")
		}
	}
}

// itemID is the data-id of the library item holding the event's element.
// Handlers read it at event time (see the message action's comment).
func itemID(ctx app.Context) string {
	return ctx.JSSrc().Call("closest", "[data-id]").Get("dataset").Get("id").String()
}

// labelOf is the data-label of the label row holding the event's element.
func labelOf(ctx app.Context) string {
	return ctx.JSSrc().Call("closest", "[data-label]").Get("dataset").Get("label").String()
}

// pluralY counts n of a word whose plural is not word+"s".
func pluralY(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
