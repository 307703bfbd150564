package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// shotSize is a window size the screenshots are taken at.
type shotSize struct {
	name string
	w, h int64
}

var shotSizes = []shotSize{{"desktop", 1280, 800}, {"phone", 390, 844}}

// shotState is a state of the page worth looking at: set puts a freshly
// loaded page with the article open into it.
type shotState struct {
	name string
	set  func(t *testing.T, ctx context.Context)
}

// shotStates are the states the issue asks to look at (and axe checks).
var shotStates = []shotState{
	{"empty", func(t *testing.T, ctx context.Context) {
		click(t, ctx, `[data-testid="new-article"]`)
	}},
	{"article", func(t *testing.T, ctx context.Context) {}},
	{"editor", func(t *testing.T, ctx context.Context) {
		click(t, ctx, `[data-testid="annotation"][data-label="LOC"]`)
		waitVisible(t, ctx, `[data-testid="annotation-editor"]`)
	}},
	{"search", func(t *testing.T, ctx context.Context) {
		typeKey(t, ctx, '/')
		typeText(t, ctx, "moskow")
		waitVisible(t, ctx, `[data-testid="search-results"]`)
	}},
	{"review", func(t *testing.T, ctx context.Context) {
		typeKey(t, ctx, '/')
		typeText(t, ctx, "russia")
		waitVisible(t, ctx, `[data-testid="search-results"]`)
		press(t, ctx, kb.Enter, chromedp.ModifierCtrl)
		waitVisible(t, ctx, `[data-testid="review"]`)
	}},
	{"help", func(t *testing.T, ctx context.Context) {
		press(t, ctx, "?")
		waitVisible(t, ctx, `[data-testid="help"]`)
	}},
	{"labels", func(t *testing.T, ctx context.Context) {
		click(t, ctx, `[data-testid="edit-labels"]`)
		waitVisible(t, ctx, `[data-testid="new-label-name"]`)
	}},
	{"annotations", func(t *testing.T, ctx context.Context) {
		click(t, ctx, `[data-testid="annotations-tab"]`)
		waitVisible(t, ctx, `[data-testid="annotations-list"]`)
	}},
}

// typeText types s into the focused element, key by key.
func typeText(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.KeyEvent(s)); err != nil {
		t.Fatal(err)
	}
}

// waitVisible waits until the element has a box on screen.
func waitVisible(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`(e => !!e && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0)(document.querySelector(%q))`, sel)); err != nil {
		t.Fatalf("%s never showed on screen: %v", sel, err)
	}
}

// setTheme makes the page see prefers-color-scheme: theme.
func setTheme(ctx context.Context, theme string) error {
	set := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}}})
		return chromedp.Void{}, err
	}
	return chromedp.Do(ctx, set)
}

// setupShots opens the app with the sample article labelled as the README
// shows it: a few people, organisations and places, one with a note.
func setupShots(t *testing.T) (context.Context, string) {
	t.Helper()
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowserWith(t, browserTimeout*4)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	article := newsArticle
	if f := os.Getenv("GLOSS_SCREENSHOT"); f != "" && f != "1" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		article = string(b)
	}
	pasteArticle(t, ctx, article)
	for _, s := range []struct{ n, k string }{{"Jean-Yves Le Drian", "1"}, {"Islamic State", "2"}, {"AFP", "2"}, {"Moscow", "3"}} {
		dragSelect(t, ctx, s.n, 0, 0, 0)
		press(t, ctx, s.k)
	}
	press(t, ctx, kb.Escape)
	return ctx, base
}

// TestBrowserScreenshots makes a screenshot of every state at both sizes
// and in both themes when asked, for a person to look at:
//
//	GLOSS_BROWSER=1 GLOSS_SHOTS=/tmp/shots go test -run TestBrowserScreenshots ./cmd/gloss
//
// GLOSS_SCREENSHOT=article.txt uses that article instead of the test's own.
func TestBrowserScreenshots(t *testing.T) {
	out := os.Getenv("GLOSS_SHOTS")
	if out == "" {
		t.Skip("set GLOSS_SHOTS=dir to write screenshots of every state there")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	eachShot(t, func(t *testing.T, ctx context.Context, where string) {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, where+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	})
}

// eachShot opens the app in every shot state at every size, light and
// dark, and calls check there with the state, size and theme's name
// ("annotations-phone-dark"); each state is a subtest.
func eachShot(t *testing.T, check func(t *testing.T, ctx context.Context, where string)) {
	ctx, base := setupShots(t)
	for _, st := range shotStates {
		t.Run(st.name, func(t *testing.T) {
			for _, sz := range shotSizes {
				for _, theme := range []string{"light", "dark"} {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(sz.w, sz.h)); err != nil {
						t.Fatal(err)
					}
					if err := setTheme(ctx, theme); err != nil {
						t.Fatal(err)
					}
					reopen(t, ctx, base)
					waitParagraphs(t, ctx)
					settle(t, ctx)
					st.set(t, ctx)
					settle(t, ctx)
					check(t, ctx, fmt.Sprintf("%s-%s-%s", st.name, sz.name, theme))
				}
			}
		})
	}
}

// reopen loads the app afresh (it opens the last article); a poll that
// lands between the old page and the new one is tried again.
func reopen(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	navigate(t, ctx, "about:blank")
	var err error
	for range 3 {
		if err = waitReady(ctx, base); err == nil {
			return
		}
		if err = waitAppReady(ctx); err == nil {
			return
		}
	}
	t.Fatal(err)
}
