// Command wasm is Gloss in the browser: built with GOOS=js GOARCH=wasm into
// web/app.wasm. It links no server code.
package main

import (
	"gloss/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	// Go's runtime has started: the benchmark's start-up breakdown reads
	// this mark (the loader marks the wasm fetch and compile before it).
	if app.IsClient {
		app.Window().Get("performance").Call("mark", "gloss-main")
	}
	ui.Routes()
	app.RunWhenOnBrowser()
}
