package ui

import (
	"fmt"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// spanEditor edits the selected annotation: its label, its note, delete,
// annotate every mention, add it to the gazetteer. It gets the annotation
// and the labels as props and reports each action through a callback; the
// page knows which annotation they apply to. gloss.js places it beside its
// span after the render (a bottom sheet on narrow screens).
type spanEditor struct {
	app.Compo

	Annotation    annot.Annotation
	Labels        annot.Labels
	OnClose       func()
	OnRelabel     func(label string)
	OnNote        func(note string)
	OnDelete      func()
	OnAnnotateAll func()
	OnGazetteer   func()
}

// Render draws the editor. Handlers read the props when they run (go-app
// keeps the first handler of a reused element, its issue #1010).
func (p *spanEditor) Render() app.UI {
	x := p.Annotation
	return app.Div().ID("span-editor").Class("editor popover").Role("dialog").
		Attr("aria-label", fmt.Sprintf("Annotation “%s”, %s", clip(x.Text, 60), x.Label)).
		DataSet("testid", "annotation-editor").DataSet("id", x.ID).Body(
		app.Div().Class("editor-head").Body(
			app.Strong().Text(fmt.Sprintf("“%s”", clip(x.Text, 80))),
			app.Button().Class("x").Title("Close (Escape)").Attr("aria-label", "Close the editor").Text("×").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnClose) }),
		),
		app.Div().Class("row").Role("group").Attr("aria-label", "Label").Body(
			app.Range(p.Labels).Slice(func(i int) app.UI {
				l := p.Labels[i]
				cls := "label-btn"
				if l.Name == x.Label {
					cls += " primary"
				}
				return app.Button().Class(cls).Style("--c", l.Color).DataSet("testid", "editor-label").
					DataSet("label", l.Name).Text(l.Name).Attr("aria-pressed", l.Name == x.Label).
					OnClick(func(ctx app.Context, e app.Event) {
						if p.OnRelabel != nil {
							p.OnRelabel(ctx.JSSrc().Get("dataset").Get("label").String())
						}
					})
			}),
		),
		app.Textarea().ID("note-input").DataSet("testid", "note-input").Placeholder("Note…").Text(x.Note).
			Attr("aria-label", "Note").
			OnChange(func(ctx app.Context, e app.Event) {
				if p.OnNote != nil {
					p.OnNote(ctx.JSSrc().Get("value").String())
				}
			}),
		app.Div().Class("row").Body(
			app.Span().Body(
				app.Button().DataSet("testid", "annotation-annotate-all").Title("Label every mention (A)").Text("Annotate all…").
					OnClick(func(ctx app.Context, e app.Event) { call(p.OnAnnotateAll) }),
				app.Button().DataSet("testid", "annotation-gazetteer").Title("Add to the gazetteer (G)").Text("+ Gazetteer").
					OnClick(func(ctx app.Context, e app.Event) { call(p.OnGazetteer) }),
			),
			app.Button().DataSet("testid", "annotation-delete").Title("Delete (Delete key)").Text("Delete").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnDelete) }),
		),
		// Offsets are for exports and tools, not for reading: one small line.
		app.P().Class("details muted").DataSet("testid", "annotation-details").
			Text(fmt.Sprintf("Characters %d–%d (code points, as exported)", x.Start, x.End)),
	)
}

// renderEditor draws the editor of the selected annotation. The callbacks
// act on the annotation selected when they run.
func (a *App) renderEditor() app.UI {
	x, ok := a.doc().Set.Get(a.selected)
	if !ok {
		return app.Div()
	}
	f := &a.find
	return &spanEditor{
		Annotation: x,
		Labels:     a.labels,
		OnClose:    a.closeEditor,
		OnRelabel:  func(label string) { a.relabel(a.selected, label) },
		OnNote:     func(note string) { a.setNote(a.selected, note) },
		OnDelete:   func() { a.removeAnnotation(a.selected) },
		OnAnnotateAll: func() {
			if x, ok := f.selectedAnnotation(); ok {
				f.startReview(x.Text, x.Label, f.mentionsOf(x))
			}
		},
		OnGazetteer: func() {
			if x, ok := f.selectedAnnotation(); ok {
				f.addToGazetteer(x)
			}
		},
	}
}
