package main

import (
	"regexp"
	"testing"

	"gloss/app/entity"

	"github.com/chromedp/chromedp/kb"
)

// TestBrowserLongArticleBuildsInBackground pastes a 3 MB article: the text
// shows first, then the entities panel says names are being found while the
// page keeps painting frames (the build yields to the browser), a query
// typed meanwhile is answered once the index is ready, and the indication
// goes away; Page Down scrolls the article meanwhile. GLOSS_SHOTS=dir saves
// what the screen shows while it runs and after.
func TestBrowserLongArticleBuildsInBackground(t *testing.T) {
	ctx, _, _ := openApp(t)
	article := entity.SampleArticle(3<<20, 2)
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	// Before Load: watch for the indication and count the frames painted
	// while it is in the page.
	if _, err := evalJS[bool](ctx, `(() => {
		const w = window.__bg = {seen: false, frames: 0, gone: false, box: null, scrolled: false, scrolledBuilding: false};
		// Scrolls of the article, and whether names were still being found then.
		document.addEventListener("scroll", (e) => {
			if (!e.target.classList || !e.target.classList.contains("article-scroll")) return;
			w.scrolled = true;
			if (document.querySelector('[data-testid="entities-progress"]')) w.scrolledBuilding = true;
		}, {capture: true, passive: true});
		const tick = () => {
			const el = document.querySelector('[data-testid="entities-progress"]');
			if (el) {
				if (!w.seen) {
					const r = el.getBoundingClientRect();
					w.box = [r.width, r.height, getComputedStyle(el).visibility];
					w.tab = document.querySelector('[data-testid="entities-tab"] .count').textContent;
				}
				w.seen = true; w.frames++;
			} else if (w.seen) { w.gone = true; return; }
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		// Style sheets changed once the long article's paragraphs are in:
		// each change restyles and lays out every one of them. Changes in
		// the task that draws them come before them (the observers are
		// called in the order they were made: drawn is set after).
		w.sheets = 0;
		let drawn = false;
		const many = () => document.querySelectorAll('[data-testid="article"] p').length >= 1000;
		new MutationObserver((l) => {
			if (!drawn) return;
			for (const m of l) {
				const el = m.target.nodeType === 1 ? m.target : m.target.parentNode;
				if (el && el.nodeName === "STYLE" || [...m.addedNodes].some((n) => n.nodeName === "STYLE" || n.nodeName === "LINK")) {
					w.sheets++;
					w.what = (w.what || "") + " | " + (el && el.nodeName) + ": " + [...m.addedNodes].map((n) => (n.outerHTML || n.nodeName).slice(0, 100)).join(",");
				}
			}
		}).observe(document.head, {childList: true, subtree: true, characterData: true});
		new MutationObserver(() => { drawn = drawn || many(); }).observe(document.body, {childList: true, subtree: true});
		// The most entity rows added in one task: an observer's call gets
		// the changes of the task before it.
		w.rowsAtOnce = 0;
		new MutationObserver((l) => {
			let n = 0;
			for (const m of l) for (const a of m.addedNodes) if (a.nodeType === 1) n += (a.matches('[data-testid="entity-item"]') ? 1 : 0) + a.querySelectorAll('[data-testid="entity-item"]').length;
			w.rowsAtOnce = Math.max(w.rowsAtOnce, n);
		}).observe(document.body, {childList: true, subtree: true});
		document.querySelector('[data-testid="paste-input"]').value = `+jsString(article)+`;
		document.querySelector('[data-testid="paste-load"]').click();
		return true;
	})()`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	if _, err := pollJS[bool](ctx, `window.__bg.seen`); err != nil {
		t.Fatalf("no entities-progress indication while the index is built: %v", err)
	}
	shots(t, ctx, "long-article-building")
	// The person reads on: the article has the focus after Load, Page Down
	// scrolls it while the names are still being found.
	if id, _ := evalJS[string](ctx, `document.activeElement.id`); id != "article" {
		t.Errorf("the focus after Load is on %q, not the article", id)
	}
	press(t, ctx, kb.PageDown)
	press(t, ctx, kb.PageDown)
	if _, err := pollJS[bool](ctx, `window.__bg.scrolled`); err != nil {
		t.Fatalf("Page Down did not scroll the article: %v", err)
	}
	if b, _ := evalJS[bool](ctx, `window.__bg.scrolledBuilding`); !b {
		t.Log("the build ended before the article scrolled: nothing said of scrolling during it")
	}
	// A name typed while the index is built, as a person would.
	q := "lecuhi"
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="search-input"]'); b.focus(); b.value = `+jsString(q)+`; b.dispatchEvent(new Event("input", {bubbles: true})); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `window.__bg.gone`); err != nil {
		t.Fatalf("the indication never went away: %v", err)
	}
	bg, err := evalJS[map[string]any](ctx, `window.__bg`)
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := bg["frames"].(float64); f < 3 {
		t.Errorf("only %v frames painted while the index was built: the build did not yield (%v)", f, bg)
	}
	if box, _ := bg["box"].([]any); len(box) != 3 || box[0].(float64) <= 0 || box[1].(float64) <= 0 || box[2] != "visible" {
		t.Errorf("the indication was not visible: %v", bg["box"])
	}
	if n, _ := bg["sheets"].(float64); n != 0 {
		t.Errorf("a style sheet changed %v times after the paragraphs were drawn (each change restyles them all): %v", n, bg["what"])
	}
	if tab, _ := bg["tab"].(string); tab != "…" {
		t.Errorf("the entities tab counted %q while names were being found, want …", tab)
	}
	if n, _ := evalJS[int](ctx, `+document.querySelector('[data-testid="entities-tab"] .count').textContent.replaceAll(",", "")`); n == 0 {
		t.Errorf("the entities tab counts no entities after the build")
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="search-result"]').length > 0`); err != nil {
		t.Errorf("the query typed during the build found nothing once the index was ready: %v", err)
	}
	if n, _ := evalJS[int](ctx, `+document.querySelector('[data-testid="entities"] h2 .muted').textContent.replaceAll(",", "")`); n == 0 {
		t.Errorf("no entities listed after the build")
	}
	// The tab and the panel's heading write the same count, its thousands
	// grouped (36,135) as the load message writes the characters.
	if c, _ := evalJS[[]string](ctx, `[document.querySelector('[data-testid="entities-tab"] .count').textContent, document.querySelector('[data-testid="entities"] h2 .muted').textContent]`); len(c) != 2 || c[0] != c[1] || !regexp.MustCompile(`^\d{1,3}(,\d{3})+$`).MatchString(c[0]) {
		t.Errorf("the entities tab and panel count %q, want the same count with its thousands grouped", c)
	}
	// The install renders the panel's rows and applies the suggestion
	// highlights over several tasks: in the end every row of the page is
	// there, laid out and named, and every label suggested in
	// the list underlines its mentions in the article.
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="entity-item"]').length === 100`); err != nil {
		n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="entity-item"]').length`)
		t.Errorf("%d entity rows after the build, want a page of 100: %v", n, err)
	}
	// Ten rows a task (app/ui's installRows): go-app draws a dispatch's
	// changes in a frame of its own, and steps that did not wait for it
	// were all drawn in one task (80 rows, 60-80 ms on a 5 MB article).
	if n, _ := evalJS[int](ctx, `window.__bg.rowsAtOnce`); n > 10 || n == 0 {
		t.Errorf("%d entity rows added in one task, want 1 to 10", n)
	}
	got, err := pollJS[map[string]any](ctx, `(() => {
		const rows = [...document.querySelectorAll('[data-testid="entity-item"]')];
		const hidden = rows.filter((r) => { const b = r.getBoundingClientRect(); return b.width <= 0 || b.height <= 0 || getComputedStyle(r).visibility !== "visible"; }).length;
		const unnamed = rows.filter((r) => !r.querySelector('[data-testid="entity-name"]').textContent.trim()).length;
		const suggested = new Set(rows.filter((r) => r.querySelector(".lab.sug")).map((r) => r.dataset.label));
		let lit = 0;
		if (window.CSS && CSS.highlights) for (const name of CSS.highlights.keys()) if (/^gloss-t\d+$/.test(name) && gloss.highlightCount(name) > 0) lit++;
		if (lit < suggested.size) return null; // still being applied
		return {rows: rows.length, hidden, unnamed, suggested: suggested.size, lit};
	})()`)
	if err != nil {
		t.Fatalf("the suggestion highlights of the labels listed never all appeared: %v", err)
	}
	if got["hidden"].(float64) != 0 || got["unnamed"].(float64) != 0 || got["suggested"].(float64) < 2 {
		t.Errorf("entity rows after the build: %v (want none hidden or unnamed, at least 2 labels suggested)", got)
	}
	shots(t, ctx, "long-article-built")
}
