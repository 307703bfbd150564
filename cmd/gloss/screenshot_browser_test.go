package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserScreenshot makes the README's screenshot when asked:
//
//	GLOSS_BROWSER=1 GLOSS_SCREENSHOT=article.txt go test -run TestBrowserScreenshot ./cmd/gloss
//
// writes web/screenshot.png of the article with a few spans labelled.
func TestBrowserScreenshot(t *testing.T) {
	if os.Getenv("GLOSS_SCREENSHOT") == "" {
		t.Skip("set GLOSS_SCREENSHOT=article.txt to make web/screenshot.png")
	}
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(os.Getenv("GLOSS_SCREENSHOT"))
	if err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, string(b))
	for _, s := range []struct{ n, k string }{{"Jean-Yves Le Drian", "1"}, {"Sergey Shoigu", "1"}, {"Islamic State", "2"}, {"AFP", "2"}, {"Moscow", "3"}, {"Syria", "3"}} {
		dragSelect(t, ctx, s.n, 0, 0, 0)
		press(t, ctx, s.k)
	}
	click(t, ctx, `[data-testid="search-input"]`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`[data-testid="search-input"]`), "hollnd")); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="article"]').parentElement.scrollTop = 0, true)`); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repoRoot(t), "web", "screenshot.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
