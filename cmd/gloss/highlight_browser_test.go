package main

import (
	"strings"
	"testing"
)

// TestBrowserHighlightIncremental drives gloss.highlight as the suggestions
// use it on a long article: more ranges than it makes at once (the rest
// come in slices), then a smaller set (only what left is removed), a
// paragraph redrawn with an annotation (its ranges are made again, not
// left stale), and a call that replaces one still filling. After each,
// every range of the highlight is a StaticRange covering exactly the word
// it was asked for.
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
		window.__hlOK = () => {
			const h = CSS.highlights.get("gloss-test");
			if (!h || h.size !== __want.length) return "size " + (h ? h.size : "none") + ", want " + __want.length;
			// Live Ranges would be updated by the browser on every change to the page.
			for (const r of h) if (!(r instanceof StaticRange)) return "a live Range in the highlight";
			const got = new Set();
			for (const r of h) {
				const p = r.startContainer.parentElement.closest("p");
				const pre = document.createRange();
				pre.setStart(p, 0);
				pre.setEnd(r.startContainer, r.startOffset);
				const live = document.createRange();
				live.setStart(r.startContainer, r.startOffset);
				live.setEnd(r.endContainer, r.endOffset);
				got.add(p.dataset.i + ":" + pre.toString().length + ":" + live.toString());
			}
			const miss = __want.filter((k) => !got.has(k));
			return miss.length ? "missing or wrong: " + miss.slice(0, 3).join(" ") : "";
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
}
