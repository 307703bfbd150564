package main

import (
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserWasmStartsEarly: web/wasm-start.js starts fetching and
// compiling app.wasm while the page is read, and the loader in app.js
// instantiates that module instead of fetching it again — on the first visit
// and on a visit served by the service worker, under a URL prefix. The
// head's other scripts are requested before it runs, not one after another,
// and after it is requested. The page the worker serves holds it inlined
// (ui.ServiceWorker), allowed by the policy: no violation.
func TestBrowserWasmStartsEarly(t *testing.T) {
	const prefix = "/early/start"
	dir := buildSite(t, prefix)
	base := serveSite(t, dir, prefix)
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	armTrap(t, ctx, false) // records the policy's violations
	check := func(visit string, preload, inline bool) {
		t.Helper()
		if err := waitAppReady(ctx); err != nil {
			t.Fatalf("%s: %v", visit, err)
		}
		got, err := evalJS[map[string]any](ctx, `(() => {
			const mark = (n) => { const e = performance.getEntriesByName(n, "mark")[0]; return e ? e.startTime : -1; };
			// Before Go started: a first visit later fetches it again from
			// the service worker's cache (glossAdoptWorker).
			const wasm = performance.getEntriesByType("resource").filter((r) => new URL(r.name).pathname.endsWith("/app.wasm") && r.startTime < mark("gloss-instantiated"));
			return {
				fetches: wasm.length,
				path: wasm.length ? new URL(wasm[0].name).pathname : "",
				early: mark("gloss-fetch-start"),
				loader: mark("gloss-loader"),
				// The head's other scripts were requested before
				// wasm-start.js ran (cmd/gloss/head.go): the preload
				// scanner is off under the page's CSP <meta>, and gloss.js
				// used to be requested only once boot.js had run.
				late: ["/web/boot.js", "/web/gloss.js", "/app.js", "/wasm_exec.js"].filter((p) => {
					const r = performance.getEntriesByType("resource").find((r) => new URL(r.name).pathname.endsWith(p));
					return !r || r.startTime > mark("gloss-fetch-start");
				}),
				// As a file, wasm-start.js is requested before the head's
				// other files: a server over HTTP/1.1 answers six at a
				// time. Inlined, it is not requested at all.
				inline: !!document.head.querySelector("script[data-wasm]:not([src])"),
				requested: performance.getEntriesByType("resource").some((r) => new URL(r.name).pathname.endsWith("/wasm-start.js")),
				violations: window.__cspViolations || [],
				before: (() => {
					const res = performance.getEntriesByType("resource");
					const start = res.find((r) => new URL(r.name).pathname.endsWith("/web/wasm-start.js"));
					if (!start) return [];
					return ["/app.css", "/web/gloss.css", "/wasm_exec.js", "/app.js", "/web/boot.js", "/web/gloss.js"].filter((p) => {
						const r = res.find((r) => new URL(r.name).pathname.endsWith(p));
						return !r || r.startTime < start.startTime;
					});
				})(),
				preload: !!document.querySelector('link[rel="preload"][href$="/app.wasm"]'),
				taken: window.glossWasm === null,
				starting: document.documentElement.classList.contains("gloss-starting"),
				shell: (() => { const r = document.querySelector("body > .shell")?.getBoundingClientRect(); return r ? r.width * r.height : 0; })(),
			};
		})()`)
		if err != nil {
			t.Fatal(err)
		}
		if got["fetches"] != float64(1) || got["path"] != prefix+"/web/app.wasm" {
			t.Errorf("%s: app.wasm fetched %v times from %v, want once from %s/web/app.wasm", visit, got["fetches"], got["path"], prefix)
		}
		early, loader := got["early"].(float64), got["loader"].(float64)
		if early < 0 || loader < 0 || early > loader {
			t.Errorf("%s: wasm fetch started at %v, loader ran at %v: want the fetch started (by wasm-start.js) before the loader", visit, early, loader)
		}
		if late, _ := got["late"].([]any); len(late) > 0 {
			t.Errorf("%s: %v requested after wasm-start.js ran, want all the head's scripts requested before (preloaded)", visit, late)
		}
		if got["inline"] != inline || got["requested"] == inline {
			t.Errorf("%s: wasm-start.js inlined %v, requested as a file %v; want inlined %v", visit, got["inline"], got["requested"], inline)
		}
		if v, _ := got["violations"].([]any); len(v) > 0 {
			t.Errorf("%s: Content-Security-Policy violations %v", visit, v)
		}
		if before, _ := got["before"].([]any); len(before) > 0 {
			t.Errorf("%s: %v requested before wasm-start.js (or not at all), want wasm-start.js requested first", visit, before)
		}
		// A first visit's page (the network's) preloads app.wasm; the
		// page the worker serves must not (no code cache for a module
		// compiled from a preloaded response).
		if got["preload"] != preload {
			t.Errorf("%s: app.wasm preloaded: %v, want %v", visit, got["preload"], preload)
		}
		if got["taken"] != true {
			t.Errorf("%s: window.glossWasm is %v after start, want null (taken by the loader)", visit, got["taken"])
		}
		// The prerendered page is not laid out while the wasm starts; the
		// app Go mounted is.
		if got["starting"] != false || got["shell"] == float64(0) {
			t.Errorf("%s: after start html.gloss-starting is %v and the app's shell has area %v, want the class gone and the shell drawn", visit, got["starting"], got["shell"])
		}
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	check("first visit", true, false)
	if _, err := pollJS[bool](ctx, `navigator.serviceWorker.ready.then(() => true)`); err != nil {
		t.Fatal(err)
	}
	// The worker has cached the page (its copy, without the preload).
	if err := waitWorkerFilled(ctx); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base+"?again"); err != nil {
		t.Fatal(err)
	}
	if c, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !c {
		t.Error("second visit not served by the service worker")
	}
	check("second visit", false, true)
	// The worker's static route (Chromium) answers from its cache.
	if src, _ := evalJS[string](ctx, `(() => {
		const r = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/app.wasm"));
		return r && "workerFinalSourceType" in r ? r.workerFinalSourceType : "n/a";
	})()`); src != "cache" && src != "n/a" {
		t.Errorf("second visit: app.wasm came from %q, want the worker's cache by its static route", src)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserWarmStartKeepsFileUnderOtherPolicy: a host whose policy
// governs scripts by default-src alone leaves the service worker no
// script-src to allow the inlined wasm-start.js in (one of its own would
// change what else the policy allows): the page the worker serves then
// keeps the file, and the start works as before, with no violation.
func TestBrowserWarmStartKeepsFileUnderOtherPolicy(t *testing.T) {
	const policy = "default-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'"
	dir := buildSite(t, "")
	h := siteHandler(dir, "")
	base := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(policyWriter{w, policy}, r)
	})) + "/"
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	armTrap(t, ctx, false) // records the policy's violations
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if err := waitWorkerFilled(ctx); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base+"?again"); err != nil {
		t.Fatal(err)
	}
	got, err := evalJS[map[string]any](ctx, `({
		controlled: !!navigator.serviceWorker.controller,
		inline: !!document.head.querySelector("script[data-wasm]"),
		file: !!document.head.querySelector('script[src$="/web/wasm-start.js"]'),
		early: performance.getEntriesByName("gloss-fetch-start", "mark").length > 0,
		taken: window.glossWasm === null,
		violations: window.__cspViolations || [],
	})`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"controlled": true, "inline": false, "file": true, "early": true, "taken": true, "violations": []any{}}
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("the worker's page under a default-src policy: %s = %v, want %v", k, got[k], v)
		}
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// policyWriter sends policy as the Content-Security-Policy header instead
// of the one the handler set.
type policyWriter struct {
	http.ResponseWriter
	policy string
}

func (w policyWriter) WriteHeader(code int) {
	w.Header().Set("Content-Security-Policy", w.policy)
	w.ResponseWriter.WriteHeader(code)
}

func (w policyWriter) Write(b []byte) (int, error) {
	w.Header().Set("Content-Security-Policy", w.policy)
	return w.ResponseWriter.Write(b)
}

// TestBrowserPrerenderedWithoutWasm: where go-app does not start the wasm
// (?wasm=false, as for robots) it removes its loader, and the prerendered
// page that wasm-start.js kept from being laid out under it shows.
func TestBrowserPrerenderedWithoutWasm(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"?wasm=false")); err != nil {
		t.Fatal(err)
	}
	area, err := pollJS[float64](ctx, `(() => {
		if (document.getElementById("app-wasm-loader")) return null;
		const r = document.querySelector("body > .shell").getBoundingClientRect();
		return r.width * r.height || null;
	})()`)
	if err != nil {
		t.Fatalf("the prerendered page never showed: %v", err)
	}
	if area == 0 {
		t.Error("prerendered shell has no box")
	}
	if ready, _ := evalJS[bool](ctx, `document.body.dataset.ready === "1"`); ready {
		t.Error("?wasm=false: Go started anyway")
	}
}

// TestBrowserWorkerRegisteredAfterStart: on a first visit the service
// worker (whose install downloads app.wasm again) is registered only once Go
// runs, and then adopted: it claims the page, with no update offered, and
// the page compiles the worker's copy of app.wasm too (so that V8 keeps the
// module's code with it: TestBrowserSecondVisitCodeCache). On a visit it
// controls, it is registered at once, as go-app does (so an update found
// during the load is offered). Offline use after the first visit is
// TestBrowserOfflineSubpath's.
func TestBrowserWorkerRegisteredAfterStart(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	const spy = `(() => {
		const sw = navigator.serviceWorker;
		if (!sw) return;
		const register = sw.register.bind(sw);
		sw.register = (...args) => {
			window.__registeredAt = performance.now();
			return register(...args);
		};
	})()`
	addInitScript(t, ctx, spy)
	order := func(visit string) (registered, started float64) {
		t.Helper()
		v, err := pollJS[[]float64](ctx, `(() => {
			const m = performance.getEntriesByName("gloss-instantiated", "mark")[0];
			return window.__registeredAt && m ? [window.__registeredAt, m.startTime] : null;
		})()`)
		if err != nil {
			t.Fatalf("%s: service worker never registered or Go never started: %v", visit, err)
		}
		return v[0], v[1]
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if reg, start := order("first visit"); reg < start {
		t.Errorf("first visit: service worker registered at %.0f ms, before Go started (%.0f ms)", reg, start)
	}
	adopted, err := pollJS[string](ctx, `(() => {
		const m = performance.getEntriesByName("gloss-adopt-start", "mark")[0];
		if (!m || !performance.getEntriesByName("gloss-adopted", "mark").length) return null;
		const r = performance.getEntriesByType("resource").filter((r) => r.name.endsWith("/app.wasm") && r.startTime >= m.startTime);
		return r.length === 1 ? (r[0].workerFinalSourceType ?? "n/a") : "fetched " + r.length + " times";
	})()`)
	if err != nil {
		t.Fatalf("first visit: the page never adopted the worker: %v", err)
	}
	if adopted != "cache" && adopted != "n/a" {
		t.Errorf("first visit: adopting, app.wasm came from %q, want the worker's cache", adopted)
	}
	if c, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !c {
		t.Error("first visit: adopted, yet no service worker controls the page")
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="update"]').length`); n != 0 {
		t.Error("first visit: an update is offered (the worker's claim taken for one)")
	}
	if _, err := pollJS[bool](ctx, `navigator.serviceWorker.ready.then(() => true)`); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base+"?again"); err != nil {
		t.Fatal(err)
	}
	if c, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !c {
		t.Fatal("second visit not served by the service worker")
	}
	if reg, start := order("second visit"); reg > start {
		t.Errorf("second visit: service worker registered at %.0f ms, after Go started (%.0f ms): want at once", reg, start)
	}
}

// TestBrowserMountsBareShell: go-app mounts the App before OnMount opens the
// library; what it mounts then is the bare shell, not the empty page that
// the next render replaced at every start. The page after it is whole, and
// works from the keyboard.
func TestBrowserMountsBareShell(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	// Counts the shell's elements when OnMount runs (its first perf mark).
	const spy = `(() => {
		const mark = performance.mark.bind(performance);
		performance.mark = (name, ...rest) => {
			if (name === "gloss-mount") {
				const shell = document.querySelector("body > .shell");
				window.__atMount = shell ? shell.querySelectorAll("*").length : -1;
			}
			return mark(name, ...rest);
		};
	})()`
	addInitScript(t, ctx, spy)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	n, err := evalJS[int](ctx, `window.__atMount`)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("when OnMount ran the mounted shell held %d elements, want 0 (the bare shell)", n)
	}
	// The page drawn after it: the new-article pane with its paste box
	// focused; pasted text and Ctrl+Enter open the article, no mouse.
	openByKeyboard(t, ctx, newsArticle)
}

// TestBrowserFillAfterStart: on a visit the service worker controls, the
// page asks it to cache what may be missing ("gloss:fill") only in idle
// time after the start, not while the first screen is drawn (it would
// start a stopped worker then), and the worker still fills its cache.
func TestBrowserFillAfterStart(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-adopted", "mark").length > 0`); err != nil {
		t.Fatalf("first visit: never adopted: %v", err)
	}
	// An entry the worker's cache lost (a browser evicting it, say).
	const lexicon = `(async () => {
		const keys = await caches.keys();
		if (keys.length !== 1) return null;
		const c = await caches.open(keys[0]);
		return !!(await c.match(new URL("web/lexicon.txt", location.href).href));
	})()`
	if ok, err := pollJS[bool](ctx, lexicon); err != nil || !ok {
		t.Fatalf("first visit: the worker never cached the lexicon: %v", err)
	}
	if ok, err := evalJS[bool](ctx, `(async () => {
		const c = await caches.open((await caches.keys())[0]);
		return c.delete(new URL("web/lexicon.txt", location.href).href);
	})()`); err != nil || !ok {
		t.Fatalf("deleting the lexicon from the worker's cache: %v", err)
	}
	if err := waitReady(ctx, base+"?again"); err != nil {
		t.Fatal(err)
	}
	if c, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !c {
		t.Fatal("second visit not controlled")
	}
	at, err := pollJS[[]float64](ctx, `(() => {
		const m = (n) => performance.getEntriesByName(n, "mark")[0]?.startTime;
		return m("gloss-fill") !== undefined && m("gloss-complete") !== undefined ? [m("gloss-fill"), m("gloss-complete")] : null;
	})()`)
	if err != nil {
		t.Fatalf("second visit: the page never asked the worker to fill its cache: %v", err)
	}
	if at[0] < at[1] {
		t.Errorf("second visit: gloss:fill posted at %.0f ms, before the page was complete (%.0f ms): want it in idle time after", at[0], at[1])
	}
	if ok, err := pollJS[bool](ctx, lexicon); err != nil || !ok {
		t.Errorf("second visit: the worker never cached the lexicon again: %v", err)
	}
}

// TestBrowserLoaderSpinnerWaits: go-app's loader icon, shown while app.wasm
// compiles, starts spinning only after a second (web/wasm-start.js): the
// page is painted while the module compiles, and the spinning's frames
// took processor time from the compile. app.wasm is held back until the
// test has looked, so the page stays in its loading state.
func TestBrowserLoaderSpinnerWaits(t *testing.T) {
	dir := buildSite(t, "")
	release := make(chan struct{})
	site := siteHandler(dir, "")
	base := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		site.ServeHTTP(w, r)
	})) + "/"
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	defer open()
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	got, err := pollJS[map[string]any](ctx, `(() => {
		const icon = document.getElementById("app-wasm-loader-icon");
		const a = icon && icon.getAnimations()[0];
		return a ? { delay: a.effect.getComputedTiming().delay, starting: document.documentElement.classList.contains("gloss-starting") } : null;
	})()`)
	if err != nil {
		t.Fatalf("no loader icon animation while app.wasm loads: %v", err)
	}
	if got["delay"] != float64(1000) || got["starting"] != true {
		t.Errorf("loader icon while starting: %v, want its spin delayed 1000 ms", got)
	}
	open()
	if err := waitAppReady(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserLoaderProgressFewFrames: on a first visit the loading label's
// percentage changes a few times a second while app.wasm downloads, not at
// every chunk read (each change drew a frame). The server sends the module
// in small pieces over a second or more, stopping once at 47 % right after
// two quick pieces: the label must catch up with the count there (the
// latest shown at the end of a wait), reach 100 %, and change at most once
// per 250 ms (plus the first and the final 100 %), counted from the
// changes' own times.
func TestBrowserLoaderProgressFewFrames(t *testing.T) {
	dir := buildSite(t, "")
	wasm, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	site := siteHandler(dir, "")
	const piece = 64 << 10
	stop := len(wasm) * 47 / 100
	resume := make(chan struct{})
	var once sync.Once
	release := func() { once.Do(func() { close(resume) }) }
	defer release()
	base := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/app.wasm") {
			site.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Content-Length", strconv.Itoa(len(wasm)))
		send := func(b []byte) bool {
			_, err := w.Write(b)
			w.(http.Flusher).Flush()
			return err == nil
		}
		for i := 0; i < len(wasm); i += piece {
			end := min(i+piece, len(wasm))
			if i < stop && end >= stop {
				// Two pieces at once, then a stop: the second comes
				// within 250 ms of the first.
				if !send(wasm[i:(i+stop)/2]) || !send(wasm[(i+stop)/2:stop]) {
					return
				}
				select {
				case <-resume:
				case <-r.Context().Done():
					return
				}
				i, end = stop-piece, stop
				continue
			}
			if !send(wasm[i:end]) {
				return
			}
			time.Sleep(5 * time.Millisecond) // ~190 pieces: a second or more
		}
	})) + "/"
	ctx := newBrowser(t)
	addInitScript(t, ctx, `(() => {
		const seen = window.__labels = [];
		new MutationObserver(() => {
			const l = document.getElementById("app-wasm-loader-label");
			const m = l && /(\d+)%/.exec(l.textContent);
			if (m && (!seen.length || seen[seen.length - 1][0] !== +m[1])) seen.push([+m[1], performance.now()]);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	})()`)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `(document.getElementById("app-wasm-loader-label")||{}).textContent?.includes("47%")`); err != nil {
		seen, _ := evalJS[[][2]float64](ctx, `window.__labels`)
		t.Fatalf("the download stopped at 47 %%, the label never said so (values %v): %v", seen, err)
	}
	release()
	if err := waitAppReady(ctx); err != nil {
		t.Fatal(err)
	}
	seen, err := evalJS[[][2]float64](ctx, `window.__labels`)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 3 || seen[len(seen)-1][0] != 100 {
		t.Fatalf("label values %v: want the progress shown on the way, and 100 %%", seen)
	}
	// The changes before and after the stop, each counted over its span.
	for _, part := range [][][2]float64{seen[:slices.IndexFunc(seen, func(s [2]float64) bool { return s[0] == 47 })+1], seen[slices.IndexFunc(seen, func(s [2]float64) bool { return s[0] == 47 }):]} {
		span := part[len(part)-1][1] - part[0][1]
		if most := 2 + int(span/250); len(part) > most {
			t.Errorf("label values [percent, ms] %v: %d changes over %.0f ms, want at most %d", part, len(part), span, most)
		}
	}
}

// loaderFrames records, from the page's start, each frame in which
// go-app's loader is in the page: [time, drawn]. Drawn means laid out
// (not display: none). On a visit the service worker controls,
// WebAssembly.instantiate waits for window.__release(), so that the visit
// stays in its loading state until the test has looked.
const loaderFrames = `(() => {
	const frames = window.__loaderFrames = [];
	const tick = () => {
		const l = document.getElementById("app-wasm-loader");
		if (l) frames.push([performance.now(), l.getClientRects().length > 0]);
		if (frames.length < 2000) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
	let controlled = false;
	try { controlled = !!navigator.serviceWorker.controller; } catch (e) {}
	if (!controlled) return;
	const hold = new Promise((res) => { window.__release = res; });
	const instantiate = WebAssembly.instantiate;
	WebAssembly.instantiate = function (...args) { return hold.then(() => instantiate.apply(WebAssembly, args)); };
})()`

// TestBrowserLoaderQuietWhenWarm: a visit the service worker serves does
// not draw go-app's loader while it starts (a few hundred milliseconds),
// but shows it once the start has taken a second; a first visit draws it
// from the start. The warm visit's module is held back from Go until the
// test has seen the loader drawn.
func TestBrowserLoaderQuietWhenWarm(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	addInitScript(t, ctx, loaderFrames)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	first, err := evalJS[[][2]any](ctx, `window.__loaderFrames`)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || first[0][1] != true {
		t.Errorf("first visit: loader frames %v, want it drawn from the first frame", first)
	}
	if _, err := pollJS[bool](ctx, `navigator.serviceWorker.ready.then(() => true)`); err != nil {
		t.Fatal(err)
	}
	if err := waitWorkerFilled(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"?warm")); err != nil {
		t.Fatal(err)
	}
	// Held back from Go, the start takes more than a second: the loader
	// must show.
	shown, err := pollJS[float64](ctx, `(() => {
		const l = document.getElementById("app-wasm-loader");
		return l && l.getClientRects().length > 0 ? performance.now() : 0;
	})()`)
	if err != nil {
		t.Fatalf("warm visit held for a second or more: the loader never showed: %v", err)
	}
	got, err := evalJS[map[string]any](ctx, `({
		controlled: !!navigator.serviceWorker.controller,
		frames: window.__loaderFrames,
		held: typeof window.__release === "function",
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if got["controlled"] != true || got["held"] != true {
		t.Fatalf("second visit not served by the worker, or not held: %v", got)
	}
	frames, _ := got["frames"].([]any)
	var before int
	for _, f := range frames {
		f := f.([]any)
		if at := f[0].(float64); at < 1000 {
			before++
			if f[1] == true {
				t.Errorf("warm visit: the loader was drawn at %.0f ms, want it hidden for the first second (frames %v)", at, frames)
				break
			}
		}
	}
	if shown < 1000 {
		t.Errorf("warm visit: the loader shown at %.0f ms, want after a second", shown)
	}
	t.Logf("warm visit: %d frames before a second, the loader shown at %.0f ms", before, shown)
	shots(t, ctx, "warm-start-held") // a warm start slower than a second: go-app's loader
	if _, err := evalJS[bool](ctx, `window.__release(), true`); err != nil {
		t.Fatal(err)
	}
	if err := waitAppReady(ctx); err != nil {
		t.Fatal(err)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
