package ui

import (
	"strings"
	"testing"

	"gloss/app/annot"
)

// The span editor shows its annotation: the text, its label pressed among
// the label buttons, its note, its offsets, and the actions on it.
func TestSpanEditor(t *testing.T) {
	labels := annot.Labels{{Name: "PER", Color: "#123456"}, {Name: "LOC", Color: "#654321"}}
	x := annot.Annotation{ID: "a1", Start: 29, End: 35, Label: "LOC", Text: "Moscow", Note: "the capital"}
	html := render(t, &spanEditor{Annotation: x, Labels: labels})
	html = strings.ReplaceAll(html, ` aria-pressed="false"`, "")
	for _, want := range [][]string{
		{`id="span-editor"`, `role="dialog"`, `aria-label="Annotation “Moscow”, LOC"`, `data-id="a1"`},
		{"<strong>“Moscow”</strong>"},
		{`data-label="LOC"`, `class="label-btn primary"`, "aria-pressed"},
		{`data-label="PER"`, `class="label-btn"`},
		{`data-testid="note-input"`, "the capital"},
		{`data-testid="annotation-annotate-all"`}, {`data-testid="annotation-gazetteer"`}, {`data-testid="annotation-delete"`},
		{"Characters 29–35 (code points, as exported)"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if hasLine(html, `data-label="PER"`, "primary") {
		t.Errorf("PER pressed:\n%s", html)
	}
}
