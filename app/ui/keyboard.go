package ui

import (
	"fmt"
	"sort"

	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Keyboard-first reading: the caret moves by word, J/K step through the
// annotations and the typed suggestions, Enter opens the span editor (or
// accepts a suggestion), Escape goes back to the text.

// target is a place J/K stop at: an annotation (id set) or a suggestion.
type target struct {
	start, end int
	id         string // annotation ID; "" for a suggestion
	label      string
}

// targets lists the annotations and the typed suggestions that are not
// labelled yet, in text order.
func (a *App) targets() []target {
	d := a.doc()
	all := d.Set.All()
	out := make([]target, 0, len(all))
	have := make(map[[2]int]bool, len(all))
	for _, x := range all {
		out = append(out, target{start: x.Start, end: x.End, id: x.ID, label: x.Label})
		have[[2]int{x.Start, x.End}] = true
	}
	if a.find.built == d.Meta.ID {
		for _, e := range a.find.ents {
			l := a.find.suggestion(e) // the type mapped onto the labels, when sure enough
			if l == "" {
				continue
			}
			for _, m := range e.Mentions {
				if !have[[2]int{m.Start, m.End}] {
					out = append(out, target{start: m.Start, end: m.End, label: l})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end > out[j].end
	})
	return out
}

// here is the keyboard position: the selected annotation, else the caret.
func (a *App) here() (start, end int, id string, ok bool) {
	if x, found := a.doc().Set.Get(a.selected); found {
		return x.Start, x.End, x.ID, true
	}
	if a.caret.on {
		s := a.caret.sel()
		return s.Start, s.End, "", true
	}
	return 0, 0, "", false
}

// jump moves to the next (d > 0) or previous target and reports whether
// there was one.
func (a *App) jump(d int) bool {
	ts := a.targets()
	if len(ts) == 0 {
		a.setNotice("No annotations or suggestions in this article yet.")
		return false
	}
	start, end, id, ok := a.here()
	i := -1
	if ok {
		cur := -1
		for k, t := range ts {
			if t.start == start && t.end == end && t.id == id {
				cur = k
				break
			}
		}
		switch {
		case cur >= 0:
			i = cur + d
		case d > 0:
			i = sort.Search(len(ts), func(k int) bool { return ts[k].start > start || ts[k].start == start && ts[k].end < end })
		default:
			i = sort.Search(len(ts), func(k int) bool { return ts[k].start >= start }) - 1
		}
	} else if d > 0 {
		i = 0
	} else {
		i = len(ts) - 1
	}
	if i < 0 || i >= len(ts) {
		if d > 0 {
			a.setNotice("That was the last annotation or suggestion.")
		} else {
			a.setNotice("That was the first annotation or suggestion.")
		}
		return false
	}
	a.goTo(ts[i])
	return true
}

// goTo puts the keyboard on a target: an annotation is selected and
// focused; a suggestion becomes the text selection, for Enter or 1–9.
func (a *App) goTo(t target) {
	w := text.Span{Start: t.start, End: t.end}
	a.caret = caret{on: true, anchor: w, focus: w}
	a.editOpen = false
	if t.id != "" {
		a.selected = t.id
		a.suggestion = target{}
		if x, ok := a.doc().Set.Get(t.id); ok {
			msg := fmt.Sprintf("“%s”, %s.", clip(x.Text, 60), x.Label)
			if x.Note != "" {
				msg += " Note: " + clip(x.Note, 200)
			}
			a.setNotice(msg + " Enter opens the editor, Delete removes it, J goes on.")
		}
		if app.IsClient {
			glossJS().Call("clearSelection")
			glossJS().Call("select", t.id)
			glossJS().Call("focusAnn", t.id)
		}
		return
	}
	a.selected = ""
	a.suggestion = t
	a.tip = tip{on: true, start: t.start, end: t.end}
	a.selectSpan(t.start, t.end)
	a.focusArticle()
	a.setNotice(fmt.Sprintf("Suggested %s: “%s”. Enter accepts it, 1–9 label it otherwise, J goes on.", t.label, clip(a.doc().X.Slice(t.start, t.end), 60)))
}

// focusArticle gives the article the keyboard focus (the caret keys work there).
func (a *App) focusArticle() {
	if app.IsClient {
		glossJS().Call("focusArticle", articleEl())
	}
}

// moveCaret handles the arrow keys in the article. A selection made with
// the mouse is extended by the browser (character by character) with
// Shift; otherwise the caret moves, or extends, by word.
func (a *App) moveCaret(key string, shift bool) bool {
	d := a.doc()
	ws := d.Words()
	if len(ws) == 0 {
		return false
	}
	c := a.caret
	if s, e, has := a.selection(); has && (!c.on || c.sel() != (text.Span{Start: s, End: e})) {
		if shift {
			return false
		}
		w, _ := wordAt(ws, s)
		c = caret{on: true, anchor: w, focus: w}
	} else if start, end, _, ok := a.here(); ok {
		if !c.on {
			w := text.Span{Start: start, End: end}
			c = caret{on: true, anchor: w, focus: w}
		}
	} else {
		// The first move shows the caret on the first word.
		c = caret{on: true, anchor: ws[0], focus: ws[0]}
		a.setCaret(c)
		return true
	}
	var next text.Span
	switch key {
	case "ArrowRight":
		next = stepWord(ws, c.focus, 1)
	case "ArrowLeft":
		next = stepWord(ws, c.focus, -1)
	case "ArrowUp", "ArrowDown":
		dir := 1
		if key == "ArrowUp" {
			dir = -1
		}
		next = a.lineWord(c.focus, dir)
	default:
		return false
	}
	if shift {
		c.focus = next
	} else {
		c = caret{on: true, anchor: next, focus: next}
	}
	a.setCaret(c)
	return true
}

// lineWord is the word one line above or below w, as laid out on screen.
func (a *App) lineWord(w text.Span, dir int) text.Span {
	d := a.doc()
	ws := d.Words()
	if app.IsClient {
		a.selectSpan(w.Start, w.End)
		if v := glossJS().Call("lineProbe", dir); v.Truthy() {
			pi, off := v.Index(0).Int(), v.Index(1).Int()
			if pi >= 0 && pi < len(d.Paras) {
				pos := d.X.FromUTF16(d.X.UTF16(d.Paras[pi].Start) + off)
				if n, ok := wordAt(ws, pos); ok && n != w {
					return n
				}
			}
		}
	}
	return stepWord(ws, w, dir)
}

// setCaret draws the caret as the selection and leaves any selected annotation.
func (a *App) setCaret(c caret) {
	a.caret = c
	a.selected = ""
	a.editOpen = false
	a.suggestion = target{}
	s := c.sel()
	a.selectSpan(s.Start, s.End)
	a.focusArticle()
}

// openEditor opens the span editor of the selected annotation and puts
// the focus in its note.
func (a *App) openEditor() {
	if a.selected == "" {
		return
	}
	a.editOpen = true
	a.focusAfterRender = "note-input"
}

// closeEditor closes the span editor and gives the focus back to its span.
func (a *App) closeEditor() {
	a.editOpen = false
	if a.selected != "" && app.IsClient {
		glossJS().Call("focusAnn", a.selected)
	}
}

// suggestionSelected reports whether the selection is the suggestion J/K
// stopped at, which Enter accepts.
func (a *App) suggestionSelected() bool {
	t := a.suggestion
	if t.label == "" {
		return false
	}
	s, e, has := a.selection()
	return has && s == t.start && e == t.end
}

// acceptSuggestion labels the suggestion under the keyboard with its type.
func (a *App) acceptSuggestion() bool {
	t := a.suggestion
	if !a.suggestionSelected() {
		return false
	}
	a.suggestion = target{}
	a.addAnnotation(t.start, t.end, t.label)
	if app.IsClient {
		glossJS().Call("clearSelection")
	}
	return true
}
