package main

import (
	"strings"
	"testing"
)

// wrappedArticle is a news paragraph hard-wrapped at 72 columns, as a copy
// from a PDF or a plain-text e-mail has it: names break across its lines.
const wrappedArticle = `Talks in Berlin end without agreement

French President Emmanuel Macron met German Chancellor Angela
Merkel in Berlin on Tuesday to discuss the European Central
Bank's plans for the coming year. The meeting, organised by the
European Commission at the request of both leaders, ended with no
agreement, according to Reuters and Agence France-Presse. Boris
Johnson, the British Prime Minister, was not invited to the talks.
A spokesman for the government in London said the invitation had been
discussed but that the prime minister had other engagements that day,
among them a visit to the new hospital in Newcastle and a long-await-
ed speech on the economy to business leaders in the north of England.
`

// TestBrowserWrappedText pastes a hard-wrapped article: the names broken
// across its lines are suggested whole and typed, the paragraph is drawn
// flowing at the window's width, and the article's text is kept as pasted.
func TestBrowserWrappedText(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, wrappedArticle)
	want := map[string]string{"angela merkel": "PER", "european central bank": "ORG", "boris johnson": "PER", "emmanuel macron": "PER", "european commission": "ORG"}
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="entity-item"][data-key="angela merkel"]')||{dataset:{}}).dataset.label === "PER"`); err != nil {
		got, _ := entityLabels(ctx)
		t.Fatalf("Angela Merkel, broken across two lines, is not suggested as PER: %v", got)
	}
	got, err := entityLabels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for key, label := range want {
		if got[key] != label {
			t.Errorf("entity %q suggested %q, want %s (all: %v)", key, got[key], label, got)
		}
	}
	for _, broken := range []string{"merkel", "bank", "johnson"} {
		if _, ok := got[broken]; ok {
			t.Errorf("%q is suggested alone: %v", broken, got)
		}
	}
	// The paragraph flows at the window's width: its wrap's breaks are
	// drawn as spaces, so the PER suggestion over "Angela⏎Merkel" is on
	// one line of the screen.
	lines, err := evalJS[int](ctx, `(() => {
		for (const r of CSS.highlights.get("gloss-t0") || []) {
			const live = document.createRange();
			live.setStart(r.startContainer, r.startOffset);
			live.setEnd(r.endContainer, r.endOffset);
			if (live.toString() !== "Angela Merkel") continue;
			return new Set([...live.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))).size;
		}
		return 0;
	})()`)
	if err != nil || lines != 1 {
		t.Errorf("the suggestion “Angela Merkel” is drawn on %d lines (%v), want 1", lines, err)
	}
	shown, _ := evalJS[string](ctx, `document.querySelector('[data-testid="article"]').textContent`)
	if !strings.Contains(shown, "German Chancellor Angela Merkel in Berlin") || strings.Contains(shown, "Johnson, the British Prime Minister, was not invited to the talks.\nA spokesman") {
		t.Errorf("the article is not drawn as flowing paragraphs: %q", shown)
	}
	if !strings.Contains(shown, "without agreement") || strings.Contains(shown, "agreement French") {
		t.Errorf("the headline was joined to its paragraph: %q", shown)
	}
	if !strings.Contains(shown, "long-await-\u200bed speech") {
		t.Errorf("the break after a hyphen is not drawn as a zero-width space: %q", shown)
	}
	shots(t, ctx, "wrapped", articleInView)
	// The text itself keeps its line breaks: the editor shows them.
	click(t, ctx, `[data-testid="edit-text"]`)
	kept, err := pollJS[string](ctx, `(e => e && e.value)(document.querySelector('[data-testid="text-editor"]'))`)
	if err != nil || !strings.Contains(kept, "Chancellor Angela\nMerkel in Berlin") {
		t.Errorf("the article's text lost its line breaks: %q %v", kept, err)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
