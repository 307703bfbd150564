package main

import (
	"context"
	"fmt"
	"os"
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
	ctx, base, cons := openAt(t, 1280, 800)
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
	noConsoleErrors(t, cons)
}

// uncovered reports whether the element's centre is on screen and the
// element (not something drawn over it) is what is there.
func uncovered(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	ok, err := evalJS[bool](ctx, fmt.Sprintf(`(e => { if (!e) return false; const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
		if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false; const h = document.elementFromPoint(x, y); return !!h && (h === e || e.contains(h)); })(document.querySelector(%q))`, sel))
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// TestBrowserPhoneLayout: at 390×844 the header is one row, the load
// button is on screen on the first visit, and an open article gets most of
// the height with its whole column on screen; at 1280×800 no panel scrolls
// inside another.
func TestBrowserPhoneLayout(t *testing.T) {
	ctx, base, cons := openApp(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if !uncovered(t, ctx, `[data-testid="paste-load"]`) {
		t.Error("390×844, first visit: the Load pasted text button is not on screen")
	}
	pasteArticle(t, ctx, newsArticle)
	settle(t, ctx)
	h, err := evalJS[float64](ctx, `document.querySelector("header.top").getBoundingClientRect().height`)
	if err != nil {
		t.Fatal(err)
	}
	if h > 56 {
		t.Errorf("390×844: the header is %v px high, want one row", h)
	}
	col, err := evalJS[[]float64](ctx, `(r => [r.left, r.top, r.right, r.bottom])(document.querySelector(".article-scroll").getBoundingClientRect())`)
	if err != nil {
		t.Fatal(err)
	}
	if col[0] < 0 || col[1] < 0 || col[2] > 390 || col[3] > 844 || col[3]-col[1] < 0.55*844 {
		t.Errorf("390×844: the article column is at %v, want it on screen and at least 55%% of the height", col)
	}
	// The span editor is a bottom sheet, whole on screen.
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="label-button"]'), true)`); err != nil {
		t.Fatal(err)
	}
	label(t, ctx, "Moscow", "3", 1)
	click(t, ctx, `[data-testid="annotation"]`)
	waitVisible(t, ctx, `[data-testid="annotation-editor"]`)
	ed, _ := evalJS[[]float64](ctx, `(r => [r.left, r.top, r.right, r.bottom])(document.querySelector('[data-testid="annotation-editor"]').getBoundingClientRect())`)
	if ed[0] < 0 || ed[1] < 0 || ed[2] > 390 || ed[3] > 844 {
		t.Errorf("390×844: the span editor is at %v, cut off", ed)
	}

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	settle(t, ctx)
	nested, err := evalJS[[]string](ctx, `(() => {
		const scrolls = (e) => { const s = getComputedStyle(e); return /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1; };
		const out = [];
		for (const e of document.querySelectorAll("body *")) {
			if (!scrolls(e)) continue;
			for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) { out.push((e.className || e.tagName) + " in " + (p.className || p.tagName)); break; }
		}
		return out;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if len(nested) > 0 {
		t.Errorf("1280×800: scrolling panels inside scrolling panels: %q", nested)
	}
	noConsoleErrors(t, cons)
}

// TestBrowserFileTargets checks, at 1280×800 with an article open, that every
// file input on screen is at least 24 px high (WCAG 2.2 target size) and
// that the library column still fits: nothing wider than it, its list of
// articles keeps its room.
func TestBrowserFileTargets(t *testing.T) {
	ctx, _, _ := openArticle(t, 1280, 800, newsArticle)
	settle(t, ctx)
	small, err := evalJS[[]string](ctx, `[...document.querySelectorAll('input[type=file]')].filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 24).map(e => (e.dataset.testid || e.outerHTML.slice(0, 60)) + " " + e.getBoundingClientRect().height)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(small) > 0 {
		t.Errorf("file inputs under 24 px high: %v", small)
	}
	n, err := evalJS[float64](ctx, `[...document.querySelectorAll('input[type=file]')].filter(e => e.closest('.side.left') && e.getBoundingClientRect().height >= 24).length`)
	if err != nil || n < 1 {
		t.Errorf("the library's Restore input is not on screen at 24 px (%v, %v)", n, err)
	}
	fit, err := evalJS[[]float64](ctx, `(s => { const l = s.querySelector('.lib').getBoundingClientRect(); return [s.scrollWidth - s.clientWidth, l.height, l.bottom, s.getBoundingClientRect().bottom] })(document.querySelector('.side.left'))`)
	if err != nil {
		t.Fatal(err)
	}
	if fit[0] > 0 {
		wide, _ := evalJS[[]string](ctx, `(s => { const r = s.getBoundingClientRect(); return [getComputedStyle(s).overflowX, ...[...s.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > r.right + 0.5).map(e => e.tagName + "." + e.className + " " + e.getBoundingClientRect().right + "/" + r.right)] })(document.querySelector('.side.left'))`)
		t.Logf("wider than the library column: %v", wide)
	}
	if dir := os.Getenv("GLOSS_SHOTS"); dir != "" {
		png, _ := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		os.WriteFile(dir+"/files-1280.png", png, 0o644)
	}
	if fit[0] > 0 || fit[1] < 160 || fit[2] > fit[3]+1 {
		t.Errorf("library column: %v px wider than its box, list %v px high, list bottom %v, column bottom %v", fit[0], fit[1], fit[2], fit[3])
	}
	// Editing the label set: every control of a label row fits the right
	// column (its scrollbar excluded).
	click(t, ctx, `[data-testid="edit-labels"]`)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="new-label-name"]')`); err != nil {
		t.Fatal("the label editor did not open")
	}
	out, err := evalJS[[]string](ctx, `(() => {
		const side = document.querySelector('.side.right'), r = side.getBoundingClientRect(), right = r.left + side.clientLeft + side.clientWidth;
		return [...document.querySelectorAll('.labels .label-row > *')].filter(e => e.getBoundingClientRect().right > right + 0.5)
			.map(e => (e.dataset.testid || e.tagName) + " ends at " + Math.round(e.getBoundingClientRect().right) + ", the column at " + Math.round(right));
	})()`)
	if err != nil || len(out) > 0 {
		t.Errorf("label editing controls outside the column: %q %v", out, err)
	}
}
