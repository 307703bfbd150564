package ui

import (
	"strings"
	"testing"
)

// The new-article pane offers the paste box, a file and a folder, says
// when files are dragged over, and offers the way back only when an
// article is open behind it; hidden, it stays in the page.
func TestNewArticlePane(t *testing.T) {
	html := render(t, &newArticlePane{Dropping: true, CanBack: true})
	for _, want := range [][]string{
		{`data-testid="new-form"`, `hidden="false"`},
		{`data-testid="paste-input"`, `id="paste-input"`},
		{`data-testid="paste-load"`},
		{`data-testid="file-input"`, "multiple", ".jsonld"},
		{`data-testid="folder-input"`, "multiple"},
		{`class="drop over"`},
		{"Back to the article"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	html = render(t, &newArticlePane{Hidden: true})
	if hasLine(html, `data-testid="new-form"`, `hidden="false"`) || !strings.Contains(html, `data-testid="paste-input"`) ||
		strings.Contains(html, "Back to the article") || !hasLine(html, `class="drop"`) {
		t.Errorf("hidden, nothing open behind:\n%s", html)
	}
}
