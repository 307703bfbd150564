package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gloss/app/entity"
	"gloss/app/extract/wire"
)

// What a person sees once a long article's names are found: the panel's
// listed rows and count, the suggestion highlights, a few searches' results.
type builtView struct {
	Count      string
	Rows       []string
	Highlights []string
	Searches   []string
	Worker     bool // the worker built it (its perf mark)
	Shared     bool // with the build helper
	PartTaken  bool // the helper's types taken (typed from the worker's hand-over)
	IndexApart bool // the index and the names came apart, before the types, and were read with them
	InPage     bool // the page built it
	// Early: the build was posted as the article was created, before it
	// was stored and drawn, and its background build took that post over.
	Early bool
	// Late: the suggestion highlights were worked out after the install
	// (the search worked before them).
	Late bool
}

// buildAndLook pastes article once the page's word lists are in (so both
// builds use them) and reads what it shows once its names are found.
func buildAndLook(t *testing.T, ctx context.Context, article string) builtView {
	t.Helper()
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-lexicon-parsed").length > 0`); err != nil {
		t.Fatalf("the word lists were not loaded: %v", err)
	}
	// A second article: the paste box of a new one.
	if _, err := evalJS[bool](ctx, `window.__t0 = performance.now(), (b => !b || (b.click(), true))(document.querySelector('[data-testid="new-article"]'))`); err != nil {
		t.Fatal(err)
	}
	pasteIntoBox(t, ctx, article)
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`[data-testid="paste-load"]`))); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	// The install puts the panel's rows and the highlights in over a few
	// tasks: gloss-installed says they are all handed to the page, which
	// makes a long highlight's ranges in slices after that.
	if _, err := pollJS[bool](ctx, `!!(window.glossPerf && glossPerf.entitiesAt > __t0) && !document.querySelector('[data-testid="entities-progress"]') && document.querySelectorAll('[data-testid="entity-item"]').length > 0 && performance.getEntriesByName("gloss-installed").some((m) => m.startTime > __t0) && gloss.highlightsFilling() === 0`); err != nil {
		t.Fatalf("the names were not found: %v", err)
	}
	v, err := evalJS[builtView](ctx, `({
		count: document.querySelector('[data-testid="entities-tab"] .count').textContent,
		rows: [...document.querySelectorAll('[data-testid="entity-item"]')].map((e) => e.innerText),
		highlights: [...CSS.highlights.keys()].sort().map((k) => k + ":" + gloss.highlightCount(k)),
		worker: performance.getEntriesByName("gloss-build-decoded").some((m) => m.startTime > __t0),
		shared: performance.getEntriesByName("gloss-build-shared").some((m) => m.startTime > __t0),
		partTaken: performance.getEntriesByName("gloss-build-part-taken").some((m) => m.startTime > __t0),
		indexApart: ((c, r, d) => !!c && !!r && !!d && c.startTime > __t0 && r.startTime > c.startTime && d.startTime > r.startTime)(performance.getEntriesByName("gloss-build-index-decoded").at(-1),
			performance.getEntriesByName("gloss-build-received").at(-1), performance.getEntriesByName("gloss-build-decoded").at(-1)),
		inPage: performance.getEntriesByName("gloss-build-start").some((m) => m.startTime > __t0),
		early: ["gloss-build-early", "gloss-build-adopted"].every((n) => performance.getEntriesByName(n).some((m) => m.startTime > __t0)) &&
			performance.getEntriesByName("gloss-build-early").some((m) => m.startTime > __t0 && m.startTime < performance.getEntriesByName("gloss-stored").at(-1).startTime),
		late: ((i, s) => !!i && !!s && i.startTime > __t0 && s.startTime > i.startTime)(performance.getEntriesByName("gloss-install").at(-1), performance.getEntriesByName("gloss-build-suggested").at(-1)),
	})`)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"hollnd", "le drian", "damscus", "charles gaulle"} {
		if _, err := chromedp.Run(ctx, chromedp.Blur(chromedp.CSS(`[data-testid="search-input"]`))); err != nil {
			t.Fatal(err)
		}
		typeKey(t, ctx, '/')
		if _, err := pollJS[bool](ctx, `document.activeElement && document.activeElement.dataset.testid === "search-input"`); err != nil {
			t.Fatalf("%q: / did not focus the search box", q)
		}
		typeLetters(t, ctx, q)
		res, err := pollJS[string](ctx, fmt.Sprintf(`(l => !!l && l.dataset.query === %q)(document.querySelector('[data-testid="search-results"]')) ?
			[...document.querySelectorAll('[data-testid="search-result"]')].map((e) => e.innerText).join(" | ") : null`, q))
		if err != nil {
			t.Fatalf("%q: no results: %v", q, err)
		}
		v.Searches = append(v.Searches, q+" → "+res)
	}
	return v
}

// TestBrowserBuildWorker pastes two long articles: the worker builds their
// names and index (the page does not), the second one long enough to be
// shared with the build helper (two workers, one per core), and the panel,
// the suggestions and search show exactly what the page shows when it
// builds the same texts itself, which it does when the worker's module
// cannot be loaded.
func TestBrowserBuildWorker(t *testing.T) {
	// Characters of two, three and four bytes in UTF-8 (two UTF-16 code
	// units): the worker takes the text as UTF-8 written from the string
	// (glossEncodeInto), and a byte wrong anywhere would make its result
	// refused for another text. The second article holds 3,000
	// paragraphs of them.
	wide := "\n\nZoë Ångström met 李明 in Zürich 🙂🇫🇷 on Tuesday.\n\n"
	block := strings.Repeat("Η Αθήνα και 北京 συμφώνησαν 🙂 στις 3 Μαΐου.\n\n", 3000)
	articles := []string{
		findArticle + wide + entity.SampleArticle(1<<20, 11),
		findArticle + wide + block + "\n\n" + entity.SampleArticle(2<<20, 12) + wide,
	}

	ctx, _, cons := openApp(t)
	// An article this long is built in the worker once it runs (it starts
	// in idle time after the first paint).
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-extract-ready").length > 0`); err != nil {
		t.Fatalf("the worker did not start: %v", err)
	}
	var got []builtView
	for i, a := range articles {
		v := buildAndLook(t, ctx, a)
		if !v.Worker || v.InPage || v.Shared != (i == 1) || v.PartTaken != (i == 1) || v.IndexApart != (i == 1) || !v.Early || !v.Late {
			t.Errorf("article %d: built in the worker %v, shared %v (the helper's part taken %v, the index apart %v), in the page %v, posted before it was stored %v, highlights worked out after the install %v; want the worker only, shared %v, posted early, highlights after", i, v.Worker, v.Shared, v.PartTaken, v.IndexApart, v.InPage, v.Early, v.Late, i == 1)
		}
		got = append(got, v)
	}
	noConsoleErrors(t, cons)

	// The same texts where the worker cannot start its module.
	dir := filepath.Join(t.TempDir(), "site")
	buildSiteInto(t, dir, "", filepath.Join(repoRoot(t), "web"))
	for _, ext := range []string{"", ".br", ".gz"} {
		if err := os.Remove(filepath.Join(dir, "web", "extract.wasm"+ext)); err != nil {
			t.Fatal(err)
		}
	}
	ctx2 := newBrowser(t)
	if err := waitReady(ctx2, serveSite(t, dir, "")); err != nil {
		t.Fatal(err)
	}
	for i, a := range articles {
		want := buildAndLook(t, ctx2, a)
		if want.Worker || !want.InPage {
			t.Errorf("article %d without the worker's module: built in the worker %v, in the page %v; want the page", i, want.Worker, want.InPage)
		}
		if len(want.Rows) < 5 || len(want.Highlights) < 2 {
			t.Fatalf("article %d: the page's own build shows too little to compare: %+v", i, want)
		}
		if got[i].Count != want.Count {
			t.Errorf("article %d: entities: %s from the worker, %s from the page", i, got[i].Count, want.Count)
		}
		for _, c := range []struct {
			what      string
			got, want []string
		}{{"panel rows", got[i].Rows, want.Rows}, {"highlights", got[i].Highlights, want.Highlights}, {"searches", got[i].Searches, want.Searches}} {
			if g, w := strings.Join(c.got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("article %d: %s from the worker:\n%s\nfrom the page:\n%s", i, c.what, g, w)
			}
		}
	}
}

// TestBrowserWarmWorker: a page left idle starts its build worker and warms
// it up without any article (the gloss-worker-warmed mark), and starts the
// build helper (gloss-helper-started); a long article pasted then is built
// by that same worker without a warm-up of its own (the worker's module
// started once, and its reply says it did not warm up for this build),
// sharing the build with that same helper. The helper, stopped after its
// share, is started again in idle time, and a second long article pasted
// in the same visit is built as warm as the first.
func TestBrowserWarmWorker(t *testing.T) {
	ctx, _, cons := openApp(t)
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-worker-warmed").length > 0 && performance.getEntriesByName("gloss-helper-started").length > 0`); err != nil {
		t.Fatalf("the idle page did not warm its build worker up and start its helper: %v", err)
	}
	if mb, err := evalJS[float64](ctx, `glossPerf.workerIdleMemoryMB || 0`); err != nil || mb <= 0 {
		t.Errorf("the warmed-up worker reported no memory: %v, %v", mb, err)
	}
	if _, err := evalJS[bool](ctx, `window.__t0 = performance.now(), true`); err != nil {
		t.Fatal(err)
	}
	// Long enough that a worker not warmed up would warm up first.
	loadFound(t, ctx, entity.SampleArticle(wire.WarmUpAt+1<<10, 5), "the article")
	// The helper's answer may come a moment after the worker's result, which
	// the names found are drawn from (make test, round 15: read at once,
	// "the helper's part came at 0 MB").
	if _, err := pollJS[bool](ctx, `(glossPerf.helperMemoryMB || 0) > 0`); err != nil {
		t.Logf("the helper's answer did not come: %v", err)
	}
	got, err := evalJS[map[string]float64](ctx, `({
		decoded: performance.getEntriesByName("gloss-build-decoded").filter((m) => m.startTime > __t0).length,
		inPage: performance.getEntriesByName("gloss-build-start").length,
		started: performance.getEntriesByName("gloss-extract-ready").length,
		warmed: performance.getEntriesByName("gloss-worker-warmed").length,
		warmedUp: glossPerf.workerBuildWarmedUp ?? -1,
		shared: performance.getEntriesByName("gloss-build-shared").filter((m) => m.startTime > __t0).length,
		helperMB: glossPerf.helperMemoryMB || 0,
		helperStarts: performance.getEntriesByName("gloss-helper-ready").length,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if got["decoded"] != 1 || got["inPage"] != 0 {
		t.Errorf("built in the worker %v times, in the page %v; want the worker once", got["decoded"], got["inPage"])
	}
	if got["started"] != 1 || got["warmed"] != 1 || got["warmedUp"] != 0 {
		t.Errorf("worker modules started %v, warm-ups answered %v, the build warmed up %v; want 1, 1 and 0 (the idle worker's)", got["started"], got["warmed"], got["warmedUp"])
	}
	// An article this long is shared with the helper, which answered its
	// part (its memory at that answer).
	if got["shared"] != 1 || got["helperMB"] <= 0 || got["helperStarts"] != 1 {
		t.Errorf("shared with the build helper %v times, the helper's part came at %v MB, helpers started %v; want 1, its memory, and the helper started in idle time", got["shared"], got["helperMB"], got["helperStarts"])
	}

	// The helper was stopped after its share: it is started again in idle
	// time, and the next long paste finds both ready.
	if _, err := pollJS[bool](ctx, `performance.getEntriesByName("gloss-helper-started").length > 1 && performance.getEntriesByName("gloss-worker-warmed").length >= performance.getEntriesByName("gloss-extract-ready").length`); err != nil {
		t.Fatalf("the build workers were not made ready again after a long build: %v", err)
	}
	// Not while the long build's install was staged: a worker's start
	// compiles the module beside its steps.
	if during, err := evalJS[string](ctx, `(() => {
		const ins = performance.getEntriesByName("gloss-install").at(-1).startTime;
		const done = performance.getEntriesByName("gloss-installed").find((m) => m.startTime > ins).startTime;
		return ["gloss-extract-start", "gloss-helper-start"].flatMap((n) => performance.getEntriesByName(n)).filter((m) => m.startTime > ins && m.startTime < done).map((m) => m.name).join(" ");
	})()`); err != nil || during != "" {
		t.Errorf("build workers started during the long build's install: %q (%v)", during, err)
	}
	if _, err := evalJS[bool](ctx, `window.__t0 = performance.now(), (b => !b || (b.click(), true))(document.querySelector('[data-testid="new-article"]'))`); err != nil {
		t.Fatal(err)
	}
	loadFound(t, ctx, entity.SampleArticle(wire.WarmUpAt+1<<10, 6), "the second article")
	again, err := evalJS[map[string]float64](ctx, `({
		decoded: performance.getEntriesByName("gloss-build-decoded").filter((m) => m.startTime > __t0).length,
		warmedUp: glossPerf.workerBuildWarmedUp ?? -1,
		shared: performance.getEntriesByName("gloss-build-shared").filter((m) => m.startTime > __t0).length,
		helperReady: performance.getEntriesByName("gloss-helper-ready").filter((m) => m.startTime > __t0).length,
	})`)
	if err != nil {
		t.Fatal(err)
	}
	if again["decoded"] != 1 || again["warmedUp"] != 0 || again["shared"] != 1 || again["helperReady"] != 0 {
		t.Errorf("second long paste: built in the worker %v times, warmed up for it %v, shared %v, helpers started for it %v; want 1, 0, 1, 0 (both ready before it)", again["decoded"], again["warmedUp"], again["shared"], again["helperReady"])
	}
	noConsoleErrors(t, cons)
}

// loadFound pastes text in the new-article box, loads it and waits until
// its names are found (after window.__t0); what names it in a failure.
func loadFound(t *testing.T, ctx context.Context, text, what string) {
	t.Helper()
	pasteIntoBox(t, ctx, text)
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`[data-testid="paste-load"]`))); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	if _, err := pollJS[bool](ctx, `!!(window.glossPerf && glossPerf.entitiesAt > __t0)`); err != nil {
		t.Fatalf("%s's names were not found: %v", what, err)
	}
}
