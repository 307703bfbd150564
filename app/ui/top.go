package ui

import (
	"gloss/app/listing"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// topBar is the bar over the page: the library toggle (narrow screens),
// the open article's title (editable) and status, the search box, undo and
// redo, edit text, new article and help. It gets what it shows as props,
// the search box as a drawn element, and reports every button through a
// callback.
type topBar struct {
	app.Compo

	Title        string       // the open article's title
	Open         bool         // an article is open, not the new-article pane
	Status       store.Status // the open article's status
	Editing      bool         // the text editor is open: no Edit text button
	Embed        bool         // embedded in a host page: no New button
	LibraryShown bool         // the library is open over the page (narrow screens)
	CanUndo      bool
	CanRedo      bool
	Search       app.UI // the search box, between the title and Undo

	OnLibrary func()
	OnRename  func(title string)
	OnUndo    func()
	OnRedo    func()
	OnStatus  func() // the status button: the next status
	OnEdit    func()
	OnNew     func()
	OnHelp    func()
}

// Render draws the bar.
func (p *topBar) Render() app.UI {
	search := p.Search
	if search == nil {
		search = app.Span()
	}
	return app.Header().Class("top").Body(
		app.Span().Class("brand").Text("Gloss"),
		app.Button().Class("lib-toggle").DataSet("testid", "library-toggle").Title("Library and backup").Attr("aria-label", "Library").Attr("aria-expanded", p.LibraryShown).Text("☰").
			OnClick(func(ctx app.Context, e app.Event) { call(p.OnLibrary) }),
		app.If(p.Open, func() app.UI {
			return app.Input().Type("text").ID("title-input").Class("title-input").
				DataSet("testid", "title-input").
				Attr("aria-label", "Article title").
				Value(p.Title).
				OnChange(func(ctx app.Context, e app.Event) {
					if p.OnRename != nil {
						p.OnRename(ctx.JSSrc().Get("value").String())
					}
				})
		}).Else(func() app.UI { return app.Span().Class("title-input muted").Text("New article") }),
		search,
		app.Button().DataSet("testid", "undo").Title("Undo (Ctrl+Z)").Attr("aria-label", "Undo").Body(icon("↶", "Undo")).
			Disabled(!p.CanUndo).OnClick(func(ctx app.Context, e app.Event) { call(p.OnUndo) }),
		app.Button().DataSet("testid", "redo").Title("Redo (Ctrl+Shift+Z)").Attr("aria-label", "Redo").Body(icon("↷", "Redo")).
			Disabled(!p.CanRedo).OnClick(func(ctx app.Context, e app.Event) { call(p.OnRedo) }),
		app.If(p.Open, func() app.UI {
			s := p.Status
			if s == "" {
				s = store.StatusToDo
			}
			return app.Button().Class("status st-"+string(s)).DataSet("testid", "status").
				Title("Status of this article (S: next status, D: done)").Text(s.String()).
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnStatus) })
		}),
		app.If(p.Open && !p.Editing, func() app.UI {
			return app.Button().DataSet("testid", "edit-text").Title("Edit the article text").Attr("aria-label", "Edit text").Body(icon("✎", "Edit text")).
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnEdit) })
		}),
		app.If(!p.Embed, func() app.UI {
			return app.Button().DataSet("testid", "new-article").Title("New article").Attr("aria-label", "New article").Body(icon("+", "New")).
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnNew) })
		}),
		app.Button().DataSet("testid", "help").Title("Keyboard shortcuts (?)").Attr("aria-label", "Keyboard shortcuts").Text("?").
			Attr("aria-haspopup", "dialog").
			OnClick(func(ctx app.Context, e app.Event) { call(p.OnHelp) }),
	)
}

// renderTop draws the top bar over the page's state.
func (a *App) renderTop() app.UI {
	open := a.doc() != nil && !a.newPane
	p := &topBar{
		Open: open, Editing: a.editing, Embed: a.embed, LibraryShown: a.showLib,
		CanUndo: a.s != nil && a.s.CanUndo(), CanRedo: a.s != nil && a.s.CanRedo(),
		Search:    a.find.renderSearch(),
		OnLibrary: func() { a.showLib = !a.showLib },
		OnRename: func(title string) {
			if a.doc() != nil {
				a.rename(a.doc().Meta.ID, title)
			}
		},
		OnUndo: a.undo,
		OnRedo: a.redo,
		OnStatus: func() {
			if a.doc() != nil {
				a.setStatus(a.doc().Meta.ID, listing.Cycle(statusOf(a.doc().Meta)))
			}
		},
		OnEdit: func() { a.editing = true; a.selected = ""; a.editOpen = false },
		OnNew: func() {
			a.newPane = true
			a.editing = false
			a.selected = ""
			a.editOpen = false
			a.focusAfterRender = "paste-input"
		},
		OnHelp: a.toggleHelp,
	}
	if open {
		p.Title, p.Status = a.doc().Meta.Title, statusOf(a.doc().Meta)
	}
	return p
}
