package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gloss/app/ui"

	"github.com/andybalholm/brotli"
)

// fakeWeb writes a small web folder and a fake app.wasm for build tests.
func fakeWeb(t *testing.T, css string) (web, wasm string) {
	t.Helper()
	web = t.TempDir()
	files := map[string]string{
		"gloss.css":    css,
		"gloss.js":     "// small\n",
		"boot.js":      "// boot\n",
		"icon.svg":     `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"icon-192.png": "png",
		"icon-512.png": "png",
		"app.wasm.br":  "stale copy, must not be published",
		".hidden":      "x",
		// The extraction worker's module: a build without it is refused.
		"extract.wasm": "\x00asm\x01\x00\x00\x00",
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(web, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wasm = filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm"), 2000)...), 0o644); err != nil {
		t.Fatal(err)
	}
	return web, wasm
}

// TestPatchAppJS: a go-app whose loader no longer has the call replaced is
// an error, not a site that silently loses the module cache.
func TestPatchAppJS(t *testing.T) {
	p := filepath.Join(t.TempDir(), "app.js")
	os.WriteFile(p, []byte("async function load() { await WebAssembly.instantiateStreaming(fetch(url)); }"), 0o644)
	if err := patchAppJS(p, loaderCaching); err == nil || !strings.Contains(err.Error(), "loader changed") {
		t.Errorf("patchAppJS of an unknown loader: %v", err)
	}
	if err := patchAppJS(p, loaderGoApp); err != nil {
		t.Errorf("go-app's loader kept as shipped: %v", err)
	}

	// go-app's environment loses its empty list of internal URLs, which
	// its engine decoded with encoding/json at every start; a list set is
	// kept, and an environment without the entry is go-app changed.
	const loader = "\ngoappInitServiceWorker();\nasync function init() { const wasm = await instantiateStreaming(fetchWithProgress(\"/web/app.wasm\", p), go.importObject); go.run(wasm.instance); }\n"
	for _, c := range []struct{ env, want, err string }{
		{`{"GOAPP_INTERNAL_URLS":"null","GOAPP_ROOT_PREFIX":"/"}`, `{"GOAPP_ROOT_PREFIX":"/"}`, ""},
		{`{"GOAPP_INTERNAL_URLS":"[\"https://x.example/\"]","GOAPP_ROOT_PREFIX":"/"}`, `{"GOAPP_INTERNAL_URLS":"[\"https://x.example/\"]","GOAPP_ROOT_PREFIX":"/"}`, ""},
		{`{"GOAPP_ROOT_PREFIX":"/"}`, "", "environment has no"},
	} {
		os.WriteFile(p, []byte("const goappEnv = "+c.env+";\n"+loader), 0o644)
		err := patchAppJS(p, loaderCaching)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("env %s: error %v, want %q", c.env, err, c.err)
			}
			continue
		}
		b, _ := os.ReadFile(p)
		if err != nil || !strings.HasPrefix(string(b), "const goappEnv = "+c.want+";\n") {
			t.Errorf("env %s: patched to %.80q (%v), want %s", c.env, b, err, c.want)
		}
	}
}

func TestWriteSite(t *testing.T) {
	css := strings.Repeat("body { color: black; }\n", 100)
	web, wasm := fakeWeb(t, css)
	out := filepath.Join(t.TempDir(), "dist")
	s, err := writeSite(siteConfig{Out: out, Prefix: "gloss/", Web: web, Wasm: wasm, Brotli: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Prefix != "/gloss" || len(s.Version) != 16 {
		t.Errorf("site = %+v", s)
	}
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/gloss.css.br", "web/gloss.css.gz", "web/icon.svg",
		"web/icon-192.png", "web/boot.js", "app.js.br", "wasm_exec.js.gz", "web/extract.wasm"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	for _, f := range []string{"web/boot.js.br", "web/icon-192.png.gz", "web/.hidden", "web/app.wasm.br.br"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("unexpected %s", f)
		}
	}
	// app.js hands the fetched Response to instantiateStreaming (so V8 may
	// cache the compiled module), with the prefixed wasm URL.
	appJS, _ := os.ReadFile(filepath.Join(out, "app.js"))
	if !strings.Contains(string(appJS), `glossFetchWasm("/gloss/web/app.wasm"`) || strings.Contains(string(appJS), `fetchWithProgress("`) ||
		!strings.Contains(string(appJS), "function glossFetchWasm(") {
		t.Errorf("app.js does not load the wasm through glossFetchWasm")
	}
	// The .br copy decodes to the original.
	br, _ := os.ReadFile(filepath.Join(out, "web/gloss.css.br"))
	dec, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || string(dec) != css {
		t.Errorf("gloss.css.br does not decode to gloss.css (%v)", err)
	}
	// Every local URL in the page is under the prefix.
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	urls := regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(string(page), -1)
	if len(urls) < 8 {
		t.Fatalf("only %d URLs in index.html", len(urls))
	}
	for _, u := range urls {
		if !strings.HasPrefix(u[1], "/gloss/") {
			t.Errorf("index.html URL %q not under /gloss/", u[1])
		}
	}
	if !strings.Contains(string(page), `http-equiv="Content-Security-Policy"`) {
		t.Error("index.html has no CSP meta")
	}
	var m struct {
		Scope, StartURL string
		Icons           []struct{ Src, Purpose string }
	}
	mb, _ := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	mb = bytes.ReplaceAll(mb, []byte(`"start_url"`), []byte(`"starturl"`))
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	if m.Scope != "/gloss/" || m.StartURL != "/gloss/" || len(m.Icons) == 0 {
		t.Errorf("manifest scope %q start_url %q, %d icons", m.Scope, m.StartURL, len(m.Icons))
	}
	for _, ic := range m.Icons {
		if !strings.HasPrefix(ic.Src, "/gloss/web/icon") {
			t.Errorf("manifest icon %q", ic.Src)
		}
	}
	worker, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	for _, want := range []string{s.Version, `cache: "reload"`, `"/gloss/web/app.wasm"`, `"/gloss/web/icon.svg"`,
		`"/gloss/web/extract.wasm"`, `"/gloss/web/extract-worker.js"`, `"/gloss/wasm_exec.js"`} {
		if !strings.Contains(string(worker), want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	if !strings.Contains(string(appJS), `"/gloss/app-worker.js"`) || !strings.Contains(string(appJS), `"/gloss/web/app.wasm"`) {
		t.Error("app.js does not load the worker and wasm under /gloss")
	}

	// Same input, same version; a changed web file, a new version.
	s2, err := writeSite(siteConfig{Out: out, Prefix: "/gloss", Web: web, Wasm: wasm, Brotli: 1})
	if err != nil || s2.Version != s.Version {
		t.Errorf("rebuild: version %s -> %s (%v)", s.Version, s2.Version, err)
	}
	os.WriteFile(filepath.Join(web, "gloss.css"), []byte(css+"p{}"), 0o644)
	s3, err := writeSite(siteConfig{Out: out, Web: web, Wasm: wasm, Brotli: 1})
	if err != nil || s3.Version == s.Version {
		t.Errorf("changed css kept version %s (%v)", s.Version, err)
	}
	if page, _ := os.ReadFile(filepath.Join(out, "index.html")); !strings.Contains(string(page), `src="/app.js"`) {
		t.Error("root build still prefixed")
	}
}

func TestWriteSiteRefuses(t *testing.T) {
	web, wasm := fakeWeb(t, "x")
	notBuild := t.TempDir()
	os.WriteFile(filepath.Join(notBuild, "precious.txt"), []byte("x"), 0o644)
	if _, err := writeSite(siteConfig{Out: notBuild, Web: web, Wasm: wasm}); err == nil || !strings.Contains(err.Error(), "nothing written") {
		t.Errorf("writing over a non-build folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(notBuild, "precious.txt")); err != nil {
		t.Error("a non-build folder was cleared")
	}
	if _, err := writeSite(siteConfig{Out: t.TempDir(), Web: web, Wasm: filepath.Join(web, "nope.wasm")}); err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("missing wasm: %v", err)
	}
	// Without the extraction worker's module web pages could not be read.
	os.Remove(filepath.Join(web, "extract.wasm"))
	if _, err := writeSite(siteConfig{Out: t.TempDir(), Web: web, Wasm: wasm}); err == nil || !strings.Contains(err.Error(), "extract.wasm") || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("a build without extract.wasm: %v", err)
	}
	for _, p := range []string{"/a/../b", "/a b", "/a?x", "a//b"} {
		if _, err := normPrefix(p); err == nil {
			t.Errorf("prefix %q accepted", p)
		}
	}
}

func TestSiteHandler(t *testing.T) {
	web, wasm := fakeWeb(t, strings.Repeat("a{}\n", 600))
	out := t.TempDir()
	if _, err := writeSite(siteConfig{Out: out, Prefix: "/sub/app", Web: web, Wasm: wasm, Brotli: 1}); err != nil {
		t.Fatal(err)
	}
	h := siteHandler(out, "/sub/app")
	get := func(path, accept string, hdr ...string) *http.Response {
		r := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			r.Header.Set("Accept-Encoding", accept)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			r.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	cases := []struct {
		path, accept, status, ctype, enc, cache string
	}{
		{"/sub/app/", "", "200", "text/html; charset=utf-8", "", "no-cache"},
		{"/sub/app/index.html", "gzip", "200", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/sub/app/web/app.wasm", "gzip, deflate, br", "200", "application/wasm", "br", "public, max-age=300"},
		{"/sub/app/web/app.wasm", "br;q=0, gzip", "200", "application/wasm", "gzip", "public, max-age=300"},
		{"/sub/app/web/app.wasm", "identity", "200", "application/wasm", "", "public, max-age=300"},
		{"/sub/app/app.js", "br", "200", "text/javascript; charset=utf-8", "br", "no-cache"},
		{"/sub/app/app-worker.js", "", "200", "text/javascript; charset=utf-8", "", "no-cache"},
		{"/sub/app/manifest.webmanifest", "", "200", "application/manifest+json", "", "no-cache"},
		{"/sub/app/web/icon.svg", "br", "200", "image/svg+xml", "", "public, max-age=300"},
		{"/sub/app/web/icon-192.png", "", "200", "image/png", "", "public, max-age=300"},
		{"/sub/app/web/gloss.css", "br", "200", "text/css; charset=utf-8", "br", "public, max-age=300"},
		{"/sub/app", "", "301", "", "", ""},
		{"/", "", "404", "", "", ""},
		{"/sub/app/../../etc/passwd", "", "404", "", "", ""},
		{"/sub/app/nope.js", "", "404", "", "", ""},
		{"/sub/app/web", "", "404", "", "", ""},
	}
	for _, c := range cases {
		res := get(c.path, c.accept)
		body, _ := io.ReadAll(res.Body)
		if got := res.Status[:3]; got != c.status {
			t.Errorf("%s: status %s, want %s", c.path, res.Status, c.status)
			continue
		}
		if res.Header.Get("Content-Security-Policy") != ui.ContentSecurityPolicy {
			t.Errorf("%s: CSP header %q", c.path, res.Header.Get("Content-Security-Policy"))
		}
		if c.status != "200" {
			continue
		}
		if got := res.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := res.Header.Get("Content-Encoding"); got != c.enc {
			t.Errorf("%s (%s): Content-Encoding %q, want %q", c.path, c.accept, got, c.enc)
		}
		if got := res.Header.Get("Cache-Control"); got != c.cache {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, got, c.cache)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: Vary %q", c.path, res.Header.Get("Vary"))
		}
		if c.enc == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Errorf("%s: gzip body: %v", c.path, err)
				continue
			}
			body, _ = io.ReadAll(zr)
		}
		if c.enc == "br" {
			body, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		}
		file := strings.TrimPrefix(c.path, "/sub/app/")
		if file == "" {
			file = "index.html"
		}
		want, _ := os.ReadFile(filepath.Join(out, file))
		if !bytes.Equal(body, want) {
			t.Errorf("%s (%s): body differs from %s", c.path, c.accept, file)
		}
	}
	if res := get("/sub/app/", "", "If-Modified-Since", get("/sub/app/", "").Header.Get("Last-Modified")); res.StatusCode != 304 {
		t.Errorf("revalidation: %s, want 304", res.Status)
	}
	r := httptest.NewRequest("POST", "/sub/app/", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 405 {
		t.Errorf("POST: %d", w.Code)
	}
}

func TestPickEncoding(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.js")
	os.WriteFile(f+".gz", []byte("x"), 0o644)
	for accept, want := range map[string]string{
		"": "", "br": "", "gzip": "gzip", "GZIP;q=0.5": "gzip", "gzip;q=0": "", "gzip;q=0.0": "", "*": "gzip", "deflate": "",
	} {
		if got := pickEncoding(accept, f); got != want {
			t.Errorf("pickEncoding(%q) = %q, want %q", accept, got, want)
		}
	}
}

// prefixedIndex builds the site under the prefix /gloss from a fake web
// folder and returns its index.html.
func prefixedIndex(t *testing.T) []byte {
	t.Helper()
	web, wasm := fakeWeb(t, "body {}")
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := writeSite(siteConfig{Out: out, Prefix: "gloss", Web: web, Wasm: wasm, Brotli: 1}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPNGFavicon: the pages link the PNG icon as their favicon, under the
// prefix (the SVG one costs a cold start ~105 ms of the main thread); a
// go-app that writes the link differently is an error, not a site that
// silently keeps the SVG.
func TestPNGFavicon(t *testing.T) {
	b := prefixedIndex(t)
	icons := regexp.MustCompile(`<link rel="icon"[^>]*>`).FindAllString(string(b), -1)
	if len(icons) != 1 || !strings.Contains(icons[0], `href="/gloss/web/icon-192.png"`) || !strings.Contains(icons[0], `type="image/png"`) {
		t.Errorf("favicon links %q, want the PNG under /gloss/web", icons)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<head><link rel="icon" href="/web/favicon.ico"></head>`), 0o644)
	if err := usePNGFavicon(dir, ""); err == nil || !strings.Contains(err.Error(), "favicon.go") {
		t.Errorf("a page without go-app's SVG favicon link: %v", err)
	}
}

// TestWasmStartFirst: the site's page runs wasm-start.js before it waits
// for any style sheet (the script is the head's first element after the
// charset), under a prefix, with every other head element kept in order;
// a page go-app writes differently is an error.
func TestWasmStartFirst(t *testing.T) {
	b := prefixedIndex(t)
	s := string(b)
	head := s[strings.Index(s, "<head>"):strings.Index(s, "</head>")]
	tags := regexp.MustCompile(`<(meta|script|link|title)\b[^>]*>`).FindAllString(head, -1)
	// The charset, then a preload of app.wasm (a first visit's; the
	// service worker caches the page without it), then one of each of the
	// head's style sheets and scripts, wasm-start.js's first, then
	// wasm-start.js.
	// wasm-start.js's own preload comes first of the head's files: its
	// request is answered first.
	want := []string{`<meta charset="UTF-8">`, `<link rel="preload" href="/gloss/web/app.wasm" as="fetch" crossorigin>`,
		`<link rel="preload" href="/gloss/web/wasm-start.js" as="script">`}
	for _, l := range regexp.MustCompile(`<link [^>]*rel="stylesheet"[^>]*>`).FindAllString(head, -1) {
		want = append(want, `<link rel="preload" href="`+regexp.MustCompile(`href="([^"]+)"`).FindStringSubmatch(l)[1]+`" as="style">`)
	}
	for _, m := range regexp.MustCompile(`<script [^>]*src="([^"]+)"`).FindAllStringSubmatch(head, -1) {
		if !strings.HasSuffix(m[1], "/wasm-start.js") {
			want = append(want, `<link rel="preload" href="`+m[1]+`" as="script">`)
		}
	}
	want = append(want, `<script src="/gloss/web/wasm-start.js">`)
	if len(want) != 10 || len(tags) < len(want) || !slices.Equal(tags[:len(want)], want) {
		t.Fatalf("head starts\n%q\nwant (app.wasm, wasm-start.js, two style sheets, four other scripts)\n%q", tags[:min(len(want), len(tags))], want)
	}
	if strings.Count(s, "wasm-start.js") != 2 {
		t.Errorf("wasm-start.js is in the page %d times, want twice (its preload and its script)", strings.Count(s, "wasm-start.js"))
	}
	firstStyle := strings.Index(head, `rel="stylesheet"`)
	if firstStyle < 0 || strings.Index(head, "wasm-start.js") > firstStyle {
		t.Errorf("wasm-start.js is not before the style sheets:\n%s", head)
	}
	// The other scripts keep their order: boot.js before gloss.js.
	if i, j := strings.Index(head, "/web/boot.js"), strings.Index(head, "/web/gloss.js"); i < 0 || j < i {
		t.Errorf("boot.js and gloss.js out of order:\n%s", head)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<head><meta charset="UTF-8"><script defer src="/app.js"></script></head>`), 0o644)
	if err := startWasmFirst(dir); err == nil || !strings.Contains(err.Error(), "head.go") {
		t.Errorf("a page without wasm-start.js: %v", err)
	}
}
