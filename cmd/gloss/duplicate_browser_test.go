package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// pasteAgain opens the new-article form, puts text in the box and loads it,
// without waiting for an article (the page may ask first).
func pasteAgain(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	click(t, ctx, `[data-testid="new-article"]`)
	if _, err := pollJS[bool](ctx, `(e => !!e && e.getClientRects().length > 0)(document.querySelector('[data-testid="paste-input"]'))`); err != nil {
		t.Fatal(err)
	}
	insert := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`[data-testid="paste-input"]`)), insert); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="paste-load"]`)
}

// TestBrowserDuplicateText loads a text that is already in the library: the
// page asks (open the kept article, with its annotation, or keep both)
// instead of silently making a copy; each answer does what it says.
func TestBrowserDuplicateText(t *testing.T) {
	ctx, _, cons := openArticle(t, 0, 0, newsArticle)
	label(t, ctx, "Moscow", "3", 1)
	other := "A different article about nothing much."
	pasteArticle(t, ctx, other)

	pasteAgain(t, ctx, newsArticle)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="message-extra"]')`); err != nil {
		t.Fatalf("no offer for a text already in the library (message %q)", message(ctx))
	}
	msg := message(ctx)
	if !strings.Contains(msg, "already in the library") || !strings.Contains(msg, "1 annotation,") || !strings.Contains(msg, "Open it") || !strings.Contains(msg, "Keep both") {
		t.Errorf("message %q", msg)
	}
	if rows := libraryRows(t, ctx); len(rows) != 2 {
		t.Errorf("asking stored a copy: %q", rows)
	}
	if os.Getenv("GLOSS_SHOTS") != "" {
		shots(t, ctx, "duplicate")
	}
	// Open it: the kept article, with its annotation; nothing new stored.
	click(t, ctx, `[data-testid="message-action"]`)
	if got := waitCount(t, ctx, 1); len(got) != 1 || got[0].Text != "Moscow" {
		t.Errorf("opened %+v, want the kept article with Moscow", got)
	}
	if rows := libraryRows(t, ctx); len(rows) != 2 {
		t.Errorf("after Open it the library holds %q", rows)
	}
	if s, _ := evalJS[string](ctx, `document.querySelector('[data-testid="article"]').textContent`); !strings.Contains(s, "Moscow") {
		t.Errorf("the article shown is %.60q", s)
	}
	if paste, _ := evalJS[bool](ctx, `(e => !e || e.getClientRects().length === 0)(document.querySelector('[data-testid="paste-input"]'))`); !paste {
		t.Error("the new-article form is still shown after Open it")
	}

	// Keep both: a second article with the same text, no annotation.
	pasteAgain(t, ctx, newsArticle)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="message-extra"]')`); err != nil {
		t.Fatalf("no offer the second time (message %q)", message(ctx))
	}
	click(t, ctx, `[data-testid="message-extra"]`)
	waitParagraphs(t, ctx)
	waitCount(t, ctx, 0)
	if rows := libraryRows(t, ctx); len(rows) != 3 {
		t.Errorf("after Keep both the library holds %q, want 3 articles", rows)
	}
	noConsoleErrors(t, cons)
}
