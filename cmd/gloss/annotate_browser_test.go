package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A short news article of our own, shaped like the sample the product was
// specified with.
const newsArticle = `French defence chief to ask Russia to step up anti-ISIS operations

Ahead of his visit to Moscow on Monday, the French defence minister told journalists Paris would ask Russia to increase its action against Islamic State.

French Defence Minister Jean-Yves Le Drian heads for Moscow this Monday in pursuit of enhanced collaboration between France and Russia, according to AFP.

"We will discuss what we consider to be terrorist groups," Le Drian was quoted as saying by AFP.`

// mention is an annotation as the page draws it.
type mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

// drawnAnnotations reads every annotation drawn in the article, joining the
// pieces of one annotation split over paragraphs or crossings.
func drawnAnnotations(ctx context.Context) ([]mention, error) {
	return evalJS[[]mention](ctx, `(() => {
		const by = new Map();
		for (const m of document.querySelectorAll('[data-testid="article"] [data-testid="annotation"]')) {
			const id = m.dataset.id;
			let own = "";
			for (const n of m.childNodes) if (n.nodeType === 3) own += n.data; else if (!n.matches('[data-id="'+id+'"]')) own += n.textContent;
			const e = by.get(id) || {start: +m.dataset.start, end: +m.dataset.end, label: m.dataset.label, text: ""};
			e.text += m.textContent;
			by.set(id, e);
		}
		return [...by.values()].sort((a, b) => a.start - b.start);
	})()`)
}

// pasteArticle puts text into the paste box as a paste would and loads it.
func pasteArticle(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	submitPaste(t, ctx, text)
	waitParagraphs(t, ctx)
}

// submitPaste opens the new-article pane, types text in its box and presses
// Load, without waiting for the article.
func submitPaste(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="new-article"]`)))
	if err == nil {
		// The form is drawn by the render after the click (hidden, it has no box to focus).
		_, err = pollJS[bool](ctx, `(e => !!e && e.getClientRects().length > 0)(document.querySelector('[data-testid="paste-input"]'))`)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`[data-testid="paste-input"]`)))
	}
	if err != nil {
		// The new-article pane is already open (empty library).
		if _, err := chromedp.Run(ctx, chromedp.Focus(chromedp.CSS(`[data-testid="paste-input"]`))); err != nil {
			t.Fatal(err)
		}
	}
	insert := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, insert); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`[data-testid="paste-load"]`))); err != nil {
		t.Fatal(err)
	}
}

// openByKeyboard types text into the focused paste box and opens it with
// Ctrl+Enter, no mouse: the article's paragraphs come, and the focus goes
// to the article.
func openByKeyboard(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	waitFocus(t, ctx, "paste-input")
	insert := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, insert); err != nil {
		t.Fatal(err)
	}
	key(t, ctx, "\r", chromedp.ModifierCtrl)
	waitParagraphs(t, ctx)
	waitFocus(t, ctx, "article")
}

// pasteIntoBox opens the new-article box and leaves text in it as a paste
// does (the value set, then an input event of type insertFromPaste),
// without loading it: megabytes typed through CDP's input pipeline take
// minutes. The test fails unless the box then holds all of text.
func pasteIntoBox(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="paste-input"]')`); err != nil {
		t.Fatalf("no paste box: %v", err)
	}
	set := fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid="paste-input"]'); el.focus(); el.value = %s; el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"})); return el.value.length })()`, jsString(text))
	if n, err := evalJS[int](ctx, set); err != nil || n != len(utf16.Encode([]rune(text))) {
		t.Fatalf("setting the paste box: %d UTF-16 units, %v", n, err)
	}
}

func waitParagraphs(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="article"] p').length > 0 && !document.querySelector('[data-testid="article"]').hidden`); err != nil {
		t.Fatalf("the article was not shown: %v", err)
	}
}

// textBox returns the viewport points just inside the first and last
// characters of the nth occurrence of needle in the article, scrolled into view.
func textBox(ctx context.Context, needle string, nth int, from, to int) (x1, y1, x2, y2 float64, err error) {
	// Scroll first, let the browser lay the paragraphs out (content-visibility
	// renders them only once on screen, which moves the text), then measure.
	if _, err := textBoxAt(ctx, needle, nth, from, to, true); err != nil {
		return 0, 0, 0, 0, err
	}
	if _, err := evalJS[bool](ctx, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`); err != nil {
		return 0, 0, 0, 0, err
	}
	pts, err := textBoxAt(ctx, needle, nth, from, to, false)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return pts[0], pts[1], pts[2], pts[3], nil
}

func textBoxAt(ctx context.Context, needle string, nth int, from, to int, scroll bool) ([]float64, error) {
	js := fmt.Sprintf(`(() => {
		const needle = %q, nth = %d, from = %d, to = %d, scroll = %v;
		const art = document.querySelector('[data-testid="article"]');
		for (const p of art.querySelectorAll("p")) {
			const text = p.textContent;
			let i = -1, k = -1;
			while (k < nth) { i = text.indexOf(needle, i + 1); if (i < 0) break; k++; }
			if (i < 0) continue;
			const at = (off) => {
				const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
				let pos = 0, n;
				while ((n = w.nextNode())) { if (off < pos + n.data.length) return [n, off - pos]; pos += n.data.length; }
				return null;
			};
			if (scroll) p.scrollIntoView({block: "center"});
			const rect = (off) => { const [n, o] = at(off); const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + 1); return r.getBoundingClientRect(); };
			const a = rect(i + from), b = rect(i + needle.length - 1 - to);
			return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
		}
		return null;
	})()`, needle, nth, from, to, scroll)
	pts, err := evalJS[[]float64](ctx, js)
	if err != nil {
		return nil, err
	}
	if len(pts) != 4 {
		return nil, fmt.Errorf("%q not found in the article", needle)
	}
	return pts, nil
}

// dragSelect selects text with the mouse, from the from-th character of the
// nth occurrence of needle to the to-th character before its end.
func dragSelect(t *testing.T, ctx context.Context, needle string, nth, from, to int) {
	t.Helper()
	// The page may still be laying out (a message bar appearing, entities
	// built after the first paint) between measuring and dragging: check
	// what was selected and drag again if the text moved under the mouse.
	inner := string([]rune(needle)[from : len([]rune(needle))-to])
	for try := 0; ; try++ {
		dragOnce(t, ctx, needle, nth, from, to)
		sel, err := evalJS[string](ctx, `String(window.getSelection())`)
		if err != nil {
			t.Fatal(err)
		}
		sel = strings.TrimSpace(sel)
		if strings.Contains(sel, inner) && len([]rune(sel)) <= len([]rune(needle))+2 || try == 4 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// doubleClickWord double-clicks the first character of the first occurrence
// of needle, which selects word, checking the selection as dragSelect does.
func doubleClickWord(t *testing.T, ctx context.Context, needle, word string) {
	t.Helper()
	for try := 0; ; try++ {
		settle(t, ctx)
		x1, y1, _, _, err := textBox(ctx, needle, 0, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.MouseClickXY(x1+2, y1, chromedp.ClickCount(2))); err != nil {
			t.Fatal(err)
		}
		sel, err := evalJS[string](ctx, `String(window.getSelection())`)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(sel) == word || try == 4 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// settle lets work queued after the last paint (the entities build, a
// message bar appearing) run before coordinates are measured.
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 30)))`); err != nil {
		t.Fatal(err)
	}
}

func dragOnce(t *testing.T, ctx context.Context, needle string, nth, from, to int) {
	t.Helper()
	settle(t, ctx)
	x1, y1, x2, y2, err := textBox(ctx, needle, nth, from, to)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x1, y1, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x1+x2)/2, (y1+y2)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x2, y2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x2, y2, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	if err != nil {
		t.Fatal(err)
	}
}

func press(t *testing.T, ctx context.Context, keys string, mods ...chromedp.Modifier) {
	t.Helper()
	var opts []chromedp.KeyOption
	for _, m := range mods {
		opts = append(opts, chromedp.KeyModifiers(m))
	}
	if _, err := chromedp.Run(ctx, chromedp.KeyEvent(keys, opts...)); err != nil {
		t.Fatal(err)
	}
}

func waitCount(t *testing.T, ctx context.Context, n int) []mention {
	t.Helper()
	var got []mention
	for deadline := time.Now().Add(10 * time.Second); ; {
		var err error
		got, err = drawnAnnotations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == n || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(got) != n {
		t.Fatalf("%d annotations drawn, want %d: %+v", len(got), n, got)
	}
	return got
}

func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	// A button is enabled by the render after the change that enables it
	// (redo after an undo): a click on it while still disabled is lost.
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`(e => !!e && !e.disabled)(document.querySelector(%q))`, sel)); err != nil {
		t.Fatalf("click %s: no enabled element: %v", sel, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// TestBrowserLabelAndReload is the person of the first issue: paste the
// article, label "Jean-Yves Le Drian" as a person and "Moscow" as a place by
// selecting and pressing keys, close the tab, come back, find both.
func TestBrowserLabelAndReload(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	start := time.Now()
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	t.Logf("app ready in %v", time.Since(start))
	pasteArticle(t, ctx, newsArticle)

	// A mouse drag starting inside "Jean" and ending inside "Drian" snaps
	// to the whole name; 1 is PER.
	dragSelect(t, ctx, "Jean-Yves Le Drian", 0, 2, 2)
	press(t, ctx, "1")
	waitCount(t, ctx, 1)

	// Keyboard: double-click a word, then extend with shift+arrow; 3 is LOC.
	doubleClickWord(t, ctx, "Moscow this", "Moscow")
	press(t, ctx, kb.ArrowRight, chromedp.ModifierShift) // the trailing space is trimmed by snapping
	press(t, ctx, "3")
	got := waitCount(t, ctx, 2)

	wantJYLD := strings.Index(newsArticle, "Jean-Yves Le Drian")
	wantMoscow := strings.Index(newsArticle, "Moscow this")
	want := []mention{
		{Start: wantJYLD, End: wantJYLD + len("Jean-Yves Le Drian"), Label: "PER", Text: "Jean-Yves Le Drian"},
		{Start: wantMoscow, End: wantMoscow + len("Moscow"), Label: "LOC", Text: "Moscow"},
	}
	// The article is ASCII, so byte offsets are code point offsets.
	check := func(when string, got []mention) {
		t.Helper()
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Fatalf("%s: annotations %+v, want %+v", when, got, want)
		}
	}
	check("after labelling", got)

	// Undo and redo, with the buttons and with the keys.
	click(t, ctx, `[data-testid="undo"]`)
	waitCount(t, ctx, 1)
	click(t, ctx, `[data-testid="redo"]`)
	waitCount(t, ctx, 2)
	press(t, ctx, "z", chromedp.ModifierCtrl)
	waitCount(t, ctx, 1)
	press(t, ctx, "z", chromedp.ModifierCtrl|chromedp.ModifierShift)
	check("after undo and redo", waitCount(t, ctx, 2))

	// Close the tab and come back.
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	check("after reload", waitCount(t, ctx, 2))
	lib, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="library-item"]')].map(li => li.querySelector('[data-testid="library-title"]').textContent + " | " + li.querySelector('[data-testid="library-count"]').textContent)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) != 1 || lib[0] != "French defence chief to ask Russia to step up anti-ISIS operations | 2 labels" {
		t.Errorf("library = %q", lib)
	}

	// Click an annotation: change its label, add a note, then delete it.
	click(t, ctx, `[data-testid="annotation"][data-label="LOC"]`)
	click(t, ctx, `[data-testid="editor-label"][data-label="MISC"]`)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="annotation"][data-label="MISC"]')`); err != nil {
		t.Fatal("relabelling did not redraw the span")
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`[data-testid="note-input"]`), "capital"), chromedp.Blur(chromedp.CSS(`[data-testid="note-input"]`))); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="annotation"][data-label="MISC"]').title === "capital"`); err != nil {
		t.Fatal("the note was not kept")
	}
	click(t, ctx, `[data-testid="annotation-delete"]`)
	waitCount(t, ctx, 1)
	press(t, ctx, "z", chromedp.ModifierCtrl)
	waitCount(t, ctx, 2)

	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserUnicodeOffsets labels spans after accents, an emoji outside
// the BMP and right-to-left text and checks their code point offsets.
func TestBrowserUnicodeOffsets(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	article := "Élysée 😀 visit\n\nFrançois Hollande met 🇫🇷 officials in القاهرة before going to Zürich.\n\nשלום עליכם and 東京 too."
	pasteArticle(t, ctx, article)
	runes := []rune(article)
	find := func(s string) (int, int) {
		i := strings.Index(article, s)
		start := len([]rune(article[:i]))
		return start, start + len([]rune(s))
	}
	label := func(needle, key string) {
		dragSelect(t, ctx, needle, 0, 0, 0)
		press(t, ctx, key)
	}
	label("Hollande", "1")
	label("القاهرة", "3")
	label("Zürich", "3")
	label("東京", "3")
	got := waitCount(t, ctx, 4)
	for _, m := range got {
		s, e := find(m.Text)
		if m.Start != s || m.End != e || string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("%q drawn at %d-%d, want %d-%d", m.Text, m.Start, m.End, s, e)
		}
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	again := waitCount(t, ctx, 4)
	for i := range got {
		if again[i] != got[i] {
			t.Errorf("after reload %+v, want %+v", again[i], got[i])
		}
	}
}

// TestBrowserUploadAndLibrary uploads a .txt, a .md and an .html file,
// then deletes an article and undoes it.
func TestBrowserUploadAndLibrary(t *testing.T) {
	ctx, base, cons := openApp(t)
	files := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		file, body, title, inText, notInText string
	}{
		{"plain.txt", "Talks in Vienna\n\nLavrov and Kerry met in Vienna on Friday.", "Talks in Vienna", "Lavrov and Kerry met in Vienna on Friday.", ""},
		{"notes.md", "# Summit notes\n\nThe **summit** in [Geneva](http://example.com) ended.\n\n- Merkel spoke\n- Obama left", "Summit notes", "The summit in Geneva ended.", "**"},
		{"page.html", `<html><head><title>Strikes in Syria</title><style>p{color:red}</style><script>window.__pwned=1</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Strikes in Syria</h1><p>Russian jets struck targets near Raqqa, officials in Damascus said.</p><p>The strikes followed talks in Moscow.</p></article><aside class="ad">Buy now</aside><footer>© News Corp</footer></body></html>`, "Strikes in Syria", "Russian jets struck targets near Raqqa, officials in Damascus said.", "Buy now"},
	}
	for _, c := range cases {
		click(t, ctx, `[data-testid="new-article"]`)
		if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="file-input"]`), []string{write(c.file, c.body)})); err != nil {
			t.Fatal(err)
		}
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="title-input"]') && document.querySelector('[data-testid="title-input"]').value === %q`, c.title)); err != nil {
			title, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value + " / " + document.querySelector('[data-testid="message"]').textContent`)
			t.Fatalf("%s: title/message = %q, want title %q", c.file, title, c.title)
		}
		// The title shows in the same update as the article, which is
		// drawn into the page a moment later: wait for its text.
		pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="article"]').innerText.includes(%q)`, c.inText))
		body, err := evalJS[string](ctx, `document.querySelector('[data-testid="article"]').innerText`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, c.inText) {
			t.Errorf("%s: article %q does not contain %q", c.file, body, c.inText)
		}
		if c.notInText != "" && strings.Contains(body, c.notInText) {
			t.Errorf("%s: article %q contains %q", c.file, body, c.notInText)
		}
	}
	if pwned, _ := evalJS[bool](ctx, `!!window.__pwned`); pwned {
		t.Fatal("a script from the uploaded HTML ran")
	}
	titles := func() []string {
		v, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="library-title"]')].map(e => e.textContent).sort()`)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := strings.Join(titles(), "|"); got != "Strikes in Syria|Summit notes|Talks in Vienna" {
		t.Fatalf("library = %s", got)
	}
	// Delete "Summit notes", then undo from the message.
	if _, err := evalJS[bool](ctx, `(() => { for (const li of document.querySelectorAll('[data-testid="library-item"]')) if (li.textContent.includes("Summit notes")) { li.querySelector('[data-testid="library-delete"]').click(); return true } return false })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="library-item"]').length === 2`); err != nil {
		t.Fatal("the article was not deleted")
	}
	click(t, ctx, `[data-testid="message-action"]`)
	if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="library-item"]').length === 3`); err != nil {
		t.Fatal("undoing the delete did not bring the article back")
	}
	// Still there after a reload.
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(titles(), "|"); got != "Strikes in Syria|Summit notes|Talks in Vienna" {
		t.Fatalf("library after reload = %s", got)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserNarrowLibrary: in a narrow window the library pane is hidden
// behind a button; it opens over the article and an article can be opened.
func TestBrowserNarrowLibrary(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(700, 700)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, "First article\n\nAbout Vienna.")
	pasteArticle(t, ctx, "Second article\n\nAbout Geneva.")
	visible := func() bool {
		v, err := evalJS[bool](ctx, `document.querySelector('[data-testid="library"]').getBoundingClientRect().width > 0`)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if visible() {
		t.Fatal("the library pane should be hidden at 700 px")
	}
	click(t, ctx, `[data-testid="library-toggle"]`)
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="library"]').getBoundingClientRect().width > 0`); err != nil {
		t.Fatal("the library button did not open the pane")
	}
	if _, err := evalJS[bool](ctx, `([...document.querySelectorAll('[data-testid="library-title"]')].find(e => e.textContent === "First article").click(), true)`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="article"]').textContent.includes("Vienna")`); err != nil {
		t.Fatal("opening an article from the pane did not show it")
	}
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="library"]').getBoundingClientRect().width === 0`); err != nil {
		t.Error("the pane stayed open over the article")
	}
}
