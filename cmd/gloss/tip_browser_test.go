package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// tipBox is the evidence box as the screen shows it: its text and whether
// it is drawn inside the window.
type tipBox struct {
	Text   string `json:"text"`
	OnPage bool   `json:"onPage"`
}

const tipJS = `(() => {
	const el = document.querySelector('[data-testid="suggestion-evidence"]');
	if (!el) return null;
	const b = el.getBoundingClientRect(), cs = getComputedStyle(el);
	const onPage = b.width > 0 && b.height > 0 && b.left >= 0 && b.top >= 0 && b.right <= innerWidth && b.bottom <= innerHeight &&
		cs.visibility !== "hidden" && cs.display !== "none" && +cs.opacity > 0;
	return {text: el.textContent, onPage};
})()`

// TestBrowserSuggestionEvidence rests the mouse on a suggested name in the
// text and sees the evidence box on screen, moves away and sees it go;
// then, keyboard only, J puts the keyboard on the first suggestion and the
// box shows its evidence without any mouse event.
func TestBrowserSuggestionEvidence(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, suggestArticle)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="entity-item"][data-key="damascus"]')||{dataset:{}}).dataset.label === "LOC"`); err != nil {
		t.Fatalf("Damascus never suggested as LOC: %v", err)
	}
	x1, y1, x2, y2, err := textBox(ctx, "Damascus", 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x1+x2)/2, (y1+y2)/2)); err != nil {
		t.Fatal(err)
	}
	box, err := pollJS[*tipBox](ctx, tipJS)
	if err != nil || box == nil {
		t.Fatalf("no evidence box after resting the mouse on Damascus: %v", err)
	}
	if !box.OnPage || !strings.Contains(box.Text, "Damascus") || !strings.Contains(box.Text, "Suggested LOC") || !strings.Contains(box.Text, "a city") {
		t.Errorf("evidence box over Damascus: %+v", box)
	}
	// The box sits beside the name, not over it.
	if over, _ := evalJS[bool](ctx, fmt.Sprintf(`(() => { const b = document.querySelector('[data-testid="suggestion-evidence"]').getBoundingClientRect(); const x = %f, y = %f; return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom })()`, (x1+x2)/2, (y1+y2)/2)); over {
		t.Error("the evidence box covers the name it explains")
	}

	// Past the end of a line, or on plain words, there is no box.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="suggestion-evidence"]')`); err != nil {
		t.Fatal("the evidence box stayed after the mouse left the name")
	}

	// Keyboard only: J to the first suggestion (the headline's France).
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="article"]').focus(), true)`); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, "j")
	box, err = pollJS[*tipBox](ctx, tipJS)
	if err != nil || box == nil {
		t.Fatalf("no evidence box after J: %v", err)
	}
	if !box.OnPage || !strings.Contains(box.Text, "France") || !strings.Contains(box.Text, "a country") {
		t.Errorf("evidence box after J: %+v", box)
	}
	shots(t, ctx, "evidence-tip", `(gloss.placeTip(), true)`)
	key(t, ctx, "j")
	if box, err := pollJS[*tipBox](ctx, `(b => b && !b.text.includes("France") ? b : null)(`+tipJS+`)`); err != nil || !strings.Contains(box.Text, "Russia") {
		t.Errorf("the evidence box did not follow J to Russia: %+v %v", box, err)
	}
	if errs := cons.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// tap touches the screen at (x, y) and lifts the finger: a tap, with no
// mouse event sent by the test.
func tap(ctx context.Context, x, y float64) error {
	touch := func(typ input.DispatchTouchEventType, pts []*input.TouchPoint) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		})
	}
	return chromedp.Do(ctx,
		touch(input.DispatchTouchEventTypeTouchStart, []*input.TouchPoint{{X: x, Y: y}}),
		touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{}))
}

// TestBrowserSuggestionEvidenceTouch: on a phone (a touch screen, 390×844)
// a tap on a suggestion's underline shows the same evidence box the mouse
// shows; a tap on plain words hides it.
func TestBrowserSuggestionEvidenceTouch(t *testing.T) {
	ctx, _, cons := openApp(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, suggestArticle)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="entity-item"][data-key="damascus"]')||{dataset:{}}).dataset.label === "LOC"`); err != nil {
		t.Fatalf("Damascus never suggested as LOC: %v", err)
	}
	// Safari on iOS sends no mouse events for a tap on plain text; a
	// cancelled touchstart makes Chromium send none either, so only the
	// touch itself can show the box.
	if _, err := evalJS[bool](ctx, `(document.addEventListener("touchstart", (e) => e.preventDefault(), {passive: false}), true)`); err != nil {
		t.Fatal(err)
	}
	box4 := func(needle string) (float64, float64) {
		t.Helper()
		x1, y1, x2, y2, err := textBox(ctx, needle, 0, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return (x1 + x2) / 2, (y1 + y2) / 2
	}
	x, y := box4("Damascus")
	if err := tap(ctx, x, y); err != nil {
		t.Fatal(err)
	}
	box, err := pollJS[*tipBox](ctx, tipJS)
	if err != nil || box == nil {
		t.Fatalf("no evidence box after a tap on Damascus: %v", err)
	}
	if !box.OnPage || !strings.Contains(box.Text, "Damascus") || !strings.Contains(box.Text, "Suggested LOC") {
		t.Errorf("evidence box after a tap on Damascus: %+v", box)
	}
	if over, _ := evalJS[bool](ctx, fmt.Sprintf(`(() => { const b = document.querySelector('[data-testid="suggestion-evidence"]').getBoundingClientRect(); return %f >= b.left && %f <= b.right && %f >= b.top && %f <= b.bottom })()`, x, x, y, y)); over {
		t.Error("the evidence box covers the name it explains")
	}
	shots(t, ctx, "evidence-tip-touch", `(gloss.placeTip(), true)`)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	// A tap on words that are no suggestion hides the box.
	x, y = box4("telephone")
	if err := tap(ctx, x, y); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="suggestion-evidence"]')`); err != nil {
		t.Error("the evidence box stayed after a tap on plain words")
	}
	if errs := cons.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
