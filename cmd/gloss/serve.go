package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"gloss/app/ui"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	dir := fs.String("dir", "dist", "the built site (gloss build)")
	prefix := fs.String("prefix", "", "URL path the site was built for, e.g. /gloss")
	dev := fs.Bool("dev", false, "build the site from -web and -wasm into a temporary folder first")
	web := fs.String("web", "web", "with -dev: folder of static files")
	wasm := fs.String("wasm", "", "with -dev: the built app (default: WEB/app.wasm)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	p, err := normPrefix(*prefix)
	if err != nil {
		return err
	}
	root := *dir
	if *dev {
		tmp, err := os.MkdirTemp("", "gloss-dev-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		s, err := writeSite(siteConfig{Out: tmp, Prefix: p, Web: *web, Wasm: *wasm, Brotli: fastBrotli})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "built version %s into %s\n", s.Version, tmp)
		root = tmp
	} else if _, err := os.Stat(filepath.Join(root, "index.html")); err != nil {
		return fmt.Errorf("%s holds no site (%v); run `gloss build -out %s` or use -dev", root, err, root)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: siteHandler(root, p), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s on http://%s%s/\n", root, ln.Addr(), p)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// contentTypes are set explicitly: the system MIME table varies and some
// (wasm, webmanifest) matter to the browser.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// siteHandler serves a built site from dir under the URL prefix ("" or
// "/a/b"): content types, precompressed .br/.gz copies chosen by
// Accept-Encoding, Cache-Control and the Content-Security-Policy.
//
// Caching: the pages, the worker, the manifest and app.js must be
// revalidated on every load so an update is seen (no-cache, with
// Last-Modified); other files may be kept a few minutes — the service
// worker refetches them with {cache: "reload"} when it installs a version.
func siteHandler(dir, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", ui.ContentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		// A sandboxed iframe without allow-same-origin has an opaque origin:
		// app.js's fetch of app.wasm is then cross-origin and needs CORS.
		// Everything here is public static content (GitHub Pages does the same).
		hd.Set("Access-Control-Allow-Origin", "*")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		if prefix != "" {
			if p == prefix {
				// Relative URLs need the slash; the worker's scope has it.
				http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
				return
			}
			if !strings.HasPrefix(p, prefix+"/") {
				http.NotFound(w, r)
				return
			}
			p = strings.TrimPrefix(p, prefix)
		}
		p = path.Clean("/" + p)
		if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
			p += "/"
		}
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		fi, err := os.Stat(name)
		if err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		hd.Set("Content-Type", contentType(p))
		hd.Set("Cache-Control", cacheControl(p))
		hd.Add("Vary", "Accept-Encoding")

		file := name
		if enc := pickEncoding(r.Header.Get("Accept-Encoding"), name); enc != "" {
			file = name + map[string]string{"br": ".br", "gzip": ".gz"}[enc]
			hd.Set("Content-Encoding", enc)
		}
		f, err := os.Open(file)
		if err != nil {
			http.Error(w, "cannot read file", http.StatusInternalServerError)
			return
		}
		defer f.Close()
		ffi, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot read file", http.StatusInternalServerError)
			return
		}
		// ServeContent keeps the Content-Type set above and answers
		// If-Modified-Since with 304.
		http.ServeContent(w, r, "", fi.ModTime(), io.NewSectionReader(f, 0, ffi.Size()))
	})
}

func cacheControl(p string) string {
	switch {
	case strings.HasSuffix(p, ".html"), p == "/app-worker.js", p == "/app.js",
		p == "/manifest.webmanifest", p == "/wasm_exec.js":
		return "no-cache"
	default:
		return "public, max-age=300"
	}
}

// pickEncoding returns "br" or "gzip" when the client accepts it and a
// precompressed copy exists next to name, or "".
func pickEncoding(accept, name string) string {
	if accept == "" {
		return ""
	}
	ok := map[string]bool{}
	for _, part := range strings.Split(accept, ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		enc = strings.ToLower(strings.TrimSpace(enc))
		if q, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found && strings.Trim(q, "0.") == "" {
			continue // q=0: refused
		}
		ok[enc] = true
	}
	for _, c := range []struct{ enc, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !ok[c.enc] && !ok["*"] {
			continue
		}
		if fi, err := os.Stat(name + c.ext); err == nil && !fi.IsDir() {
			return c.enc
		}
	}
	return ""
}
