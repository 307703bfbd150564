// Command wasm is Gloss in the browser: built with GOOS=js GOARCH=wasm into
// web/app.wasm. It links no server code.
package main

import (
	"gloss/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
