package main

// A corpus in the browser: a zip of brat pairs dropped on the page, the
// summary and the library; the library exported as a brat zip and as one
// CoNLL file, and both imported into an empty profile.

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/app/corpus"

	"github.com/chromedp/chromedp"
)

// corpusZip is n brat pairs, each article naming a person and a place, an
// annotation.conf, and one .ann whose offsets point outside its text.
func corpusZip(t *testing.T, n int) []byte {
	t.Helper()
	files := []corpus.File{{Name: "corpus/annotation.conf", Data: []byte("[entities]\nPER\nLOC\nEVENT\n")}}
	for i := 0; i < n; i++ {
		txt := fmt.Sprintf("Report %02d\n\nAda Lovelace visited Zürich on day %d.", i, i)
		ann := "T1\tPER 11 23\tAda Lovelace\nT2\tLOC 32 38\tZürich\n"
		files = append(files, corpus.File{Name: fmt.Sprintf("corpus/r%02d.txt", i), Data: []byte(txt)},
			corpus.File{Name: fmt.Sprintf("corpus/r%02d.ann", i), Data: []byte(ann)})
	}
	files = append(files, corpus.File{Name: "corpus/zz.txt", Data: []byte("Short day.")},
		corpus.File{Name: "corpus/zz.ann", Data: []byte("T1\tPER 0 99\tShort day.\n")})
	b, err := corpus.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dropFile drops a file on the page as a person dragging it from their
// desktop does: a drop event whose DataTransfer holds the file.
func dropFile(t *testing.T, ctx context.Context, name string, data []byte) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		const bytes = Uint8Array.from(atob(%s), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], %s));
		window.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, cancelable: true}));
		window.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, cancelable: true}));
		return true })()`, jsString(base64.StdEncoding.EncodeToString(data)), jsString(name))
	if _, err := evalJS[bool](ctx, js); err != nil {
		t.Fatal(err)
	}
}

// trapByteDownloads records what the app saves as bytes (zips, corpora).
func trapByteDownloads(t *testing.T, ctx context.Context) {
	t.Helper()
	js := `(window.__bytes = [], window.gloss.downloadBytes = (name, type, u8) => {
		let s = ""; for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i]);
		window.__bytes.push({name, data: btoa(s)}) }, true)`
	if _, err := evalJS[bool](ctx, js); err != nil {
		t.Fatal(err)
	}
}

func takeBytes(t *testing.T, ctx context.Context) (string, []byte) {
	t.Helper()
	if _, err := pollJS[bool](ctx, `window.__bytes && window.__bytes.length > 0`); err != nil {
		t.Fatalf("no download: %v (message %q)", err, message(ctx))
	}
	got, err := evalJS[struct{ Name, Data string }](ctx, `window.__bytes.shift()`)
	if err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(got.Data)
	if err != nil {
		t.Fatal(err)
	}
	return got.Name, b
}

// waitSummary waits for the import summary and returns its text.
func waitSummary(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := pollJS[string](ctx, `(document.querySelector('[data-testid="import-summary-text"]')||{}).textContent||""`)
	if err != nil {
		t.Fatalf("no import summary (message %q)", message(ctx))
	}
	return s
}

func TestBrowserCorpus(t *testing.T) {
	ctx, base, cons := openApp(t)
	dropFile(t, ctx, "corpus.zip", corpusZip(t, 20))
	sum := waitSummary(t, ctx)
	// 20 pairs and zz.txt (its .ann refused) from 20 .ann, zz.txt and annotation.conf.
	if !strings.HasPrefix(sum, "Imported 21 articles with 40 annotations from 22 files.") || !strings.Contains(sum, "1 file refused") {
		t.Errorf("summary %q", sum)
	}
	refused, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="import-refused"]')].map(e => e.textContent)`)
	if len(refused) != 1 || !strings.Contains(refused[0], "corpus/zz.ann") || !strings.Contains(refused[0], "outside") {
		t.Errorf("refused %q", refused)
	}
	if rows := libraryRows(t, ctx); len(rows) != 21 { // 20 pairs and zz.txt on its own
		t.Errorf("%d library rows: %q", len(rows), rows)
	}
	// The label set gained EVENT from annotation.conf; an article shows its labels.
	labels, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="label-button"]')].map(b => b.dataset.label)`)
	if !strings.Contains(strings.Join(labels, ","), "EVENT") {
		t.Errorf("labels %q", labels)
	}
	if _, err := evalJS[bool](ctx, `(() => { const t = [...document.querySelectorAll('[data-testid="library-title"]')].find(e => e.textContent === "Report 07"); t.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	marks, err := pollJS[[]string](ctx, `(() => { const m = [...document.querySelectorAll('[data-testid="annotation"]')].map(e => e.dataset.label + ":" + e.textContent); return m.length === 2 ? m : null })()`)
	if err != nil || strings.Join(marks, ",") != "PER:Ada Lovelace,LOC:Zürich" {
		t.Errorf("marks %q %v", marks, err)
	}

	// Export the library as a brat zip and as one CoNLL file.
	trapByteDownloads(t, ctx)
	exported := map[string][]byte{}
	for _, f := range []string{"brat", "conll"} {
		if _, err := evalJS[bool](ctx, fmt.Sprintf(`(() => { document.querySelector('[data-testid="library-export-format"]').value = %q;
			document.querySelector('[data-testid="library-export-button"]').click(); return true })()`, f)); err != nil {
			t.Fatal(err)
		}
		name, data := takeBytes(t, ctx)
		exported[name] = data
	}
	files, err := corpus.Unzip(exported["gloss-brat.zip"])
	if err != nil {
		t.Fatalf("%v (downloads %v)", err, len(exported))
	}
	if len(files) != 43 { // 21 × (.txt, .ann) + annotation.conf
		t.Errorf("%d files in the brat zip", len(files))
	}
	if n := strings.Count(string(exported["gloss.conll"]), "-DOCSTART-"); n != 21 {
		t.Errorf("%d documents in the CoNLL file", n)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}

	// Both into empty profiles, through the file input.
	for name, data := range exported {
		ctx2 := newBrowser(t)
		if err := waitReady(ctx2, base); err != nil {
			t.Fatal(err)
		}
		p := writeFile(t, t.TempDir(), name, data)
		if _, err := chromedp.Run(ctx2, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="file-input"]`), []string{p})); err != nil {
			t.Fatal(err)
		}
		sum := waitSummary(t, ctx2)
		if !strings.HasPrefix(sum, "Imported 21 articles with 40 annotations") || strings.Contains(sum, "refused") {
			t.Errorf("%s: summary %q", name, sum)
		}
		if rows := libraryRows(t, ctx2); len(rows) != 21 {
			t.Errorf("%s: %d library rows", name, len(rows))
		}
	}
	_ = filepath.Join
}

// TestBrowserCorpusShots makes screenshots of the corpus screens when asked:
// GLOSS_BROWSER=1 GLOSS_SHOTS=/tmp/shots go test -run TestBrowserCorpusShots ./cmd/gloss
func TestBrowserCorpusShots(t *testing.T) {
	if os.Getenv("GLOSS_SHOTS") == "" {
		t.Skip("set GLOSS_SHOTS=DIR to write screenshots of the corpus screens")
	}
	ctx, _, _ := openApp(t)
	dropFile(t, ctx, "corpus.zip", corpusZip(t, 20))
	waitSummary(t, ctx)
	shots(t, ctx, "import-summary")
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="import-summary-close"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	shots(t, ctx, "library")
}
