package ui

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/annot"
)

// The label picker draws a button a label with its key (1–9, none after),
// and in editing mode a colour, a name and a remove button a label and the
// form to add one.
func TestLabelPicker(t *testing.T) {
	var ls annot.Labels
	for i := range 10 {
		ls = append(ls, annot.Label{Name: fmt.Sprintf("L%d", i+1), Color: fmt.Sprintf("#00000%d", i%10)})
	}
	html := render(t, &labelPicker{Labels: ls})
	for _, want := range [][]string{
		{`<span class="key">1</span>`},
		{`data-testid="label-button"`, `data-label="L1"`, "--c:#000000", "(key 1)"},
		{`data-label="L9"`, "(key 9)"},
		{`data-label="L10"`, "(key )"},
		{`data-testid="edit-labels"`, ">edit<"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if strings.Contains(html, "new-label-name") || strings.Contains(html, "label-remove") {
		t.Errorf("editing controls drawn outside editing:\n%s", html)
	}
	html = render(t, &labelPicker{Labels: ls[:2], editing: true})
	for _, want := range [][]string{
		{`class="label-row"`, `data-label="L2"`},
		{`type="color"`, `data-testid="label-color"`, `value="#000001"`},
		{`data-testid="label-name"`, `value="L1"`},
		{`data-testid="label-remove"`, `title="Remove L2"`},
		{`data-testid="new-label-name"`},
		{`data-testid="edit-labels"`, ">done<"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("editing: no line with %q in\n%s", want, html)
		}
	}
	if strings.Contains(html, `data-testid="label-button"`) {
		t.Errorf("label buttons drawn while editing:\n%s", html)
	}
}
