package main

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// chromeTrace is a Chromium trace under way: each of its events goes, as
// JSON, to the function startTrace was given, one at a time.
type chromeTrace struct {
	mu     sync.Mutex
	closed bool // stop returned: events that still come are dropped
	done   chan struct{}
	cancel context.CancelFunc
}

// startTrace starts a trace of the categories cats in ctx's tab.
func startTrace(t *testing.T, ctx context.Context, cats []string, each func(ev []byte)) *chromeTrace {
	t.Helper()
	tr := &chromeTrace{done: make(chan struct{})}
	var once sync.Once
	lctx, cancel := context.WithCancel(ctx)
	tr.cancel = cancel
	err := chromedp.Listen(lctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			defer tr.mu.Unlock()
			if tr.closed {
				return
			}
			for _, v := range e.Value {
				b, _ := json.Marshal(v)
				each(b)
			}
		case *tracing.EventTracingComplete:
			once.Do(func() { close(tr.done) })
		}
	})
	if err == nil {
		err = chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: cats}})
			return chromedp.Void{}, err
		})
	}
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	return tr
}

// stop ends the trace and reports whether all its data came within wait;
// no event is handed on once it returns.
func (tr *chromeTrace) stop(t *testing.T, ctx context.Context, wait time.Duration) bool {
	t.Helper()
	defer func() {
		tr.cancel()
		tr.mu.Lock()
		tr.closed = true
		tr.mu.Unlock()
	}()
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-tr.done:
		return true
	case <-time.After(wait):
		return false
	}
}
