//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Handler returns the go-app handler settings the command line renders
// pages and writes the static site from. It is not in the wasm build:
// app.wasm is built with a go-app without its server half (tools/wasmdeps),
// and the page needs only the routes and the Version they share.
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
		// wasm-start.js, first, starts fetching and compiling app.wasm
		// before app.js runs (a plain script is requested first and at high
		// priority; as async it came last and ran ~100 ms later).
		Scripts: []string{"/web/wasm-start.js", "/web/boot.js", "/web/gloss.js"},
		// The SVG icon is not in go-app's default list; offline pages
		// show it as the favicon.
		// The lexicon is fetched after first paint; caching it keeps
		// typed suggestions offline. So is the extraction worker (web
		// pages and Markdown), with the Go runtime's wasm_exec.js it loads.
		CacheableResources: []string{"/web/icon.svg", "/web/lexicon.txt",
			"/web/extract-worker.js", "/web/extract.wasm"},
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + metaPolicy + `">`,
		},
		ServiceWorkerTemplate: ServiceWorker,
	}
}
