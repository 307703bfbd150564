package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserWasmFromNetworkFallsBack: a visit the service worker serves
// gets app.wasm from the network (its static route; the HTTP cache's entry
// holds V8's code, TestBrowserSecondVisitCodeCache). Where the network
// cannot give it (offline, with the HTTP cache's copy gone) or gives
// another build than the page's (a deploy since the worker installed), the
// page compiles the worker's copy of its own version instead and starts.
// Without that, an offline start failed and a deploy ran a newer app.wasm
// under the older page.
func TestBrowserWasmFromNetworkFallsBack(t *testing.T) {
	for _, c := range []struct {
		name string
		// change is done to the site or its server after the first visit.
		change func(t *testing.T, dir string, stop func())
		why    string // in the page's gloss-wasm-again mark
	}{
		{"offline", func(t *testing.T, dir string, stop func()) { stop() }, "Failed to fetch"},
		{"another build", func(t *testing.T, dir string, stop func()) { restampWasm(t, dir) }, "another build"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			buildSiteInto(t, dir, "", filepath.Join(repoRoot(t), "web"))
			base, stop := stoppableSite(t, dir, "")
			ctx := newBrowser(t)
			if err := waitReady(ctx, base); err != nil {
				t.Fatal(err)
			}
			waitController(t, ctx)
			if err := waitWorkerFilled(ctx); err != nil {
				t.Fatal(err)
			}
			if n, _ := evalJS[int](ctx, `performance.getEntriesByName("gloss-wasm-again", "mark").length`); n != 0 {
				t.Fatal("first visit: the network's app.wasm was not taken")
			}
			// The HTTP cache's copy (fresh for minutes) would answer.
			clear := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, network.ClearBrowserCache, cdp.Empty{})
				return err
			})
			if err := chromedp.Do(ctx, clear); err != nil {
				t.Fatal(err)
			}
			c.change(t, dir, stop)
			if err := waitReady(ctx, base); err != nil {
				t.Fatalf("the visit after: %v", err)
			}
			got, err := evalJS[[]string](ctx, `performance.getEntriesByName("gloss-wasm-again", "mark").map((m) => String(m.detail))`)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !strings.Contains(got[0], c.why) {
				t.Errorf("the visit after: gloss-wasm-again marks %q, want one for %q (the worker's copy compiled)", got, c.why)
			}
			if ctl, _ := evalJS[bool](ctx, `!!navigator.serviceWorker.controller`); !ctl {
				t.Error("the visit after: not served by the service worker")
			}
		})
	}
}

// restampWasm rewrites the site's app.wasm as another build would be: its
// gloss.build section (stampBuild) names another one, its compressed
// copies removed (the server then sends the file itself).
func restampWasm(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "web", "app.wasm")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	build := customSections(t, b, buildSection)
	if len(build) != 1 || !bytes.HasSuffix(b, []byte(build[0])) {
		t.Fatalf("the site's app.wasm does not end with its build (%q)", build)
	}
	other := strings.Map(func(r rune) rune {
		if r == '0' {
			return '1'
		}
		return '0'
	}, build[0])
	copy(b[len(b)-len(other):], other)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".br", ".gz"} {
		if err := os.Remove(p + ext); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}
