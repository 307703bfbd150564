package main

import (
	"slices"
	"strings"
	"testing"

	"gloss/app/corpus"
	"gloss/app/format"
)

// TestBrowserConvertInPage: where the page cannot start a Worker (a
// sandboxed frame, a browser without them), the imports and exports, which
// app.wasm leaves to the worker's module, run that module in the page
// itself: an export, an import and a corpus import work as with the worker.
func TestBrowserConvertInPage(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	addInitScript(t, ctx, `window.Worker = function () { throw new DOMException("no workers in this test", "SecurityError"); };`)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	labelTransferArticle(t, ctx)
	want := wantTransfer()

	// An export in CoNLL, read back natively.
	installDownloadTrap(t, ctx)
	if _, err := evalJS[bool](ctx, `(() => { const s = document.querySelector('[data-testid="export-format"]'); s.value = "conll"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="export-button"]`)
	dl := takeDownloads(t, ctx, 1)[0]
	f, _ := format.ByName("conll")
	docs, _, err := format.DecodeAll(f, []byte(dl.Data), transferArticle)
	if err != nil || len(docs) != 1 || len(docs[0].Annotations) != len(want) {
		t.Fatalf("the exported %s does not read back: %v (%d docs)\n%s", dl.Name, err, len(docs), dl.Data)
	}
	if n, _ := evalJS[int](ctx, `performance.getEntriesByName("gloss-inpage-ready").length`); n != 1 {
		t.Errorf("the export did not run in the page's own copy of the module (gloss-inpage-ready marked %d times)", n)
	}

	// The same file imported onto the article pasted again.
	freshStart(t, ctx, base)
	pasteArticle(t, ctx, transferArticle)
	waitCount(t, ctx, 0)
	upload(t, ctx, "import-input", dl.Name, dl.Data)
	if got := drawnAtLeast(ctx, len(want)); !slices.Equal(got, want) {
		t.Errorf("after importing %s: %+v, want %+v (message %q)", dl.Name, got, want, message(ctx))
	}

	// A corpus dropped on the page, then exported whole.
	dropFile(t, ctx, "corpus.zip", corpusZip(t, 3))
	if sum := waitSummary(t, ctx); !strings.HasPrefix(sum, "Imported 4 articles with 6 annotations") {
		t.Errorf("corpus import: summary %q", sum)
	}
	trapByteDownloads(t, ctx)
	if _, err := evalJS[bool](ctx, `(() => { document.querySelector('[data-testid="library-export-format"]').value = "brat";
		document.querySelector('[data-testid="library-export-button"]').click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	name, z := takeBytes(t, ctx)
	r := corpus.Read([]corpus.File{{Name: name, Data: z}})
	if len(r.Articles) != 5 || len(r.Refused()) > 0 {
		t.Errorf("library export %s: %d articles, refused %+v", name, len(r.Articles), r.Refused())
	}
	if n, _ := evalJS[int](ctx, `performance.getEntriesByName("gloss-extract-ready").length`); n != 0 {
		t.Errorf("a worker ran (%d ready marks): the test did not take Workers away", n)
	}
	noConsoleErrors(t, cons)
}
