package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPhoneHelp: on a phone the shortcuts fill the screen's width
// with nothing to scroll sideways, and Close is on screen from the start
// and after scrolling to the last shortcut; the keyboard opens it, a tap
// closes it.
func TestBrowserPhoneHelp(t *testing.T) {
	ctx, _, cons := openArticle(t, 390, 844, newsArticle)
	typeKey(t, ctx, '?')
	waitVisible(t, ctx, `#help-dialog`)
	box, err := evalJS[[]float64](ctx, `(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, e.scrollWidth - e.clientWidth]; })(document.querySelector('#help-dialog'))`)
	if err != nil {
		t.Fatal(err)
	}
	if w := box[1] - box[0]; w < 340 || box[0] < 0 || box[1] > 390 || box[2] < 0 || box[3] > 844 {
		t.Errorf("the shortcuts are drawn at x %v–%v, y %v–%v (%v wide): want the screen's width, on screen", box[0], box[1], box[2], box[3], w)
	}
	if box[4] > 1 {
		t.Errorf("the shortcuts scroll %v px sideways", box[4])
	}
	if !uncovered(t, ctx, `[data-testid="help-close"]`) {
		t.Error("Close is not on screen when the shortcuts open")
	}
	if _, err := evalJS[bool](ctx, `(e => { e.scrollTop = e.scrollHeight; return true; })(document.querySelector('#help-dialog'))`); err != nil {
		t.Fatal(err)
	}
	settle(t, ctx)
	if !uncovered(t, ctx, `[data-testid="help-close"]`) {
		t.Error("Close is not on screen at the end of the shortcuts")
	}
	click(t, ctx, `[data-testid="help-close"]`)
	if _, err := pollJS[bool](ctx, `!document.querySelector('#help-dialog')`); err != nil {
		t.Error("Close did not close the shortcuts")
	}
	noConsoleErrors(t, cons)
}

// TestBrowserNarrowEmbed: Gloss in an iframe as narrow as a phone (the
// embed layout) stacks the article above the panel, as the page does,
// instead of squeezing the article into a sliver beside it.
func TestBrowserNarrowEmbed(t *testing.T) {
	ctx, base, cons := openAt(t, 340, 700)
	navigate(t, ctx, "about:blank")
	if err := waitReady(ctx, base+"#embed"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`[data-testid="paste-input"]`), newsArticle)); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="paste-load"]`)
	waitParagraphs(t, ctx)
	b, err := boxOf(ctx, `[data-testid="article"]`)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] < 300 {
		t.Errorf("the embedded article is %v px wide in a 340 px frame, want the frame's width", b[0])
	}
	if !uncovered(t, ctx, `[data-testid="article"] p`) {
		t.Error("the article's first paragraph is not on screen")
	}
	noConsoleErrors(t, cons)
}

// TestBrowserReviewReadable: the matches waiting for review ("Annotate
// all") are drawn with dark text on their light fill, in the dark scheme
// too, where the page's text is light.
func TestBrowserReviewReadable(t *testing.T) {
	ctx, _, _ := openAt(t, 0, 0)
	style, err := evalJS[[]string](ctx, `(() => { for (const s of document.styleSheets) { let rules; try { rules = s.cssRules; } catch (e) { continue; }
		for (const r of rules) if (r.selectorText === "::highlight(gloss-review)") return [r.style.backgroundColor, r.style.color]; } return []; })()`)
	if err != nil {
		t.Fatal(err)
	}
	if len(style) != 2 {
		t.Fatal("no ::highlight(gloss-review) rule")
	}
	lum := func(css string) float64 {
		v, err := evalJS[float64](ctx, fmt.Sprintf(`(() => { const c = document.createElement("canvas").getContext("2d"); c.fillStyle = %q; const h = c.fillStyle;
			const n = [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16) / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
			return 0.2126 * n[0] + 0.7152 * n[1] + 0.0722 * n[2]; })()`, css))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if style[1] == "" {
		t.Fatalf("the review highlight (background %s) sets no text colour: the dark scheme's light text is drawn on it", style[0])
	}
	bg, fg := lum(style[0]), lum(style[1])
	if hi, lo := max(bg, fg), min(bg, fg); (hi+0.05)/(lo+0.05) < 4.5 {
		t.Errorf("review highlight %s on %s: contrast %.1f, want 4.5 or more", style[1], style[0], (hi+0.05)/(lo+0.05))
	}
}

// TestBrowserPhoneSearchWide: on a phone the search box is narrow in the
// header until a query is typed, when it takes the header's width: what is
// typed stays readable.
func TestBrowserPhoneSearchWide(t *testing.T) {
	ctx, _, cons := openArticle(t, 390, 844, newsArticle)
	if b, _ := boxOf(ctx, `[data-testid="search-input"]`); b[0] > 200 {
		t.Errorf("the idle search box is %v px wide: it crowds the header's buttons", b[0])
	}
	typeKey(t, ctx, '/')
	typeLetters(t, ctx, "moskow")
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="search-input"]').value === "moskow"`); err != nil {
		v, _ := evalJS[string](ctx, `document.querySelector('[data-testid="search-input"]').value`)
		t.Fatalf("the search box holds %q, want what was typed", v)
	}
	b, err := boxOf(ctx, `[data-testid="search-input"]`)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] < 300 {
		t.Errorf("typing a query, the search box is %v px wide on a 390 px screen, want the header's width", b[0])
	}
	if !uncovered(t, ctx, `[data-testid="search-input"]`) {
		t.Error("the search box is covered while typing")
	}
	noConsoleErrors(t, cons)
}

// TestBrowserEntityRowsOneLine: in the entities panel a long name is cut
// with an ellipsis on its one line, its type before it and its count at
// the row's right, rather than the row breaking into two or three lines.
func TestBrowserEntityRowsOneLine(t *testing.T) {
	const article = "The Northern Atlantic Maritime Shipping and Harbour Authority of Greater Rotterdam (NAMSHAGR) met on Monday. " +
		"Officials of the Northern Atlantic Maritime Shipping and Harbour Authority of Greater Rotterdam said the talks went well. " +
		"Jan de Vries, a spokesman for the Northern Atlantic Maritime Shipping and Harbour Authority of Greater Rotterdam, spoke in Rotterdam."
	ctx, _, cons := openArticle(t, 1280, 800, article)
	waitVisible(t, ctx, `[data-testid="entity-item"]`)
	rows, err := evalJS[[][]float64](ctx, `[...document.querySelectorAll('[data-testid="entity-item"]')].map(li => {
		const top = sel => { const e = li.querySelector(sel); return e ? e.getBoundingClientRect().top : -1; };
		const n = li.querySelector('[data-testid="entity-name"]'), r = li.getBoundingClientRect();
		return [top('[data-testid="entity-type"]'), top('[data-testid="entity-name"]'), top('[data-testid="entity-count"]'), n.scrollWidth, n.clientWidth, li.querySelector('[data-testid="entity-count"]').getBoundingClientRect().right, r.right];
	})`)
	if err != nil {
		t.Fatal(err)
	}
	long := false
	for i, r := range rows {
		if r[0] >= 0 && math.Abs(r[0]-r[1]) > 4 || math.Abs(r[2]-r[1]) > 4 {
			t.Errorf("entity row %d: type at y %v, name at %v, count at %v: not one line", i, r[0], r[1], r[2])
		}
		if r[6]-r[5] > 12 {
			t.Errorf("entity row %d: the count ends %v px before the row's right edge", i, r[6]-r[5])
		}
		long = long || r[3] > r[4]
	}
	if !long {
		t.Error("no entity name was cut: the test's long name fits, it tests nothing")
	}
	noConsoleErrors(t, cons)
}

// TestBrowserPhoneMessage: on a phone a message with buttons keeps its text
// on the banner's width, the buttons under it, instead of squeezing the
// text into a narrow column beside them; the buttons stay on screen.
func TestBrowserPhoneMessage(t *testing.T) {
	ctx, _, cons := openAt(t, 390, 844)
	md, err := os.ReadFile(filepath.Join(repoRoot(t), "app", "extract", "testdata", "pasted-article.md"))
	if err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, string(md))
	waitMessage(t, ctx, "Recognised Markdown")
	b, err := boxOf(ctx, `[data-testid="message-text"]`)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] < 280 {
		t.Errorf("the message's text is %v px wide on a 390 px screen (%v px tall): squeezed beside its buttons", b[0], b[1])
	}
	if !uncovered(t, ctx, `[data-testid="message-action"]`) {
		t.Error("the message's button is not on screen")
	}
	noConsoleErrors(t, cons)
}

// TestBrowserPhoneLibraryPane: on a phone the library pane opened with ☰
// dims the article beside it, and a tap there, or Escape, closes it.
func TestBrowserPhoneLibraryPane(t *testing.T) {
	ctx, _, cons := openArticle(t, 390, 844, newsArticle)
	for _, how := range []string{"tap", "Escape"} {
		click(t, ctx, `[data-testid="library-toggle"]`)
		waitVisible(t, ctx, `[data-testid="library-scrim"]`)
		if !uncovered(t, ctx, `.side.left`) {
			t.Fatalf("%s: ☰ did not show the library pane", how)
		}
		// What is beside the pane is the dimmed scrim, not the article.
		hit, err := evalJS[string](ctx, `(e => e ? e.dataset.testid || e.className : "")(document.elementFromPoint(375, 500))`)
		if err != nil {
			t.Fatal(err)
		}
		if hit != "library-scrim" {
			t.Errorf("%s: beside the open pane is %q, want the scrim", how, hit)
		}
		if how == "tap" {
			if err := chromedp.Do(ctx, chromedp.MouseClickXY(375, 500)); err != nil {
				t.Fatal(err)
			}
		} else {
			press(t, ctx, kb.Escape)
		}
		if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="library-scrim"]') && getComputedStyle(document.querySelector('.side.left')).display === "none"`); err != nil {
			t.Errorf("%s did not close the library pane", how)
		}
	}
	noConsoleErrors(t, cons)
}

// TestBrowserPhoneReviewApply: on a phone, annotating all of a name's
// mentions brings the review list's Apply into the short panel under the
// article, so it can be pressed without first finding it, and a tap on a
// mention rejects it.
func TestBrowserPhoneReviewApply(t *testing.T) {
	ctx, _, cons := openArticle(t, 390, 844, newsArticle)
	typeKey(t, ctx, '/')
	typeLetters(t, ctx, "russia")
	waitVisible(t, ctx, `[data-testid="search-results"]`)
	press(t, ctx, kb.Enter, chromedp.ModifierCtrl)
	waitVisible(t, ctx, `[data-testid="review"]`)
	var on bool
	for range 20 {
		if on = uncovered(t, ctx, `[data-testid="review-apply"]`); on {
			break
		}
		settle(t, ctx)
	}
	if !on {
		t.Error("Apply of the review list is not on screen")
	}
	// A tap on a mention rejects it (the hint says so): Apply counts one less.
	click(t, ctx, `[data-testid="review-item"]:nth-child(2)`)
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="review-item"]:nth-child(2)').dataset.state === "rejected" && document.querySelector('[data-testid="review-apply"]').textContent === "Apply 2"`); err != nil {
		st, _ := evalJS[string](ctx, `document.querySelector('[data-testid="review-item"]:nth-child(2)').dataset.state + " / " + document.querySelector('[data-testid="review-apply"]').textContent`)
		t.Errorf("a tap on the second mention left it %q", st)
	}
	click(t, ctx, `[data-testid="review-apply"]`)
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="review"]')`); err != nil {
		t.Error("Apply did not close the review")
	}
	noConsoleErrors(t, cons)
}
