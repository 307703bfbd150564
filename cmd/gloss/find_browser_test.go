package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// findArticle is a short news article of our own with several mentions of
// each name the search tests look for, some in longer forms.
const findArticle = `Hollande and Putin discuss Syria

PARIS — President François Hollande will meet Vladimir Putin in Moscow on Thursday, a week after talks with the Syrian opposition. Hollande wants Putin to stop striking rebels and to focus on Islamic State.

Putin has said that Damascus must be part of any settlement. Officials in Damascus welcomed the visit, and Putin's spokesman said the talks would be frank.

The aircraft carrier Charles de Gaulle left Toulon on Wednesday. Defence Minister Jean-Yves Le Drian said the Charles de Gaulle would reach the eastern Mediterranean within days, well placed for strikes far from Damascus.

Jean-Yves Le Drian will brief Hollande on Friday. "The Charles de Gaulle gives us reach," Jean-Yves Le Drian told reporters.`

// span is a stretch of the article in code points, as a test reads it back
// from a CSS highlight or the annotations.
type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// highlightSpans reads the ranges of a CSS highlight as article offsets in
// code points (paragraph data-start plus the code points before the range).
func highlightSpans(ctx context.Context, name string) ([]span, error) {
	return evalJS[[]span](ctx, fmt.Sprintf(`(() => {
		const h = CSS.highlights.get(%q);
		if (!h) return [];
		const out = [];
		for (const r of h) {
			let p = r.startContainer;
			while (p && !(p.nodeType === 1 && p.tagName === "P")) p = p.parentNode;
			const pre = document.createRange();
			pre.setStart(p, 0);
			pre.setEnd(r.startContainer, r.startOffset);
			const start = +p.dataset.start + [...pre.toString()].length;
			const live = document.createRange(); // highlights hold StaticRanges
			live.setStart(r.startContainer, r.startOffset);
			live.setEnd(r.endContainer, r.endOffset);
			const text = live.toString();
			out.push({start, end: start + [...text].length, text});
		}
		return out.sort((a, b) => a.start - b.start);
	})()`, name))
}

// occurrences returns every occurrence of each needle in s as code point
// spans, sorted; needles that are part of a longer needle found at the same
// place are skipped, so "Hollande" inside "François Hollande" counts once.
func occurrences(s string, needles ...string) []span {
	var out []span
	covered := map[int]bool{} // byte offsets inside a longer needle's occurrence
	sorted := append([]string(nil), needles...)
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if len(sorted[j]) > len(sorted[i]) {
				sorted[i], sorted[j] = sorted[j], sorted[i]
			}
		}
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for _, n := range sorted {
		for from := 0; ; {
			i := strings.Index(s[from:], n)
			if i < 0 {
				break
			}
			i += from
			from = i + len(n)
			before := []rune(s[:i])
			after := []rune(s[i+len(n):])
			if (len(before) > 0 && isWord(before[len(before)-1])) || (len(after) > 0 && isWord(after[0])) || covered[i] {
				continue
			}
			for k := i; k < i+len(n); k++ {
				covered[k] = true
			}
			start := len(before)
			out = append(out, span{Start: start, End: start + len([]rune(n)), Text: n})
		}
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Start < out[i].Start {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// typeLetters types s one key at a time into the focused element.
func typeLetters(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	for _, r := range s {
		typeKey(t, ctx, r)
	}
}

// typeKey presses a printable key as a keyboard does: one keydown carrying
// its text, then keyup. (chromedp.KeyEvent sends the text as a separate
// char event, which a keydown handler's preventDefault does not stop, so
// "/" would both focus the search box and be typed into it.)
func typeKey(t *testing.T, ctx context.Context, r rune) {
	t.Helper()
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Text: string(r), UnmodifiedText: string(r), Key: string(r)}
	if k, ok := kb.Keys[r]; ok {
		down.Key, down.Code = k.Key, k.Code
		down.WindowsVirtualKeyCode, down.NativeVirtualKeyCode = k.Windows, k.Native
		if k.Shift {
			down.Modifiers = 8 // Shift
		}
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	send := func(p input.DispatchKeyEventParams) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, p)
			return chromedp.Void{}, err
		}
	}
	if err := chromedp.Do(ctx, send(down), send(up)); err != nil {
		t.Fatal(err)
	}
}

// firstResult is the first search result as shown: its text and the
// letters emphasised in it.
type firstResult struct {
	Text string   `json:"text"`
	Bold string   `json:"bold"`
	All  []string `json:"all"` // every result's text
}

func readFirstResult(ctx context.Context) (firstResult, error) {
	return evalJS[firstResult](ctx, `(() => {
		const rs = document.querySelectorAll('[data-testid="search-result"]');
		if (!rs.length) return {text: "", bold: "", all: []};
		const t = rs[0].querySelector('[data-testid="search-result-text"]');
		return {text: t.textContent, bold: [...t.querySelectorAll("b")].map(b => b.textContent).join(""),
			all: [...rs].map(r => r.querySelector('[data-testid="search-result-text"]').textContent)};
	})()`)
}

// letters keeps the lower-cased letters of s: what a query's emphasis spells.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestBrowserSearchTyped types misspelt names letter by letter into the
// search box, checks the first result, its emphasised letters and the
// mentions highlighted in the article, steps through them with Enter and
// Shift+Enter and clears with Escape.
func TestBrowserSearchTyped(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, findArticle)

	cases := []struct {
		query, first string
		mentions     []string // every form the entity appears in
	}{
		{"hollnd", "Hollande", []string{"François Hollande", "Hollande"}},
		{"damscus", "Damascus", []string{"Damascus"}},
		{"putn", "Putin", []string{"Vladimir Putin", "Putin"}},
		{"charles gaulle", "Charles de Gaulle", []string{"Charles de Gaulle"}},
		// The closest target is the hyphenated first name itself; the
		// whole name follows it in the results.
		{"jean yves", "Jean-Yves", []string{"Jean-Yves"}},
	}
	for _, c := range cases {
		// "/" focuses the search box and selects what it holds, so typing
		// replaces the previous query.
		if _, err := chromedp.Run(ctx, chromedp.Blur(chromedp.CSS(`[data-testid="search-input"]`))); err != nil {
			t.Fatal(err)
		}
		typeKey(t, ctx, '/')
		if _, err := pollJS[bool](ctx, `document.activeElement && document.activeElement.dataset.testid === "search-input"`); err != nil {
			t.Fatalf("%q: / did not focus the search box", c.query)
		}
		typeLetters(t, ctx, c.query)
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="search-input"]').value === %q && document.querySelectorAll('[data-testid="search-result"]').length > 0`, c.query)); err != nil {
			v, _ := evalJS[string](ctx, `document.querySelector('[data-testid="search-input"]').value`)
			t.Fatalf("%q: no results (the box holds %q)", c.query, v)
		}
		want := occurrences(findArticle, c.mentions...)
		var got []span
		var r firstResult
		// The results and the highlight follow the last letter; poll briefly.
		for range 40 {
			var err error
			if r, err = readFirstResult(ctx); err != nil {
				t.Fatal(err)
			}
			if got, err = highlightSpans(ctx, "gloss-hit"); err != nil {
				t.Fatal(err)
			}
			if r.Text == c.first && letters(r.Bold) == letters(c.query) && slices.Equal(got, want) {
				break
			}
			chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
		}
		if r.Text != c.first {
			t.Errorf("%q: first result %q, want %q", c.query, r.Text, c.first)
		}
		if letters(r.Bold) != letters(c.query) {
			t.Errorf("%q: emphasised letters %q in %q, want the query's letters", c.query, r.Bold, r.Text)
		}
		if c.query == "jean yves" && !slices.Contains(r.All, "Jean-Yves Le Drian") {
			t.Errorf("%q: results %q lack the whole name", c.query, r.All)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: highlighted %+v, want %+v", c.query, got, want)
			continue
		}

		// Enter steps forward through the mentions, Shift+Enter back,
		// wrapping around.
		current := func(when string, i int) {
			t.Helper()
			var cur []span
			for range 40 {
				cur, _ = highlightSpans(ctx, "gloss-current")
				if len(cur) == 1 && cur[0] == want[i] {
					return
				}
				chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
			}
			t.Errorf("%q after %s: current %+v, want %+v", c.query, when, cur, want[i])
		}
		press(t, ctx, kb.Enter)
		current("Enter", 0)
		press(t, ctx, kb.Enter)
		current("Enter Enter", 1)
		press(t, ctx, kb.Enter, chromedp.ModifierShift)
		current("Shift+Enter", 0)
		press(t, ctx, kb.Enter, chromedp.ModifierShift)
		current("Shift+Enter again", len(want)-1)
	}

	// Escape clears the query, the results and every highlight.
	press(t, ctx, kb.Escape)
	if _, err := pollJS[bool](ctx, `!CSS.highlights.has("gloss-hit") && !CSS.highlights.has("gloss-current") && document.querySelectorAll('[data-testid="search-result"]').length === 0 && document.querySelector('[data-testid="search-input"]').value === ""`); err != nil {
		st, _ := evalJS[string](ctx, `JSON.stringify({hit: CSS.highlights.has("gloss-hit"), cur: CSS.highlights.has("gloss-current"), results: document.querySelectorAll('[data-testid="search-result"]').length, value: document.querySelector('[data-testid="search-input"]').value})`)
		t.Errorf("Escape did not clear the search: %s", st)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// reviewStates reads the review list's items: their text and state.
func reviewStates(ctx context.Context) ([]string, error) {
	return evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="review-item"]')].map(li => li.querySelector("b").textContent + ":" + li.dataset.state)`)
}

// waitReview waits until the review list reads want.
func waitReview(t *testing.T, ctx context.Context, when string, want []string) {
	t.Helper()
	var got []string
	for range 100 {
		got, _ = reviewStates(ctx)
		if slices.Equal(got, want) {
			return
		}
		chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	t.Fatalf("%s: review list %q, want %q", when, got, want)
}

// labelled keeps the drawn annotations with one label, as spans.
func labelled(ms []mention, label string) []span {
	var out []span
	for _, m := range ms {
		if m.Label == label {
			out = append(out, span{Start: m.Start, End: m.End, Text: m.Text})
		}
	}
	return out
}

// TestBrowserAnnotateAll labels every mention of an entity through the
// review list: choose it in the entities panel, press A, reject one with N,
// accept the others with Y, apply with Enter; then the same from a search
// result with the button, changing the label with a digit. Ctrl+Z undoes
// each batch in one step.
func TestBrowserAnnotateAll(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, findArticle)

	// The entities panel lists François Hollande with his 4 mentions.
	item := `[data-testid="entity-item"][data-key="francois hollande"]`
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`!!document.querySelector(%q)`, item)); err != nil {
		keys, _ := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="entity-item"]')].map(e => e.dataset.key)`)
		t.Fatalf("no entity francois hollande in the panel: %q", keys)
	}
	info, err := evalJS[[]string](ctx, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return [e.dataset.label, e.querySelector('[data-testid="entity-count"]').textContent] })()`, item))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(info, []string{"PER", "4"}) {
		t.Errorf("entity francois hollande: label and count %q, want PER 4", info)
	}
	click(t, ctx, item)
	hollande := occurrences(findArticle, "François Hollande", "Hollande")
	if got, _ := highlightSpans(ctx, "gloss-hit"); !slices.Equal(got, hollande) {
		t.Errorf("clicking the entity highlighted %+v, want %+v", got, hollande)
	}
	typeKey(t, ctx, 'A')
	waitReview(t, ctx, "after A", []string{"Hollande:accepted", "François Hollande:accepted", "Hollande:accepted", "Hollande:accepted"})
	for _, k := range "ynyy" {
		typeKey(t, ctx, k)
	}
	waitReview(t, ctx, "after y n y y", []string{"Hollande:accepted", "François Hollande:rejected", "Hollande:accepted", "Hollande:accepted"})
	press(t, ctx, kb.Enter)
	got := waitCount(t, ctx, 3)
	want := []span{hollande[0], hollande[2], hollande[3]}
	if l := labelled(got, "PER"); !slices.Equal(l, want) {
		t.Errorf("annotated %+v, want PER on %+v", got, want)
	}
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="review"]') && !CSS.highlights.has("gloss-review")`); err != nil {
		t.Error("the review list or its highlight stayed after applying")
	}

	// Damascus from a search result, with the button, as LOC (3).
	typeKey(t, ctx, '/')
	typeLetters(t, ctx, "damscus")
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="search-result-text"]')||{}).textContent === "Damascus"`); err != nil {
		t.Fatal("no Damascus result")
	}
	click(t, ctx, `[data-testid="search-result"]`)
	click(t, ctx, `[data-testid="annotate-all"]`)
	waitReview(t, ctx, "annotate all Damascus", []string{"Damascus:accepted", "Damascus:accepted", "Damascus:accepted"})
	typeKey(t, ctx, '3')
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="review"] strong').textContent.endsWith(" as LOC")`); err != nil {
		s, _ := evalJS[string](ctx, `document.querySelector('[data-testid="review"] strong').textContent`)
		t.Errorf("3 in the review list: title %q, want the label LOC", s)
	}
	click(t, ctx, `[data-testid="review-apply"]`)
	got = waitCount(t, ctx, 6)
	if l := labelled(got, "LOC"); !slices.Equal(l, occurrences(findArticle, "Damascus")) {
		t.Errorf("annotated %+v, want LOC on every Damascus", got)
	}

	// One Ctrl+Z per batch.
	if _, err := chromedp.Run(ctx, chromedp.Blur(chromedp.CSS(`[data-testid="search-input"]`))); err != nil {
		t.Fatal(err)
	}
	press(t, ctx, "z", chromedp.ModifierCtrl)
	waitCount(t, ctx, 3)
	press(t, ctx, "z", chromedp.ModifierCtrl)
	waitCount(t, ctx, 0)
	press(t, ctx, "z", chromedp.ModifierCtrl|chromedp.ModifierShift)
	if l := labelled(waitCount(t, ctx, 3), "PER"); !slices.Equal(l, want) {
		t.Errorf("after redo %+v, want PER on %+v", l, want)
	}

	// Cancel leaves everything as it was.
	click(t, ctx, item)
	typeKey(t, ctx, 'A')
	waitReview(t, ctx, "A again", []string{"François Hollande:accepted"})
	press(t, ctx, kb.Escape)
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="review"]')`); err != nil {
		t.Error("Escape did not close the review list")
	}
	waitCount(t, ctx, 3)
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// installDownloadTrap replaces window.gloss.download (the app's one way to
// save a file) with a recorder, so a test reads what would be downloaded.
func installDownloadTrap(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `(window.__downloads = [], window.gloss.download = (name, type, data) => { window.__downloads.push({name, type, data}) }, true)`); err != nil {
		t.Fatal(err)
	}
}

// download is one file the app saved.
type download struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Data string `json:"data"`
}

// takeDownloads waits for n files saved since the last call and returns them.
func takeDownloads(t *testing.T, ctx context.Context, n int) []download {
	t.Helper()
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`window.__downloads && window.__downloads.length >= %d`, n)); err != nil {
		msg, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent || ""`)
		t.Fatalf("waiting for %d download(s): %v (message %q)", n, err, msg)
	}
	got, err := evalJS[[]download](ctx, `window.__downloads.splice(0)`)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// upload writes body to a temporary file and picks it in the file input.
func upload(t *testing.T, ctx context.Context, testid, name, body string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	sel := fmt.Sprintf(`[data-testid=%q]`, testid)
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(sel), []string{p})); err != nil {
		t.Fatalf("uploading %s to %s: %v", name, sel, err)
	}
}

// waitSpans waits until a CSS highlight covers exactly want.
func waitSpans(t *testing.T, ctx context.Context, when, name string, want []span) {
	t.Helper()
	var got []span
	for range 100 {
		got, _ = highlightSpans(ctx, name)
		if slices.Equal(got, want) {
			return
		}
		chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	t.Errorf("%s: highlight %s covers %+v, want %+v", when, name, got, want)
}

// waitEntityLabel waits until the entities panel shows the entity with key
// carrying label.
func waitEntityLabel(t *testing.T, ctx context.Context, when, key, label string) {
	t.Helper()
	sel := fmt.Sprintf(`[data-testid="entity-item"][data-key=%q]`, key)
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`(document.querySelector(%q)||{dataset:{}}).dataset.label === %q`, sel, label)); err != nil {
		got, _ := evalJS[string](ctx, fmt.Sprintf(`JSON.stringify([...document.querySelectorAll('[data-testid="entity-item"]')].map(e => e.dataset.key + "=" + e.dataset.label))`))
		t.Errorf("%s: entity %q not labelled %s: %s", when, key, label, got)
	}
}

// A second article naming the ship, with the jihadist group under two of
// its aliases and the word "is", which the alias IS must not match.
const gazetteerArticle = `Carrier heads east

The Charles de Gaulle sailed from Toulon on Wednesday. ISIS fighters retreated and Daesh lost ground, officials said.

The Charles de Gaulle is expected off Syria next week.`

// TestBrowserGazetteer adds labelled names to the gazetteer (from the
// message after labelling and from the editor), sees them suggested in
// another article and after a reload, imports a CSV with aliases and
// exports the gazetteer back.
func TestBrowserGazetteer(t *testing.T) {
	ctx, base, cons := openApp(t)
	pasteArticle(t, ctx, findArticle)

	// Label the ship MISC (4); the message offers the gazetteer.
	dragSelect(t, ctx, "Charles de Gaulle", 0, 0, 0)
	press(t, ctx, "4")
	waitCount(t, ctx, 1)
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="message-action"]')||{}).textContent === "Add to gazetteer"`); err != nil {
		msg, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="message"]')||{}).textContent || ""`)
		t.Fatalf("no Add to gazetteer offer after labelling (message %q)", msg)
	}
	click(t, ctx, `[data-testid="message-action"]`)
	// Every mention in this article is now suggested in MISC's colour.
	waitSpans(t, ctx, "first article", "gloss-s3", occurrences(findArticle, "Charles de Gaulle"))

	// Toulon as LOC (3), added from the annotation editor.
	dragSelect(t, ctx, "Toulon", 0, 0, 0)
	press(t, ctx, "3")
	waitCount(t, ctx, 2)
	click(t, ctx, `[data-testid="annotation"][data-label="LOC"]`)
	click(t, ctx, `[data-testid="annotation-gazetteer"]`)
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="gazetteer"] h2').textContent === "Gazetteer 2 names"`); err != nil {
		h, _ := evalJS[string](ctx, `document.querySelector('[data-testid="gazetteer"] h2').textContent`)
		t.Fatalf("gazetteer heading %q, want 2 names", h)
	}

	// Another article: both names are suggested with their labels.
	pasteArticle(t, ctx, gazetteerArticle)
	check := func(when string) {
		t.Helper()
		waitSpans(t, ctx, when, "gloss-s3", occurrences(gazetteerArticle, "Charles de Gaulle"))
		waitSpans(t, ctx, when, "gloss-s2", occurrences(gazetteerArticle, "Toulon"))
		waitEntityLabel(t, ctx, when, "charles de gaulle", "MISC")
		waitEntityLabel(t, ctx, when, "toulon", "LOC")
	}
	check("second article")
	// The panel's items were first drawn for the first article: a click
	// must choose this article's entity.
	click(t, ctx, `[data-testid="entity-item"][data-key="toulon"]`)
	waitSpans(t, ctx, "clicking Toulon in the second article", "gloss-hit", occurrences(gazetteerArticle, "Toulon"))
	press(t, ctx, kb.Escape)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	check("after reload")

	// Import a CSV with aliases: ISIS and Daesh are suggested as ORG (2),
	// the word "is" is not.
	upload(t, ctx, "gazetteer-import", "groups.csv", "\"Islamic State\",ORG,\"IS|ISIS|ISIL|Daesh\"\n")
	waitSpans(t, ctx, "after the CSV import", "gloss-s1", occurrences(gazetteerArticle, "ISIS", "Daesh"))
	check("after the CSV import")

	// A broken CSV is refused with the line and changes nothing.
	upload(t, ctx, "gazetteer-import", "broken.csv", "name,label,aliases\nParis,LOC\n\"Lyon,LOC\n")
	if _, err := pollJS[bool](ctx, `/line \d/.test(document.querySelector('[data-testid="message"]').textContent) && document.querySelector('[data-testid="message"]').textContent.includes("unchanged")`); err != nil {
		msg, _ := evalJS[string](ctx, `document.querySelector('[data-testid="message"]').textContent`)
		t.Errorf("broken CSV: message %q, want the line and that nothing changed", msg)
	}

	// Export: the CSV holds the three entries.
	installDownloadTrap(t, ctx)
	click(t, ctx, `[data-testid="gazetteer-export-csv"]`)
	dl := takeDownloads(t, ctx, 1)
	if dl[0].Name != "gazetteer.csv" {
		t.Errorf("exported file %q, want gazetteer.csv", dl[0].Name)
	}
	recs, err := csv.NewReader(strings.NewReader(dl[0].Data)).ReadAll()
	if err != nil {
		t.Fatalf("exported CSV %q: %v", dl[0].Data, err)
	}
	var lines []string
	for _, r := range recs {
		lines = append(lines, strings.Join(r, ","))
	}
	slices.Sort(lines)
	want := []string{"Charles de Gaulle,MISC,", "Islamic State,ORG,IS|ISIS|ISIL|Daesh", "Toulon,LOC,", "name,label,aliases"}
	if !slices.Equal(lines, want) {
		t.Errorf("exported CSV %q, want %q", lines, want)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserHelp presses ? and finds every action's shortcut listed;
// Escape closes the overlay.
func TestBrowserHelp(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, findArticle)
	before, err := evalJS[string](ctx, `document.activeElement.id`)
	if err != nil || before == "" {
		t.Fatalf("nothing with an id has the focus before the help opens (%q, %v)", before, err)
	}
	typeKey(t, ctx, '?')
	const overlay = `[data-testid="help"][role="dialog"]`
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`!!document.querySelector(%q)`, overlay)); err != nil {
		t.Fatal("? did not show the shortcuts")
	}
	// The dialog takes the focus, and gives it back when it closes.
	if _, err := pollJS[bool](ctx, `document.activeElement.id === "help-dialog"`); err != nil {
		t.Error("the open help does not have the focus")
	}
	rows, err := evalJS[[]string](ctx, fmt.Sprintf(`[...document.querySelectorAll('%s tr')].map(tr => tr.textContent)`, overlay))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.ToLower(strings.Join(rows, "\n"))
	for _, want := range []string{"label the selected text", "undo", "redo", "search", "choose a result",
		"next / previous mention", "escape", "annotate all", "accept / reject", "entities panel", "gazetteer", "?"} {
		if !strings.Contains(all, want) {
			t.Errorf("the shortcuts do not mention %q:\n%s", want, strings.Join(rows, "\n"))
		}
	}
	press(t, ctx, kb.Escape)
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`!document.querySelector(%q)`, overlay)); err != nil {
		t.Error("Escape did not close the shortcuts")
	}
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.activeElement.id === %q`, before)); err != nil {
		got, _ := evalJS[string](ctx, `document.activeElement.id`)
		t.Errorf("the focus went to %q after the help closed, not back to %q", got, before)
	}
}
