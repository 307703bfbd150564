package main

import (
	"context"
	"strings"
	"testing"
)

// TestBrowserHighlightIncremental drives gloss.highlight as the suggestions
// use it on a long article: 9,000 spans, then a smaller set (only what left
// is removed), a paragraph redrawn with an annotation (its ranges are made
// again, not left stale), and a call that replaces another. After each, the
// highlight holds every span asked for, a StaticRange for each word asked
// for on screen and none that was not asked for. Only the paragraphs near
// the view have ranges: scrolled to the end, the last ones get theirs.
func TestBrowserHighlightIncremental(t *testing.T) {
	ctx, _, _ := openApp(t)
	var b strings.Builder
	for i := 0; i < 1500; i++ {
		b.WriteString("alpha beta gamma delta epsilon zeta\n\n")
	}
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(() => {
		document.querySelector('[data-testid="paste-input"]').value = `+jsString(b.String())+`;
		document.querySelector('[data-testid="paste-load"]').click();
		return true;
	})()`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="article"] p').length === 1500`); err != nil {
		t.Fatalf("the article's 1,500 paragraphs were not drawn: %v", err)
	}
	// window.__hl(every) highlights every every-th word of each paragraph
	// (9,000 words in all for 1) and returns the count; window.__hlOK says
	// whether the highlight holds exactly the ranges asked for last.
	if _, err := evalJS[bool](ctx, `(() => {
		const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
		window.__hl = (every) => {
			const t = [];
			window.__want = [];
			for (let i = 0; i < 1500; i++) {
				let at = 0;
				words.forEach((w, k) => {
					if (k % every === 0) { t.push(i, at, at + w.length); __want.push(i + ":" + at + ":" + w); }
					at += w.length + 1;
				});
			}
			return gloss.highlight("gloss-test", new Uint8Array(new Int32Array(t).buffer));
		};
		// __hlOK says whether the highlight holds the spans asked for last
		// (gloss.highlightCount), has a range for each word asked for in
		// the paragraphs on screen, and no range that was not asked for.
		window.__hlOK = () => {
			const h = CSS.highlights.get("gloss-test");
			if (!h) return "no highlight";
			if (gloss.highlightCount("gloss-test") !== __want.length) return "holds " + gloss.highlightCount("gloss-test") + " spans, want " + __want.length;
			// Live Ranges would be updated by the browser on every change to the page.
			for (const r of h) if (!(r instanceof StaticRange)) return "a live Range in the highlight";
			const want = new Set(__want), got = new Set();
			for (const r of h) {
				if (!r.startContainer.isConnected) return "a range over text no longer in the page";
				const p = r.startContainer.parentElement.closest("p");
				const pre = document.createRange();
				pre.setStart(p, 0);
				pre.setEnd(r.startContainer, r.startOffset);
				const live = document.createRange();
				live.setStart(r.startContainer, r.startOffset);
				live.setEnd(r.endContainer, r.endOffset);
				const k = p.dataset.i + ":" + pre.toString().length + ":" + live.toString();
				if (!want.has(k)) return "a range not asked for: " + k;
				got.add(k);
			}
			const shown = new Set();
			for (const p of document.querySelectorAll('[data-testid="article"] p')) {
				const b = p.getBoundingClientRect();
				if (b.height > 0 && b.bottom > 0 && b.top < innerHeight) shown.add(p.dataset.i);
			}
			if (!shown.size) return "no paragraph on screen";
			const miss = __want.filter((k) => shown.has(k.split(":")[0]) && !got.has(k));
			return miss.length ? "missing on screen: " + miss.slice(0, 3).join(" ") : "";
		};
		// __hlHas(i) says whether paragraph i has ranges in the highlight.
		window.__hlHas = (i) => {
			for (const r of CSS.highlights.get("gloss-test")) if (r.startContainer.parentElement.closest("p").dataset.i === String(i)) return true;
			return false;
		};
		return true;
	})()`); err != nil {
		t.Fatal(err)
	}
	check := func(step, js string) {
		t.Helper()
		n, err := evalJS[int](ctx, js)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pollJS[bool](ctx, `__hlOK() === ""`); err != nil {
			why, _ := evalJS[string](ctx, `__hlOK()`)
			t.Fatalf("%s: %s", step, why)
		}
		if want, _ := evalJS[int](ctx, `__want.length`); n != want {
			t.Errorf("%s: highlight returned %d, want %d", step, n, want)
		}
	}
	check("9,000 ranges", `__hl(1)`)
	check("every other word", `__hl(2)`)
	// Paragraph 0 redrawn with an annotation over "alpha": its text nodes
	// are new, so its ranges must be made again.
	check("paragraph redrawn", `(() => {
		gloss.paint(JSON.stringify({anns: {x: {label: "PER", color: "#ff0000", start: 0, end: 5, text: "alpha"}}, paras: [[0, [[0, 5, "x", true, true]]]]}));
		return __hl(2);
	})()`)
	check("replaced while filling", `(() => { __hl(1); return __hl(3); })()`)
	check("all again", `__hl(1)`)

	// Windowed: the article is many screens long, and only the paragraphs
	// near the view have ranges (Chromium rebuilds its markers from every
	// range at each frame after a change); scrolled to the end, the last
	// paragraph's words get theirs and the first paragraph's go.
	if n, err := evalJS[int](ctx, `CSS.highlights.get("gloss-test").size`); err != nil || n >= 9000 || !mustJS[bool](t, ctx, `__hlHas(0) && !__hlHas(1499)`) {
		t.Errorf("at the top: %d ranges for 9,000 spans (%v), want only those near the view, the first paragraph's among them", n, err)
	}
	// The window is of paragraphs, not of the article's blocks (64
	// paragraphs here, several screens): a paragraph of the first block
	// more than three screens below the view has none, one under two
	// screens below it has them.
	far, err := evalJS[string](ctx, `(() => {
		const ps = document.querySelectorAll('[data-testid="article"] p');
		const p = ps[63], q = [...ps].find((p) => p.getBoundingClientRect().top > 1.5 * innerHeight);
		if (p.parentElement !== ps[0].parentElement) return "paragraph 63 is not in the first block";
		if (p.getBoundingClientRect().top < 3.2 * innerHeight) return "paragraph 63 is not three screens below the view";
		if (__hlHas(63)) return "paragraph 63, " + Math.round(p.getBoundingClientRect().top / innerHeight) + " screens below the view, has ranges";
		if (!q || !__hlHas(+q.dataset.i)) return "paragraph " + (q && q.dataset.i) + ", under two screens below the view, has none";
		return "";
	})()`)
	if err != nil || far != "" {
		t.Errorf("at the top: %s (%v)", far, err)
	}
	if _, err := evalJS[bool](ctx, `document.querySelector('[data-testid="article"] p[data-i="1499"]').scrollIntoView(), true`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `__hlOK() === "" && __hlHas(1499) && !__hlHas(0)`); err != nil {
		why, _ := evalJS[string](ctx, `__hlOK() + " last: " + __hlHas(1499) + " first: " + __hlHas(0)`)
		t.Fatalf("scrolled to the end: %s", why)
	}
	check("every other word, at the end", `__hl(2)`)
}

// mustJS evaluates expr, failing the test on an error.
func mustJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := evalJS[T](ctx, expr)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
