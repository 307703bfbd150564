package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRestAfterFirstScreen: a start with an article open draws the
// first screen (article, top bar, library, labels) and says it is ready;
// the hidden new-article pane and the gazetteer, export/import and compare
// panels, below the fold, are mounted in the frame after (app/ui/rest.go).
// Once complete, the page is whole and works from the keyboard. In a
// phone's window the library pane, hidden behind ☰, is mounted with the
// rest, and ☰ from the keyboard shows it.
func TestBrowserRestAfterFirstScreen(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	// What the page holds at the moment it says it is ready.
	const spy = `(() => {
		const seen = () => ({
			Paras: document.querySelectorAll('[data-testid="article"] p').length,
			Labels: document.querySelectorAll('[data-testid="label-button"]').length,
			Library: document.querySelectorAll('[data-testid="library-item"]').length,
			LibraryPane: !!document.querySelector('aside.side.left'),
			Deferred: ['new-form', 'gazetteer', 'transfer', 'compare-input'].filter((id) => document.querySelector('[data-testid="' + id + '"]')),
			Complete: document.body.dataset.complete === "1",
			Elements: document.body.querySelectorAll("*").length,
		});
		new MutationObserver(() => {
			if (!window.__atReady && document.body && document.body.dataset.ready === "1") window.__atReady = seen();
		}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"]});
	})()`
	addInitScript(t, ctx, spy)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	// An empty library starts on the new-article pane: it is the first
	// screen, so it is there at once.
	type state struct {
		Paras, Labels, Library int
		LibraryPane            bool
		Elements               int
		Deferred               []string
		Complete               bool
	}
	first, err := evalJS[state](ctx, `window.__atReady`)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Deferred) == 0 || first.Deferred[0] != "new-form" {
		t.Errorf("empty library, at ready: %+v, want the new-article pane", first)
	}
	openByKeyboard(t, ctx, newsArticle)

	// The next start opens the article.
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	at, err := evalJS[state](ctx, `window.__atReady`)
	if err != nil {
		t.Fatal(err)
	}
	if at.Paras == 0 || at.Labels == 0 || at.Library != 1 {
		t.Errorf("at ready the first screen is not whole: %+v", at)
	}
	if len(at.Deferred) != 0 || at.Complete {
		t.Errorf("at ready %v were already mounted (complete %v), want them after the first screen", at.Deferred, at.Complete)
	}
	t.Logf("at ready: %d elements in the body", at.Elements)
	now, err := evalJS[state](ctx, `(() => ({Elements: document.body.querySelectorAll("*").length, Deferred: ['new-form', 'gazetteer', 'transfer', 'compare-input'].filter((id) => document.querySelector('[data-testid="' + id + '"]')), Complete: document.body.dataset.complete === "1"}))()`)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("once complete: %d elements in the body", now.Elements)
	if len(now.Deferred) != 4 || !now.Complete {
		t.Errorf("once complete: %+v, want all four mounted", now)
	}
	if hidden, _ := evalJS[bool](ctx, `document.querySelector('[data-testid="new-form"]').hidden`); !hidden {
		t.Error("the new-article pane is shown over the open article")
	}
	// From the keyboard: "+ New" focused and Enter show the pane with its
	// box focused.
	if _, err := evalJS[bool](ctx, `(() => { document.querySelector('[data-testid="new-article"]').focus(); return true })()`); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, "\r")
	waitFocus(t, ctx, "paste-input")

	// A phone: at ready the library pane is there, empty; once complete
	// it holds the article, and ☰ from the keyboard shows it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	phone, err := evalJS[state](ctx, `window.__atReady`)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("390×844 at ready: %d elements in the body", phone.Elements)
	if phone.Paras == 0 || phone.Labels == 0 || !phone.LibraryPane || phone.Library != 0 {
		t.Errorf("390×844 at ready: %+v, want the article and labels, and the library pane empty", phone)
	}
	if phone.Elements >= at.Elements {
		t.Errorf("390×844 at ready: %d elements, not fewer than the %d at 1280×800", phone.Elements, at.Elements)
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 1 {
		t.Errorf("390×844 once complete: %d library items, want 1", n)
	}
	if _, err := evalJS[bool](ctx, `(() => { document.querySelector('[data-testid="library-toggle"]').focus(); return true })()`); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, "\r")
	if _, err := pollJS[bool](ctx, `(() => { const r = document.querySelector('[data-testid="library-item"]').getBoundingClientRect(); return r.width > 0 && r.right <= 390 && r.bottom <= 844; })()`); err != nil {
		t.Errorf("390×844: ☰ did not show the library's article on screen: %v", err)
	}
}
