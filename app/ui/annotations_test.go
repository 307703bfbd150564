package ui

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// render mounts c in go-app's test engine and returns its markup.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	if err := app.NewTestEngine().Load(c); err != nil {
		t.Fatal(err)
	}
	return app.HTMLString(c)
}

// The annotations panel draws what its props say: the rows of the label
// filtered, the selected one marked, a page at a time.
func TestAnnotationsPanel(t *testing.T) {
	labels := annot.Labels{{Name: "PER", Color: "#123456"}, {Name: "LOC", Color: "#654321"}}
	as := []annot.Annotation{
		{ID: "a", Start: 0, End: 3, Label: "PER", Text: "Ada"},
		{ID: "b", Start: 4, End: 10, Label: "LOC", Text: "London", Note: "the city"},
		{ID: "c", Start: 11, End: 16, Label: "PER", Text: "Byron"},
	}
	cases := []struct {
		name     string
		p        *annotationsPanel
		rows     int
		contains [][]string // each: what one line of the markup holds
	}{
		{"every label", &annotationsPanel{Annotations: as, Labels: labels}, 3,
			[][]string{{"3 annotations"}, {"✎ the city"}, {"<option selected>every label"}}},
		{"filtered, one selected", &annotationsPanel{Annotations: as, Labels: labels, Filter: "PER", Selected: "c"}, 2,
			[][]string{{"2 annotations"}, {`<li class="active">`}, {`data-id="c"`, "active"}, {"<option", `value="PER"`, "selected"}}},
		{"none", &annotationsPanel{Labels: labels}, 0, [][]string{{"None yet"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html := render(t, c.p)
			if n := strings.Count(html, `data-testid="annotations-item"`); n != c.rows {
				t.Errorf("%d rows, want %d", n, c.rows)
			}
			// Attributes come in any order: the selected row is the line
			// after its <li class="active">.
			html = strings.ReplaceAll(html, "<li class=\"active\">\n", "<li class=\"active\"> active ")
			html = strings.ReplaceAll(html, ` selected="false"`, "")
			for _, want := range c.contains {
				if !hasLine(html, want...) {
					t.Errorf("no line with %q in\n%s", want, html)
				}
			}
		})
	}
	// A long list draws a page and offers the rest.
	var many []annot.Annotation
	for i := range annPage + 50 {
		many = append(many, annot.Annotation{ID: fmt.Sprint(i), Start: i, End: i + 1, Label: "PER", Text: "x"})
	}
	html := render(t, &annotationsPanel{Annotations: many, Labels: labels})
	if n := strings.Count(html, `data-testid="annotations-item"`); n != annPage || !strings.Contains(html, "Show 50 more") {
		t.Errorf("%d rows drawn of %d", n, len(many))
	}
}

// hasLine reports whether one line of html holds every part.
func hasLine(html string, parts ...string) bool {
	for _, l := range strings.Split(html, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}
