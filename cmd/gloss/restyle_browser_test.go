package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"gloss/app/entity"
)

// maxRestyled runs do under a Chromium trace and returns the most elements
// one style recalculation of the page went through (UpdateLayoutTree's
// elementCount): Chromium's own count of what a change restyled.
func maxRestyled(t *testing.T, ctx context.Context, do func()) int {
	t.Helper()
	n, _ := traceCounts(t, ctx, do)
	return n
}

// traceCounts runs do under a Chromium trace and returns the most elements
// one style recalculation went through and the most layout objects one
// layout held (Layout's totalObjects).
func traceCounts(t *testing.T, ctx context.Context, do func()) (restyled, objects int) {
	t.Helper()
	most, objs := -1, 0
	tr := startTrace(t, ctx, []string{"devtools.timeline"}, func(ev []byte) {
		var x struct {
			Name string `json:"name"`
			Args struct {
				ElementCount int `json:"elementCount"`
				BeginData    struct {
					TotalObjects int `json:"totalObjects"`
				} `json:"beginData"`
			} `json:"args"`
		}
		if json.Unmarshal(ev, &x) != nil {
			return
		}
		switch x.Name {
		case "UpdateLayoutTree":
			most = max(most, x.Args.ElementCount)
		case "Layout":
			objs = max(objs, x.Args.BeginData.TotalObjects)
		}
	})
	do()
	if !tr.stop(t, ctx, 60*time.Second) {
		t.Fatal("tracing did not complete")
	}
	if most < 0 {
		t.Fatal("the trace holds no style recalculation")
	}
	return most, objs
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
	shots(t, ctx, "entity-more", `(() => { document.querySelector('[data-testid="entity-more"]').scrollIntoView({block: "center"}); return true })()`)
	noConsoleErrors(t, cons)
}

// TestBrowserLongArticleLaysOutInBlocks: a long article's paragraphs are
// drawn in blocks, and its first layout holds the blocks and the paragraphs
// on screen, not a box for each of its thousands of paragraphs (each a
// skipped box of its own used to cost ~65 ms of forced layout and ~40 ms a
// frame on a 5 MB article, traced).
func TestBrowserLongArticleLaysOutInBlocks(t *testing.T) {
	ctx, _, cons := openApp(t)
	article := entity.SampleArticle(2<<20, 2)
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!!document.getElementById("paste-input")`); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(document.getElementById("paste-input").value = `+jsString(article)+`, true)`); err != nil {
		t.Fatal(err)
	}
	_, objects := traceCounts(t, ctx, func() {
		click(t, ctx, `[data-testid="paste-load"]`)
		if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="article"] p').length > 500`); err != nil {
			t.Fatal("the long article was not shown")
		}
		if _, err := evalJS[bool](ctx, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`); err != nil {
			t.Fatal(err)
		}
	})
	got, err := evalJS[map[string]float64](ctx, `(() => {
		const a = document.querySelector('[data-testid="article"]');
		const sc = a.closest(".article-scroll");
		const first = a.querySelector("p").getBoundingClientRect(), view = sc.getBoundingClientRect();
		return {paras: a.querySelectorAll("p").length, blocks: a.children.length,
			firstVisible: first.height > 0 && first.top < view.bottom ? 1 : 0, height: sc.scrollHeight, view: view.height};
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	paras := int(got["paras"])
	t.Logf("%d paragraphs in %v blocks; the first layout held %d objects", paras, got["blocks"], objects)
	if objects == 0 || objects >= paras {
		t.Errorf("the first layout of %d paragraphs held %d layout objects (want far fewer: blocks off screen are skipped whole)", paras, objects)
	}
	if got["blocks"] < 2 || got["blocks"] > float64(paras/10) {
		t.Errorf("%d paragraphs drawn in %v blocks", paras, got["blocks"])
	}
	if got["firstVisible"] != 1 || got["height"] < 10*got["view"] {
		t.Errorf("first paragraph on screen %v, scroll height %v for a view of %v: want the text shown and the whole article's height", got["firstVisible"], got["height"], got["view"])
	}
	noConsoleErrors(t, cons)
}
