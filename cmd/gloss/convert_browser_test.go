package main

import (
	"fmt"
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

// TestBrowserConvertSandboxed: in a real sandboxed iframe (sandbox=
// "allow-scripts", no allow-same-origin: an opaque origin, where new
// Worker throws), a file of annotations chosen in the frame is imported
// onto the article the host loaded, and the host's gloss:export is
// answered, both through the worker's module run in the frame itself.
// An export from the frame's own button says the browser may drop the
// file (a sandbox without allow-downloads blocks it, unseen by the page).
func TestBrowserConvertSandboxed(t *testing.T) {
	ctx, base := openSandboxed(t)
	id, _ := evalJS[string](ctx, `glossHost.send({type: "gloss:load", text: `+jsString(transferArticle)+`})`)
	if _, err := waitHostMsg(ctx, "gloss:loaded", id); err != nil {
		t.Fatalf("gloss:loaded: %v", err)
	}
	want := wantTransfer()
	csv := "start,end,label,text\n"
	for _, m := range want {
		csv += fmt.Sprintf("%d,%d,%s,%s\n", m.Start, m.End, m.Label, m.Text)
	}
	frame := frameTarget(t, ctx, base)
	if o, err := evalJS[string](frame, `window.origin`); err != nil || o != "null" {
		t.Fatalf("the frame's origin is %q (%v), not opaque: not sandboxed", o, err)
	}
	upload(t, frame, "import-input", "spans.csv", csv)
	changed, err := pollJS[[]any](ctx, `(m => m && m.msg.annotations.length > 0 ? m.msg.annotations : null)(glossHost.messages.findLast(m => m.dir === "←" && m.msg.type === "gloss:changed"))`)
	if err != nil {
		t.Fatalf("the import changed nothing: %v; the frame says %q", err, message(frame))
	}
	var got []mention
	for _, a := range changed {
		a := a.(map[string]any)
		got = append(got, mention{Start: int(a["start"].(float64)), End: int(a["end"].(float64)), Label: a["label"].(string), Text: a["text"].(string)})
	}
	slices.SortFunc(got, func(a, b mention) int { return a.Start - b.Start })
	if !slices.Equal(got, want) {
		t.Errorf("imported %+v, want %+v", got, want)
	}

	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:export", format: "conll"})`)
	exported, err := waitHostMsg(ctx, "gloss:exported", id)
	if err != nil {
		t.Fatalf("gloss:exported: %v", err)
	}
	f, _ := format.ByName("conll")
	data, _ := exported["data"].(string)
	docs, _, err := format.DecodeAll(f, []byte(data), transferArticle)
	if err != nil || len(docs) != 1 || len(docs[0].Annotations) != len(want) {
		t.Errorf("the exported CoNLL does not read back: %v (%d docs)\n%s", err, len(docs), data)
	}
	// Export in the frame: the browser drops the file unless the host
	// allows downloads, which Gloss cannot see, so the message says so.
	click(t, frame, `[data-testid="export-button"]`)
	if _, err := pollJS[bool](frame, `(document.querySelector('[data-testid="message"]')||{}).textContent.includes("allow-downloads")`); err != nil {
		t.Errorf("exporting in the sandboxed frame: message %q does not say the download may be blocked", message(frame))
	}
	shots(t, ctx, "sandboxed-export", `(window.scrollTo(0, 0), true)`)
	marks, err := evalJS[[]int](frame, `["gloss-inpage-ready", "gloss-extract-ready"].map(n => performance.getEntriesByName(n).length)`)
	if err != nil || marks[0] != 1 || marks[1] != 0 {
		t.Errorf("in-page module and worker ready %v times (%v); want 1 and 0", marks, err)
	}
}
