package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserExtractStartsOnIntent: the extraction worker starts at a
// person's first sign of bringing in an article (a paste into the article
// box, files dragged over the page, a file input clicked, or opened with
// the keyboard: no mouse event), not only in idle time or at Load. Idle callbacks never run here, so only that sign can
// start it; a paste elsewhere does not. The page pasted then reads through
// the worker as usual.
func TestBrowserExtractStartsOnIntent(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	addInitScript(t, ctx, `window.requestIdleCallback = () => 0;`)
	marks := `performance.getEntriesByType("mark").map((e) => e.name).filter((n) => n.startsWith("gloss-extract"))`
	signs := map[string]string{
		"paste": `(() => {
			const dt = new DataTransfer();
			dt.setData("text/plain", "<!DOCTYPE html><p>x</p>");
			document.getElementById("paste-input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
		})()`,
		"dragover": `(() => {
			const dt = new DataTransfer();
			dt.items.add(new File(["<p>x</p>"], "page.html", { type: "text/html" }));
			document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
		})()`,
		"click": `document.querySelector('[data-testid="file-input"]').dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: false }))`,
	}
	// The file picker a key opens is taken by the test, not shown.
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sign := range []string{"paste", "dragover", "click", "key"} {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(base)); err != nil {
			t.Fatal(err)
		}
		if err := waitAppReady(ctx); err != nil {
			t.Fatal(err)
		}
		// Not a sign: a paste outside the article box, text dragged.
		if _, err := evalJS[any](ctx, `(() => {
			const dt = new DataTransfer();
			dt.setData("text/plain", "words");
			document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true }));
			document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true }));
		})()`); err != nil {
			t.Fatal(err)
		}
		if got, err := evalJS[[]string](ctx, marks); err != nil || len(got) > 0 {
			t.Fatalf("%s: before any sign: marks %v (%v), want the worker not started", sign, got, err)
		}
		if sign == "key" {
			// Space on the focused file input: the browser's own click.
			if _, err := evalJS[any](ctx, `document.querySelector('[data-testid="file-input"]').focus()`); err != nil {
				t.Fatal(err)
			}
			press(t, ctx, " ")
		} else if _, err := evalJS[any](ctx, signs[sign]); err != nil {
			t.Fatal(err)
		}
		if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-extract-ready").length > 0`); err != nil {
			got, _ := evalJS[[]string](ctx, marks)
			t.Fatalf("%s: the worker did not start on it (marks %v): %v", sign, got, err)
		}
		got, _ := evalJS[[]string](ctx, marks)
		want := sign
		if sign == "key" {
			want = "click"
		}
		if strings.Join(got, " ") != "gloss-extract-intent-"+want+" gloss-extract-start gloss-extract-ready" {
			t.Errorf("%s: marks %v", sign, got)
		}
	}
	// The last page read in the worker started by the key.
	if _, err := evalJS[any](ctx, `(() => {
		document.getElementById("paste-input").value = "<!DOCTYPE html><html><head><title>Harbour talks</title></head><body><article><h1>Harbour talks</h1><p>The council met Marta Silva in Lisbon on Tuesday.</p></article></body></html>";
		document.querySelector('[data-testid="paste-load"]').click();
	})()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `[...document.querySelectorAll('[data-testid="article"] p')].some((p) => p.textContent.includes("Marta Silva"))`); err != nil {
		t.Fatalf("the pasted page was not read: %v", err)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}
