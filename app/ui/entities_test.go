package ui

import (
	"strings"
	"testing"
)

// The entities panel draws the rows it is given: label chips (a guess
// dashed, the gazetteer's solid), variants, counts, evidence, the chosen
// one active, and offers the rest of the list.
func TestEntitiesPanel(t *testing.T) {
	rows := []entityRow{
		{Key: "le drian", Name: "Le Drian", Variants: "Jean-Yves Le Drian", Mentions: 3, Label: "PER", Color: "#123456", Type: "PER", Confidence: 92, Why: "a title before it"},
		{Key: "afp", Name: "AFP", Mentions: 2, Label: "ORG", Color: "#654321", Gazetteer: true, Type: "ORG", Confidence: 100, Why: "in your gazetteer"},
		{Key: "monday", Name: "Monday", Mentions: 1},
	}
	p := &entitiesPanel{Rows: rows, Total: 25212, Active: "afp", Types: []string{"PER", "ORG"}, TypeFilter: "ORG", Sort: "label", CanAnnotateAll: true}
	html := render(t, p)
	html = strings.ReplaceAll(html, ` selected="false"`, "")
	for _, want := range [][]string{
		{`data-key="le drian"`, `data-label="PER"`, `data-confidence="92"`, `title="a title before it"`},
		{`class="lab sug"`, "--c:#123456", ">PER<"},
		{`class="lab"`, "--c:#654321", ">ORG<"},
		{`class="var"`, "Jean-Yves Le Drian"},
		{`class="active"`, `data-key="afp"`},
		{`data-key="monday"`, `data-confidence="0"`},
		{`<span class="muted">25,212</span>`},
		{"<option", `value="ORG"`, "selected", "suggested ORG"},
		{"<option", `value="label"`, "selected"},
		{`data-testid="accept-type"`, "Accept every ORG…"},
		{`data-testid="annotate-all"`},
		{`data-testid="entity-more"`, "Show 100 more of 25,212"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if n := strings.Count(html, `data-testid="entity-item"`); n != 3 {
		t.Errorf("%d rows, want 3", n)
	}
	// Building: progress instead of the count; no filter, no choice: no
	// accept or annotate-all button; the whole list drawn, no "more".
	html = render(t, &entitiesPanel{Rows: rows, Total: 3, Building: true})
	for _, absent := range []string{"accept-type", "annotate-all", "entity-more", `<span class="muted">3</span>`} {
		if strings.Contains(html, absent) {
			t.Errorf("%q drawn:\n%s", absent, html)
		}
	}
	if !hasLine(html, `data-testid="entities-progress"`, "finding names…") {
		t.Errorf("no progress:\n%s", html)
	}
}
