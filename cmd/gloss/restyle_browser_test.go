package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"gloss/app/entity"
)

// maxRestyled runs do under a Chromium trace and returns the most elements
// one style recalculation of the page went through (UpdateLayoutTree's
// elementCount): Chromium's own count of what a change restyled.
func maxRestyled(t *testing.T, ctx context.Context, do func()) int {
	t.Helper()
	var mu sync.Mutex
	most := -1
	done := make(chan struct{})
	var once sync.Once
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err := chromedp.Listen(lctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range e.Value {
				var x struct {
					Name string `json:"name"`
					Args struct {
						ElementCount int `json:"elementCount"`
					} `json:"args"`
				}
				b, _ := json.Marshal(v)
				if json.Unmarshal(b, &x) == nil && x.Name == "UpdateLayoutTree" {
					most = max(most, x.Args.ElementCount)
				}
			}
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	})
	if err == nil {
		err = chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline"}}})
			return chromedp.Void{}, err
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	do()
	err = chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("tracing did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	if most < 0 {
		t.Fatal("the trace holds no style recalculation")
	}
	return most
}

// TestBrowserPanelChangeKeepsArticleStyle: with a long article shown, rows
// added to the entities panel (Show more here; a finished build's install
// does the same) restyle the panel, not the article's thousands of
// paragraphs.
// A rule such as `body:has(> x) > y` made Chromium restyle the whole page
// at every change under body (a 5 MB article's install: ~60 ms of style,
// ~25 ms of layout tree and ~50 ms of layout, traced).
func TestBrowserPanelChangeKeepsArticleStyle(t *testing.T) {
	ctx, _, cons := openApp(t)
	article := entity.SampleArticle(2<<20, 2)
	paras := strings.Count(strings.TrimSpace(article), "\n\n") + 1
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!!document.getElementById("paste-input")`); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(document.getElementById("paste-input").value = `+jsString(article)+`, true)`); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="paste-load"]`)
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="article"] p').length > 500 && !document.querySelector('[data-testid="entities-progress"]') && !!document.querySelector('[data-testid="entity-more"]')`); err != nil {
		dbg, _ := evalJS[string](ctx, `JSON.stringify([document.querySelectorAll('[data-testid="article"] p').length, !!document.querySelector('[data-testid="entities-progress"]'), !!document.querySelector('[data-testid="entity-more"]'), document.querySelectorAll('[data-testid="entity-item"]').length])`)
		t.Fatalf("the long article and its entities were not all shown: %s", dbg)
	}
	got, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="article"] p').length`)
	frames := `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`
	if _, err := evalJS[bool](ctx, frames); err != nil {
		t.Fatal(err)
	}
	rows, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="entity-item"]').length`)
	n := maxRestyled(t, ctx, func() {
		click(t, ctx, `[data-testid="entity-more"]`)
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelectorAll('[data-testid="entity-item"]').length > %d`, rows)); err != nil {
			t.Fatal("Show more added no rows")
		}
		if _, err := evalJS[bool](ctx, frames); err != nil {
			t.Fatal(err)
		}
	})
	if n >= got {
		t.Errorf("Show more in the entities panel restyled %d elements at once: the whole page, the article's %d paragraphs with it (want the new rows only)", n, got)
	}
	t.Logf("%d paragraphs (%d in the text); Show more: at most %d elements restyled at once", got, paras, n)
	noConsoleErrors(t, cons)
}
