package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// helpDialog lists the keyboard shortcuts. It takes the focus when it
// opens and gives it back to where it was when it closes (WCAG 2.4.3,
// focus order); closing is the page's to decide (OnClose, or the page's
// Escape and ? keys), which drops the dialog from the tree.
type helpDialog struct {
	app.Compo

	Shortcuts []shortcut
	OnClose   func()

	back app.Value // where the focus was when the dialog opened
}

// OnMount moves the focus into the dialog, once it is drawn.
func (d *helpDialog) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	d.back = app.Window().Get("document").Get("activeElement")
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("help-dialog"); el.Truthy() {
			el.Call("focus")
		}
	})
}

// OnDismount gives the focus back, if that element is still in the page.
func (d *helpDialog) OnDismount() {
	if app.IsClient && d.back != nil && d.back.Truthy() && d.back.Get("isConnected").Bool() {
		d.back.Call("focus")
	}
	d.back = nil
}

// Render draws the dialog.
func (d *helpDialog) Render() app.UI {
	return app.Div().ID("help-dialog").Class("help").Role("dialog").DataSet("testid", "help").
		Attr("aria-labelledby", "help-title").Attr("aria-modal", "true").TabIndex(-1).Body(
		app.Div().Class("help-head").Body(
			app.H2().ID("help-title").Text("Keyboard shortcuts"),
			app.Button().DataSet("testid", "help-close").Text("Close").OnClick(func(ctx app.Context, e app.Event) {
				if d.OnClose != nil {
					d.OnClose()
				}
			}),
		),
		app.Table().Body(
			app.Range(d.Shortcuts).Slice(func(i int) app.UI {
				return app.Tr().Body(app.Td().Body(app.Kbd().Text(d.Shortcuts[i].Keys)), app.Td().Text(d.Shortcuts[i].What))
			}),
		),
	)
}

func (a *App) toggleHelp() { a.help = !a.help }

func (a *App) closeHelp() { a.help = false }

func (a *App) renderHelp() app.UI {
	return &helpDialog{Shortcuts: shortcuts, OnClose: a.closeHelp}
}
