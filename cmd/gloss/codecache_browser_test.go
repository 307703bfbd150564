package main

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// wasmEventCounter counts the wasm trace events startTrace hands on, by
// name.
func wasmEventCounter(names map[string]int) func(ev []byte) {
	return func(ev []byte) {
		var x struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(ev, &x) == nil {
			names[x.Name]++
		}
	}
}

// wasmTraceCats are the trace categories of V8's code-cache events
// (v8.wasm.cachedModule, v8.wasm.moduleCacheHit) and its lazy compiles.
var wasmTraceCats = []string{"v8.wasm", "disabled-by-default-devtools.timeline", "devtools.timeline", "v8"}

// TestBrowserSecondVisitCodeCache: a person's second visit takes app.wasm's
// compiled code from V8's code cache. Chromium keeps a module's code with
// the response it was compiled from; a first visit compiles the network's
// copy, and every later one is served the service worker's. Once the
// worker is active the first page adopts it (glossAdoptWorker): claimed, it
// compiles the worker's copy too, V8 hands back the module it is running,
// and the code optimised from then on is written with the worker's copy as
// well. Without it the second visit compiled the module again (traced: no
// moduleCacheHit, 1,300–1,900 functions compiled lazily). Also: the claim
// is not taken for an update, and the files the first install left out
// are cached.
func TestBrowserSecondVisitCodeCache(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	// V8 writes a module's code once it has some optimised code and nothing
	// new was compiled for a while: lowered so that the test depends neither
	// on how much a start optimises nor on the machine's speed.
	ctx := newBrowserWith(t, browserTimeout, chromedp.Flag("js-flags",
		"--wasm-caching-threshold=1000 --wasm-caching-hard-threshold=1000 --wasm-caching-timeout-ms=100"))
	cons := logConsoleErrors(t, ctx)

	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-adopted", "mark").length > 0`); err != nil {
		t.Fatalf("first visit: the page never adopted the service worker: %v", err)
	}
	if c, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !c {
		t.Fatal("first visit: adopted, yet no service worker controls the page")
	}
	// A person then works: V8 optimises more code, and writes it.
	first := map[string]int{}
	tr := startTrace(t, ctx, wasmTraceCats, wasmEventCounter(first))
	pasteArticle(t, ctx, "Visit notes\n\nGrace Hopper spoke in Arlington. Ada Lovelace met Charles Babbage in London.")
	if !tr.stop(t, ctx, 30*time.Second) {
		t.Log("first visit: tracing did not complete")
	}
	for try := 0; first["v8.wasm.cachedModule"] == 0 && try < 20; try++ {
		tr := startTrace(t, ctx, wasmTraceCats, wasmEventCounter(first))
		time.Sleep(500 * time.Millisecond)
		tr.stop(t, ctx, 30*time.Second)
	}
	if first["v8.wasm.cachedModule"] == 0 {
		t.Fatalf("first visit: V8 never wrote the module's code after the page adopted the worker (%s)", describeCache(first))
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="update"]').length`); n != 0 {
		t.Error("first visit: an update is offered (the worker's claim taken for one)")
	}
	// What the first install left out is cached now.
	if err := waitWorkerFilled(ctx); err != nil {
		t.Error(err)
	}

	second := map[string]int{}
	tr = startTrace(t, ctx, wasmTraceCats, wasmEventCounter(second))
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if !tr.stop(t, ctx, 30*time.Second) {
		t.Log("second visit: tracing did not complete")
	}
	t.Logf("second visit: %v", second)
	// The page itself came from the worker's cache by its static route,
	// without starting the worker (Chromium).
	if src, _ := evalJS[string](ctx, `(() => {
		const n = performance.getEntriesByType("navigation")[0];
		return "workerFinalSourceType" in n ? n.workerFinalSourceType : "n/a";
	})()`); src != "cache" && src != "n/a" {
		t.Errorf("second visit: the page came from %q, want the worker's cache by its static route", src)
	}
	if second["v8.wasm.moduleCacheHit"] == 0 {
		t.Errorf("second visit: app.wasm not taken from V8's code cache (%s)", describeCache(second))
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// waitWorkerFilled waits until the service worker's cache holds the page,
// its scripts, the lexicon, the extraction worker and app.wasm: what a
// first visit's install and fill cache (see ui.ServiceWorker).
func waitWorkerFilled(ctx context.Context) error {
	filled, err := pollJS[bool](ctx, `(async () => {
		const keys = await caches.keys();
		if (keys.length !== 1) return null;
		const c = await caches.open(keys[0]);
		for (const p of ["web/lexicon.txt", "web/extract.wasm", "web/gloss.js", "app.js", "web/app.wasm", ""]) {
			if (!(await c.match(new URL(p, location.href).href))) return null;
		}
		return true;
	})()`)
	if err != nil || !filled {
		return fmt.Errorf("the worker's cache never held the page, its scripts, the lexicon, the extraction worker and app.wasm: %v", err)
	}
	return nil
}
