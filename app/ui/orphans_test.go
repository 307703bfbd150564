package ui

import (
	"strings"
	"testing"

	"gloss/app/annot"
)

// The orphans panel counts the orphans and lists each with its label in
// the label's colour, its text clipped, and why it lost its place.
func TestOrphansPanel(t *testing.T) {
	labels := annot.Labels{{Name: "LOC", Color: "#2e7d32"}}
	long := strings.Repeat("very long name ", 5)
	html := render(t, &orphansPanel{Labels: labels, Orphans: []annot.Orphan{
		{Annotation: annot.Annotation{ID: "a", Label: "LOC", Text: "Moscow"}, Reason: "its text “Moscow” is no longer in the article"},
		{Annotation: annot.Annotation{ID: "b", Label: "PER", Text: long}, Reason: "changed"},
	}})
	for _, want := range [][]string{
		{`data-testid="orphans"`},
		{"Orphans 2"},
		{`class="lab"`, "--c:#2e7d32", ">LOC<"},
		{`title="its text “Moscow” is no longer in the article"`, "“Moscow”"},
		{"“" + clip(long, 40) + "”"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if n := strings.Count(html, `data-testid="orphan-place"`); n != 2 || strings.Count(html, `data-testid="orphan-drop"`) != 2 {
		t.Errorf("%d place buttons, want 2 and as many drop buttons", n)
	}
}
