package ui

import (
	"fmt"

	"gloss/app/annot"
	"gloss/app/store"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Editing the article text: annotations are found again from their quote
// and context (annot.Reanchor); those that cannot be placed confidently are
// kept as orphans for the person to place or drop, never moved silently.

// orphans returns the open article's unplaced annotations.
func (a *App) orphans() []annot.Orphan {
	if a.doc == nil {
		return nil
	}
	return a.doc.orphans
}

// saveOrphans stores an article's orphans with it.
func (a *App) saveOrphans(id string, os []annot.Orphan) {
	if err := a.lib.SaveOrphans(id, os, now()); err != nil {
		a.storageError(err)
		return
	}
	if a.doc != nil && a.doc.meta.ID == id {
		a.doc.orphans = os
	}
}

// replaceText makes newText the open article's text, re-anchoring its
// annotations, as one undoable step.
func (a *App) replaceText(ctx app.Context, newText string, why string) {
	d := a.doc
	if d == nil {
		return
	}
	if newText == d.text {
		return
	}
	id := d.meta.ID
	oldText, oldAnns, oldOrphans := d.text, d.set.All(), a.orphans()
	placed, lost := annot.Reanchor(oldText, newText, oldAnns)
	apply := func(t string, as []annot.Annotation, os []annot.Orphan) bool {
		// Text, annotations and orphans switch as one change.
		if err := a.lib.Update(id, store.Change{Text: &t, Annotations: &as, Orphans: &os}, now()); err != nil {
			a.storageError(err)
			return false
		}
		a.metas = a.lib.List()
		a.open(ctx, id)
		return true
	}
	if !apply(newText, placed, append(oldOrphans, lost...)) {
		return
	}
	a.hist.push(step{name: why,
		undo: func() { apply(oldText, oldAnns, oldOrphans) },
		redo: func() { apply(newText, placed, append(oldOrphans, lost...)) },
	})
	msg := fmt.Sprintf("Text saved: %d annotation(s) found again.", len(placed))
	if len(lost) > 0 {
		msg += fmt.Sprintf(" %d could not be placed confidently and are listed under Orphans: place or drop them.", len(lost))
		a.msg = notice{Text: msg, Error: true}
		return
	}
	a.setNotice(msg)
}

// placeOrphan labels the current selection with the orphan's label and note.
func (a *App) placeOrphan(i int) {
	os := a.orphans()
	if i < 0 || i >= len(os) {
		return
	}
	start, end, ok := a.selection()
	if !ok {
		a.setNotice("Select where “" + clip(os[i].Text, 40) + "” belongs in the article, then press Place.")
		return
	}
	o := os[i]
	id := a.doc.meta.ID
	err := a.changeAnnotations("place orphan", func(s *annot.Set) error {
		_, err := s.Add(annot.Annotation{Start: start, End: end, Label: o.Label, Note: o.Note, Text: a.doc.x.Slice(start, end)})
		return err
	})
	if err == nil {
		a.saveOrphans(id, append(os[:i:i], os[i+1:]...))
		if app.IsClient {
			glossJS().Call("clearSelection")
		}
	}
}

func (a *App) dropOrphan(i int) {
	os := a.orphans()
	if i < 0 || i >= len(os) {
		return
	}
	id := a.doc.meta.ID
	a.saveOrphans(id, append(os[:i:i], os[i+1:]...))
	a.hist.push(step{name: "drop orphan",
		undo: func() { a.saveOrphans(id, os) },
		redo: func() { a.saveOrphans(id, append(os[:i:i], os[i+1:]...)) },
	})
}

func (a *App) renderTextEditor() app.UI {
	if a.doc == nil || !a.editing {
		return app.Div().Hidden(true)
	}
	return app.Section().Class("new").Body(
		app.H2().Text("Edit the article text"),
		app.P().Class("muted").Text("Annotations are found again from their text and context when you save; any that cannot be placed are listed under Orphans."),
		app.Textarea().ID("text-editor").DataSet("testid", "text-editor").Text(a.doc.text).Attr("aria-label", "Article text"),
		app.Div().Class("row").Body(
			app.Button().Class("primary").DataSet("testid", "text-save").Text("Save text").
				OnClick(func(ctx app.Context, e app.Event) {
					v := app.Window().GetElementByID("text-editor").Get("value").String()
					a.editing = false
					a.replaceText(ctx, text.Normalize(v), "edit text")
					a.ctx.Defer(func(ctx app.Context) { a.draw() })
				}),
			app.Button().DataSet("testid", "text-cancel").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { a.editing = false }),
		),
	)
}

func (a *App) renderOrphans() app.UI {
	os := a.orphans()
	if len(os) == 0 {
		return app.Div()
	}
	return app.Div().DataSet("testid", "orphans").Body(
		app.H2().Text(fmt.Sprintf("Orphans %d", len(os))),
		app.Ul().Class("ents").Body(
			app.Range(os).Slice(func(i int) app.UI {
				o := os[i]
				return app.Li().DataSet("testid", "orphan").Body(
					app.Span().Class("lab").Style("--c", a.labels.Color(o.Label)).Text(o.Label),
					app.Span().Title(o.Reason).Text("“"+clip(o.Text, 40)+"”"),
					app.Button().DataSet("testid", "orphan-place").Title("Place at the selected text").Text("Place").
						OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
						OnClick(func(ctx app.Context, e app.Event) { a.placeOrphan(i) }),
					app.Button().DataSet("testid", "orphan-drop").Title("Drop").Text("×").
						OnClick(func(ctx app.Context, e app.Event) { a.dropOrphan(i) }),
				)
			}),
		),
	)
}
