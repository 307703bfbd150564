package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// articleText returns the open article's text exactly as stored, from the
// text editor (opened and closed again).
func articleText(t *testing.T, ctx context.Context) string {
	t.Helper()
	click(t, ctx, `[data-testid="edit-text"]`)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="text-editor"]')`); err != nil {
		t.Fatal("the text editor did not open")
	}
	s, err := evalJS[string](ctx, `document.querySelector('[data-testid="text-editor"]').value`)
	if err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="text-cancel"]`)
	// Closed and drawn again before the caller goes on (a click meant for
	// the next pane could otherwise land before this render).
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="text-editor"]')`); err != nil {
		t.Fatal("the text editor did not close")
	}
	return s
}

// TestBrowserPasteMarkdown pastes a news article copied as Markdown (rules,
// emphasis, links, autolinks): no markup is left in the text, the message
// says Markdown was recognised, and one click keeps the text as pasted.
func TestBrowserPasteMarkdown(t *testing.T) {
	ctx, _, cons := openApp(t)
	md, err := os.ReadFile(filepath.Join(repoRoot(t), "app", "extract", "testdata", "pasted-article.md"))
	if err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, string(md))
	waitMessage(t, ctx, "Recognised Markdown")
	got := articleText(t, ctx)
	for _, mark := range []string{"*", "](", "---", "[READ", "[‘", "<http"} {
		if strings.Contains(got, mark) {
			t.Errorf("%q left in the article text:\n%s", mark, got)
		}
	}
	if !strings.HasPrefix(got, "Harbour bridge to close for eighteen months") {
		t.Errorf("the text starts %.60q", got)
	}
	click(t, ctx, `[data-testid="message-action"]`)
	waitMessage(t, ctx, "kept as pasted")
	raw := articleText(t, ctx)
	if !strings.Contains(raw, "](#)") || !strings.Contains(raw, `*"We will not wait`) {
		t.Errorf("kept as pasted, the text lost its marks:\n%s", raw)
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 1 {
		t.Errorf("%d articles in the library, want the recognised one replaced", n)
	}
	if errs := cons.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserPasteClipboardHTML pastes what a browser puts on the
// clipboard when a page is copied: text/html beside text/plain. The HTML's
// paragraphs are kept and its markup dropped.
func TestBrowserPasteClipboardHTML(t *testing.T) {
	ctx, _, _ := openApp(t)
	html := `<meta charset="utf-8"><h2 style="font-size:2em">Bridge closed to cars</h2><p>The council <b>voted</b> on Tuesday.</p><ul><li>Buses still cross.</li><li>Bicycles too.</li></ul><script>window.__pwned=1</script>`
	plain := "Bridge closed to cars The council voted on Tuesday. Buses still cross. Bicycles too."
	pasteClipboard(t, ctx, html, plain)
	click(t, ctx, `[data-testid="paste-load"]`)
	waitMessage(t, ctx, "HTML")
	want := "Bridge closed to cars\n\nThe council voted on Tuesday.\n\nBuses still cross.\n\nBicycles too."
	if got := articleText(t, ctx); got != want {
		t.Errorf("article text %q, want %q", got, want)
	}
	if pwned, _ := evalJS[bool](ctx, `!!window.__pwned`); pwned {
		t.Fatal("a script from the pasted HTML ran")
	}
	click(t, ctx, `[data-testid="message-action"]`)
	waitMessage(t, ctx, "kept as pasted")
	if got := articleText(t, ctx); got != plain {
		t.Errorf("kept as pasted: %q, want %q", got, plain)
	}
}

// pasteClipboard pastes html and plain into the article box (the
// new-article pane opened when closed) as a clipboard offers them when a
// page is copied. A synthetic paste event carries the clipboard but inserts
// nothing: the box gets the plain text as a real paste would put it there.
func pasteClipboard(t *testing.T, ctx context.Context, html, plain string) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="paste-input"]')`); err != nil {
		t.Fatal("no article box")
	}
	js := fmt.Sprintf(`(() => {
		const ta = document.querySelector('[data-testid="paste-input"]');
		const dt = new DataTransfer(); dt.setData("text/html", %s); dt.setData("text/plain", %s);
		ta.focus(); ta.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		ta.value = %s; return true })()`, jsString(html), jsString(plain), jsString(plain))
	if _, err := evalJS[bool](ctx, js); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserDropHTMLLikeCLI drops a saved news page on the window: the
// title is the headline, the text starts with the article, and it is exactly
// what `gloss text` prints for the same file.
func TestBrowserDropHTMLLikeCLI(t *testing.T) {
	ctx, _, _ := openApp(t)
	js := fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([%s], "talks.html", {type: "text/html"}));
		document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true })()`, jsString(newsPage))
	if _, err := evalJS[bool](ctx, js); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value === "Talks in Moscow"`); err != nil {
		t.Fatalf("title not set; message %q", message(ctx))
	}
	waitMessage(t, ctx, "Marta Silva")
	got := articleText(t, ctx)
	file := filepath.Join(t.TempDir(), "talks.html")
	if err := os.WriteFile(file, []byte(newsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runText([]string{file}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if got != out.String() {
		t.Errorf("the browser keeps\n%q\ngloss text prints\n%q", got, out.String())
	}
	if !strings.HasPrefix(got, "French Defense Minister") || strings.Contains(got, "Angela Merkel") {
		t.Errorf("article text %q", got)
	}
}

// recordReplaceStateJS makes history.replaceState note how many characters
// the article box holds at each call (window.__boxAtReplace).
const recordReplaceStateJS = `(() => {
	window.__boxAtReplace = [];
	const replace = history.replaceState.bind(history);
	history.replaceState = (...args) => {
		const box = document.getElementById("paste-input");
		window.__boxAtReplace.push(box ? box.value.length : -1);
		return replace(...args);
	};
	return true;
})()`

// TestBrowserPasteBoxEmptiedBeforeOpen: a pasted article leaves its box
// before the URL fragment is set (Chromium's replaceState saves the form's
// state with the history entry: seconds for a paste of megabytes), and a
// paste that is not opened stays in its box: text already in the library
// (until "Open it"), and storage full.
func TestBrowserPasteBoxEmptiedBeforeOpen(t *testing.T) {
	ctx, _, cons := openApp(t)
	if _, err := evalJS[bool](ctx, recordReplaceStateJS); err != nil {
		t.Fatal(err)
	}
	boxAtReplace := func() []int {
		t.Helper()
		n, err := evalJS[[]int](ctx, `window.__boxAtReplace.splice(0)`)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	box := func() string {
		s, _ := evalJS[string](ctx, `(document.getElementById("paste-input") || {}).value || ""`)
		return s
	}
	emptiedFirst := func(when string) {
		t.Helper()
		calls := boxAtReplace()
		if len(calls) == 0 {
			t.Errorf("%s: the URL fragment was not set", when)
		}
		for _, n := range calls {
			if n != 0 {
				t.Errorf("%s: the fragment was set with %d characters still in the box (calls: %v)", when, n, calls)
				break
			}
		}
		if s := box(); s != "" {
			t.Errorf("%s: the box still holds %.40q", when, s)
		}
	}

	pasteArticle(t, ctx, newsArticle)
	emptiedFirst("pasted")

	// Already in the library: nothing opens, the box keeps the text until
	// the kept article is opened.
	pasteAgain(t, ctx, newsArticle)
	waitMessage(t, ctx, "already in the library")
	if s := box(); s != newsArticle {
		t.Errorf("asked about a duplicate, the box holds %.40q; want the paste", s)
	}
	boxAtReplace()
	click(t, ctx, `[data-testid="message-action"]`)
	waitParagraphs(t, ctx)
	if _, err := pollJS[bool](ctx, `window.__boxAtReplace.length > 0`); err != nil {
		t.Fatal("Open it set no fragment")
	}
	emptiedFirst("Open it")

	// Storage full: the paste is not stored, stays in its box and the
	// article shown stays the one open.
	if _, err := evalJS[int](ctx, fillStorageJS); err != nil {
		t.Fatal(err)
	}
	other := "Grace Hopper met John von Neumann in Princeton on a cold morning in March."
	pasteAgain(t, ctx, other)
	waitMessage(t, ctx, "could not be saved")
	if s := box(); s != other {
		t.Errorf("a paste that could not be stored left the box holding %.40q", s)
	}
	if calls := boxAtReplace(); len(calls) > 0 {
		t.Errorf("a paste that could not be stored set the fragment %d times", len(calls))
	}
	if s, _ := evalJS[string](ctx, `document.querySelector('[data-testid="article"]').textContent`); strings.Contains(s, "Grace Hopper") {
		t.Error("the article that could not be stored is shown")
	}
	if errs := cons.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserPasteWideText pastes a long article written mostly in
// characters of two, three and four bytes in UTF-8, as text and as a web
// page (read by the worker): every paragraph drawn is the one pasted. A
// code unit lost or doubled in reading the text into Go (UTF-16 to UTF-8)
// shifts the offsets of everything after it: a reader that wrote the text
// in two steps failed here when the second started one code unit late.
func TestBrowserPasteWideText(t *testing.T) {
	ctx, _, cons := openApp(t)
	paras := []string{"Σύνοδος στην Αθήνα"}
	for i := range 2000 {
		paras = append(paras, fmt.Sprintf("%d. Η Αθήνα και 北京 συμφώνησαν 🙂 στις %d Μαΐου.", i, i%31+1))
	}
	// As text, then as a web page (its paragraphs marked, so that its
	// article is told from the first): the worker reads the page and the page reads
	// its answer's text the same way.
	var page []string // the page's paragraphs; its title is the article's title
	for _, p := range paras[1:] {
		page = append(page, "№ "+p)
	}
	html := "<!DOCTYPE html><html><head><title>" + paras[0] + "</title></head><body><article><h1>" + paras[0] + "</h1><p>" +
		strings.Join(page, "</p>\n<p>") + "</p></article></body></html>"
	for _, c := range []struct {
		paste string
		want  []string
	}{{strings.Join(paras, "\n\n"), paras}, {html, page}} {
		pasteIntoBox(t, ctx, c.paste)
		click(t, ctx, `[data-testid="paste-load"]`)
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`(p => !!p && p.textContent === %q)(document.querySelector('[data-testid="article"] p'))`, c.want[0])); err != nil {
			got, _ := evalJS[string](ctx, `(p => p ? p.textContent : "none")(document.querySelector('[data-testid="article"] p'))`)
			t.Fatalf("the article was not drawn (first paragraph %q): %v", got, err)
		}
		got, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="article"] p')].map((p) => p.textContent)`)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(c.want) {
			t.Fatalf("%d paragraphs drawn, want %d", len(got), len(c.want))
		}
		for i := range c.want {
			if got[i] != c.want[i] {
				t.Fatalf("paragraph %d drawn %q, want %q", i, got[i], c.want[i])
			}
		}
	}
	noConsoleErrors(t, cons)
}
