package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// sandboxNote is what a message about a file saved adds where Gloss runs
// in a sandboxed frame without allow-same-origin (an opaque origin, "null"):
// there the browser drops a download unless the embedding page allows
// downloads, and Gloss cannot tell (no event, only a console line), so the
// person is told why the file may be missing. "" elsewhere.
func sandboxNote() string {
	if !app.IsClient || app.Window().Get("origin").String() != "null" {
		return ""
	}
	return ` Gloss runs in a sandboxed frame here: the browser saves the file only if the page embedding it allows downloads (sandbox "allow-downloads"). If nothing was saved, ask that page's author.`
}

// sandboxNotice shows sandboxNote alone, after a download that says
// nothing otherwise.
func (a *App) sandboxNotice() {
	if n := sandboxNote(); n != "" {
		a.setNotice(n[1:])
	}
}
