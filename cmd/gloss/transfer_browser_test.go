package main

import (
	"context"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"gloss/app/corpus"
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

// TestBrowserExportImport exports the labelled article in every format of
// the menu, forgets everything, loads the article again, imports the file
// and finds every annotation back at the same code points with the same
// label.
func TestBrowserExportImport(t *testing.T) {
	ctx, base, cons := openApp(t)
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
		trapByteDownloads(t, ctx)
		if _, err := evalJS[bool](ctx, fmt.Sprintf(`(() => { const s = document.querySelector('[data-testid="export-format"]'); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, name)); err != nil {
			t.Fatal(err)
		}
		click(t, ctx, `[data-testid="export-button"]`)
		var dl []download
		if name == "brat" {
			// One zip: the .txt, the .ann, annotation.conf; the .ann is
			// then read natively below, the zip re-imported whole.
			zname, z := takeBytes(t, ctx)
			if !strings.HasSuffix(zname, ".brat.zip") {
				t.Fatalf("brat export saved %q, want a .brat.zip", zname)
			}
			inside, err := corpus.Unzip(z)
			if err != nil {
				t.Fatalf("brat export: %s is not a zip: %v", zname, err)
			}
			byExt := map[string]corpus.File{}
			for _, f := range inside {
				byExt[path.Ext(f.Name)] = f
			}
			if len(inside) != 3 || byExt[".txt"].Name == "" || byExt[".ann"].Name == "" || byExt[".conf"].Name != "annotation.conf" ||
				strings.TrimSuffix(byExt[".txt"].Name, ".txt") != strings.TrimSuffix(byExt[".ann"].Name, ".ann") {
				t.Fatalf("brat zip holds %d files %v, want a .txt and .ann pair and annotation.conf", len(inside), slices.Collect(maps.Keys(byExt)))
			}
			if string(byExt[".txt"].Data) != transferArticle {
				t.Fatalf("brat export: the .txt holds %q, want the article", byExt[".txt"].Data)
			}
			if conf := corpus.ParseConf(byExt[".conf"].Data); !slices.Contains(conf, "PER") || !slices.Contains(conf, "LOC") {
				t.Errorf("brat export: annotation.conf declares %q, want PER and LOC", conf)
			}
			files["brat.zip"] = download{Name: zname, Data: string(z)}
			dl = []download{{Name: byExt[".ann"].Name, Data: string(byExt[".ann"].Data)}}
		} else {
			dl = takeDownloads(t, ctx, 1)
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
		got := drawnAtLeast(ctx, len(want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: after importing %s: %+v, want %+v (message %q)", name, dl.Name, got, want, message(ctx))
		}
		if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`); n != 1 {
			t.Errorf("%s: the import made %d articles, want the open one only", name, n)
		}
	}

	// The brat zip, imported whole where the export is (the panel of an
	// open article), becomes the article again with every annotation.
	zip := files["brat.zip"]
	freshStart(t, ctx, base)
	pasteArticle(t, ctx, "Another article, about nothing in particular.")
	upload(t, ctx, "import-input", zip.Name, zip.Data)
	if sum := waitSummary(t, ctx); !strings.HasPrefix(sum, "Imported 1 article with 5 annotations from") || strings.Contains(sum, "refused") {
		t.Errorf("brat zip: summary %q", sum)
	}
	if rows := libraryRows(t, ctx); len(rows) != 2 {
		t.Errorf("brat zip: library rows %q, want the open article and the imported one", rows)
	}
	if _, err := evalJS[bool](ctx, `(() => { [...document.querySelectorAll('[data-testid="library-title"]')].find(e => e.textContent.startsWith("Talks in Cairo")).click(); return true })()`); err != nil {
		t.Fatalf("brat zip: the imported article is not in the library: %v", err)
	}
	got := drawnAtLeast(ctx, len(want))
	if !slices.Equal(got, want) {
		t.Errorf("brat zip: after importing %s: %+v, want %+v (message %q)", zip.Name, got, want, message(ctx))
	}
	noConsoleErrors(t, cons)
}

// TestBrowserImportMismatch imports files whose spans do not all match the
// article: a span whose text is not in the article becomes an orphan named
// with its line, the rest is imported; a file that cannot be read is
// refused whole with a message naming the line, and nothing changes.
func TestBrowserImportMismatch(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	labelTransferArticle(t, ctx)
	want := wantTransfer()
	cases := []struct {
		file, body, line string
		orphans          int
	}{
		{"reversed.ann", "T1\tPER 0 5\tTalks\nT2\tLOC 14 9\tCairo\n", "line 2", 0},
		{"wrong.csv", "start,end,label,text\n0,5,PER,Talks\n9,14,LOC,Paris\n", "line 3", 1},
		{"wrong.ann", "T1\tPER 0 5\tTalks\nT2\tLOC 500 505\tParis\n", "line 2", 2},
	}
	for _, c := range cases {
		upload(t, ctx, "import-input", c.file, c.body)
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`(document.querySelector('[data-testid="message"]')||{}).textContent.includes(%q)`, c.line)); err != nil {
			t.Errorf("%s: message %q, want it to name %s", c.file, message(ctx), c.line)
		}
		if c.orphans == 0 {
			if got := waitCount(t, ctx, len(want)); !slices.Equal(got, want) {
				t.Errorf("%s: annotations changed to %+v", c.file, got)
			}
			continue
		}
		// "Talks" is imported once; "Paris" waits under Orphans.
		waitCount(t, ctx, len(want)+1)
		if n, err := pollJS[int](ctx, fmt.Sprintf(`document.querySelectorAll('[data-testid="orphan"]').length === %d ? %d : 0`, c.orphans, c.orphans)); err != nil || n != c.orphans {
			t.Errorf("%s: orphans %d, want %d (message %q)", c.file, n, c.orphans, message(ctx))
		}
	}
}

// TestBrowserBackupRestore downloads the whole library, clears the
// browser's storage and restores it: every article, annotation, label and
// gazetteer entry comes back.
func TestBrowserBackupRestore(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	// A desktop window: below 1000 px the library pane, with the backup
	// buttons, is hidden.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	labelTransferArticle(t, ctx)

	// A second article with an annotation added to the gazetteer.
	pasteArticle(t, ctx, findArticle)
	label(t, ctx, "Charles de Gaulle", "4", 1)
	click(t, ctx, `[data-testid="message-action"]`)
	ship := occurrences(findArticle, "Charles de Gaulle")
	waitSpans(t, ctx, "before the backup", "gloss-s3", ship)

	// A label of our own.
	click(t, ctx, `[data-testid="edit-labels"]`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`[data-testid="new-label-name"]`), "SHIP")); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="add-label"]`)
	if _, err := pollJS[bool](ctx, `[...document.querySelectorAll('[data-testid="label-name"]')].some(i => i.value === "SHIP")`); err != nil {
		t.Fatalf("the label SHIP was not added (message %q)", message(ctx))
	}
	click(t, ctx, `[data-testid="edit-labels"]`)

	installDownloadTrap(t, ctx)
	click(t, ctx, `[data-testid="backup"]`)
	backup := takeDownloads(t, ctx, 1)[0]
	if backup.Name != "gloss-backup.json" {
		t.Errorf("backup file %q", backup.Name)
	}

	freshStart(t, ctx, base)
	upload(t, ctx, "restore-input", backup.Name, backup.Data)
	library := func() []string {
		v, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="library-item"]')].map(li => li.querySelector('[data-testid="library-title"]').textContent + " | " + li.querySelector('[data-testid="library-count"]').textContent).sort()`)
		return v
	}
	wantLib := []string{"Hollande and Putin discuss Syria | 1 label", "Talks in Cairo 😀 | 5 labels"}
	var got []string
	for range 100 {
		if got = library(); slices.Equal(got, wantLib) {
			break
		}
		chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	if !slices.Equal(got, wantLib) {
		t.Fatalf("restored library %q, want %q (message %q)", got, wantLib, message(ctx))
	}
	labels, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="label-button"]')].map(b => b.dataset.label)`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(labels, "SHIP") {
		t.Errorf("restored labels %q lack SHIP", labels)
	}
	open := func(title string) {
		t.Helper()
		if ok, _ := evalJS[bool](ctx, fmt.Sprintf(`(() => { for (const li of document.querySelectorAll('[data-testid="library-item"]')) if (li.querySelector('[data-testid="library-title"]').textContent === %q) { li.querySelector('[data-testid="library-title"]').click(); return true } return false })()`, title)); !ok {
			t.Fatalf("no %q in the library", title)
		}
		waitParagraphs(t, ctx)
	}
	open("Talks in Cairo 😀")
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="article"]').textContent.startsWith("Talks in Cairo")`); err != nil {
		t.Fatal("the restored article did not open")
	}
	if got := waitCount(t, ctx, len(transferSpans)); !slices.Equal(got, wantTransfer()) {
		t.Errorf("restored annotations %+v, want %+v", got, wantTransfer())
	}
	open("Hollande and Putin discuss Syria")
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="article"]').textContent.startsWith("Hollande and Putin")`); err != nil {
		t.Fatal("the restored article did not open")
	}
	if got := waitCount(t, ctx, 1); got[0].Text != "Charles de Gaulle" || got[0].Label != "MISC" {
		t.Errorf("restored annotation %+v", got[0])
	}
	waitSpans(t, ctx, "after the restore", "gloss-s3", ship)
	if h, _ := evalJS[string](ctx, `document.querySelector('[data-testid="gazetteer"] h2').textContent`); h != "Gazetteer 1 name" {
		t.Errorf("restored gazetteer heading %q, want 1 name", h)
	}

	// The same backup again: the same articles are recognised, nothing is
	// duplicated, and the message says so.
	stored := storedGloss(t, ctx)
	upload(t, ctx, "restore-input", backup.Name, backup.Data)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent.includes("2 already here")`); err != nil {
		t.Fatalf("second restore: message %q", message(ctx))
	}
	if msg := message(ctx); !strings.Contains(msg, "0 articles added, 0 merged") {
		t.Errorf("second restore: message %q", msg)
	}
	if got = library(); !slices.Equal(got, wantLib) {
		t.Errorf("after restoring twice the library is %q, want %q", got, wantLib)
	}
	if again := storedGloss(t, ctx); !maps.Equal(again, stored) {
		t.Errorf("restoring the same backup twice changed the storage")
	}
	noConsoleErrors(t, cons)
}

// exportAs chooses a format in the export menu and presses Export.
func exportAs(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if _, err := evalJS[bool](ctx, fmt.Sprintf(`(() => { const s = document.querySelector('[data-testid="export-format"]'); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, name)); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="export-button"]`)
}

// TestBrowserExportCoNLLOverlap labels two overlapping spans and exports
// CoNLL, which gives a token one tag: the outer span is written and the
// message counts what was written and names the span left out.
func TestBrowserExportCoNLLOverlap(t *testing.T) {
	ctx, _, cons := openArticle(t, 0, 0, newsArticle)
	label(t, ctx, "Jean-Yves Le Drian", "1", 1)
	label(t, ctx, "Drian heads for", "4", 2)

	installDownloadTrap(t, ctx)
	exportAs(t, ctx, "conll")
	dl := takeDownloads(t, ctx, 1)[0]
	if !strings.Contains(dl.Data, "Jean-Yves\tB-PER") || strings.Contains(dl.Data, "MISC") {
		t.Errorf("the CoNLL file does not hold the outer span alone:\n%s", dl.Data)
	}
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent.includes("Exported 1 of 2")`); err != nil {
		t.Errorf("CoNLL export message %q", message(ctx))
	}
	msg := message(ctx)
	for _, want := range []string{"Exported 1 of 2 annotations", "1 annotation was left out", "“Drian heads for” (MISC", "overlaps “Jean-Yves Le Drian” (PER)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// JSONL keeps both, and says it wrote both.
	installDownloadTrap(t, ctx)
	exportAs(t, ctx, "jsonl")
	takeDownloads(t, ctx, 1)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent.includes("Exported 2 annotations as")`); err != nil {
		t.Errorf("JSONL export message %q", message(ctx))
	}
	noConsoleErrors(t, cons)
}

// TestBrowserImportW3COntoEdited exports W3C, then imports it onto an
// edited copy of the article (a paragraph added at the top, a word changed):
// every annotation is found again where the text moved, and the message
// says so.
func TestBrowserImportW3COntoEdited(t *testing.T) {
	ctx, base, cons := openApp(t)
	labelTransferArticle(t, ctx)
	installDownloadTrap(t, ctx)
	exportAs(t, ctx, "w3c")
	dl := takeDownloads(t, ctx, 1)[0]

	freshStart(t, ctx, base)
	const added = "Updated: the talks moved.\n\n"
	edited := added + strings.Replace(transferArticle, "officials", "ministers", 1)
	pasteArticle(t, ctx, edited)
	upload(t, ctx, "import-input", dl.Name, dl.Data)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent.includes("found again where the text moved")`); err != nil {
		t.Fatalf("message %q", message(ctx))
	}
	var want []mention
	shift := len([]rune(added))
	for _, m := range wantTransfer() {
		m.Start += shift
		m.End += shift
		want = append(want, m)
	}
	if got := waitCount(t, ctx, len(want)); !slices.Equal(got, want) {
		t.Errorf("imported onto the edited copy: %+v, want %+v (message %q)", got, want, message(ctx))
	}
	if n, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="orphan"]').length`); n != 0 {
		t.Errorf("%d orphans", n)
	}
	noConsoleErrors(t, cons)
}

// drawnAtLeast returns the annotations drawn once there are n of them, or
// those drawn after 5 s, for the caller to compare.
func drawnAtLeast(ctx context.Context, n int) []mention {
	var got []mention
	for range 100 {
		got, _ = drawnAnnotations(ctx)
		if len(got) >= n {
			break
		}
		chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	return got
}
