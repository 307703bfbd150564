package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gloss/app/entity"
)

// benchImportHTML measures reading a saved web page through the extraction
// worker (web/extract-worker.js, web/extract.wasm): from the Load click to
// the article's paragraphs in the DOM, for a ~200 KB news page pasted as
// source. Each round is a fresh browser (empty HTTP cache):
//   - import_html_cold_ms: pasted at once after the app is ready, before
//     the worker's idle-time start: the worker's script and module are
//     fetched and compiled, and its Go program started, while the person
//     waits (the worst case, a first visit);
//   - import_html_idle_ms: pasted once the worker has started by itself in
//     idle time after the first paint (the page's "gloss-extract-ready"
//     mark): what a person pasting a few seconds after the page opened
//     waits;
//   - import_html_warm_ms: the next page pasted in the same page.
//   - import_html_paste_ms: as import_html_cold_ms, but pasted as a person
//     does (the paste event in the box) and Load pressed 1 s later: the
//     paste starts the worker (gloss.onIntent), so this is what is left
//     of its start at a person's pace.
//
// extract_ready_after_paint_ms is when the idle start had the worker ready,
// after the app's first paint.
func benchImportHTML(t *testing.T, figs *figures, dir string) {
	page, next := benchWebPage(200<<10, benchSeed), benchWebPage(200<<10, benchSeed+1)
	for i := 0; i < 3; i++ {
		base := serveSite(t, dir, "")
		for _, mode := range []string{"cold", "idle", "paste"} {
			idle := mode == "idle"
			ctx := benchBrowser(t, 120*time.Second)
			installInit(t, ctx, strings.TrimSuffix(base, "/"), nil, false)
			_, paint := loadTiming(t, ctx, base)
			if _, err := pollJS[bool](ctx, `!!document.getElementById("paste-input")`); err != nil {
				t.Fatalf("no paste box: %v", err)
			}
			name, pause := "import_html_cold_ms", 0
			if mode == "paste" {
				name, pause = "import_html_paste_ms", 1000
			}
			if idle {
				name = "import_html_idle_ms"
				ready, err := chromedp.Run(ctx, chromedp.Poll[float64](`(performance.getEntriesByName("gloss-extract-ready")[0]||{}).startTime||0`,
					chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
				if err == nil {
					figs.add("extract_ready_after_paint_ms", ready-paint)
				} else if i == 0 {
					// A build from before the worker (GLOSS_BENCH_WASM), to compare.
					figs.note("no gloss-extract-ready mark in 20 s: this app.wasm reads pages itself")
				}
			}
			figs.add(name, importOnce(t, ctx, page, 1, pause))
			if idle {
				figs.add("import_html_warm_ms", importOnce(t, ctx, next, 2, 0))
			}
			if _, err := evalJS[bool](ctx, `localStorage.clear(), true`); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// importOnce pastes src in the new-article box, presses Load and returns the
// time until the n-th article's paragraphs are in the DOM. With pause > 0
// the box first gets a paste event, as a person's paste does, and Load is
// pressed pause ms later.
func importOnce(t *testing.T, ctx context.Context, src string, n, pause int) float64 {
	t.Helper()
	return inPage[float64](t, ctx, `
		const nb = document.querySelector('[data-testid="new-article"]');
		if (nb && !document.getElementById("paste-input").getClientRects().length) nb.click();
		await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		const box = document.getElementById("paste-input");
		if (`+fmt.Sprint(pause)+` > 0) {
			const dt = new DataTransfer();
			dt.setData("text/plain", "<!DOCTYPE html>");
			box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
		}
		box.value = `+jsString(src)+`;
		if (`+fmt.Sprint(pause)+` > 0) await new Promise((r) => setTimeout(r, `+fmt.Sprint(pause)+`));
		const shown = () => document.querySelectorAll('[data-testid="library-item"]').length >= `+fmt.Sprint(n)+` &&
			!!document.querySelector('[data-testid="article"] p') && !document.querySelector('[data-testid="message-busy"]');
		const done = new Promise((res) => {
			const mo = new MutationObserver(() => { if (shown()) { mo.disconnect(); res(performance.now()); } });
			mo.observe(document.body, {childList: true, subtree: true, attributes: true});
		});
		const t0 = performance.now();
		document.querySelector('[data-testid="paste-load"]').click();
		return (await done) - t0;`)
}

// benchWebPage is a saved news page of about n bytes: navigation, an article
// of the sample's paragraphs, related links and a footer.
func benchWebPage(n int, seed int64) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour talks | The Gazette</title>` +
		`<script>window.dataLayer = [];</script><style>body { font: 16px serif }</style></head><body>` +
		`<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>` +
		`<main><article><h1>Harbour talks</h1><p class="byline">By Marta Silva</p>`)
	for _, p := range strings.Split(entity.SampleArticle(n, seed), "\n\n") {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article><aside><h2>Related</h2><ul><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">New tram line</a></li></ul></aside>` +
		`</main><footer>© The Gazette</footer></body></html>`)
	return b.String()
}

// benchExtractSize records the extraction worker's module size, raw and
// brotli -q 11, beside app.wasm's.
func benchExtractSize(t *testing.T, figs *figures, dir string) {
	path := filepath.Join(dir, "web", "extract.wasm")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	figs.size("extract_wasm_bytes", int64(len(data)))
	figs.size("extract_wasm_brotli_bytes", int64(len(brotliQ11(t, path, data))))
}
