package ui

import (
	"gloss/app/annot"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Editing the article text: annotations are found again from their quote
// and context (annot.Reanchor); those that cannot be placed confidently are
// kept as orphans for the person to place or drop, never moved silently.

// orphans returns the open article's unplaced annotations.
func (a *App) orphans() []annot.Orphan {
	if a.doc() == nil {
		return nil
	}
	return a.doc().Orphans
}

// replaceText makes newText the open article's text, re-anchoring its
// annotations, as one undoable step (session.EditText).
func (a *App) replaceText(ctx app.Context, newText string) {
	prev := a.doc()
	if prev == nil {
		return
	}
	r, err := a.s.EditText(newText)
	a.after(prev)
	if err != nil {
		a.failed(err)
		return
	}
	if len(r.Orphans) > 0 {
		a.setError(r.Message())
		return
	}
	a.setNotice(r.Message())
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
	prev := a.doc()
	err := a.s.PlaceOrphan(i, start, end)
	a.after(prev)
	if err != nil {
		a.failed(err)
		return
	}
	if app.IsClient {
		glossJS().Call("clearSelection")
	}
}

func (a *App) dropOrphan(i int) {
	prev := a.doc()
	if err := a.s.DropOrphan(i); err != nil {
		a.failed(err)
	}
	a.after(prev)
}

func (a *App) renderTextEditor() app.UI {
	if a.doc() == nil || !a.editing {
		return app.Div().Hidden(true)
	}
	return a.renderTextEditorShown()
}

// renderTextEditorShown is the editor itself, apart so that V8 compiles it
// when first shown, not in every start's first render.
func (a *App) renderTextEditorShown() app.UI {
	return app.Section().Class("new").Body(
		app.H2().Text("Edit the article text"),
		app.P().Class("muted").Text("Annotations are found again from their text and context when you save; any that cannot be placed are listed under Orphans."),
		app.Textarea().ID("text-editor").DataSet("testid", "text-editor").Text(a.doc().Text).Attr("aria-label", "Article text"),
		app.Div().Class("row").Body(
			app.Button().Class("primary").DataSet("testid", "text-save").Text("Save text").
				OnClick(func(ctx app.Context, e app.Event) {
					v := app.Window().GetElementByID("text-editor").Get("value").String()
					a.editing = false
					a.replaceText(ctx, text.CleanArticle(v))
					a.ctx.Defer(func(ctx app.Context) { a.draw() })
				}),
			app.Button().DataSet("testid", "text-cancel").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { a.editing = false }),
		),
	)
}

// renderOrphans draws the open article's orphans, if any.
func (a *App) renderOrphans() app.UI {
	os := a.orphans()
	if len(os) == 0 {
		return app.Div()
	}
	return &orphansPanel{Orphans: os, Labels: a.labels, OnPlace: a.placeOrphan, OnDrop: a.dropOrphan}
}
