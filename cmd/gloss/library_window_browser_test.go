package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLibraryShortList scrolls a library list whose box is short
// (the window is low, the side pane itself scrolls): the list, which draws
// only the rows in view, must still show every title on the way down.
func TestBrowserLibraryShortList(t *testing.T) {
	ctx, _, _ := openApp(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 560)); err != nil {
		t.Fatal(err)
	}
	const n = 64
	restoreFile(t, ctx, "many.json", smallBackup(n))
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="library-counts"]').textContent.includes(" of %d ")`, n)); err != nil {
		t.Fatalf("the library does not hold %d articles: %q", n, message(ctx))
	}
	h, err := evalJS[int](ctx, `document.querySelector('[data-testid="library"]').clientHeight`)
	if err != nil {
		t.Fatal(err)
	}
	if h > 240 {
		t.Fatalf("the list box is %d px high: the test wants a short one", h)
	}
	t.Logf("list box: %d px", h)
	rows := scrollLibrary(t, ctx, n)
	if len(rows) != n {
		t.Fatalf("%d titles seen", len(rows))
	}
}

// TestBrowserLibraryFirstScreenRows opens a library of 60 articles in a
// 1280×800 window: the first screen (body[data-ready]) must hold every row
// the list box shows, and no more rows than fit in the window; the render
// after the first paint adds the rows below, which a scroll then finds.
func TestBrowserLibraryFirstScreenRows(t *testing.T) {
	skipUnlessBrowser(t)
	const n = 60
	var arts []string
	for i := 0; i < n; i++ {
		arts = append(arts, fmt.Sprintf("Article %d\n\nMaria Silva met the board of Acme Corp in Lisbon on day %d.", i, i))
	}
	seed := seedLibrary(t, arts...)
	base := serveSite(t, buildSite(t, ""), "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	installInit(t, ctx, strings.TrimSuffix(base, "/"), seed, true)
	addInitScript(t, ctx, `new MutationObserver((l, mo) => {
  if (document.body && document.body.dataset.ready === "1") {
    mo.disconnect();
    window.__readyRows = [...document.querySelectorAll('[data-testid="library-item"]')].map((e) => e.dataset.id);
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"]})`)
	loadTiming(t, ctx, base)
	type rows struct {
		Ready, Seen []string
		Now         int
	}
	r, err := evalJS[rows](ctx, `(() => {
  const box = document.querySelector('[data-testid="library"]').getBoundingClientRect();
  const seen = [...document.querySelectorAll('[data-testid="library-item"]')].filter((e) => {
    const b = e.getBoundingClientRect();
    return b.bottom > box.top && b.top < box.bottom && b.top < innerHeight;
  }).map((e) => e.dataset.id);
  return {Ready: window.__readyRows || [], Seen: seen, Now: document.querySelectorAll('[data-testid="library-item"]').length};
})()`)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rows: %d on the first screen, %d in view, %d after the first paint", len(r.Ready), len(r.Seen), r.Now)
	if len(r.Seen) < 3 {
		t.Fatalf("only %d rows in view: the test wants a list box that shows several", len(r.Seen))
	}
	ready := map[string]bool{}
	for _, id := range r.Ready {
		ready[id] = true
	}
	for _, id := range r.Seen {
		if !ready[id] {
			t.Errorf("row %s is in view but was not on the first screen (%v)", id, r.Ready)
		}
	}
	if fit := (800 + 51) / 52; len(r.Ready) > fit {
		t.Errorf("the first screen drew %d rows: more than the %d that fit in the window", len(r.Ready), fit)
	}
	if r.Now <= len(r.Ready) {
		t.Errorf("the render after the first paint did not add the rows below the view (%d, then %d)", len(r.Ready), r.Now)
	}
	shots(t, ctx, "library-many")
	if got := scrollLibrary(t, ctx, n); len(got) != n {
		t.Errorf("%d titles seen scrolling down, want %d", len(got), n)
	}
	noConsoleErrors(t, cons)
}
