package main

import (
	"testing"
)

// The search warms up in idle time once the page is drawn (app/ui's
// warmSearchLater, entity.Warmer): it must end, and leave nothing of its
// made-up queries on screen — the box empty, no results, no highlight —
// and a search typed then works as before.
func TestBrowserSearchWarmsUp(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, findArticle)
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-search-warm").length > 0`); err != nil {
		t.Fatal("the search's warm-up did not end (no gloss-search-warm mark)")
	}
	state, err := evalJS[map[string]any](ctx, `({
		query: document.querySelector('[data-testid="search-input"]').value,
		results: document.querySelectorAll('[data-testid="search-result"]').length,
		hits: (CSS.highlights.get("gloss-hit") || {size: 0}).size,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if state["query"] != "" || state["results"] != float64(0) || state["hits"] != float64(0) {
		t.Errorf("after the warm-up the page shows %v: want an empty search, no results, no highlight", state)
	}
	typeKey(t, ctx, '/')
	typeLetters(t, ctx, "putn")
	if _, err := pollJS[bool](ctx, `(() => { const r = document.querySelector('[data-testid="search-result-text"]'); return !!r && r.textContent === "Putin"; })()`); err != nil {
		r, _ := readFirstResult(ctx)
		t.Errorf(`"putn" after the warm-up: first result %q, want "Putin"`, r.Text)
	}
	if errs := cons.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
