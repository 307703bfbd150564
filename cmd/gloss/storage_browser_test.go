package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gloss/app/entity"
	"gloss/app/store"

	"github.com/chromedp/chromedp"
)

// storedGloss returns every localStorage entry whose key starts with "gloss/".
func storedGloss(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	m, err := evalJS[map[string]string](ctx, `(() => { const s = window.__glossStorage || localStorage, out = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); if (k.startsWith("gloss/")) out[k] = s.getItem(k); } return out; })()`)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// message returns the text of the message area.
func message(ctx context.Context) string {
	s, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent||""`)
	return s
}

// restoreFile uploads a backup through restore-input.
func restoreFile(t *testing.T, ctx context.Context, name string, data []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="restore-input"]`), []string{file})); err != nil {
		t.Fatal(err)
	}
}

func waitLibrary(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelectorAll('[data-testid="library-item"]').length === %d`, n)); err != nil {
		t.Fatalf("library does not hold %d articles; message: %q", n, message(ctx))
	}
}

// smallBackup is a library of n articles "Article k" with one annotation
// each ("Paris", LOC).
func smallBackup(n int) []byte {
	var arts []map[string]any
	for k := range n {
		arts = append(arts, map[string]any{
			"id": fmt.Sprintf("art%d", k), "title": fmt.Sprintf("Article %d", k), "created": 1, "updated": 1 + k,
			"text":        fmt.Sprintf("Officials met in Paris on Monday and in Berlin on Tuesday (%d).", k), // distinct: one text is one article
			"annotations": []map[string]any{{"id": "p", "start": 17, "end": 22, "label": "LOC", "text": "Paris"}},
		})
	}
	b, _ := json.Marshal(map[string]any{"format": "gloss-backup", "version": 1, "created": 1, "articles": arts})
	return b
}

// fillStorageJS fills localStorage with junk until it refuses writes and
// returns how many junk keys it took.
const fillStorageJS = `(() => {
	let n = 0, size = 1 << 20;
	while (size >= 1) {
		try { localStorage.setItem("junk/" + n, "x".repeat(size)); n++; }
		catch (e) { size >>= 1; }
	}
	return n;
})()`

// TestBrowserStorageFull fills localStorage with junk until it refuses
// writes, then labels a span and adds a label: the person is told, keeps
// working, is offered a backup, and what was stored stays as it was, also
// across a reload with the storage still full (the junk is not removed).
func TestBrowserStorageFull(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, newsArticle)
	dragSelect(t, ctx, "Jean-Yves Le Drian", 0, 0, 0)
	press(t, ctx, "1")
	waitCount(t, ctx, 1)
	before := storedGloss(t, ctx)

	filled, err := evalJS[int](ctx, fillStorageJS)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("localStorage full after %d junk keys", filled)

	// Label "Moscow": drawn and kept in this tab, refused by the storage.
	dragSelect(t, ctx, "Moscow", 0, 0, 0)
	press(t, ctx, "3")
	waitCount(t, ctx, 2)
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="message"]').textContent.includes("full")`); err != nil {
		t.Fatalf("no storage-full message: %q", message(ctx))
	}
	action, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="message-action"]')||{}).textContent||""`)
	if action != "Download backup" {
		t.Errorf("message action = %q, want Download backup (message %q)", action, message(ctx))
	}
	// The backup is offered and made: catch the download.
	if _, err := evalJS[bool](ctx, `(window.gloss.download = (name, type, data) => { window.__download = {name, data} }, true)`); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="message-action"]`)
	data, err := pollJS[string](ctx, `window.__download && window.__download.data`)
	if err != nil {
		t.Fatalf("no backup downloaded; message %q", message(ctx))
	}
	if !strings.Contains(data, `"gloss-backup"`) || !strings.Contains(data, "Jean-Yves Le Drian") {
		t.Errorf("backup lacks the stored work: %.200s", data)
	}
	if !strings.Contains(data, `"Moscow"`) {
		t.Errorf("the backup offered after a refused save lacks the unsaved label Moscow: %.300s", data)
	}

	// Adding a label to the label set is refused the same way.
	click(t, ctx, `[data-testid="edit-labels"]`)
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="new-label-name"]')`); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(() => { const e = document.querySelector('[data-testid="new-label-name"]'); e.value = "EVENT"; return true })()`); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `[data-testid="add-label"]`)
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="message"]').textContent.includes("full")`); err != nil {
		t.Errorf("adding a label on a full storage: message %q", message(ctx))
	}
	if after := storedGloss(t, ctx); !maps.Equal(before, after) {
		t.Errorf("stored records changed while the storage was full:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}

	// Reload with the storage still full: the stored article and its one
	// annotation come back, from the real storage.
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	got := waitCount(t, ctx, 1)
	if got[0].Text != "Jean-Yves Le Drian" {
		t.Errorf("after reload: %+v", got)
	}
	if blocked, _ := evalJS[bool](ctx, `!!window.__glossStorageBlocked`); blocked {
		t.Errorf("a full storage was taken for a blocked one: message %q", message(ctx))
	}
	if after := storedGloss(t, ctx); !maps.Equal(before, after) {
		t.Errorf("stored records changed across the reload")
	}
}

// TestBrowserStorageDamaged plants a truncated record, a record of a newer
// format, one that is not a Gloss record and a label set of the wrong
// shape, then reloads: Gloss starts, loads the rest, says so, and leaves
// every damaged value as it was.
func TestBrowserStorageDamaged(t *testing.T) {
	ctx, base, cons := openApp(t)
	restoreFile(t, ctx, "four.json", smallBackup(4))
	waitLibrary(t, ctx, 4)
	stored := storedGloss(t, ctx)
	annKey := func(id string) string {
		for k := range stored {
			if strings.HasPrefix(k, "gloss/v2/doc/"+id+"/ann.") {
				return k
			}
		}
		t.Fatalf("no annotations record for %s in %v", id, slices.Sorted(maps.Keys(stored)))
		return ""
	}
	damage := map[string]string{
		annKey("art1"):          stored[annKey("art1")][:len(stored[annKey("art1")])/2], // truncated
		annKey("art2"):          "G7\n{\"from\":\"the future\"}",                        // newer record format
		annKey("art3"):          "<html>not a gloss record</html>",                      // not ours
		"gloss/v2/labels":       "G1\n{\"not\":\"a list\"}",                             // wrong shape
		"gloss/v2/doc/zz/ann.1": "G1\n[{\"start\":\"x\"}]",                              // stray, wrong shape
	}
	js := "(() => {"
	for k, v := range damage {
		js += fmt.Sprintf("localStorage.setItem(%s, %s);", jsQuote(k), jsQuote(v))
	}
	if _, err := evalJS[bool](ctx, js+"return true })()"); err != nil {
		t.Fatal(err)
	}
	cons.Reset()
	if err := waitReady(ctx, base); err != nil {
		t.Fatalf("Gloss did not start on damaged storage: %v", err)
	}
	msg := message(ctx)
	if !strings.Contains(msg, "kept aside") {
		t.Errorf("no notice about the damaged records: %q", msg)
	}
	t.Logf("message: %s", msg)
	waitLibrary(t, ctx, 4)
	// The intact article opens with its annotation.
	if _, err := evalJS[bool](ctx, `(() => { for (const li of document.querySelectorAll('[data-testid="library-item"]')) if (li.dataset.id === "art0") { li.querySelector('[data-testid="library-title"]').click(); return true } return false })()`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	if got := waitCount(t, ctx, 1); got[0].Text != "Paris" {
		t.Errorf("intact article: %+v", got)
	}
	// Labelling the intact article still saves.
	dragSelect(t, ctx, "Berlin", 0, 0, 0)
	press(t, ctx, "3")
	waitCount(t, ctx, 2)
	// Open a damaged one: the text shows, the damage is named.
	if _, err := evalJS[bool](ctx, `(() => { for (const li of document.querySelectorAll('[data-testid="library-item"]')) if (li.dataset.id === "art1") { li.querySelector('[data-testid="library-title"]').click(); return true } return false })()`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	t.Logf("opening the truncated one: %s", message(ctx))

	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	now := storedGloss(t, ctx)
	kept := map[string]bool{}
	for _, v := range now {
		kept[v] = true
	}
	for k, v := range damage {
		if now[k] != v && !kept[v] {
			t.Errorf("damaged record %s was lost: now %q", k, now[k])
		}
	}
	for _, e := range cons.Errors() {
		if !strings.Contains(e, "favicon") {
			t.Errorf("console error on damaged storage: %s", e)
		}
	}
}

// TestBrowserStorageNewerSchema marks the library as written by a newer
// Gloss: it opens read-only, says so, and no write reaches the storage.
func TestBrowserStorageNewerSchema(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	restoreFile(t, ctx, "one.json", smallBackup(1))
	waitLibrary(t, ctx, 1)
	if _, err := evalJS[bool](ctx, `(localStorage.setItem("gloss/v3/schema", "G1\n{\"version\":4}"), localStorage.setItem("gloss/v4/index", "G1\n{\"future\":true}"), true)`); err != nil {
		t.Fatal(err)
	}
	before := storedGloss(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if msg := message(ctx); !strings.Contains(msg, "newer version") && !strings.Contains(msg, "read-only") {
		t.Errorf("no read-only notice: %q", msg)
	}
	waitLibrary(t, ctx, 1)
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="library-title"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	waitCount(t, ctx, 1)
	dragSelect(t, ctx, "Berlin", 0, 0, 0)
	press(t, ctx, "3")
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="message"]').textContent.includes("newer")`); err != nil {
		t.Errorf("labelling a read-only library: message %q", message(ctx))
	}
	if after := storedGloss(t, ctx); !maps.Equal(before, after) {
		t.Errorf("a read-only library was written to:\nbefore %v\nafter  %v", before, after)
	}
}

// TestBrowserTwoTabs opens the same article in two tabs of one browser:
// a label made in one shows up in the other, and labels made in both at
// once are merged, none lost.
func TestBrowserTwoTabs(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	tab1 := newBrowser(t)
	if err := waitReady(tab1, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, tab1, newsArticle)
	url, err := evalJS[string](tab1, `location.href`)
	if err != nil {
		t.Fatal(err)
	}
	tab2, cancel := chromedp.NewContext(tab1)
	defer cancel()
	if err := waitReady(tab2, url); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, tab2)

	dragSelect(t, tab1, "Jean-Yves Le Drian", 0, 0, 0)
	press(t, tab1, "1")
	waitCount(t, tab1, 1)
	if got := waitCount(t, tab2, 1); got[0].Text != "Jean-Yves Le Drian" {
		t.Fatalf("tab 2 shows %+v", got)
	}
	// Both tabs label a different span before either hears of the other:
	// tab 2 stops hearing storage events while tab 1 saves.
	if _, err := evalJS[bool](tab2, `(window.__deaf = (e) => e.stopImmediatePropagation(), addEventListener("storage", window.__deaf, true), true)`); err != nil {
		t.Fatal(err)
	}
	dragSelect(t, tab1, "Moscow", 0, 0, 0)
	press(t, tab1, "3")
	waitCount(t, tab1, 2)
	dragSelect(t, tab2, "Paris", 0, 0, 0)
	press(t, tab2, "3")
	if _, err := evalJS[bool](tab2, `(removeEventListener("storage", window.__deaf, true), true)`); err != nil {
		t.Fatal(err)
	}
	want := []string{"Moscow", "Jean-Yves Le Drian", "Paris"}
	check := func(name string, ctx context.Context) {
		t.Helper()
		got := waitCount(t, ctx, 3)
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		if strings.Join(texts, "|") != "Moscow|Jean-Yves Le Drian|Paris" && !sameSet(texts, want) {
			t.Errorf("%s: %q, want %q", name, texts, want)
		}
	}
	check("tab 1", tab1)
	check("tab 2", tab2)
	if err := waitReady(tab1, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, tab1)
	check("tab 1 after reload", tab1)
}

// TestBrowserStorageBeforeListening: the page listens to other tabs'
// storage writes only once its first screen is drawn (the first "storage"
// listener costs a wait on the browser process), and a write made between
// reading the library and listening is not lost: tab 2 holds its
// after-paint callbacks until tab 1 has labelled and tab 2 has had (and
// dropped, no one listening) the storage event; released, it shows the
// label.
func TestBrowserStorageBeforeListening(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	tab1 := newBrowser(t)
	if err := waitReady(tab1, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, tab1, newsArticle)
	url, err := evalJS[string](tab1, `location.href`)
	if err != nil {
		t.Fatal(err)
	}
	tab2, cancel := chromedp.NewContext(tab1)
	defer cancel()
	addInitScript(t, tab2, `(() => {
		const held = [];
		let hold = true, g;
		window.__release = () => { hold = false; held.splice(0).forEach((f) => f()); return true; };
		Object.defineProperty(window, "gloss", {configurable: true, get() { return g; }, set(v) {
			const after = v.afterPaint;
			v.afterPaint = (fn) => after(() => hold ? held.push(fn) : fn());
			g = v;
		}});
		const add = window.addEventListener;
		window.__listened = [];
		window.addEventListener = function (type, ...rest) {
			if (type === "storage") __listened.push(document.body && document.body.dataset.ready === "1");
			return add.call(this, type, ...rest);
		};
		window.__heard = 0;
		add.call(window, "storage", () => { __heard++; });
	})()`)
	if err := chromedp.Do(tab2, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](tab2, `document.body && document.body.dataset.ready === "1"`); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, tab2)
	dragSelect(t, tab1, "Jean-Yves Le Drian", 0, 0, 0)
	press(t, tab1, "1")
	waitCount(t, tab1, 1)
	if _, err := pollJS[bool](tab2, `__heard > 0`); err != nil {
		t.Fatalf("tab 2 never had the storage event: %v", err)
	}
	if l, _ := evalJS[[]bool](tab2, `__listened`); len(l) != 0 {
		t.Fatalf("tab 2 listened to storage before its after-paint callbacks ran (ready then: %v)", l)
	}
	if _, err := evalJS[bool](tab2, `__release()`); err != nil {
		t.Fatal(err)
	}
	if err := waitAppReady(tab2); err != nil {
		t.Fatal(err)
	}
	if l, _ := evalJS[[]bool](tab2, `__listened`); !slices.Equal(l, []bool{true}) {
		t.Errorf("storage listeners added (each: the first screen ready then): %v, want one after it", l)
	}
	if got := waitCount(t, tab2, 1); got[0].Text != "Jean-Yves Le Drian" {
		t.Fatalf("tab 2 shows %+v", got)
	}
	// And it still hears later writes.
	dragSelect(t, tab1, "Moscow", 0, 0, 0)
	press(t, tab1, "3")
	waitCount(t, tab1, 2)
	waitCount(t, tab2, 2)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestBrowserRestoreHostile restores backups that are deeply nested,
// prototype-polluting, oversized or not a backup: each is refused with a
// message naming the file, and the library is unchanged.
func TestBrowserRestoreHostile(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	armTrap(t, ctx, false)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	restoreFile(t, ctx, "one.json", smallBackup(1))
	waitLibrary(t, ctx, 1)
	before := storedGloss(t, ctx)
	good := string(smallBackup(1))
	cases := []struct{ name, data string }{
		{"deep.json", strings.Repeat("[", 100000) + strings.Repeat("]", 100000)},
		{"deep-object.json", `{"format":"gloss-backup","version":1,"articles":[],"labels":` + strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000) + "}"},
		{"proto.json", strings.Replace(good, `"format"`, `"__proto__":{"polluted":1},"format"`, 1)},
		{"proto-deep.json", strings.Replace(good, `"id":"p"`, `"id":"p","constructor":{"prototype":{"polluted":1}}`, 1)},
		{"big.json", `{"format":"gloss-backup","version":1,"articles":[{"id":"b","title":"b","text":"` + strings.Repeat("a", 51<<20) + `"}]}`},
		{"not-json.json", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
		{"two.json", good + good},
		{"wrong-shape.json", `{"format":"gloss-backup","version":1,"articles":{"id":"x"}}`},
		{"future.json", strings.Replace(good, `"version":1`, `"version":99`, 1)},
		{"offsets.json", strings.Replace(good, `"end":22`, `"end":9999`, 1)},
	}
	for _, c := range cases {
		restoreFile(t, ctx, c.name, []byte(c.data))
		msg, err := pollJS[string](ctx, fmt.Sprintf(`(t => t.includes(%s) && t)(document.querySelector('[data-testid="message"]').textContent)`, jsQuote(c.name)))
		if err != nil {
			t.Fatalf("%s: no message naming it; message %q", c.name, message(ctx))
		}
		if !strings.Contains(msg, c.name) || strings.HasPrefix(msg, "Restored") {
			t.Errorf("%s: message %q does not refuse it by name", c.name, msg)
		}
		t.Logf("%s: %s", c.name, msg)
		if after := storedGloss(t, ctx); !maps.Equal(before, after) {
			t.Fatalf("%s changed the library", c.name)
		}
	}
	if p, _ := evalJS[bool](ctx, `({}).polluted !== undefined || Object.prototype.polluted !== undefined`); p {
		t.Error("Object.prototype was polluted")
	}
	checkTrap(t, ctx, "after hostile restores")
	waitLibrary(t, ctx, 1)
}

// TestBrowserStorageKeysFallback: the storage's keys are read in one call
// (gloss.storageKeys, one a line) unless a key is empty or holds a line
// break; then Go reads them one by one. With the list of articles gone,
// so that it is rebuilt from the keys at start, and such a key stored,
// every article is found again, and a key holding a line break stays one
// key: "note\n<a made-up article's text key>" adds no recovered article.
func TestBrowserStorageKeysFallback(t *testing.T) {
	ctx, base, _ := openApp(t)
	restoreFile(t, ctx, "three.json", smallBackup(3))
	waitLibrary(t, ctx, 3)
	prev := "none"
	for _, key := range []string{"", "note\ngloss/v2/doc/ghost/text.1"} {
		// One such key at a time: the one before is taken away.
		js := fmt.Sprintf(`(() => { localStorage.removeItem(%s); localStorage.removeItem("gloss/v3/head"); localStorage.setItem(%s, "G1\nA ghost article."); return gloss.storageKeys() === null })()`, jsQuote(prev), jsQuote(key))
		prev = key
		if fellBack, err := evalJS[bool](ctx, js); err != nil || !fellBack {
			t.Fatalf("key %q: the one-call read did not fall back (%v)", key, err)
		}
		if err := waitReady(ctx, base); err != nil {
			t.Fatal(err)
		}
		if _, err := pollJS[bool](ctx, `document.querySelectorAll('[data-testid="library-item"]').length >= 3`); err != nil {
			t.Fatalf("key %q: the library does not list the 3 articles; message: %q", key, message(ctx))
		}
		n, err := evalJS[int](ctx, `document.querySelectorAll('[data-testid="library-item"]').length`)
		if msg := message(ctx); err != nil || n != 3 || !strings.Contains(msg, "rebuilt from the 3 article records") {
			t.Errorf("key %q: %d articles listed (%v), message %q", key, n, err, msg)
		}
		if v, err := evalJS[string](ctx, fmt.Sprintf(`localStorage.getItem(%s)`, jsQuote(key))); err != nil || v != "G1\nA ghost article." {
			t.Errorf("key %q: now %q (%v)", key, v, err)
		}
	}
}

// TestBrowserLongTextInParts: an article longer than store.PartSize is
// stored as a head and parts (the browser's notice of one 5 MB write
// stalled the page for 50–86 ms), and comes back whole in another tab and
// after a reload.
func TestBrowserLongTextInParts(t *testing.T) {
	ctx, _, _ := openApp(t)
	article := entity.SampleArticle(700<<10, 5)
	pasteArticle(t, ctx, article)
	parts, err := pollJS[string](ctx, `(() => {
		const s = window.__glossStorage || localStorage, parts = [];
		let head = "";
		for (let i = 0; i < s.length; i++) {
			const k = s.key(i);
			if (!k.startsWith("gloss/v2/doc/")) continue;
			if (k.includes("#")) parts.push(k + "=" + s.getItem(k).length);
			else if (s.getItem(k).startsWith("G2\n")) head = k;
		}
		return parts.length ? head + " " + parts.sort().join(" ") : "";
	})()`)
	if err != nil {
		t.Fatalf("the long article was not stored in parts: %v", err)
	}
	fields := strings.Fields(parts)
	if len(fields) < 4 || !strings.Contains(fields[0], "/text.") {
		t.Fatalf("stored: %s; want a text head and at least three parts", parts)
	}
	for _, p := range fields[1:] {
		n, _ := strconv.Atoi(p[strings.LastIndex(p, "=")+1:])
		if !strings.HasPrefix(p, fields[0]+"#") || n == 0 || n > store.PartSize {
			t.Errorf("part %s: not %s's, or empty, or over %d characters", p, fields[0], store.PartSize)
		}
	}
	shown := `document.querySelector('[data-testid="article"]').textContent.length`
	want, err := evalJS[int](ctx, shown)
	if err != nil || want < 600<<10 {
		t.Fatalf("the article shows %d characters (%v)", want, err)
	}
	url, err := evalJS[string](ctx, `location.href`)
	if err != nil {
		t.Fatal(err)
	}
	tab2, cancel := chromedp.NewContext(ctx)
	defer cancel()
	for name, c := range map[string]context.Context{"another tab": tab2, "after a reload": ctx} {
		if err := waitReady(c, url); err != nil {
			t.Fatal(err)
		}
		waitParagraphs(t, c)
		if got, err := evalJS[int](c, shown); err != nil || got != want {
			t.Errorf("%s: the article shows %d characters (%v), want %d", name, got, err, want)
		}
		if msg := message(c); strings.Contains(msg, "missing") || strings.Contains(msg, "could not") || strings.Contains(msg, "damaged") {
			t.Errorf("%s: message %q", name, msg)
		}
	}
}
