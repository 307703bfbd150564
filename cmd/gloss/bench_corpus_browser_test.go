package main

// The corpus benchmark (make bench, or -run TestBenchCorpus): importing 500
// articles of 3 KB with 20 labels as a brat zip, opening the library they
// make, exporting it as a zip, and one more article loaded into libraries
// of 10, 500, 2,500 and 5,000 articles (which should cost about the same).

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"gloss/app/annot"
	"gloss/app/corpus"
	"gloss/app/entity"
	"gloss/app/store"

	"github.com/chromedp/chromedp"
)

// samples caches entity.SampleArticle by size and seed: each call builds a
// vocabulary of 200,000 words (~60 ms), which made seeding a library of
// 5,000 take minutes. 32 texts per size, told apart by their title line.
var samples = map[[2]int]string{}

// corpusArticle is the i-th article of about size bytes with n labels.
func corpusArticle(i, size, n int) (string, []annot.Annotation) {
	key := [2]int{size, i % 32}
	if _, ok := samples[key]; !ok {
		samples[key] = entity.SampleArticle(size, int64(i%32+1))
	}
	txt := fmt.Sprintf("Article %d\n\n", i) + samples[key]
	rs := []rune(txt)
	var as []annot.Annotation
	labels := []string{"PER", "ORG", "LOC", "MISC"}
	step := len(rs) / (n + 1)
	for k := 1; k <= n && step > 8; k++ {
		s := k * step
		for s+6 < len(rs) && strings.ContainsRune(string(rs[s:s+6]), '\n') {
			s++ // a span across a paragraph break cannot be written in a brat .ann line
		}
		as = append(as, annot.Annotation{ID: fmt.Sprintf("a%d", k), Start: s, End: s + 6, Label: labels[k%4], Text: string(rs[s : s+6])})
	}
	return txt, as
}

// seedCorpus is the localStorage content of a library of n articles.
func seedCorpus(t *testing.T, n, size, labels int) map[string]string {
	t.Helper()
	m := store.NewMemory()
	lib, _, err := store.Open(m)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		txt, as := corpusArticle(i, size, labels)
		if _, err := lib.Create(store.Doc{Meta: store.Meta{Title: fmt.Sprintf("Article %d", i), Created: int64(i + 1), Updated: int64(i + 1)}, Text: txt, Annotations: as}); err != nil {
			t.Fatal(err)
		}
	}
	keys, _ := m.Keys()
	kv := map[string]string{}
	for _, k := range keys {
		v, _, _ := m.Get(k)
		kv[k] = v
	}
	return kv
}

// timeInPage runs an action in the page and returns the milliseconds until
// done is true, polled every task (a few ms at most).
func timeInPage(t *testing.T, ctx context.Context, action, done string) float64 {
	t.Helper()
	js := fmt.Sprintf(`new Promise((resolve) => { const t0 = performance.now(); (() => { %s })();
		const check = () => { if (%s) resolve(performance.now() - t0); else setTimeout(check, 0); }; check(); })`, action, done)
	ms, err := evalJS[float64](ctx, js)
	if err != nil {
		t.Fatalf("%s: %v (message %q)", action, err, message(ctx))
	}
	return ms
}

func TestBenchCorpus(t *testing.T) {
	if f := flag.Lookup("test.run"); os.Getenv("GLOSS_BENCH") != "1" && (f == nil || !strings.Contains(f.Value.String(), "TestBenchCorpus")) {
		t.Skip("corpus benchmark: run `make bench` (or GLOSS_BENCH=1, or -run TestBenchCorpus)")
	}
	if os.Getenv("BENCH_JSON") == "" {
		t.Setenv("BENCH_JSON", "bench-corpus.json") // bench.json is TestBenchBrowser's
	}
	dir := buildSite(t, "")
	figs := newFigures()
	t.Cleanup(func() { figs.report(t) })
	// GLOSS_BENCH_ONLY=import,open,more runs only those parts.
	only := os.Getenv("GLOSS_BENCH_ONLY")
	want := func(part string) bool { return only == "" || strings.Contains(","+only+",", ","+part+",") }

	if want("import") {
		benchImport(t, figs, dir)
	}
	if want("open") {
		benchOpen500(t, figs, dir)
	}
	if want("more") {
		benchOneMore(t, figs, dir)
	}
}

// benchImport drops 500 articles of 3 KB with 20 labels each, as a brat
// zip, on an empty profile, then exports them as a brat zip.
func benchImport(t *testing.T, figs *figures, dir string) {
	var files []corpus.File
	for i := 0; i < 500; i++ {
		txt, as := corpusArticle(i, 3<<10, 20)
		var ann strings.Builder
		for k, a := range as {
			fmt.Fprintf(&ann, "T%d\t%s %d %d\t%s\n", k+1, a.Label, a.Start, a.End, a.Text)
		}
		files = append(files, corpus.File{Name: fmt.Sprintf("c/a%03d.txt", i), Data: []byte(txt)}, corpus.File{Name: fmt.Sprintf("c/a%03d.ann", i), Data: []byte(ann.String())})
	}
	zip, err := corpus.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	figs.size("corpus 500 zip bytes", int64(len(zip)))
	for run := 0; run < 2; run++ {
		base := serveSite(t, dir, "")
		ctx := benchBrowser(t, 5*time.Minute)
		if err := waitReady(ctx, base); err != nil {
			t.Fatal(err)
		}
		if _, err := evalJS[bool](ctx, fmt.Sprintf(`(window.__zip = Uint8Array.from(atob(%s), c => c.charCodeAt(0)), true)`, jsString(base64.StdEncoding.EncodeToString(zip)))); err != nil {
			t.Fatal(err)
		}
		ms := timeInPage(t, ctx, `const dt = new DataTransfer(); dt.items.add(new File([window.__zip], "c.zip"));
			window.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, cancelable: true}))`,
			`document.querySelector('[data-testid="import-summary-text"]')`)
		figs.add("import 500×3KB+20 labels ms", ms)
		if run == 0 {
			sum, _ := evalJS[string](ctx, `document.querySelector('[data-testid="import-summary-text"]').textContent`)
			figs.note("import: %s", sum)
			used, _ := evalJS[int](ctx, `window.gloss.storageUsed()`)
			figs.note("500 articles of 3 KB with 20 labels take %d characters of localStorage (%d per article): about %d fit in Chromium's 5,242,880", used, used/500, 5242880/(used/500))
		}
		// Export them as a brat zip.
		if _, err := evalJS[bool](ctx, `(window.__got = 0, window.gloss.downloadBytes = () => { window.__got++ }, true)`); err != nil {
			t.Fatal(err)
		}
		ms = timeInPage(t, ctx, `const s = document.querySelector('[data-testid="library-export-format"]'); s.value = "brat";
			document.querySelector('[data-testid="library-export-button"]').click()`, `window.__got > 0`)
		figs.add("export 500 as brat zip ms", ms)
		t.Logf("import/export run %d done", run)
	}
}

// benchOpen500 opens a library of 500 articles of 3 KB with 20 labels.
func benchOpen500(t *testing.T, figs *figures, dir string) {
	{
		seed := seedCorpus(t, 500, 3<<10, 20)
		base := serveSite(t, dir, "")
		origin := strings.TrimSuffix(base, "/")
		ctx := benchBrowser(t, 5*time.Minute)
		installInit(t, ctx, origin, seed, false)
		for run := 0; run < 4; run++ {
			ready, _ := loadTiming(t, ctx, base)
			if run > 0 { // the first load fills the seed and compiles
				figs.add("open library of 500 ms", ready)
			}
		}
		rows, _ := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`)
		figs.note("library of 500: %d rows in the DOM", rows)
	}
}

// benchOneMore pastes one more article into libraries of 10, 500, 2,500
// and 5,000 articles.
func benchOneMore(t *testing.T, figs *figures, dir string) {
	// One more article (3 KB pasted) into libraries of articles of 300
	// bytes with 2 labels: 5,000 of them still fit in localStorage's 5 Mi
	// characters.
	for _, n := range []int{10, 500, 2500, 5000} {
		seed := seedCorpus(t, n, 300, 2) // before the browser's time budget starts
		base := serveSite(t, dir, "")
		origin := strings.TrimSuffix(base, "/")
		ctx := benchBrowser(t, 5*time.Minute)
		installInit(t, ctx, origin, seed, false)
		if err := waitReady(ctx, base); err != nil {
			t.Fatal(err)
		}
		for run := 0; run < 6; run++ {
			title := fmt.Sprintf("Fresh %d", run)
			txt := title + "\n\n" + entity.SampleArticle(3<<10, int64(1000+run))
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="new-article"]`))); err != nil {
				t.Fatal(err)
			}
			ms := timeInPage(t, ctx, fmt.Sprintf(`const ta = document.querySelector('[data-testid="paste-input"]'); ta.value = %s;
				document.querySelector('[data-testid="paste-load"]').click()`, jsString(txt)),
				fmt.Sprintf(`(document.querySelector('[data-testid="title-input"]')||{}).value === %s && document.querySelector('[data-testid="article"] p')`, jsString(title)))
			if run > 0 {
				figs.add(fmt.Sprintf("one more article into %d ms", n), ms)
			}
		}
		t.Logf("one more into %d done", n)
	}
}
