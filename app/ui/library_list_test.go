package ui

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/listing"
	"gloss/app/store"
)

// The library list draws only the rows near its scroll window, between
// spacers as high as the rows left out, each row with what it says of its
// article.
func TestLibraryList(t *testing.T) {
	metas := make([]store.Meta, 500)
	for i := range metas {
		metas[i] = store.Meta{ID: fmt.Sprintf("id%03d", i), Title: fmt.Sprintf("Article %d", i), Chars: 1200 + i, Annotations: i % 3}
	}
	metas[2].Status = store.StatusDone
	metas[3].Source = "corpus/day/three.txt"

	html := render(t, &libraryList{Shown: metas, Open: "id001", Renaming: "id004"})
	first, last := libWindow(len(metas), 0, 0)
	if first != 0 || last <= 17 || last >= len(metas) {
		t.Fatalf("window at the top [%d, %d)", first, last)
	}
	if n := strings.Count(html, `data-testid="library-item"`); n != last-first {
		t.Errorf("%d rows drawn, want %d", n, last-first)
	}
	for _, want := range [][]string{
		{`class="lib"`, `id="library-list"`, `data-testid="library"`},
		{`height:0px`},
		{fmt.Sprintf("height:%dpx", (len(metas)-last)*libRow)},
		{`class="st-todo open"`, `data-id="id001"`},
		{`class="st-done"`, `data-id="id002"`, `data-status="done"`},
		{`data-testid="library-source"`, `title="From the file corpus/day/three.txt"`},
		{`data-testid="library-rename-input"`, `value="Article 4"`},
		{`data-testid="library-size"`, "1,200 chars"},
		{`data-testid="library-count"`, "1 label"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q", want)
		}
	}
	if !strings.Contains(html, ">three.txt<") {
		t.Error("the source is not shown by its file name")
	}
	if strings.Contains(html, `value="Article 5"`) {
		t.Error("a row not being renamed has an input")
	}

	// Scrolled to row 300 of a 600 px box: row 300 is drawn, rows far
	// above and below are not, and the spacers make up the rest.
	top := 300 * libRow
	html = render(t, &libraryList{Shown: metas, Top: top, Height: 600})
	first, last = libWindow(len(metas), top, 600)
	if !strings.Contains(html, `data-id="id300"`) || strings.Contains(html, `data-id="id000"`) || strings.Contains(html, `data-id="id499"`) {
		t.Errorf("window [%d, %d) draws the wrong rows", first, last)
	}
	if !hasLine(html, fmt.Sprintf("height:%dpx", first*libRow)) || !hasLine(html, fmt.Sprintf("height:%dpx", (len(metas)-last)*libRow)) {
		t.Errorf("spacers do not make up rows [0, %d) and [%d, %d)", first, last, len(metas))
	}
	// Scrolled past the end (the filter shrank the list): the last rows.
	if first, last := libWindow(10, top, 600); first != 0 || last != 10 {
		t.Errorf("window of 10 rows scrolled past them: [%d, %d)", first, last)
	}
	if html := render(t, &libraryList{}); strings.Contains(html, "library-item") {
		t.Errorf("empty list has rows:\n%s", html)
	}
}

// The library filter shows the filter it is given, and says how many
// articles it shows only while one is set.
func TestLibraryFilter(t *testing.T) {
	labels := annot.Labels{{Name: "PER"}, {Name: "LOC"}}
	html := render(t, &libraryFilter{Labels: labels, Shown: 10, Total: 10})
	if strings.Contains(html, "library-shown") || selected(html) != "Any status Any label" {
		t.Errorf("no filter:\n%s", html)
	}
	html = render(t, &libraryFilter{Filter: listing.Filter{Query: "Paris", Status: store.StatusDone, Label: "LOC"}, Labels: labels, Shown: 3, Total: 10})
	for _, want := range [][]string{
		{`data-testid="library-search"`, `value="Paris"`},

		{`data-testid="library-shown"`},
		{"Showing 3 of 10."},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if got := selected(html); got != "Done LOC" {
		t.Errorf("options selected %q, want Done LOC", got)
	}
}

// selected lists the texts of the options drawn selected, in order.
func selected(html string) string {
	var out []string
	for _, l := range strings.Split(html, "\n") {
		if strings.Contains(l, "<option") && strings.Contains(l, " selected") && !strings.Contains(l, `selected="false"`) {
			out = append(out, l[strings.Index(l, ">")+1:strings.Index(l, "</option>")])
		}
	}
	return strings.Join(out, " ")
}

// On the first screen the list draws only the rows its box can show (it is
// no higher than the window), and the spacer below makes up the rest; the
// rest's render then draws libWindow's margins.
func TestLibraryListFirstScreen(t *testing.T) {
	metas := make([]store.Meta, 300)
	for i := range metas {
		metas[i] = store.Meta{ID: fmt.Sprintf("id%03d", i), Title: fmt.Sprintf("Article %d", i)}
	}
	for _, c := range []struct{ top, height, first, last int }{
		{0, 800, 0, 16},              // 800/52 = 15.4: the 16th row is partly in view
		{0, 52 * 10, 0, 10},          // exactly ten rows
		{52*100 + 20, 800, 100, 116}, // scrolled into row 100
		{52 * 295, 800, 295, 300},    // the end of the list
		{52 * 400, 800, 300, 300},    // past the end (the filter shrank the list)
	} {
		if f, l := libInView(len(metas), c.top, c.height); f != c.first || l != c.last {
			t.Errorf("in view at %d, %d px high: [%d, %d), want [%d, %d)", c.top, c.height, f, l, c.first, c.last)
		}
	}
	first, last := libWindow(len(metas), 0, 0)
	html := render(t, &libraryList{Shown: metas, InView: 800})
	if n := strings.Count(html, `data-testid="library-item"`); n != 16 || last-first <= 16 {
		t.Errorf("first screen: %d rows drawn, want 16 (the window draws %d)", n, last-first)
	}
	if !hasLine(html, fmt.Sprintf("height:%dpx", (len(metas)-16)*libRow)) || strings.Contains(html, `data-id="id016"`) {
		t.Errorf("the rows below the first screen are not left to the spacer")
	}
	if html := render(t, &libraryList{Shown: metas}); strings.Count(html, `data-testid="library-item"`) != last-first {
		t.Errorf("without InView the list does not draw libWindow's rows")
	}
}
