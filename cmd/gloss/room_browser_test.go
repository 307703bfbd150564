package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestBrowserRoomAfterPaint opens a library of three articles twice. Without
// the storage hint the start counts the storage before the first screen
// (every article's text read again) and writes the hint after the first paint;
// with a hint well below the room line the first screen reads only the open
// article's text, and the count follows after the paint.
func TestBrowserRoomAfterPaint(t *testing.T) {
	skipUnlessBrowser(t)
	var arts []string
	for i := 0; i < 3; i++ {
		arts = append(arts, fmt.Sprintf("Article %d\n\nMaria Silva met the board of Acme Corp in Lisbon on day %d.", i, i))
	}
	base := serveSite(t, buildSite(t, ""), "")
	// textReads counts the reads of article texts recorded by benchInit:
	// before body[data-ready] and in all.
	const textReads = `(() => {
  const rs = __bench.reads.filter((r) => r[0].includes("/text."));
  return [rs.filter((r) => r[1] <= __bench.readyAt).length, rs.length];
})()`
	// hint is the room setting as stored, and the storage used as counted now.
	const hint = `(() => {
  const s = localStorage.getItem("gloss/v2/settings") || "";
  const m = s.match(/"room":"(\d+)"/);
  return [m ? +m[1] : -1, gloss.storageUsed()];
})()`
	for _, c := range []struct {
		name     string
		settings map[string]string
		early    int // texts read before the first screen: the open article's, and the count's
	}{
		{"no hint", nil, 4},
		{"hint", map[string]string{"room": "1000"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newBrowser(t)
			cons := logConsoleErrors(t, ctx)
			installInit(t, ctx, strings.TrimSuffix(base, "/"), seedLibraryWith(t, c.settings, arts...), true)
			loadTiming(t, ctx, base)
			// The count after the paint runs in mountRest, before data-complete.
			n, err := evalJS[[]int](ctx, textReads)
			if err != nil {
				t.Fatal(err)
			}
			if n[0] != c.early || n[1] != 4 {
				t.Errorf("texts read: %d before the first screen (want %d), %d in all (want 4: the open article and the count)", n[0], c.early, n[1])
			}
			h, err := evalJS[[]int](ctx, hint)
			if err != nil {
				t.Fatal(err)
			}
			if c.settings == nil && (h[0] < 0 || h[0] > h[1] || h[1]-h[0] > 200) {
				t.Errorf("the hint written after the first paint is %d; the storage holds %d characters", h[0], h[1])
			}
			if c.settings != nil && h[0] != 1000 {
				t.Errorf("a hint within a step of the count was written again: %d", h[0])
			}
			noConsoleErrors(t, cons)
		})
	}
}
