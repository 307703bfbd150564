package ui

import (
	"net/url"
	"strings"

	"gloss/app/listing"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shortcut is one keyboard shortcut, listed by the ? help.
type shortcut struct{ Keys, What string }

var shortcuts = []shortcut{
	{"1 … 9", "label the selected text, the caret's word or the search hit (or relabel the selected annotation)"},
	{"← → in the article", "move the reading caret by word (↑ ↓ by line); Tab to the article first"},
	{"Shift + arrows", "extend the selection from the caret by word (by character from a mouse selection)"},
	{"J / K", "next / previous annotation or suggestion"},
	{"Enter on an annotation", "open its editor (note, label, delete); Enter on a suggestion accepts it"},
	{"Delete / Backspace", "delete the selected annotation"},
	{"Ctrl + Z", "undo"},
	{"Ctrl + Shift + Z, Ctrl + Y", "redo"},
	{"/ or Ctrl + F", "search the article"},
	{"↓ ↑ in search", "choose a result"},
	{"Enter / Shift + Enter in search", "select the next / previous mention of the chosen result, in the text: 1–9 label it"},
	{"N / P", "next / previous mention of the chosen result"},
	{"Ctrl + Enter in search", "annotate all mentions of the chosen result (review list)"},
	{"Escape", "close the editor or this help, then clear the search and go back to the text"},
	{"A", "annotate all mentions of the chosen result, entity or annotation, or every suggestion of the type chosen in the entities panel (review list)"},
	{"Y / N (or A / R) in review", "accept / reject the current mention; Enter applies, Escape cancels"},
	{"E", "focus the entities panel; ↓ ↑ move, Enter highlights"},
	{"G", "add the selected annotation to the gazetteer"},
	{"] / [", "next / previous article in the library (as filtered)"},
	{"T", "next article to do"},
	{"S", "next status of this article: to do, in progress, done"},
	{"D", "mark this article done (again: back to in progress)"},
	{"Ctrl + Enter in the paste box", "load the pasted text"},
	{"J / K when comparing", "next / previous difference with a colleague's annotations"},
	{"Y / N when comparing", "take theirs / keep mine for the current difference (undo with Ctrl+Z)"},
	{"?", "show these shortcuts"},
}

// listen wires the page-wide listeners: keys and files dropped anywhere on
// the page. Other tabs' storage writes are listened to after the first
// paint (listenStorage).
func (a *App) listen(ctx app.Context) {
	on := a.on
	win := app.Window()
	on(win, "keydown", func(e app.Value) {
		if a.onKey(ctx, e) {
			e.Call("preventDefault")
		}
	})
	on(win, "dragover", func(e app.Value) {
		e.Call("preventDefault")
		if !a.dropOver {
			ctx.Dispatch(func(ctx app.Context) { a.dropOver = true })
		}
	})
	on(win, "dragleave", func(e app.Value) {
		if e.Get("relatedTarget").IsNull() {
			ctx.Dispatch(func(ctx app.Context) { a.dropOver = false })
		}
	})
	on(win, "paste", a.onPaste)
	on(win, "drop", func(e app.Value) {
		e.Call("preventDefault")
		// Walk dropped folders before the drop event ends (its items die with it).
		var got app.Func
		got = app.FuncOf(func(this app.Value, args []app.Value) any {
			got.Release()
			files, folder := args[0], args[1].Bool()
			ctx.Dispatch(func(ctx app.Context) {
				a.dropOver = false
				if folder {
					a.importMany(ctx, files)
					return
				}
				a.readFiles(ctx, files)
			})
			return nil
		})
		glossJS().Call("droppedFiles", e.Get("dataTransfer"), got)
	})
}

// on adds a listener for event to target, released with the app.
func (a *App) on(target app.Value, event string, f func(e app.Value)) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		f(args[0])
		return nil
	})
	a.jsFuncs = append(a.jsFuncs, fn)
	target.Call("addEventListener", event, fn)
}

// listenStorage listens to other tabs' storage writes from the first paint
// on, and applies those made since the library was read, which no event
// will tell. Chromium makes the first "storage" listener of a page wait for
// the browser process (traced in warm starts: 1.3-16 ms inside
// addEventListener, the longest single call before the first draw).
func (a *App) listenStorage(ctx app.Context) {
	a.on(app.Window(), "storage", func(e app.Value) {
		k := e.Get("key")
		// A part of a long value is followed by its head, written last:
		// one reload for the value, not one per part.
		if k.IsNull() || store.IsKey(k.String()) && !store.IsPart(k.String()) {
			ctx.Dispatch(func(ctx app.Context) { a.reloadFromStorage(ctx) })
		}
	})
	a.reload(false)
}

// onKey handles a keydown anywhere on the page and reports whether it used it.
func (a *App) onKey(ctx app.Context, e app.Value) bool {
	key := e.Get("key").String()
	ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	shift := e.Get("shiftKey").Bool()
	tg := e.Get("target")
	tag := strings.ToUpper(tg.Get("tagName").String())
	typing := tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || tg.Get("isContentEditable").Truthy()
	if typing {
		if a.find.onKeyTyping(ctx, e, key, shift) {
			return true
		}
		id := tg.Get("id").String()
		switch {
		case id == "paste-input" && key == "Enter" && ctrl:
			v := readText(tg.Get("value"))
			ctx.Dispatch(func(ctx app.Context) { a.loadPaste(ctx, v) })
			return true
		case key == "Escape" && tg.Call("closest", "#span-editor").Truthy():
			// Leaving the note keeps it (its change event fires on blur).
			tg.Call("blur")
			ctx.Dispatch(func(ctx app.Context) { a.closeEditor() })
			return true
		case key == "Escape":
			tg.Call("blur")
			return true
		}
		return false
	}
	if (key == "Enter" || key == " ") && (tag == "BUTTON" || tag == "A") {
		return false // the focused control acts on it (a click)
	}
	inArticle := a.doc() != nil && !a.newPane && !a.editing && tg.Call("closest", "#article").Truthy()
	used := true
	switch {
	case ctrl && (key == "z" || key == "Z") && !shift:
		ctx.Dispatch(func(ctx app.Context) { a.undo() })
	case ctrl && ((key == "z" || key == "Z") && shift || key == "y"):
		ctx.Dispatch(func(ctx app.Context) { a.redo() })
	case ctrl && key == "f", !ctrl && key == "/":
		a.find.focusSearch()
	case ctrl || e.Get("altKey").Bool():
		used = false
	case a.find.reviewing() && a.find.onReviewKey(ctx, key, shift):
	case a.onCompareKey(ctx, key):
	case key == "?":
		ctx.Dispatch(func(ctx app.Context) { a.toggleHelp() })
	case key == "Escape" && a.help:
		ctx.Dispatch(func(ctx app.Context) { a.closeHelp() })
	case key == "Escape" && a.editOpen:
		ctx.Dispatch(func(ctx app.Context) { a.closeEditor() })
	case key == "Escape" && a.showLib:
		ctx.Dispatch(func(ctx app.Context) { a.showLib = false })
	case key == "Escape":
		ctx.Dispatch(func(ctx app.Context) {
			a.selected = ""
			a.suggestion = target{}
			a.find.clear()
			if app.IsClient {
				glossJS().Call("clearSelection")
			}
			a.focusArticle()
		})
	case inArticle && (key == "ArrowLeft" || key == "ArrowRight" || key == "ArrowUp" || key == "ArrowDown"):
		if !a.moveCaret(key, shift) {
			return false
		}
	case a.doc() != nil && !a.newPane && (key == "j" || key == "J" || key == "k" || key == "K"):
		d := 1
		if key == "k" || key == "K" {
			d = -1
		}
		ctx.Dispatch(func(ctx app.Context) { a.jump(d) })
	case key == "Enter" && a.selected != "" && !a.editOpen:
		ctx.Dispatch(func(ctx app.Context) { a.openEditor() })
	case key == "Enter" && a.suggestionSelected():
		// In a dispatch, as every change: then go-app draws what the label
		// changed beside the article (the counts, the panels).
		ctx.Dispatch(func(ctx app.Context) { a.acceptSuggestion() })
	case len(key) == 1 && key >= "1" && key <= "9":
		i := int(key[0] - '1')
		ctx.Dispatch(func(ctx app.Context) {
			if a.labelSelection(i) {
				return
			}
			if a.selected != "" && i < len(a.labels) {
				a.relabel(a.selected, a.labels[i].Name)
			}
		})
	case key == "]" || key == "[":
		by := map[string]int{"]": 1, "[": -1}[key]
		ctx.Dispatch(func(ctx app.Context) { a.goArticle(ctx, by, false) })
	case key == "t" || key == "T":
		ctx.Dispatch(func(ctx app.Context) { a.goArticle(ctx, 1, true) })
	case (key == "s" || key == "S") && a.doc() != nil && !a.newPane:
		ctx.Dispatch(func(ctx app.Context) { a.setStatus(a.doc().Meta.ID, listing.Cycle(statusOf(a.doc().Meta))) })
	case (key == "d" || key == "D") && a.doc() != nil && !a.newPane:
		ctx.Dispatch(func(ctx app.Context) {
			s := store.StatusDone
			if statusOf(a.doc().Meta) == store.StatusDone {
				s = store.StatusInProgress
			}
			a.setStatus(a.doc().Meta.ID, s)
		})
	case (key == "Delete" || key == "Backspace") && a.selected != "":
		id := a.selected
		ctx.Dispatch(func(ctx app.Context) { a.removeAnnotation(id) })
	default:
		used = a.find.onKey(ctx, key, shift)
	}
	return used
}

// fragmentValue reads key=value from a fragment like "doc=x&embed".
func fragmentValue(fragment, key string) string {
	for _, part := range strings.Split(fragment, "&") {
		if k, v, ok := strings.Cut(part, "="); ok && k == key {
			if u, err := url.QueryUnescape(v); err == nil {
				return u
			}
			return v
		}
	}
	return ""
}

// setFragment keeps the app state in the URL fragment (the service worker
// matches whole URLs, so the query must stay the same for offline reloads).
func setFragment(f string) {
	if !app.IsClient {
		return
	}
	loc := app.Window().Get("location")
	u := loc.Get("pathname").String() + loc.Get("search").String()
	if f != "" {
		u += "#" + f
	}
	app.Window().Get("history").Call("replaceState", nil, "", u)
}
