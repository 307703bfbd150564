// Package ui is Gloss in the browser: the go-app components, the routes, the
// Handler settings shared by the wasm program and the command line, the
// localStorage backend and the embed bridge.
package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Version is the app's version, shown in the page and sent in gloss:ready.
const Version = "0.1.0"

// Handler returns the go-app handler settings both programs share: the wasm
// program needs the same routes, the command line renders pages and writes
// the static site from it.
func Handler() *app.Handler {
	return &app.Handler{
		Name:            "Gloss",
		ShortName:       "Gloss",
		Title:           "Gloss — article annotator",
		Description:     "Annotate people, organisations and places in news articles, in your browser.",
		BackgroundColor: "#fbfaf7",
		ThemeColor:      "#1f3a5f",
		LoadingLabel:    "Gloss is loading… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/gloss.css"},
		// boot.js must run before go-app touches localStorage: plain
		// scripts run while the page is parsed, app.js is deferred.
		Scripts: []string{"/web/boot.js", "/web/gloss.js"},
	}
}

// Routes registers the app's pages. Both mains call it before app.RunWhenOnBrowser
// or before serving, so they agree on which paths exist.
func Routes() {
	app.Route("/", func() app.Composer { return &App{} })
}
