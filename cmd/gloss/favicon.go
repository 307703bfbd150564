package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// go-app links the SVG icon as the page's favicon. Chromium downloads and
// decodes a favicon in the page's renderer, on its main thread, during the
// cold start (~430 ms in, while app.wasm streams in), and every SVG image
// it decodes sets up an isolated SVG document (page, frame, loader,
// layout): 6.4 ms of the main thread's processor time on a cold visit,
// traced (104 + 19 ms of wall time at load 13). A PNG favicon is decoded
// without any of that. The SVG stays in the manifest and the cache.
const pngFavicon = `<link rel="icon" type="image/png" sizes="192x192" href="%s/web/icon-192.png">`

// faviconLink is go-app's favicon link; it writes the attributes in any
// order.
var faviconLink = regexp.MustCompile(`<link [^>]*\brel="icon"[^>]*>`)

// usePNGFavicon rewrites the favicon link of the pages go-app wrote in dir
// (the top-level .html files). It fails when index.html has no link to the
// SVG icon to replace (go-app changed how it writes it): the cold start
// would silently pay for the SVG again.
func usePNGFavicon(dir, prefix string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	svg := `href="` + prefix + `/web/icon.svg"`
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		link := faviconLink.FindStringIndex(s)
		if link == nil || !strings.Contains(s[link[0]:link[1]], svg) {
			if filepath.Base(p) == "index.html" {
				return fmt.Errorf("%s: no favicon link with %s to replace; update cmd/gloss/favicon.go", p, svg)
			}
			continue
		}
		s = s[:link[0]] + fmt.Sprintf(pngFavicon, prefix) + s[link[1]:]
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
