package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The help dialog takes the focus when it opens and gives it back to
// where it was when it closes (WCAG 2.4.3, focus order).

func (a *App) toggleHelp() {
	if a.help {
		a.closeHelp()
		return
	}
	a.help = true
	if app.IsClient {
		a.helpReturn = app.Window().Get("document").Get("activeElement")
	}
	a.focusAfterRender = "help-dialog"
}

func (a *App) closeHelp() {
	a.help = false
	if app.IsClient && a.helpReturn != nil && a.helpReturn.Truthy() && a.helpReturn.Get("isConnected").Bool() {
		a.helpReturn.Call("focus")
	}
	a.helpReturn = nil
}
