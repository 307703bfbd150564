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
// comes wasm-start.js: it runs as soon as it is loaded, while the rest
// loads. Its own preload comes before the others' (below). Before them
// all, app.wasm is preloaded, on a first visit only (below). The policy stays where go-app writes it, after them: a
// <meta> policy applies to what follows it, and they are all the site's
// own files, which it allows.
var (
	wasmStartScript = regexp.MustCompile(`<script [^>]*\bsrc="([^"]*/web/wasm-start\.js)"[^>]*></script>\s*`)
	charsetMeta     = regexp.MustCompile(`<meta charset="[^"]*">\s*`)
	headScript      = regexp.MustCompile(`<script [^>]*\bsrc="([^"]+)"[^>]*>`)
	headStyle       = regexp.MustCompile(`<link [^>]*\brel="stylesheet"[^>]*>`)
	hrefAttr        = regexp.MustCompile(`\bhref="([^"]+)"`)
)

// startWasmFirst reorders the head of the pages go-app wrote in dir (the
// top-level .html files) as above. It fails when index.html has no
// wasm-start.js script after a charset (go-app changed how it writes the
// head): the start would silently wait again.
func startWasmFirst(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s, ok := reorderHead(string(b))
		if !ok {
			if filepath.Base(p) == "index.html" {
				return fmt.Errorf("%s: no wasm-start.js script after the charset to move; update cmd/gloss/head.go", p)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// reorderHead returns page with its head ordered as above, or false when
// it has no wasm-start.js script after its charset.
func reorderHead(page string) (string, bool) {
	end := strings.Index(page, "</head>")
	script := wasmStartScript.FindStringIndex(page)
	charset := charsetMeta.FindStringIndex(page)
	if end < 0 || script == nil || charset == nil || charset[1] > script[0] || script[1] > end {
		return page, false
	}
	tag := strings.TrimSpace(page[script[0]:script[1]])
	rest := page[charset[1]:script[0]] + page[script[1]:]
	head := rest[:strings.Index(rest, "</head>")]
	// The indentation go-app gives the head's elements.
	indent := page[strings.LastIndex(page[:charset[0]], "\n")+1 : charset[0]]
	var pre strings.Builder
	// app.wasm first: a first visit's download starts as the head is read,
	// not once wasm-start.js is loaded and run. Only the network's copy of
	// the page has it: the service worker caches the page without it (see
	// ui.ServiceWorker), as a module compiled from a preloaded response
	// never gets V8's code cache. crossorigin: wasm-start.js's fetch() is
	// a CORS request with same-origin credentials, which the preload must
	// match to be used.
	src := wasmStartScript.FindStringSubmatch(page)[1]
	fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"fetch\" crossorigin>\n%s", strings.TrimSuffix(src, "wasm-start.js")+"app.wasm", indent)
	// wasm-start.js itself next, before the files it need not wait for:
	// the worker's cache answered the head's requests one after another
	// in the order they were made, and the network's page has six
	// connections for eight files, so its own request, made last by the
	// script tag below, arrived last (traced: warm +32 ms after the
	// first file; cold, 80 ms after app.wasm's preloaded response, which
	// waited that long for its compile to start).
	fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"script\">\n%s", src, indent)
	for _, l := range headStyle.FindAllString(head, -1) {
		if m := hrefAttr.FindStringSubmatch(l); m != nil {
			fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"style\">\n%s", m[1], indent)
		}
	}
	for _, m := range headScript.FindAllStringSubmatch(head, -1) {
		fmt.Fprintf(&pre, "<link rel=\"preload\" href=\"%s\" as=\"script\">\n%s", m[1], indent)
	}
	return page[:charset[1]] + pre.String() + tag + "\n" + indent + rest, true
}
