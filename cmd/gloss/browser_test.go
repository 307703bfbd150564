package main

// The browser-test harness every browser test in this package uses:
//
//	func TestBrowserSomething(t *testing.T) {
//		dir := buildSite(t, "")             // skips unless GLOSS_BROWSER=1
//		base := serveSite(t, dir, "")       // "http://127.0.0.1:PORT/"
//		ctx := newBrowser(t)                // fresh profile, 90 s budget
//		errs := logConsoleErrors(t, ctx)    // printed if the test fails
//		if err := waitReady(ctx, base+"#doc=x"); err != nil { t.Fatal(err) }
//		n, err := evalJS[int](ctx, `document.querySelectorAll("p").length`)
//		...
//		if e := errs.Errors(); len(e) > 0 { t.Fatalf("console errors: %q", e) }
//	}

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds one browser test, start-up included.
const browserTimeout = 90 * time.Second

// skipUnlessBrowser skips unless GLOSS_BROWSER=1 and returns the Chromium
// to run; with GLOSS_BROWSER=1 a missing Chromium is a failure.
func skipUnlessBrowser(t testing.TB) string {
	t.Helper()
	if os.Getenv("GLOSS_BROWSER") != "1" {
		t.Skip("browser test: set GLOSS_BROWSER=1 (make test does) to run it")
	}
	for _, c := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	t.Fatal("GLOSS_BROWSER=1 but no Chromium found: install it (apt-get install chromium) or set CHROMIUM=/path/to/chrome")
	return ""
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

var (
	sitesMu  sync.Mutex
	sites    = map[string]string{} // prefix -> built dir, shared by the tests of one process
	sitesTmp string                // removed by TestMain
)

// buildSite builds the static site (the same code as `gloss build`) from the
// repository's web/ folder once per prefix per test process and returns its
// folder. Tests must not change it; use buildSiteInto for a private copy.
func buildSite(t testing.TB, prefix string) string {
	t.Helper()
	skipUnlessBrowser(t)
	sitesMu.Lock()
	defer sitesMu.Unlock()
	if dir, ok := sites[prefix]; ok {
		return dir
	}
	if sitesTmp == "" {
		tmp, err := os.MkdirTemp("", "gloss-sites-")
		if err != nil {
			t.Fatal(err)
		}
		sitesTmp = tmp
	}
	dir := filepath.Join(sitesTmp, fmt.Sprintf("site%d", len(sites)))
	root := repoRoot(t)
	buildSiteInto(t, dir, prefix, filepath.Join(root, "web"))
	sites[prefix] = dir
	return dir
}

// buildSiteInto builds the site from the web folder into out (replacing a
// previous build there), with web/app.wasm of the repository.
func buildSiteInto(t testing.TB, out, prefix, web string) site {
	t.Helper()
	wasm := filepath.Join(repoRoot(t), "web", "app.wasm")
	if _, err := os.Stat(wasm); err != nil {
		t.Fatalf("%s is missing: run `make wasm` first (make test does)", wasm)
	}
	s, err := writeSite(siteConfig{Out: out, Prefix: prefix, Web: web, Wasm: wasm, Brotli: fastBrotli})
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	return s
}

// serveSite serves a built site on 127.0.0.1 (a random port) with the same
// handler as `gloss serve`, until the test ends. It returns the app's URL,
// ending with "/": "http://127.0.0.1:PORT/" or "http://127.0.0.1:PORT/prefix/".
func serveSite(t testing.TB, dir, prefix string) string {
	t.Helper()
	return serveHandler(t, siteHandler(dir, prefix)) + strings.TrimSuffix(prefix, "/") + "/"
}

// serveHandler serves h on 127.0.0.1 until the test ends and returns
// "http://127.0.0.1:PORT" (no slash): a distinct origin per call.
func serveHandler(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// newBrowser starts a headless Chromium with a fresh profile for this test
// and returns its context (one tab), cancelled when the test ends or after
// browserTimeout.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	return newBrowserWith(t, browserTimeout)
}

// newBrowserWith is newBrowser with its own time budget and extra Chromium
// options (the benchmark's memory flags).
func newBrowserWith(t testing.TB, budget time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := skipUnlessBrowser(t)
	profile := t.TempDir() // removed after the browser is stopped (cleanups run LIFO)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		// Small containers have a tiny /dev/shm; Chromium crashes when it fills.
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// The first Run starts the browser; its context must not carry the
	// timeout (that would stop the browser), so start it before.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting Chromium %s: %v", exe, err)
	}
	tctx, cancelT := context.WithTimeout(ctx, budget)
	t.Cleanup(func() {
		cancelT()
		cancelCtx()
		cancelAlloc()
	})
	return tctx
}

// openApp builds and serves the site at the root, starts a browser, starts
// collecting console errors and opens the app: the prologue of most tests.
func openApp(t *testing.T) (ctx context.Context, base string, cons *consoleLog) {
	t.Helper()
	return openAt(t, 0, 0)
}

// openAt is openApp in a window of w×h (0 keeps the browser's size), the
// size set before the app loads.
func openAt(t *testing.T, w, h int) (ctx context.Context, base string, cons *consoleLog) {
	t.Helper()
	dir := buildSite(t, "")
	base = serveSite(t, dir, "")
	ctx = newBrowser(t)
	cons = logConsoleErrors(t, ctx)
	if w > 0 {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(w), int64(h))); err != nil {
			t.Fatal(err)
		}
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	return ctx, base, cons
}

// openArticle opens the app at w×h (0 keeps the browser's size) and
// pastes article: the first steps of most tests.
func openArticle(t *testing.T, w, h int, article string) (ctx context.Context, base string, cons *consoleLog) {
	t.Helper()
	ctx, base, cons = openAt(t, w, h)
	pasteArticle(t, ctx, article)
	return ctx, base, cons
}

// label selects the first quote with the mouse, presses key (a label's
// digit) and waits until the article holds n annotations.
func label(t *testing.T, ctx context.Context, quote, key string, n int) []mention {
	t.Helper()
	dragSelect(t, ctx, quote, 0, 0, 0)
	press(t, ctx, key)
	return waitCount(t, ctx, n)
}

// noConsoleErrors fails t when the page logged an error.
func noConsoleErrors(t *testing.T, cons *consoleLog) {
	t.Helper()
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// waitReady navigates to url and waits until the app is interactive: the
// App sets document.body.dataset.ready = "1" once mounted and loaded.
func waitReady(ctx context.Context, url string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigating to %s: %w", url, err)
	}
	return waitAppReady(ctx)
}

// waitAppReady waits, without navigating, until the page's app is ready.
func waitAppReady(ctx context.Context) error {
	// ready: the first screen is interactive; complete: the rest of the
	// page (app/ui/rest.go) is mounted too, which tests may use at once.
	var err error
	for try := 0; try < 3; try++ {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.body && document.body.dataset.ready === "1" && document.body.dataset.complete === "1"`,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
		// A poll started while a navigation swapped documents loses its
		// execution context (chromedp's Navigate may return before the
		// new document commits): poll the new document, as loadTiming does.
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	if err != nil {
		label, _ := evalJS[string](ctx, `(document.getElementById("app-wasm-loader-label")||{}).textContent||""`)
		return fmt.Errorf("app not ready (loader says %q): %w", label, err)
	}
	return nil
}

// evalJS evaluates a JavaScript expression in the page, awaiting it if it is
// a promise, and decodes its JSON value into T.
func evalJS[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// text returns the text content of the first element matching the CSS
// selector, waiting for it to appear.
func text(ctx context.Context, sel string) (string, error) {
	return chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
}

// consoleLog collects a tab's console errors and uncaught exceptions.
type consoleLog struct {
	mu   sync.Mutex
	errs []string
	all  []string
}

// Errors returns the console errors and exceptions seen so far.
func (c *consoleLog) Errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...)
}

// Reset forgets the errors seen so far (e.g. those expected while offline).
func (c *consoleLog) Reset() {
	c.mu.Lock()
	c.errs = nil
	c.mu.Unlock()
}

// logConsoleErrors starts collecting the tab's console messages; errors and
// uncaught exceptions are returned by Errors, and every message is printed
// if the test fails.
func logConsoleErrors(t testing.TB, ctx context.Context) *consoleLog {
	t.Helper()
	c := &consoleLog{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			line := m.String()
			if m.URL != "" {
				line += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
			}
			if m.Exception != nil && m.Exception.Exception != nil && m.Exception.Exception.Description != "" {
				line += ": " + m.Exception.Exception.Description
			}
			c.mu.Lock()
			c.all = append(c.all, line)
			if m.Type == chromedp.ConsoleError || m.IsException() {
				c.errs = append(c.errs, line)
			}
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			c.mu.Lock()
			defer c.mu.Unlock()
			for _, l := range c.all {
				t.Logf("console: %s", l)
			}
		}
	})
	return c
}

// pollJS waits until the expression is truthy (up to 30 s) and returns its value.
func pollJS[T any](ctx context.Context, expr string) (T, error) {
	return pollJSFor[T](ctx, expr, 30*time.Second)
}

// pollJSFor is pollJS with its own timeout.
func pollJSFor[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	return chromedp.Run(ctx, chromedp.Poll[T](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sitesTmp != "" {
		os.RemoveAll(sitesTmp)
	}
	os.Exit(code)
}

// TestBrowserStarts loads the app at the root and checks it starts cleanly.
func TestBrowserStarts(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	n, err := evalJS[int](ctx, `document.querySelectorAll('[data-testid="paste-input"]').length`)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error(`no [data-testid="paste-input"] on the start page`)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// chromedpCtx is the context newBrowser returns.
type chromedpCtx = context.Context

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// waitJS evaluates expr every 100 ms until it is true, for up to 30 s,
// across navigations and reloads (a poll inside the page would die with it).
func waitJS(ctx context.Context, expr string) error {
	deadline := time.Now().Add(30 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := evalJS[bool](ctx, "!!("+expr+")")
		if err == nil && ok {
			return nil
		}
		last = err
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	if last == nil {
		last = errors.New("still false")
	}
	return fmt.Errorf("waiting for %s: %w", expr, last)
}

// shots writes screenshots of the page at 1280×800 and 390×844, light and
// dark, into $GLOSS_SHOTS when it is set (to look at; not asserted). Each
// prepare is JavaScript polled until it returns true before a capture (a
// scroll, a column opened, a box placed); the window is 1280×800 after.
func shots(t *testing.T, ctx context.Context, name string, prepare ...string) {
	t.Helper()
	dir := os.Getenv("GLOSS_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil { // the first test to shoot may be this one
		t.Fatal(err)
	}
	for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
		for _, scheme := range []string{"light", "dark"} {
			media := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				return err
			})
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]), media); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond) // let the layout and highlights settle for the picture
			for _, js := range prepare {
				if _, err := pollJS[bool](ctx, js); err != nil {
					t.Fatalf("screenshot %s: %v", name, err)
				}
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", name, size[0], scheme)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
}

// articleInView scrolls the article into view, for shots.
const articleInView = `(() => { const a = document.querySelector('[data-testid="article"]'); if (a) a.scrollIntoView(); return true })()`

// addInitScript has the browser run src at the start of every document the
// tab loads from now on, before the page's own scripts.
func addInitScript(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
}
