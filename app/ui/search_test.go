package ui

import (
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/text"
)

// The search box shows the results it is given as a listbox, the chosen
// one active and announced; without results (or article) no list.
func TestSearchBox(t *testing.T) {
	hits := []entity.Hit{
		{Text: "Le Drian", Matched: []int{0, 1, 3}, Label: "PER", Mentions: []text.Span{{Start: 0, End: 8}, {Start: 20, End: 28}}},
		{Text: "Moscow", Mentions: []text.Span{{Start: 40, End: 46}}},
	}
	labels := annot.Labels{{Name: "PER", Color: "#123456"}}
	html := render(t, &searchBox{Hits: hits, Active: 1, Labels: labels})
	// go-app writes a true boolean attribute bare: aria-expanded, disabled.
	if strings.Contains(html, `aria-expanded="false"`) || !strings.Contains(html, `disabled="false"`) {
		t.Errorf("open box:\n%s", html)
	}
	for _, want := range [][]string{
		{"<input", "aria-expanded", `aria-activedescendant="search-result-1"`},
		{`id="search-result-0"`, `aria-selected="false"`},
		{`id="search-result-1"`, "aria-selected", `class="active"`},
		{"<b>Le</b>"}, {"<b>D</b>"}, {"2 mentions"}, {"1 mention"},
		{`class="lab"`, "--c:#123456"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	html = render(t, &searchBox{Disabled: true})
	if strings.Contains(html, `id="search-results"`) || strings.Contains(html, `disabled="false"`) || !hasLine(html, `aria-expanded="false"`) {
		t.Errorf("empty box:\n%s", html)
	}
}
