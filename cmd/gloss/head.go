package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// How the page's head is ordered for a fast start (traced, Chromium 156):
//
//   - The Content-Security-Policy <meta> turns Chromium's preload scanner
//     off for the page ("don't preload anything if a CSP meta tag is
//     found"). The head's plain scripts were then each requested only once
//     the one before had run: boot.js after wasm-start.js, gloss.js after
//     boot.js. On a warm visit gloss.js came ~110 ms after the page, behind
//     app.wasm's intake, and the parse (and with it app.js, Go's start)
//     waited for it.
//   - go-app writes the style sheets before the scripts, and a plain script
//     after a style sheet runs only once the sheet is in: web/wasm-start.js,
//     which starts app.wasm's download and compile, waited for them.
//
// So every style sheet and script of the head is preloaded by a <link> the
// parser meets first (the parser, not the scanner, starts those), then
// comes wasm-start.js, inlined (inlineStart): it runs as the parser meets
// it, before the style sheets it would otherwise wait for, without a
// request of its own. Before them all, app.wasm is preloaded, on a first
// visit only (below). The policy stays where go-app writes it, after them:
// a <meta> policy applies to what follows it, and they are all the site's
// own files, which it allows; the inlined script is allowed by its hash,
// in the <meta> and in the header `gloss serve` sends (scriptHashes).
var (
	wasmStartScript = regexp.MustCompile(`<script [^>]*\bsrc="([^"]*/web/wasm-start\.js)"[^>]*></script>\s*`)
	charsetMeta     = regexp.MustCompile(`<meta charset="[^"]*">\s*`)
	headScript      = regexp.MustCompile(`<script [^>]*\bsrc="([^"]+)"[^>]*>`)
	headStyle       = regexp.MustCompile(`<link [^>]*\brel="stylesheet"[^>]*>`)
	hrefAttr        = regexp.MustCompile(`\bhref="([^"]+)"`)
)

// startWasmFirst reorders the head of the pages go-app wrote in dir (the
// top-level .html files) as above, with script (web/wasm-start.js's text)
// inlined. It fails when index.html has no wasm-start.js script after a
// charset (go-app changed how it writes the head): the start would
// silently wait again.
func startWasmFirst(dir string, script []byte) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	body, err := inlineStart(script)
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s, ok := reorderHead(string(b), body)
		if !ok {
			if filepath.Base(p) == "index.html" {
				return fmt.Errorf("%s: no wasm-start.js script after the charset to move; update cmd/gloss/head.go", p)
			}
			continue
		}
		if s, err = allowInline(s); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// inlineStart returns wasm-start.js's text as the page holds it: without
// its comment lines (every page carries it; its comments are for the
// source), and refused if it could end the script element early.
func inlineStart(script []byte) (string, error) {
	var b strings.Builder
	for _, l := range strings.SplitAfter(string(script), "\n") {
		if t := strings.TrimSpace(l); t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		b.WriteString(l)
	}
	s := b.String()
	if low := strings.ToLower(s); strings.Contains(low, "</script") || strings.Contains(low, "<!--") {
		return "", fmt.Errorf("wasm-start.js holds </script or <!--: it cannot be inlined")
	}
	return s, nil
}

// reorderHead returns page with its head ordered as above and body as the
// inlined wasm-start.js, or false when it has no wasm-start.js script after
// its charset.
func reorderHead(page, body string) (string, bool) {
	end := strings.Index(page, "</head>")
	script := wasmStartScript.FindStringIndex(page)
	charset := charsetMeta.FindStringIndex(page)
	if end < 0 || script == nil || charset == nil || charset[1] > script[0] || script[1] > end {
		return page, false
	}
	rest := page[charset[1]:script[0]] + page[script[1]:]
	head := rest[:strings.Index(rest, "</head>")]
	// The indentation go-app gives the head's elements.
	indent := page[strings.LastIndex(page[:charset[0]], "\n")+1 : charset[0]]
	var pre strings.Builder
	// app.wasm first: a first visit's download starts as the head is read,
	// not once the parser reaches the script. Only the network's copy of
	// the page has it: the service worker caches the page without it (see
	// ui.ServiceWorker), as a module compiled from a preloaded response
	// never gets V8's code cache. crossorigin: wasm-start.js's fetch() is
	// a CORS request with same-origin credentials, which the preload must
	// match to be used.
	src := wasmStartScript.FindStringSubmatch(page)[1]
	wasm := strings.TrimSuffix(src, "wasm-start.js") + "app.wasm"
	fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"fetch\" crossorigin>\n%s", wasm, indent)
	for _, l := range headStyle.FindAllString(head, -1) {
		if m := hrefAttr.FindStringSubmatch(l); m != nil {
			fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"style\">\n%s", m[1], indent)
		}
	}
	for _, m := range headScript.FindAllStringSubmatch(head, -1) {
		fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"script\">\n%s", m[1], indent)
	}
	// Inlined, the script has no src to find app.wasm beside: data-wasm
	// holds its path, prefix included. It was a file of its own, the page's
	// first request (its own preload first too): on a warm visit it came
	// from the worker's cache ~20 ms after the page, and its compile of
	// app.wasm started only then.
	fmt.Fprintf(&pre, "<script data-wasm=\"%s\">%s</script>\n%s", wasm, body, indent)
	return page[:charset[1]] + pre.String() + rest, true
}
