package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// App is the whole page.
type App struct{ app.Compo }

// Render draws the page.
func (a *App) Render() app.UI { return app.Div() }
