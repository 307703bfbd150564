package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"gloss/app/extract"
)

// Web pages and Markdown are read by the extraction worker
// (web/extract-worker.js running web/extract.wasm, package extract): these
// tests read them through it as a person does, with the worker slow to
// load, unable to load, and offline.

// gate holds back the requests for one file until opened, so a test can see
// what the page shows while the extraction worker's module loads.
type gate struct {
	path string
	once sync.Once
	open chan struct{}
}

func newGate(path string) *gate { return &gate{path: path, open: make(chan struct{})} }

func (g *gate) release() { g.once.Do(func() { close(g.open) }) }

func (g *gate) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, g.path) {
			select {
			case <-g.open:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// cliText is what `gloss text` prints for a file of content named name.
func cliText(t *testing.T, name, content string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runText([]string{file}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// pastedPage is an HTML page pasted as source into the article box.
const pastedPage = `<!DOCTYPE html><html><head><title>Harbour bridge closed | The Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge closed</h1>
<p>The city council voted on Tuesday to close the old harbour bridge to cars, after engineers found that two of its steel supports had rusted through.</p>
<p>Mayor Ana Ferreira said the closure would last at least eighteen months, while the council looks for the money to rebuild the supports.</p>
<p>Shopkeepers on both banks said they had not been consulted, and several of them have asked the regional court to suspend the decision.</p>
</article><footer>© Gazette</footer></body></html>`

// TestBrowserExtractWhileLoading drops a saved page and pastes HTML source
// and Markdown while the worker's module is still on its way: the page says
// what it is reading (with a progress bar), stays usable, and shows each
// article once the worker answers — the dropped page exactly as `gloss text`
// reads it.
func TestBrowserExtractWhileLoading(t *testing.T) {
	dir := buildSite(t, "")
	g := newGate("/web/extract.wasm")
	defer g.release()
	base := serveHandler(t, g.wrap(siteHandler(dir, ""))) + "/"
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	dropFile(t, ctx, "talks.html", []byte(newsPage))
	waitMessage(t, ctx, "Reading talks.html…")
	if _, err := pollJS[bool](ctx, `(e => !!e && e.getClientRects().length > 0)(document.querySelector('[data-testid="message-busy"]'))`); err != nil {
		t.Error("no progress bar while the page is read")
	}
	shots(t, ctx, "extract-reading")
	g.release()
	waitTitle(t, ctx, "Talks in Moscow")
	waitMessage(t, ctx, "Marta Silva")
	if busy, _ := evalJS[bool](ctx, `!!document.querySelector('[data-testid="message-busy"]')`); busy {
		t.Error("the progress bar stays after the article is shown")
	}
	if got, want := articleText(t, ctx), cliText(t, "talks.html", newsPage); got != want {
		t.Errorf("the browser keeps\n%q\ngloss text prints\n%q", got, want)
	}

	submitPaste(t, ctx, pastedPage)
	waitTitle(t, ctx, "Harbour bridge closed")
	waitMessage(t, ctx, "Recognised an HTML page")
	got := articleText(t, ctx)
	if !strings.HasPrefix(got, "The city council voted") || strings.Contains(got, "Sport") || strings.Contains(got, "Gazette") {
		t.Errorf("pasted page read as %q", got)
	}

	submitPaste(t, ctx, "# Ferry fares rise\n\nThe *ferry* company says [fuel](http://x.example) costs more.\n\n- Ferries\n- Trams\n")
	waitTitle(t, ctx, "Ferry fares rise")
	waitMessage(t, ctx, "Recognised Markdown")
	if got := articleText(t, ctx); got != "Ferry fares rise\n\nThe ferry company says fuel costs more.\n\nFerries\nTrams" {
		t.Errorf("pasted Markdown read as %q", got)
	}
	noConsoleErrors(t, cons)
}

// TestBrowserExtractUnavailable: when the worker's module cannot be loaded
// (here it is missing; offline before the first visit is the same), a paste
// of HTML, as source or as a clipboard's text/html, says so in the message,
// keeps the text in the box, and offers to keep it as pasted; a dropped
// page says so too and nothing is stored.
func TestBrowserExtractUnavailable(t *testing.T) {
	skipUnlessBrowser(t)
	dir := filepath.Join(t.TempDir(), "site")
	buildSiteInto(t, dir, "", filepath.Join(repoRoot(t), "web"))
	for _, ext := range []string{"", ".br", ".gz"} {
		if err := os.Remove(filepath.Join(dir, "web", "extract.wasm"+ext)); err != nil {
			t.Fatal(err)
		}
	}
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	submitPaste(t, ctx, pastedPage)
	waitMessage(t, ctx, "The pasted text is a web page", "could not be loaded", "still in the box")
	if cls, _ := evalJS[string](ctx, `document.querySelector('[data-testid="message"]').className`); !strings.Contains(cls, "error") {
		t.Errorf("message class %q, want an error", cls)
	}
	if v, _ := evalJS[string](ctx, `document.querySelector('[data-testid="paste-input"]').value`); v != pastedPage {
		t.Errorf("the box lost the pasted page: %q", v)
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 0 {
		t.Errorf("%d articles stored after a failed read", n)
	}
	shots(t, ctx, "extract-unavailable")
	click(t, ctx, `[data-testid="message-action"]`)
	waitParagraphs(t, ctx)
	if got := articleText(t, ctx); !strings.Contains(got, "<article><h1>Harbour bridge closed</h1>") {
		t.Errorf("kept as pasted: %.80q", got)
	}

	// A clipboard's HTML is read by the worker too: the same message, the
	// text stays in the box, and its plain text is kept on request.
	clipPlain := "Ferry fares rise The ferry company says fuel costs more."
	pasteClipboard(t, ctx, `<h2>Ferry fares rise</h2><p>The ferry company says fuel costs more.</p>`, clipPlain)
	click(t, ctx, `[data-testid="paste-load"]`)
	waitMessage(t, ctx, "The pasted text is a web page", "could not be loaded", "keep its paragraphs")
	if v, _ := evalJS[string](ctx, `document.querySelector('[data-testid="paste-input"]').value`); v != clipPlain {
		t.Errorf("the box lost the pasted text: %q", v)
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 1 {
		t.Errorf("%d articles stored after a failed read, want the one kept before", n)
	}
	shots(t, ctx, "extract-unavailable-clipboard")
	click(t, ctx, `[data-testid="message-action"]`)
	waitTitle(t, ctx, "Ferry fares rise The ferry company says fuel costs more.")
	if got := articleText(t, ctx); got != clipPlain {
		t.Errorf("kept as pasted: %q, want %q", got, clipPlain)
	}

	dropFile(t, ctx, "talks.html", []byte(newsPage))
	waitMessage(t, ctx, "talks.html is a web page", "could not be loaded", "Nothing was loaded")
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 2 {
		t.Errorf("%d articles stored, want only the two kept as pasted", n)
	}

	// The same module writes and reads annotation files: an export says it
	// could not be loaded and saves nothing, an import changes nothing.
	installDownloadTrap(t, ctx)
	click(t, ctx, `[data-testid="export-button"]`)
	waitMessage(t, ctx, "Export failed", "could not be loaded", "offline")
	if n, _ := evalJS[int](ctx, `window.__downloads.length`); n != 0 {
		t.Errorf("%d files saved by an export that failed", n)
	}
	upload(t, ctx, "import-input", "a.csv", "start,end,label,text\n0,4,PER,Kept\n")
	waitMessage(t, ctx, ".csv could not be read", "could not be loaded", "Nothing was imported")
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 2 {
		t.Errorf("%d articles stored after a failed import, want 2", n)
	}
}

// TestBrowserExtractOffline: after a first visit the service worker keeps
// the extraction worker and its module, so with the server gone a saved page
// and Markdown are still read.
func TestBrowserExtractOffline(t *testing.T) {
	dir := buildSite(t, "/gloss")
	base, stop := stoppableSite(t, dir, "/gloss")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	// Once the worker is active (its first install has cached the start), the
	// next load is controlled by it.
	if _, err := evalJS[string](ctx, `navigator.serviceWorker.ready.then(r => r.scope)`); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if err := waitAppReady(ctx); err != nil {
		t.Fatal(err)
	}
	waitController(t, ctx)
	// extract.wasm comes with the fill the page asks for once adopted; the
	// page itself ("./") and the start's files with the first install
	// (ui.ServiceWorker).
	for _, f := range []string{"web/extract.wasm", "web/extract-worker.js", "wasm_exec.js", "./"} {
		if _, err := pollJS[bool](ctx, `caches.match(new URL(`+jsString(f)+`, location.href).href).then(r => !!r)`); err != nil {
			t.Fatalf("%s is not in the service worker's cache", f)
		}
	}
	stop()
	cons.Reset()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("offline reload: %v", err)
	}
	if err := waitAppReady(ctx); err != nil {
		t.Fatalf("offline reload: %v", err)
	}
	dropFile(t, ctx, "talks.html", []byte(newsPage))
	waitTitle(t, ctx, "Talks in Moscow")
	if got, want := articleText(t, ctx), cliText(t, "talks.html", newsPage); got != want {
		t.Errorf("offline, the browser keeps\n%q\ngloss text prints\n%q", got, want)
	}
	submitPaste(t, ctx, "# Offline notes\n\nGrace *Hopper* spoke in [Arlington](x).\n\n- one\n- two\n")
	waitTitle(t, ctx, "Offline notes")
	noConsoleErrors(t, cons)
}

// TestBrowserEmbedHTML: a host sends a web page and Markdown with gloss:load
// and asks for the annotations at once: the worker reads them, and the
// answers come in the order of the requests, with the texts package extract
// finds natively.
func TestBrowserEmbedHTML(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	host := serveHandler(t, http.FileServer(http.Dir(dir))) + "/"
	ctx := newBrowser(t)
	logConsoleErrors(t, ctx)
	navigate(t, ctx, host+"web/embed.html?gloss="+base)
	if _, err := waitHostMsg(ctx, "gloss:ready", ""); err != nil {
		t.Fatalf("no gloss:ready from the frame: %v", err)
	}
	ids, err := evalJS[[]string](ctx, `[
		glossHost.send({type: "gloss:load", html: `+jsString(newsPage)+`}),
		glossHost.send({type: "gloss:annotations"}),
		glossHost.send({type: "gloss:load", markdown: "# Ferry fares\n\nThe *ferry* company says [fuel](x) costs more."}),
		glossHost.send({type: "gloss:annotations"}),
	]`)
	if err != nil || len(ids) != 4 {
		t.Fatal(ids, err)
	}
	page, err := extract.HTML(newsPage)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := waitHostMsg(ctx, "gloss:loaded", ids[0])
	if err != nil {
		t.Fatalf("no gloss:loaded for the page: %v", err)
	}
	if loaded["chars"] != float64(utf8.RuneCountInString(page.Text)) {
		t.Errorf("page loaded with %v code points, package extract finds %d", loaded["chars"], utf8.RuneCountInString(page.Text))
	}
	md, err := waitHostMsg(ctx, "gloss:loaded", ids[2])
	if err != nil {
		t.Fatalf("no gloss:loaded for the Markdown: %v", err)
	}
	if want := len("Ferry fares\n\nThe ferry company says fuel costs more."); md["chars"] != float64(want) {
		t.Errorf("Markdown loaded with %v code points, want %d", md["chars"], want)
	}
	for i, doc := range map[int]any{1: loaded["doc"], 3: md["doc"]} {
		if as, err := waitHostMsg(ctx, "gloss:annotations", ids[i]); err != nil || as["doc"] != doc {
			t.Errorf("gloss:annotations %s = %v (%v), want doc %v: answered before the load before it", ids[i], as, err, doc)
		}
	}
	order, err := evalJS[[]string](ctx, `glossHost.messages.filter(m => m.dir === "←" && m.msg.id).map(m => m.msg.id)`)
	if err != nil || strings.Join(order, ",") != strings.Join(ids, ",") {
		t.Errorf("answers in the order %v, requests %v (%v)", order, ids, err)
	}
}
