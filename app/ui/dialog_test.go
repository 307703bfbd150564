package ui

import (
	"strings"
	"testing"
)

// The help dialog is a labelled modal dialog listing every shortcut it is
// given, with a way out.
func TestHelpDialog(t *testing.T) {
	html := render(t, &helpDialog{Shortcuts: shortcuts})
	for _, want := range [][]string{
		{`role="dialog"`, "aria-modal", `aria-labelledby="help-title"`, `tabindex="-1"`},
		{`<h2 id="help-title">Keyboard shortcuts</h2>`},
		{`<button data-testid="help-close">Close</button>`},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<kbd>"); n != len(shortcuts) || n == 0 {
		t.Errorf("%d shortcuts drawn of %d", n, len(shortcuts))
	}
}
