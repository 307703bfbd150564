package main

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// wasmCacheEvents loads url with Chromium tracing on and counts the trace
// events about WebAssembly modules and V8's code cache (the timeline's
// v8.wasm.cachedModule, moduleCacheHit, compiledModule and the like): the
// one sign, independent of the machine's load, that a visit compiled the
// module again or took it from the cache.
func wasmCacheEvents(t *testing.T, ctx context.Context, url string) map[string]int {
	var mu sync.Mutex
	names := map[string]int{}
	done := make(chan struct{})
	var once sync.Once
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := chromedp.Listen(lctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				var x struct {
					Name string `json:"name"`
					Cat  string `json:"cat"`
				}
				b, _ := json.Marshal(v)
				if json.Unmarshal(b, &x) == nil && (strings.Contains(strings.ToLower(x.Name), "wasm") || strings.Contains(strings.ToLower(x.Cat), "wasm")) {
					names[x.Name]++
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
			IncludedCategories: []string{"v8.wasm", "disabled-by-default-devtools.timeline", "devtools.timeline", "v8"},
		}})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	loadTiming(t, ctx, url)
	err = chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Log("tracing did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	return names
}
