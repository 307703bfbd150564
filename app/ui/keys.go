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
	{"1 … 9", "label the selected text with that label (or relabel the selected annotation)"},
	{"Shift + arrows", "extend the selection with the keyboard"},
	{"Delete / Backspace", "delete the selected annotation"},
	{"Ctrl + Z", "undo"},
	{"Ctrl + Shift + Z, Ctrl + Y", "redo"},
	{"/ or Ctrl + F", "search the article"},
	{"↓ ↑ in search", "choose a result"},
	{"Enter / Shift + Enter", "next / previous mention of the chosen result"},
	{"Escape", "clear the search, close editors and this help"},
	{"A", "annotate all mentions of the chosen result, entity or annotation (review list)"},
	{"Y / N (or A / R) in review", "accept / reject the current mention; Enter applies, Escape cancels"},
	{"E", "focus the entities panel; ↓ ↑ move, Enter highlights"},
	{"G", "add the selected annotation to the gazetteer"},
	{"] / [", "next / previous article in the library (as filtered)"},
	{"T", "next article to do"},
	{"S", "next status of this article: to do, in progress, done"},
	{"D", "mark this article done (again: back to in progress)"},
	{"?", "show these shortcuts"},
}

// listen wires the page-wide listeners: keys, other tabs' storage writes,
// files dropped anywhere on the page.
func (a *App) listen(ctx app.Context) {
	on := func(target app.Value, event string, f func(e app.Value)) {
		fn := app.FuncOf(func(this app.Value, args []app.Value) any {
			f(args[0])
			return nil
		})
		a.jsFuncs = append(a.jsFuncs, fn)
		target.Call("addEventListener", event, fn)
	}
	win := app.Window()
	on(win, "keydown", func(e app.Value) {
		if a.onKey(ctx, e) {
			e.Call("preventDefault")
		}
	})
	on(win, "storage", func(e app.Value) {
		k := e.Get("key")
		if k.IsNull() || store.IsKey(k.String()) {
			ctx.Dispatch(func(ctx app.Context) { a.reloadFromStorage(ctx) })
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

// onKey handles a keydown anywhere on the page and reports whether it used it.
func (a *App) onKey(ctx app.Context, e app.Value) bool {
	key := e.Get("key").String()
	ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	shift := e.Get("shiftKey").Bool()
	tag := strings.ToUpper(e.Get("target").Get("tagName").String())
	typing := tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || e.Get("target").Get("isContentEditable").Truthy()
	if typing {
		if a.find.onKeyTyping(ctx, e, key, shift) {
			return true
		}
		if key == "Escape" {
			e.Get("target").Call("blur")
			return true
		}
		return false
	}
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
	case key == "?":
		ctx.Dispatch(func(ctx app.Context) { a.help = !a.help })
	case key == "Escape":
		ctx.Dispatch(func(ctx app.Context) {
			a.help = false
			a.selected = ""
			a.find.clear()
			if app.IsClient {
				glossJS().Call("clearSelection")
			}
		})
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
	case (key == "s" || key == "S") && a.doc != nil && !a.newPane:
		ctx.Dispatch(func(ctx app.Context) { a.setStatus(a.doc.meta.ID, listing.Cycle(statusOf(a.doc.meta))) })
	case (key == "d" || key == "D") && a.doc != nil && !a.newPane:
		ctx.Dispatch(func(ctx app.Context) {
			s := store.StatusDone
			if statusOf(a.doc.meta) == store.StatusDone {
				s = store.StatusInProgress
			}
			a.setStatus(a.doc.meta.ID, s)
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
