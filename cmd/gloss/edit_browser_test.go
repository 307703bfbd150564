package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserEditTextReanchors edits the article text: annotations move with
// their words, one whose words were deleted is listed as an orphan to place
// or drop, and the edit is undone in one step.
func TestBrowserEditTextReanchors(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, newsArticle)
	dragSelect(t, ctx, "Jean-Yves Le Drian", 0, 0, 0)
	press(t, ctx, "1")
	dragSelect(t, ctx, "Islamic State", 0, 0, 0)
	press(t, ctx, "2")
	waitCount(t, ctx, 2)

	click(t, ctx, `[data-testid="edit-text"]`)
	edited := "UPDATED: " + strings.Replace(newsArticle, " against Islamic State", "", 1)
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`[data-testid="text-editor"]`), edited)); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="text-save"]`)
	waitParagraphs(t, ctx)
	got := waitCount(t, ctx, 1)
	at := strings.Index(edited, "Jean-Yves Le Drian")
	if got[0] != (mention{Start: at, End: at + len("Jean-Yves Le Drian"), Label: "PER", Text: "Jean-Yves Le Drian"}) {
		t.Errorf("after the edit: %+v, want Jean-Yves Le Drian at %d", got[0], at)
	}
	orphans, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="orphan"]')].map(e => e.textContent)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(orphans) != 1 || !strings.Contains(orphans[0], "Islamic State") {
		t.Fatalf("orphans = %q, want Islamic State", orphans)
	}
	// At 1280×800 the row is one line on screen: "Place" and "×" beside
	// the text, inside the column (the × used to wrap under "Place").
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	row, err := evalJS[string](ctx, `(() => {
		const li = document.querySelector('[data-testid="orphan"]');
		const p = li.querySelector('[data-testid="orphan-place"]').getBoundingClientRect();
		const d = li.querySelector('[data-testid="orphan-drop"]').getBoundingClientRect();
		const col = li.parentElement.getBoundingClientRect();
		if (Math.abs(p.top - d.top) > 2) return "the drop button is on another line than Place";
		if (d.right > col.right + 1 || d.width === 0) return "the drop button is outside the column";
		return "ok";
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if row != "ok" {
		t.Errorf("orphan row at 1280×800: %s", row)
	}
	// The open article's row in the library shows its rename and delete
	// buttons inside the list.
	lib, err := evalJS[string](ctx, `(() => {
		const li = document.querySelector('.lib li.open');
		if (!li) return "no open row";
		const box = li.getBoundingClientRect();
		for (const id of ["library-rename", "library-delete"]) {
			const b = li.querySelector('[data-testid="' + id + '"]').getBoundingClientRect();
			if (b.width === 0 || b.right > box.right + 1 || b.left < box.left) return id + " is out of the row";
		}
		return "ok";
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if lib != "ok" {
		t.Errorf("library row at 1280×800: %s", lib)
	}
	if os.Getenv("GLOSS_SHOTS") != "" {
		shots(t, ctx, "orphans")
	}
	// Place the orphan on another span: it keeps its label.
	dragSelect(t, ctx, "Paris", 0, 0, 0)
	click(t, ctx, `[data-testid="orphan-place"]`)
	got = waitCount(t, ctx, 2)
	paris := strings.Index(edited, "Paris")
	if got[0] != (mention{Start: paris, End: paris + 5, Label: "ORG", Text: "Paris"}) {
		t.Errorf("placed orphan = %+v, want Paris as ORG at %d", got[0], paris)
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="orphan"]').length === 0`); err != nil {
		t.Errorf("the orphan is still listed after placing it: %v", err)
	}
	// Undo the placing, then the edit: the original text and spans are back.
	click(t, ctx, `[data-testid="undo"]`)
	waitCount(t, ctx, 1)
	click(t, ctx, `[data-testid="undo"]`)
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="article"]').textContent.startsWith(%q)`, newsArticle[:30])); err != nil {
		t.Fatal("undo did not bring the old text back")
	}
	got = waitCount(t, ctx, 2)
	if got[0].Text != "Islamic State" || got[1].Text != "Jean-Yves Le Drian" {
		t.Errorf("after undo: %+v", got)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
