package ui

import (
	"strings"
	"testing"
)

// The message bar says a notice politely and an error as an alert, with
// the buttons its props name and a way to dismiss it.
func TestMessageBar(t *testing.T) {
	html := render(t, &messageBar{Text: "Storage is full.", Error: true, Action: "Download backup", Extra: "Keep both"})
	for _, want := range [][]string{
		{`class="message error"`, `role="alert"`, `data-testid="message"`},
		{`data-testid="message-text"`, "Storage is full."},
		{`data-testid="message-action"`, "Download backup"},
		{`data-testid="message-extra"`, "Keep both"},
		{`title="Dismiss"`},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	html = render(t, &messageBar{Text: "Loaded.", Update: true})
	if !hasLine(html, `class="message"`, `role="status"`) || !hasLine(html, `data-testid="update"`) ||
		strings.Contains(html, "message-action") || strings.Contains(html, "message-extra") {
		t.Errorf("notice:\n%s", html)
	}
	if html := render(t, &messageBar{}); strings.Contains(html, "Dismiss") || strings.Contains(html, "message-text") {
		t.Errorf("empty:\n%s", html)
	}
}
