package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gloss/app/format"

	"github.com/chromedp/chromedp"
)

// transferArticle has spans after an emoji outside the BMP, a flag (two
// code points), accents and right-to-left text, so UTF-16 and code point
// offsets differ before every one of them.
const transferArticle = "Talks in Cairo 😀\n\nFrançois Hollande met 🇫🇷 officials in القاهرة before going to Zürich .\n\nשלום said Angela Merkel , who flew to Berlin on Monday ."

// transferSpans are the spans labelled: text and number key.
var transferSpans = []struct{ text, key, label string }{
	{"François Hollande", "1", "PER"},
	{"القاهرة", "3", "LOC"},
	{"Zürich", "3", "LOC"},
	{"Angela Merkel", "1", "PER"},
	{"Berlin", "3", "LOC"},
}

// wantTransfer is what the labelled article holds, in code points.
func wantTransfer() []mention {
	var out []mention
	for _, s := range transferSpans {
		i := strings.Index(transferArticle, s.text)
		start := len([]rune(transferArticle[:i]))
		out = append(out, mention{Start: start, End: start + len([]rune(s.text)), Label: s.label, Text: s.text})
	}
	return out
}

// labelTransferArticle pastes the article and labels its spans.
func labelTransferArticle(t *testing.T, ctx context.Context) {
	t.Helper()
	pasteArticle(t, ctx, transferArticle)
	for i, s := range transferSpans {
		dragSelect(t, ctx, s.text, 0, 0, 0)
		press(t, ctx, s.key)
		waitCount(t, ctx, i+1)
	}
	if got := waitCount(t, ctx, len(transferSpans)); !slices.Equal(got, wantTransfer()) {
		t.Fatalf("labelled %+v, want %+v", got, wantTransfer())
	}
}

// freshStart forgets everything the browser stored and reloads the app.
func freshStart(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `(localStorage.clear(), true)`); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if n, err := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); err != nil || n != 0 {
		t.Fatalf("after clearing the storage the library holds %d article(s) (%v)", n, err)
	}
}

// messageText is what the message bar says.
func messageText(ctx context.Context) string {
	s, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent || ""`)
	return s
}

// TestBrowserExportImport exports the labelled article in every format of
// the menu, forgets everything, loads the article again, imports the file
// and finds every annotation back at the same code points with the same
// label.
func TestBrowserExportImport(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	labelTransferArticle(t, ctx)
	want := wantTransfer()
	// The menu offers every format, by the names format.ByName knows.
	opts, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="export-format"] option')].map(o => o.value)`)
	if err != nil {
		t.Fatal(err)
	}
	if w := []string{"brat", "w3c", "jsonl", "spacy", "conll", "bilou", "csv"}; !slices.Equal(opts, w) {
		t.Fatalf("export formats %q, want %q", opts, w)
	}

	files := map[string]download{}
	for _, name := range opts {
		installDownloadTrap(t, ctx)
		if _, err := evalJS[bool](ctx, fmt.Sprintf(`(() => { const s = document.querySelector('[data-testid="export-format"]'); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, name)); err != nil {
			t.Fatal(err)
		}
		click(t, ctx, `[data-testid="export-button"]`)
		n := 1
		if name == "brat" {
			n = 2 // the .ann and the .txt beside it
		}
		dl := takeDownloads(t, ctx, n)
		if name == "brat" {
			if !strings.HasSuffix(dl[0].Name, ".ann") || !strings.HasSuffix(dl[1].Name, ".txt") {
				t.Fatalf("brat export saved %q and %q, want an .ann and a .txt", dl[0].Name, dl[1].Name)
			}
			if dl[1].Data != transferArticle {
				t.Fatalf("brat export: the .txt holds %q, want the article", dl[1].Data)
			}
		}
		files[name] = dl[0]
		// The file itself, read natively, holds the spans in code points.
		f, _ := format.ByName(name)
		docs, _, err := format.DecodeAll(f, []byte(dl[0].Data), transferArticle)
		if err != nil || len(docs) != 1 {
			t.Errorf("%s: the exported %s does not read back natively: %v (%d docs)\n%s", name, dl[0].Name, err, len(docs), dl[0].Data)
			continue
		}
		var got []mention
		for _, x := range docs[0].Annotations {
			got = append(got, mention{Start: x.Start, End: x.End, Label: x.Label, Text: string([]rune(transferArticle)[x.Start:x.End])})
		}
		slices.SortFunc(got, func(a, b mention) int { return a.Start - b.Start })
		if !slices.Equal(got, want) {
			t.Errorf("%s: the exported file holds %+v, want %+v\n%s", name, got, want, dl[0].Data)
		}
	}

	for _, name := range opts {
		dl, ok := files[name]
		if !ok {
			continue
		}
		freshStart(t, ctx, base)
		pasteArticle(t, ctx, transferArticle)
		waitCount(t, ctx, 0)
		upload(t, ctx, "import-input", dl.Name, dl.Data)
		var got []mention
		for range 100 {
			got, _ = drawnAnnotations(ctx)
			if len(got) >= len(want) {
				break
			}
			chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: after importing %s: %+v, want %+v (message %q)", name, dl.Name, got, want, messageText(ctx))
		}
		if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 1 {
			t.Errorf("%s: the import made %d articles, want the open one only", name, n)
		}
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
