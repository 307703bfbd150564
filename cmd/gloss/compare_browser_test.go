package main

// Adjudication: a colleague's annotations of the open article compared with
// mine, the agreement table, two differences resolved with the keyboard
// (no mouse), then undone; a difference chosen with a click.

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"gloss/app/corpus"

	"github.com/chromedp/chromedp"
)

func TestBrowserCompare(t *testing.T) {
	ctx, _, cons := openApp(t)
	const txt = "Ann Lee met Bob in New York at IBM on Monday."
	zip, err := corpus.Zip([]corpus.File{
		{Name: "mine.txt", Data: []byte(txt)},
		{Name: "mine.ann", Data: []byte("T1\tPER 0 7\tAnn Lee\nT2\tPER 12 15\tBob\nT3\tLOC 19 27\tNew York\nT4\tORG 31 34\tIBM\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	dropFile(t, ctx, "mine.zip", zip)
	waitSummary(t, ctx)
	waitCount(t, ctx, 4)
	theirs := writeFile(t, t.TempDir(), "theirs.ann", []byte("T1\tPER 0 3\tAnn\nT2\tPER 12 15\tBob\nT3\tORG 19 27\tNew York\nT4\tORG 31 34\tIBM\nT5\tMISC 38 44\tMonday\n"))
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="compare-input"]`), []string{theirs})); err != nil {
		t.Fatal(err)
	}
	// Mine (A) against theirs (B): exact 2 of mine 4, of theirs 5.
	row, err := pollJS[[]string](ctx, `(() => { const r = document.querySelector('[data-testid="agreement-table"] tr[data-label="all"]'); return r ? [...r.children].map(c => c.textContent) : null })()`)
	if err != nil {
		t.Fatalf("no agreement table (message %q)", message(ctx))
	}
	if strings.Join(row, " ") != "all 0.40 0.50 0.44 0.67 4/5" {
		t.Errorf("overall row %q", row)
	}
	kinds := func() []string {
		k, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="diff-item"]')].map(e => e.dataset.kind)`)
		return k
	}
	if got := strings.Join(kinds(), ","); got != "different spans,different labels,only theirs" {
		t.Errorf("differences %q", got)
	}
	// Keyboard only: take theirs twice (Ann Lee → Ann, New York → ORG).
	if _, err := evalJS[bool](ctx, `(document.activeElement && document.activeElement.blur(), true)`); err != nil {
		t.Fatal(err)
	}
	press(t, ctx, "y")
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="diff-item"]').length === 2`); err != nil {
		t.Fatalf("after Y: %q", kinds())
	}
	press(t, ctx, "y")
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="diff-item"]').length === 1`); err != nil {
		t.Fatalf("after the second Y: %q", kinds())
	}
	labels := func() string {
		got, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="annotation"]')].map(e => e.dataset.label + ":" + e.textContent)`)
		return strings.Join(got, ",")
	}
	want := "PER:Ann,PER:Bob,ORG:New York,ORG:IBM"
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="annotation"]')].map(e => e.dataset.label + ":" + e.textContent).join(",") === %s`, jsString(want))); err != nil {
		t.Errorf("annotations %q, want %q", labels(), want)
	}
	// N keeps mine for the last one: nothing changes.
	press(t, ctx, "n")
	// Ctrl+Z undoes the last take: New York is LOC again, one more difference.
	press(t, ctx, "z", chromedp.ModifierCtrl)
	want = "PER:Ann,PER:Bob,LOC:New York,ORG:IBM"
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="annotation"]')].map(e => e.dataset.label + ":" + e.textContent).join(",") === %s`, jsString(want))); err != nil {
		t.Errorf("after undo %q, want %q", labels(), want)
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="diff-item"]').length === 2`); err != nil {
		t.Errorf("after undo: %q", kinds())
	}
	// A click on a difference makes it the current one (its index is read
	// back from the item's data-i).
	if _, err := evalJS[bool](ctx, `(document.querySelectorAll('[data-testid="diff-item"]')[1].click(), true)`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `(() => { const d = document.querySelectorAll('[data-testid="diff-item"]'); return d.length === 2 && !d[0].classList.contains("current") && d[1].classList.contains("current") })()`); err != nil {
		cls, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="diff-item"]')].map(e => e.className)`)
		t.Errorf("after a click on the second difference, classes %q", cls)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
	if os.Getenv("GLOSS_SHOTS") != "" {
		shots(t, ctx, "compare")
	}
}
