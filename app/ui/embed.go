package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

func (a *App) startEmbed(ctx app.Context) {}
func (a *App) notifyChanged()             {}
