package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// messageBar is the page's message area: a notice or an error, up to two
// buttons that act on it, and the offer to reload for a new version. Errors
// interrupt (role alert); notices are announced politely (role status). It
// gets what to say as props and reports the buttons through callbacks.
type messageBar struct {
	app.Compo

	Text      string
	Error     bool
	Busy      bool   // shows an indeterminate progress bar before the text
	Action    string // the first button's word, "" for none
	Extra     string // the second button's word, "" for none
	Update    bool   // a new version of the app is ready
	OnAction  func(ctx app.Context)
	OnExtra   func(ctx app.Context)
	OnDismiss func()
}

// Render draws the bar. Handlers read the props when they run (go-app
// keeps the first handler of a reused element, its issue #1010).
func (p *messageBar) Render() app.UI {
	cls, role := "message", "status"
	if p.Error {
		cls, role = "message error", "alert"
	}
	return app.Div().Class(cls).Role(role).DataSet("testid", "message").Body(
		app.If(p.Update, func() app.UI {
			return app.Span().Body(
				app.Text("A new version of Gloss is ready. "),
				app.Button().DataSet("testid", "update").Text("Reload").
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.If(p.Busy && p.Text != "", func() app.UI {
			return app.Progress().DataSet("testid", "message-busy").Attr("aria-label", p.Text)
		}),
		app.If(p.Text != "", func() app.UI {
			return app.Span().DataSet("testid", "message-text").Text(p.Text)
		}),
		app.If(p.Action != "", func() app.UI {
			return app.Button().DataSet("testid", "message-action").Text(p.Action).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnAction != nil {
						p.OnAction(ctx)
					}
				})
		}),
		app.If(p.Extra != "", func() app.UI {
			return app.Button().DataSet("testid", "message-extra").Text(p.Extra).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnExtra != nil {
						p.OnExtra(ctx)
					}
				})
		}),
		app.If(p.Text != "", func() app.UI {
			return app.Button().Class("x").Title("Dismiss").Text("×").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnDismiss) })
		}),
	)
}

// renderMessage draws the message bar over the page's notice. Its buttons
// run the notice shown when they are pressed.
func (a *App) renderMessage() app.UI {
	return &messageBar{
		Text:   a.msg.Text,
		Error:  a.msg.Error,
		Busy:   a.msg.Busy,
		Action: a.msg.Action,
		Extra:  a.msg.Extra,
		Update: a.update,
		OnAction: func(ctx app.Context) {
			if a.msg.do != nil {
				a.msg.do(ctx)
			}
		},
		OnExtra: func(ctx app.Context) {
			if a.msg.extra != nil {
				a.msg.extra(ctx)
			}
		},
		OnDismiss: func() { a.msg = notice{} },
	}
}
