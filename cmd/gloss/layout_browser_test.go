package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// boxOf returns [width, height] of the element's box ([-1, -1] when absent).
func boxOf(ctx context.Context, sel string) ([]float64, error) {
	return evalJS[[]float64](ctx, fmt.Sprintf(`(e => { if (!e) return [-1, -1]; const r = e.getBoundingClientRect(); return [r.width, r.height]; })(document.querySelector(%q))`, sel))
}

// hiddenFormChecks are the elements that must have no box while an article
// is open: the new-article form and what is in it.
var hiddenFormChecks = []string{`[data-testid="new-form"]`, `[data-testid="paste-input"]`, `[data-testid="paste-load"]`}

func checkNoBox(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	for _, sel := range hiddenFormChecks {
		b, err := boxOf(ctx, sel)
		if err != nil {
			t.Fatal(err)
		}
		if b[0] != 0 || b[1] != 0 {
			t.Errorf("%s: %s is drawn (%v×%v) while an article is open", where, sel, b[0], b[1])
		}
	}
	// Tab from the article must not reach the hidden form.
	n, err := evalJS[int](ctx, `[...document.querySelectorAll('[data-testid="new-form"] :is(textarea, button, input)')].filter(e => e.checkVisibility()).length`)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%s: %d controls of the hidden new-article form are visible", where, n)
	}
}

// TestBrowserHiddenNewForm: while an article is open, the new-article form
// is not on screen, in the page and in the embed; "+ New" shows it.
func TestBrowserHiddenNewForm(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if b, _ := boxOf(ctx, `[data-testid="paste-load"]`); b[0] == 0 {
		t.Fatal("the start screen's load button has no box")
	}
	pasteArticle(t, ctx, newsArticle)
	checkNoBox(t, ctx, "page")
	click(t, ctx, `[data-testid="edit-text"]`)
	waitVisible(t, ctx, `[data-testid="text-editor"]`)
	checkNoBox(t, ctx, "page, editing the text")
	if b, _ := boxOf(ctx, `[data-testid="article"]`); b[0] != 0 {
		t.Errorf("the article is drawn (%v) under the text editor", b)
	}
	click(t, ctx, `[data-testid="text-cancel"]`)
	// "✎ Edit text" comes back and moves "+ New": click once it has.
	waitVisible(t, ctx, `[data-testid="edit-text"]`)
	settle(t, ctx)
	click(t, ctx, `[data-testid="new-article"]`)
	waitVisible(t, ctx, `[data-testid="paste-input"]`)
	if b, _ := boxOf(ctx, `[data-testid="article"]`); b[0] != 0 {
		t.Errorf("the article is drawn (%v) under the new-article form", b)
	}

	// The embed (the same page with #embed, as an iframe opens it): the
	// form shows until an article is there, then has no box.
	navigate(t, ctx, "about:blank")
	if err := waitReady(ctx, base+"#embed"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := evalJS[bool](ctx, `!!document.querySelector(".shell.embed")`); !ok {
		t.Fatal("#embed did not start the embed layout")
	}
	// No "+ New" in the embed: the form is already there.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`[data-testid="paste-input"]`), "Ada Lovelace wrote to Charles Babbage from London.")); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="paste-load"]`)
	waitParagraphs(t, ctx)
	checkNoBox(t, ctx, "embed")
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
