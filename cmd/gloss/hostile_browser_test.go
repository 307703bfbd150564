package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// payload is one hostile string and the vector it tries.
type payload struct {
	vector string
	s      string
}

// hostilePayloads are our own: every one would set window.__pwned or call
// alert/confirm/prompt if the page ever parsed it as HTML, CSS or a URL.
// Short ones (≤ 40 bytes, one line) double as label names.
var hostilePayloads = []payload{
	{"script", `<script>window.__pwned=1</script>`},
	{"script", `<SCRIPT SRC=data:text/javascript,window.__pwned=1></SCRIPT>`},
	{"script", `<scr<script>ipt>window.__pwned=1</script>`},
	{"script", `</textarea><script>window.__pwned=1</script>`},
	{"script", `</title><script>alert(1)</script>`},
	{"script", `"><script>prompt(1)</script>`},
	{"script", `'';!--"<XSS>=&{()}`},
	{"script", `<script>confirm(1)</script>`},
	{"on*", `<img src=x onerror=window.__pwned=1>`},
	{"on*", `<img src=x onerror="alert(1)">`},
	{"on*", `<body onload=window.__pwned=1>`},
	{"on*", `<svg onload=window.__pwned=1>`},
	{"on*", `<details open ontoggle=window.__pwned=1>`},
	{"on*", `<input autofocus onfocus=window.__pwned=1>`},
	{"on*", `<video><source onerror=window.__pwned=1>`},
	{"on*", `<marquee onstart=window.__pwned=1>x</marquee>`},
	{"on*", `" onmouseover="window.__pwned=1" x="`},
	{"on*", `' autofocus onfocus='window.__pwned=1' x='`},
	{"on*", `<div style="width:100%;height:100%" onmouseover=alert(1)>`},
	{"on*", `<audio src=x onerror=window.__pwned=1>`},
	{"style", `<style>@import "javascript:window.__pwned=1";</style>`},
	{"style", `<style>*{background:url("javascript:alert(1)")}</style>`},
	{"style", `<div style="background:url(javascript:alert(1))">x</div>`},
	{"style", `red;--c:url(javascript:alert(1))`},
	{"style", `</style><img src=x onerror=window.__pwned=1>`},
	{"iframe", `<iframe src="javascript:window.top.__pwned=1"></iframe>`},
	{"iframe", `<iframe srcdoc="<script>parent.__pwned=1</script>">`},
	{"iframe", `<iframe src=data:text/html,<script>alert(1)</script>>`},
	{"object", `<object data="javascript:window.__pwned=1"></object>`},
	{"object", `<embed src="javascript:window.__pwned=1">`},
	{"object", `<object data=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>`},
	{"url", `javascript:window.__pwned=1`},
	{"url", `<a href="javascript:window.__pwned=1">click</a>`},
	{"url", `<a href="JaVaScRiPt:alert(1)">x</a>`},
	{"url", `<a href="java&#x09;script:alert(1)">x</a>`},
	{"url", `<a href=data:text/html,<script>alert(1)</script>>x</a>`},
	{"url", `<form action=javascript:alert(1)><button>go`},
	{"url", `<math href="javascript:alert(1)">CLICKME</math>`},
	{"url", `<meta http-equiv="refresh" content="0;javascript:alert(1)">`},
	{"url", `<base href="javascript:alert(1)//">`},
	{"svg", `<svg><script>window.__pwned=1</script></svg>`},
	{"svg", `<svg><animate onbegin=window.__pwned=1 attributeName=x>`},
	{"svg", `<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`},
	{"svg", `<svg><foreignObject><iframe srcdoc="<script>parent.__pwned=1</script>"></foreignObject></svg>`},
	{"svg", `<svg><set attributeName=onload to=alert(1)>`},
	{"svg", `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`},
	{"template", `{{constructor.constructor('window.__pwned=1')()}}`},
	{"template", `${window.__pwned=1}`},
	{"template", "`${alert(1)}`"},
	{"template", `<%= window.__pwned=1 %>`},
	{"proto", `__proto__`},
	{"proto", `constructor`},
	{"proto", `{"__proto__":{"polluted":1}}`},
	{"markdown", `[x](javascript:window.__pwned=1)`},
	{"markdown", `![x](x" onerror="window.__pwned=1)`},
	{"markdown", `<javascript:alert(1)>`},
	{"text", "\u202Eevil\u202C right-to-left override"},
	{"text", "zero\u200Bwidth\uFEFFbom\u0000nul"},
	{"text", `&lt;script&gt;window.__pwned=1&lt;/script&gt;`},
	{"text", `%3Cscript%3Ewindow.__pwned=1%3C/script%3E`},
	{"text", `\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e`},
	{"text", "<!--<script>-->window.__pwned=1<!--</script>-->"},
	{"text", `<![CDATA[<script>window.__pwned=1</script>]]>`},
}

// shownText is how a payload looks in the page: Gloss normalises NUL (and
// other C0 controls but tab and newline) away from article text.
func shownText(s string) string { return strings.ReplaceAll(s, "\x00", "") }

// trapScript runs before any page script: it records any dialog or any
// payload's assignment in window.__pwned.
const trapScript = `(() => {
	window.__pwned = 0;
	const trap = (name) => function (m) { window.__pwned = name + ":" + m; };
	window.alert = trap("alert"); window.confirm = trap("confirm"); window.prompt = trap("prompt");
	document.addEventListener("securitypolicyviolation", (e) => {
		(window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective);
	});
})()`

// armTrap installs trapScript in every document the tab loads from now on;
// with bypassCSP the page's Content-Security-Policy is ignored, so what is
// tested is Gloss's own escaping, not the policy behind it.
func armTrap(t *testing.T, ctx context.Context, bypassCSP bool) {
	t.Helper()
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if bypassCSP {
			if _, err := cdp.Call(ctx, tg, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
				return chromedp.Void{}, err
			}
		}
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trapScript})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkTrap fails the test if a payload ran or dangerous markup reached the DOM.
func checkTrap(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	pwned, err := evalJS[string](ctx, `String(window.__pwned)`)
	if err != nil {
		t.Fatal(err)
	}
	if pwned != "0" {
		t.Fatalf("%s: a payload ran: window.__pwned = %q", when, pwned)
	}
	// Markup a payload could only have brought in: inline handlers,
	// frames, objects, SVG, javascript: or data: links, scripts without src
	// (but the page's own: the service worker's copy of the page holds
	// wasm-start.js inlined in the head, allowed by its hash).
	bad, err := evalJS[[]string](ctx, `(() => {
		const out = [];
		const own = document.head.querySelector("script[data-wasm]");
		for (const el of document.querySelectorAll("*")) {
			for (const a of el.attributes) {
				if (/^on/i.test(a.name)) out.push(el.tagName + " " + a.name);
				if (/^(href|src|action|data|formaction|xlink:href|srcdoc)$/i.test(a.name) && /^\s*(javascript|data:text)/i.test(a.value)) out.push(el.tagName + " " + a.name + "=" + a.value);
			}
			if (/^(IFRAME|OBJECT|EMBED|FRAME|BASE|svg|math|FORM|XSS|MARQUEE|DETAILS|VIDEO|AUDIO)$/.test(el.tagName) && !el.closest("head")) out.push(el.tagName);
			if (el.tagName === "SCRIPT" && !el.src && el !== own) out.push("inline SCRIPT " + el.textContent.slice(0, 40));
			if (el.tagName === "STYLE" && !el.closest("head")) out.push("STYLE in body");
		}
		return out;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Fatalf("%s: hostile markup in the DOM: %q", when, bad)
	}
}

// hostileBackup builds a gloss-backup with every payload as an article
// title, as a paragraph of one article (labelled, with the payload as its
// note), as a label name where short enough and as a gazetteer entry.
func hostileBackup(t *testing.T) (data []byte, labels []string) {
	t.Helper()
	type ann struct {
		ID    string `json:"id"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
		Text  string `json:"text"`
		Note  string `json:"note,omitempty"`
	}
	type article struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		Created     int64  `json:"created"`
		Updated     int64  `json:"updated"`
		Text        string `json:"text"`
		Annotations []ann  `json:"annotations"`
	}
	type label struct {
		Name  string `json:"name"`
		Color string `json:"color"`
	}
	type entry struct {
		Name  string `json:"name"`
		Label string `json:"label"`
	}
	var ls []label
	for _, p := range hostilePayloads {
		if len(p.s) <= 40 && !strings.ContainsAny(p.s, "\t\n\r\x00") && strings.TrimSpace(p.s) == p.s {
			ls = append(ls, label{p.s, fmt.Sprintf("#%06x", 0x102030+len(ls)*0x010101)})
			labels = append(labels, p.s)
		}
	}
	all := article{ID: "all", Title: "All payloads", Created: 1, Updated: 2}
	var articles []article
	var ents []entry
	pos := 0
	for i, p := range hostilePayloads {
		s := shownText(p.s)
		if i > 0 {
			all.Text += "\n\n"
			pos += 2
		}
		all.Text += s
		n := len([]rune(s))
		id := fmt.Sprintf("h%d", i)
		if p.s == "__proto__" || p.s == "constructor" {
			id = p.s // an annotation ID that is a prototype key
		}
		all.Annotations = append(all.Annotations, ann{ID: id, Start: pos, End: pos + n, Label: labels[i%len(labels)], Text: s, Note: p.s})
		pos += n
		articles = append(articles, article{ID: fmt.Sprintf("t%d", i), Title: p.s, Created: 1, Updated: 1, Text: fmt.Sprintf("Nothing here (%d).", i)}) // distinct: one text is one article
		ents = append(ents, entry{Name: p.s, Label: labels[i%len(labels)]})
	}
	articles = append(articles, all) // restored last, so it is the newest? no: by Updated
	b, err := json.Marshal(map[string]any{
		"format": "gloss-backup", "version": 1, "created": 3,
		"articles": articles, "labels": ls,
		"gazetteer": map[string]any{"entries": ents},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, labels
}

// TestBrowserHostilePayloads restores a backup carrying every payload as a
// title, article text, label name, note and gazetteer entry, then types
// some through the UI, with the page's CSP bypassed: nothing may run, and
// everything shows verbatim.
func TestBrowserHostilePayloads(t *testing.T) {
	if len(hostilePayloads) < 50 {
		t.Fatalf("only %d payloads", len(hostilePayloads))
	}
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	// Wide enough for the library column, whose list scrolls and draws the rows in view.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	armTrap(t, ctx, true)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	backup, labels := hostileBackup(t)
	file := filepath.Join(t.TempDir(), "hostile-backup.json")
	if err := os.WriteFile(file, backup, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="restore-input"]`), []string{file})); err != nil {
		t.Fatal(err)
	}
	n := len(hostilePayloads) + 1
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="library-counts"]').textContent.includes(" of %d ")`, n)); err != nil {
		msg, _ := evalJS[string](ctx, `document.querySelector('[data-testid="message"]').textContent`)
		t.Fatalf("the hostile backup was not restored (%d articles expected); message: %q", n, msg)
	}
	checkTrap(t, ctx, "after restoring")

	// Titles, verbatim, in the library.
	rows := scrollLibrary(t, ctx, n)
	have := map[string]bool{}
	for _, s := range rows {
		have[s] = true
	}
	for _, p := range hostilePayloads {
		if !have[p.s] && !have[strings.TrimSpace(p.s)] {
			t.Errorf("title %q not shown verbatim", p.s)
		}
	}

	// The article: every paragraph is its payload, every mark carries its note.
	if _, err := pollJS[bool](ctx, `(() => { const l = document.querySelector('[data-testid="library"]'); for (const li of l.querySelectorAll('[data-testid="library-item"]')) if (li.dataset.id.startsWith("all")) { li.querySelector('[data-testid="library-title"]').click(); return true } l.scrollTop -= l.clientHeight / 2; return false })()`); err != nil {
		t.Fatal("the restored article is not in the library:", err)
	}
	waitParagraphs(t, ctx)
	got := waitCount(t, ctx, len(hostilePayloads))
	paras, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="article"] p')].map(p => p.textContent)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(paras) != len(hostilePayloads) {
		t.Fatalf("%d paragraphs, want %d", len(paras), len(hostilePayloads))
	}
	notes, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="article"] [data-testid="annotation"]')].map(m => m.title)`)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range hostilePayloads {
		if paras[i] != shownText(p.s) {
			t.Errorf("paragraph %d = %q, want %q", i, paras[i], shownText(p.s))
		}
		if got[i].Text != shownText(p.s) || got[i].Label != labels[i%len(labels)] {
			t.Errorf("annotation %d = %+v", i, got[i])
		}
		if i < len(notes) && notes[i] != p.s {
			t.Errorf("note %d = %q, want %q", i, notes[i], p.s)
		}
	}
	names, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="label-button"]')].map(b => b.dataset.label)`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains("\x00"+strings.Join(names, "\x00")+"\x00", "\x00"+strings.Join(labels, "\x00")+"\x00") {
		t.Errorf("label names %q, want %q among them", names, labels)
	}
	// Open the editor of a few annotations: the note shows in the textarea.
	for _, i := range []int{0, 8, 25, 50} {
		// A click on the mark itself: the centre of a mark wrapped over
		// two lines may fall beside its text.
		id, err := evalJS[string](ctx, fmt.Sprintf(`(() => { const m = document.querySelector('[data-testid="annotation"][data-start="%d"]'); m.click(); return m.dataset.id })()`, got[i].Start))
		if err != nil {
			t.Fatal(err)
		}
		v, err := pollJS[string](ctx, fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid="annotation-editor"]'); return e && e.dataset.id === %s && e.querySelector('[data-testid="note-input"]').value })()`, jsQuote(id)))
		if err != nil || v != hostilePayloads[i].s {
			ed, _ := evalJS[string](ctx, `(() => { const e = document.querySelector('[data-testid="annotation-editor"]'); return e ? e.dataset.id + " " + e.outerHTML.slice(0, 300) : "no editor" })()`)
			t.Logf("annotation id %q; editor: %s", id, ed)
			t.Errorf("editor of %d shows note %q, want %q (%v)", i, v, hostilePayloads[i].s, err)
		}
	}
	checkTrap(t, ctx, "after opening the article")

	// Through the UI: a title, a label name and a note typed in.
	setValue := func(sel, v, event string) {
		t.Helper()
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`!!document.querySelector(%s)`, jsQuote(sel))); err != nil {
			t.Fatalf("no %s: %v", sel, err)
		}
		js := fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.value = %s; e.dispatchEvent(new Event(%q, {bubbles: true})); return true })()`, jsQuote(sel), jsQuote(v), event)
		if _, err := evalJS[bool](ctx, js); err != nil {
			t.Fatalf("setting %s: %v", sel, err)
		}
	}
	title := `<img src=x onerror=window.__pwned=1>"><svg onload=alert(1)>`
	setValue(`[data-testid="title-input"]`, title, "change")
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="library-title"]')].some(e => e.textContent === %s)`, jsQuote(title))); err != nil {
		t.Errorf("typed title not shown verbatim: %v", err)
	}
	click(t, ctx, `[data-testid="edit-labels"]`)
	lname := `<svg/onload=window.__pwned=1>`
	setValue(`[data-testid="new-label-name"]`, lname, "input")
	click(t, ctx, `[data-testid="add-label"]`)
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="label-name"]')].some(e => e.value === %s)`, jsQuote(lname))); err != nil {
		t.Errorf("typed label name not kept verbatim: %v", err)
	}
	click(t, ctx, `[data-testid="edit-labels"]`)
	if _, err := evalJS[bool](ctx, fmt.Sprintf(`(document.querySelector('[data-testid="annotation"][data-start="%d"]').click(), true)`, got[3].Start)); err != nil {
		t.Fatal(err)
	}
	note := `</textarea><script>window.__pwned=1</script><img src=x onerror=alert(1)>`
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="annotation-editor"][data-id="h3"] [data-testid="note-input"]')`); err != nil {
		t.Fatal(err)
	}
	setValue(`[data-testid="note-input"]`, note, "change")
	if _, err := pollJS[bool](ctx, fmt.Sprintf(`document.querySelector('[data-testid="annotation"][data-start="%d"]').title === %s`, got[3].Start, jsQuote(note))); err != nil {
		who, _ := evalJS[string](ctx, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="annotation"]')].filter(m => m.title === %s).map(m => m.dataset.id).join(",") + " / editor " + document.querySelector('[data-testid="annotation-editor"]').dataset.id + " value " + document.querySelector('[data-testid="note-input"]').value`, jsQuote(note)))
		t.Errorf("typed note not kept verbatim on h3 (found on %s): %v", who, err)
	}
	checkTrap(t, ctx, "after typing payloads")

	// Pasted: payloads as plain text (HTML-looking pastes may be extracted).
	var paste strings.Builder
	paste.WriteString("Hostile paste\n\n")
	for _, p := range hostilePayloads {
		paste.WriteString(p.s + "\n\n")
	}
	pasteArticle(t, ctx, paste.String())
	checkTrap(t, ctx, "after pasting payloads")

	// Reloaded: everything comes back from storage, still inert.
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	checkTrap(t, ctx, "after reload")
}

// hostileHTML is an uploaded page trying every HTML vector at once; only
// its prose may survive extraction.
const hostileHTML = `<!doctype html><html><head><meta charset="utf-8"><title>Hostile &lt;page&gt;</title>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">
<base href="javascript:window.__pwned=1//">
<script>window.__pwned=1</script><script src="data:text/javascript,window.__pwned=1"></script>
<style>body{background:url("javascript:window.__pwned=1")}</style>
<link rel="stylesheet" href="javascript:window.__pwned=1">
</head><body onload="window.__pwned=1">
<article><h1 onclick="window.__pwned=1">Hostile page</h1>
<p onmouseover="window.__pwned=1">The minister met officials in Paris <img src=x onerror="window.__pwned=1">on Monday.</p>
<p>Read <a href="javascript:window.__pwned=1">this</a> and <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">that</a> before Tuesday.</p>
<iframe src="javascript:window.top.__pwned=1"></iframe><iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>
<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">
<svg onload="window.__pwned=1"><script>window.__pwned=1</script><foreignObject><img src=x onerror="window.__pwned=1"></foreignObject></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>
<noscript><img src=x onerror="window.__pwned=1"></noscript>
<template><img src=x onerror="window.__pwned=1"></template>
<p>Talks &lt;script&gt;window.__pwned=1&lt;/script&gt; continue in Berlin.</p>
<form action="javascript:window.__pwned=1"><button formaction="javascript:window.__pwned=1">Go</button></form>
</article></body></html>`

// TestBrowserHostileHTML uploads a page made of every HTML vector: the
// prose is kept, escaped text stays text, and nothing runs.
func TestBrowserHostileHTML(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	armTrap(t, ctx, true)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "hostile.html")
	if err := os.WriteFile(file, []byte(hostileHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="file-input"]`), []string{file})); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	body, err := evalJS[string](ctx, `document.querySelector('[data-testid="article"]').innerText`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The minister met officials in Paris on Monday.", "Read this and that before Tuesday.", "Talks <script>window.__pwned=1</script> continue in Berlin."} {
		if !strings.Contains(body, want) {
			t.Errorf("article %q lacks %q", body, want)
		}
	}
	if strings.Contains(body, "background:url") || strings.Contains(body, "parent.__pwned") {
		t.Errorf("style or frame source leaked into the text: %q", body)
	}
	title, _ := evalJS[string](ctx, `document.querySelector('[data-testid="title-input"]').value`)
	if title != "Hostile <page>" && title != "Hostile page" {
		t.Errorf("title = %q", title)
	}
	checkTrap(t, ctx, "after uploading hostile HTML")
}

// TestBrowserCSP checks the built page carries the Content-Security-Policy
// and that it stops markup injected into the DOM from running.
func TestBrowserCSP(t *testing.T) {
	dir := buildSite(t, "")
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `http-equiv="Content-Security-Policy"`) || !strings.Contains(string(page), "script-src 'self'") {
		t.Fatal("the built index.html has no Content-Security-Policy with script-src 'self'")
	}
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	armTrap(t, ctx, false)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	// Runtime.evaluate itself is exempt from CSP; what it inserts is not.
	_, err = evalJS[bool](ctx, `(() => {
		const s = document.createElement("script");
		s.textContent = "window.__pwned = 'inline script'";
		document.body.appendChild(s);
		const d = document.createElement("div");
		d.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned=\'onload\'" onerror="window.__pwned=\'onerror\'"><a id="jsurl" href="javascript:window.__pwned=\'javascript url\'">x</a>';
		document.body.appendChild(d);
		document.getElementById("jsurl").click();
		const f = document.createElement("script");
		f.src = "data:text/javascript,window.__pwned='data script'";
		document.body.appendChild(f);
		return true;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	v, err := pollJS[[]string](ctx, `window.__cspViolations && window.__cspViolations.length >= 3 && window.__cspViolations`)
	if err != nil {
		t.Fatalf("no CSP violations reported: %v", err)
	}
	t.Logf("CSP violations: %q", v)
	pwned, _ := evalJS[string](ctx, `String(window.__pwned)`)
	if pwned != "0" {
		t.Fatalf("injected markup ran despite the CSP: %s", pwned)
	}
	// Clean up what we injected so checkTrap sees only the app.
	if _, err := evalJS[bool](ctx, `(() => { for (const s of document.querySelectorAll("body > script:not([src]), body > script[src^=data], #jsurl")) s.remove(); document.getElementById("jsurl")?.parentNode?.remove(); return true })()`); err != nil {
		t.Fatal(err)
	}
}

// jsQuote quotes s as a JavaScript string literal.
func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// scrollLibrary scrolls the library list, which draws only the rows in view,
// from top to bottom and returns the title of every one of its n articles by ID.
func scrollLibrary(t *testing.T, ctx context.Context, n int) map[string]string {
	t.Helper()
	rows := map[string]string{}
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="library"]').scrollTop = 0, true)`); err != nil {
		t.Fatal(err)
	}
	// covered: the rows drawn fill the list's box, as a person scrolling sees it.
	const covered = `(l => { const r = l.getBoundingClientRect(), items = l.querySelectorAll('[data-testid="library-item"]');
		if (!items.length) return false;
		const a = items[0].getBoundingClientRect(), b = items[items.length - 1].getBoundingClientRect();
		return a.top <= r.top + 1 && (b.bottom >= r.bottom - 1 || l.scrollTop + l.clientHeight >= l.scrollHeight - 1) })(document.querySelector('[data-testid="library"]'))`
	for i := 0; i < 4*n && len(rows) < n; i++ {
		if _, err := pollJS[bool](ctx, covered); err != nil {
			t.Fatalf("the library list left part of its box empty after scrolling: %v", err)
		}
		seen, err := evalJS[[][2]string](ctx, `[...document.querySelectorAll('[data-testid="library-item"]')].map(li => [li.dataset.id, li.querySelector('[data-testid="library-title"]').textContent])`)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range seen {
			rows[r[0]] = r[1]
		}
		if _, err := evalJS[bool](ctx, `(l => (l.scrollTop += Math.max(1, l.clientHeight / 3), true))(document.querySelector('[data-testid="library"]'))`); err != nil {
			t.Fatal(err)
		}
	}
	if len(rows) < n {
		ids := make([]string, 0, len(rows))
		for id := range rows {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		t.Fatalf("scrolling the library showed %d of %d articles: %q", len(rows), n, ids)
	}
	return rows
}
