package ui

import (
	"strings"
	"testing"

	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The top bar shows the open article's title and status, undo and redo
// enabled as its props say, and the buttons that fit the page's state.
func TestTopBar(t *testing.T) {
	html := render(t, &topBar{Title: "Report 7", Open: true, Status: store.StatusInProgress, CanUndo: true,
		Search: app.Input().DataSet("testid", "search-input")})
	for _, want := range [][]string{
		{`data-testid="title-input"`, `value="Report 7"`},
		{`data-testid="status"`, `class="status st-in-progress"`, ">in progress<"},
		{`data-testid="edit-text"`},
		{`data-testid="new-article"`},
		{`data-testid="search-input"`},
		{`data-testid="redo"`, "disabled"},
		{`data-testid="undo"`, `disabled="false"`},
		{`data-testid="library-toggle"`, `aria-expanded="false"`},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if hasLine(html, `data-testid="redo"`, `disabled="false"`) {
		t.Errorf("redo enabled without CanRedo:\n%s", html)
	}
	// The search box sits between the title and Undo.
	if i, j, k := strings.Index(html, "title-input"), strings.Index(html, "search-input"), strings.Index(html, `data-testid="undo"`); !(i < j && j < k) {
		t.Errorf("order title %d, search %d, undo %d", i, j, k)
	}

	// The new-article pane, embedded, library open: no title field, status,
	// edit or new button; a status left empty reads "to do".
	html = render(t, &topBar{Embed: true, LibraryShown: true})
	if !hasLine(html, `class="title-input muted"`, "New article") || !hasLine(html, "aria-expanded") || hasLine(html, `aria-expanded="false"`) {
		t.Errorf("new pane:\n%s", html)
	}
	for _, absent := range []string{`data-testid="status"`, "edit-text", "new-article", `data-testid="title-input"`} {
		if strings.Contains(html, absent) {
			t.Errorf("new pane embedded shows %s", absent)
		}
	}
	html = render(t, &topBar{Open: true, Editing: true})
	if !hasLine(html, `data-testid="status"`, ">to do<") || strings.Contains(html, "edit-text") {
		t.Errorf("editing, no status:\n%s", html)
	}
}
