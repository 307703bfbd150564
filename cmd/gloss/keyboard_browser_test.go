package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// key presses one key as a keyboard does: a keyDown carrying its text,
// which the page may cancel (then nothing is typed), and a keyUp.
// chromedp.KeyEvent sends the text as a separate char event that types
// even when the page cancelled the keydown.
func key(t *testing.T, ctx context.Context, k string, mods ...chromedp.Modifier) {
	t.Helper()
	var m chromedp.Modifier
	for _, x := range mods {
		m |= x
	}
	for _, r := range k {
		v, ok := kb.Keys[r]
		if !ok {
			t.Fatalf("no key for %q", r)
		}
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: v.Key, Code: v.Code,
			WindowsVirtualKeyCode: v.Windows, NativeVirtualKeyCode: v.Native, Modifiers: int64(m)}
		if v.Print && m&^chromedp.ModifierShift == 0 {
			down.Text, down.UnmodifiedText = v.Text, v.Unmodified
		}
		if v.Shift {
			down.Modifiers |= int64(chromedp.ModifierShift)
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		send := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, down); err != nil {
				return chromedp.Void{}, err
			}
			_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, up)
			return chromedp.Void{}, err
		}
		if err := chromedp.Do(ctx, send); err != nil {
			t.Fatal(err)
		}
	}
}

// focused describes the focused element: its test id, or its tag and text.
func focused(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := evalJS[string](ctx, `(e => e ? (e.dataset.testid || e.id || e.tagName) + ":" + (e.matches("mark") ? e.textContent : "") : "")(document.activeElement)`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitFocus waits until the focused element's description starts with want.
func waitFocus(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	for range 100 {
		if strings.HasPrefix(focused(t, ctx), want) {
			return
		}
		settle(t, ctx)
	}
	t.Fatalf("focus is on %q, want %q", focused(t, ctx), want)
}

// selectionText is the article's current text selection.
func selectionText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := evalJS[string](ctx, `String(window.getSelection())`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func waitSelection(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	for range 100 {
		if selectionText(t, ctx) == want {
			return
		}
		settle(t, ctx)
	}
	t.Fatalf("selection is %q, want %q", selectionText(t, ctx), want)
}

// jumpTo presses k (J or K) until the annotation with text want has the
// focus and the selected style: suggestions may lie in between.
func jumpTo(t *testing.T, ctx context.Context, k, want string) {
	t.Helper()
	for range 15 {
		key(t, ctx, k)
		settle(t, ctx)
		for range 20 {
			f := focused(t, ctx)
			if f == "annotation:"+want {
				sel, _ := evalJS[bool](ctx, `document.activeElement.classList.contains("selected")`)
				if !sel {
					t.Fatalf("%q has the focus but not the selected style", want)
				}
				return
			}
			if strings.HasPrefix(f, "annotation:") || strings.HasPrefix(f, "article:") {
				break
			}
			settle(t, ctx)
		}
	}
	t.Fatalf("%s never reached the annotation %q (focus on %q)", k, want, focused(t, ctx))
}

// TestBrowserKeyboardOnly: a person who never touches the mouse pastes
// the article, finds "moscow" and labels that one mention LOC with a
// number key, labels two more with the reading caret, moves to an
// annotation with J/K, opens it, writes a note and deletes another.
func TestBrowserKeyboardOnly(t *testing.T) {
	ctx, _, cons := openAt(t, 1280, 800)
	// Count every mouse or pointer event from here on.
	if _, err := evalJS[bool](ctx, `(window.__mouse = [], ["mousedown", "mouseup", "pointerdown", "pointerup", "mousemove", "dblclick"].forEach(n => addEventListener(n, e => window.__mouse.push(n), true)), true)`); err != nil {
		t.Fatal(err)
	}
	// The start screen has the paste box focused; Ctrl+Enter loads.
	openByKeyboard(t, ctx, newsArticle)

	// Search "moscow": Enter selects its first mention in the text, 3 labels it LOC.
	key(t, ctx, "/")
	waitFocus(t, ctx, "search-input")
	key(t, ctx, "moscow")
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="search-result"]').length > 0`); err != nil {
		t.Fatal("no search results for moscow")
	}
	key(t, ctx, "\r")
	waitSelection(t, ctx, "Moscow")
	waitFocus(t, ctx, "article")
	key(t, ctx, "3")
	got := waitCount(t, ctx, 1)
	moscow := strings.Index(newsArticle, "Moscow")
	if got[0].Start != moscow || got[0].Label != "LOC" {
		t.Fatalf("labelled %+v, want the first Moscow (%d) as LOC", got[0], moscow)
	}

	// The reading caret: → moves by word from the labelled span, to "Paris".
	for range strings.Fields("on Monday, the French defence minister told journalists Paris") {
		key(t, ctx, kb.ArrowRight)
	}
	waitSelection(t, ctx, "Paris")
	key(t, ctx, "3")
	waitCount(t, ctx, 2)
	// Shift+→ extends by word: "Islamic" → "Islamic State", ORG.
	for range strings.Fields("would ask Russia to increase its action against Islamic") {
		key(t, ctx, kb.ArrowRight)
	}
	waitSelection(t, ctx, "Islamic")
	key(t, ctx, kb.ArrowRight, chromedp.ModifierShift)
	waitSelection(t, ctx, "Islamic State")
	key(t, ctx, "2")
	got = waitCount(t, ctx, 3)
	if got[2].Text != "Islamic State" || got[2].Label != "ORG" {
		t.Fatalf("annotations %+v: want Islamic State as ORG last", got)
	}

	// K back to Paris (the next annotation from Moscow), Enter opens its
	// editor beside it with the focus in the note; Escape keeps the note.
	jumpTo(t, ctx, "k", "Moscow")
	jumpTo(t, ctx, "j", "Paris")
	key(t, ctx, "\r")
	waitFocus(t, ctx, "note-input")
	waitVisible(t, ctx, `[data-testid="annotation-editor"]`)
	near, err := evalJS[float64](ctx, `(() => {
		const m = document.querySelector('mark.ann.selected').getBoundingClientRect();
		const e = document.querySelector('[data-testid="annotation-editor"]').getBoundingClientRect();
		return Math.min(Math.abs(e.top - m.bottom), Math.abs(m.top - e.bottom));
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if near > 40 {
		t.Errorf("the editor is %v px away from its span", near)
	}
	key(t, ctx, "capital")
	key(t, ctx, kb.Escape)
	waitFocus(t, ctx, "annotation:Paris")
	if _, err := pollJS[bool](ctx, `(m => m && m.title === "capital" && m.dataset.note === "1")(document.querySelector('mark.ann[data-label="LOC"][data-note]'))`); err != nil {
		t.Fatal("the note was not kept, or is not marked on its span")
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="annotation-editor"]').length === 0`); err != nil {
		t.Error("Escape left the editor open")
	}

	// J to Islamic State, Delete removes it.
	jumpTo(t, ctx, "j", "Islamic State")
	key(t, ctx, kb.Delete)
	got = waitCount(t, ctx, 2)
	if got[0].Text != "Moscow" || got[1].Text != "Paris" {
		t.Errorf("after Delete: %+v, want Moscow and Paris", got)
	}
	waitFocus(t, ctx, "article")

	if ev, _ := evalJS[[]string](ctx, `window.__mouse`); len(ev) > 0 {
		t.Errorf("mouse events during a keyboard-only test: %v", ev)
	}
	noConsoleErrors(t, cons)
}

// TestBrowserAnnotationsList: the Annotations tab lists every label with
// its text and note, filters by label, and Enter on a row jumps to its
// span (focused and marked as selected).
func TestBrowserAnnotationsList(t *testing.T) {
	ctx, _, cons := openArticle(t, 1280, 800, newsArticle)
	for _, s := range []struct{ n, k string }{{"Jean-Yves Le Drian", "1"}, {"Islamic State", "2"}, {"AFP", "2"}, {"Moscow", "3"}} {
		dragSelect(t, ctx, s.n, 0, 0, 0)
		press(t, ctx, s.k)
	}
	waitCount(t, ctx, 4)
	click(t, ctx, `[data-testid="annotations-tab"]`)
	rows := func() []string {
		t.Helper()
		v, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="annotations-item"]')].map(b => b.textContent)`)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="annotations-item"]').length === 4`); err != nil {
		t.Fatalf("rows %q, want 4", rows())
	}
	if got := strings.Join(rows(), "|"); got != "LOCMoscow|ORGIslamic State|PERJean-Yves Le Drian|ORGAFP" {
		t.Errorf("rows %q, want the four annotations in text order", got)
	}
	if _, err := evalJS[bool](ctx, `(s => (s.value = "ORG", s.dispatchEvent(new Event("change", {bubbles: true})), true))(document.querySelector('[data-testid="annotations-filter"]'))`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="annotations-item"]').length === 2`); err != nil {
		t.Fatalf("filtered by ORG: rows %q, want 2", rows())
	}
	if _, err := evalJS[bool](ctx, `(document.querySelectorAll('[data-testid="annotations-item"]')[1].focus(), true)`); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, "\r")
	waitFocus(t, ctx, "annotation:AFP")
	if ok, _ := evalJS[bool](ctx, `document.activeElement.classList.contains("selected") && document.activeElement.getAttribute("aria-label") === "AFP, ORG"`); !ok {
		t.Error("the jumped-to span is not marked selected, or not named with its label")
	}
	noConsoleErrors(t, cons)
}
