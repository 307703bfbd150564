package main

import (
	"fmt"
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
