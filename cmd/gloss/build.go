package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gloss/app/ui"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg siteConfig
	fs.StringVar(&cfg.Out, "out", "dist", "folder to write the site to (its old content is replaced)")
	fs.StringVar(&cfg.Prefix, "prefix", "", "URL path the site is served under, e.g. /gloss")
	fs.StringVar(&cfg.Web, "web", "web", "folder of static files (CSS, JS, icons)")
	fs.StringVar(&cfg.Wasm, "wasm", "", "the built app (default: WEB/app.wasm)")
	fs.IntVar(&cfg.Brotli, "brotli", brotli.BestCompression, "brotli quality 0-11 for the .br copies (11: smallest, ~20 s for app.wasm)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	s, err := writeSite(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: version %s, %d files, prefix %q\n", cfg.Out, s.Version, s.Files, s.Prefix)
	return nil
}

// siteConfig says where a static site comes from and goes.
type siteConfig struct {
	Out    string // folder written; replaced if it holds a previous build
	Prefix string // URL path prefix ("" or "/sub/path")
	Web    string // static files copied to OUT/web
	Wasm   string // app.wasm; default Web/app.wasm
	Brotli int    // brotli quality for the .br copies; 0 means fast (5)
	Loader string // how app.js loads the wasm: loaderCaching ("") or, to compare, loaderGoApp
}

// site describes a written static site.
type site struct {
	Version string // content hash of app.wasm and the web files
	Prefix  string // normalised prefix: "" or "/a/b"
	Files   int    // files written, compressed copies included
}

// compressExts are the types worth precompressing (when ≥ 1 KB).
var compressExts = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".svg": true, ".webmanifest": true, ".json": true, ".txt": true,
}

const minCompressSize = 1024

// extractWasm is the extraction worker's module among the web files
// (wasm/extract, loaded by web/extract-worker.js after first paint).
const extractWasm = "extract.wasm"

// fastBrotli is the quality for development builds: about 1 s for app.wasm,
// 15% bigger than quality 11.
const fastBrotli = 5

// routesOnce guards ui.Routes: go-app's route table is global.
var routesOnce sync.Once

// buildMu serialises builds: go-app's GenerateStaticWebsite and its handler
// write process-wide state (environment variables, the route table).
var buildMu sync.Mutex

// normPrefix turns "gloss/", "/gloss" or "/" into "/gloss" or "".
func normPrefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	if strings.ContainsAny(p, "?#\\ \"'<>") || strings.Contains(p, "//") || strings.Contains(p, "..") {
		return "", fmt.Errorf("prefix %q: want a plain URL path like /gloss", p)
	}
	return "/" + p, nil
}

// writeSite writes a complete static site: go-app's pages and scripts, our
// service worker, the web files, app.wasm, and .gz/.br copies of the large
// text and wasm files.
func writeSite(cfg siteConfig) (site, error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	prefix, err := normPrefix(cfg.Prefix)
	if err != nil {
		return site{}, err
	}
	if cfg.Web == "" {
		cfg.Web = "web"
	}
	if cfg.Wasm == "" {
		cfg.Wasm = filepath.Join(cfg.Web, "app.wasm")
	}
	if cfg.Out == "" {
		return site{}, errors.New("no output folder given")
	}
	wasm, err := os.ReadFile(cfg.Wasm)
	if err != nil {
		return site{}, fmt.Errorf("%v (build it with `make wasm`); nothing written", err)
	}
	webFiles, err := listWeb(cfg.Web)
	if err != nil {
		return site{}, err
	}
	if !slices.Contains(webFiles, extractWasm) {
		// Without it web pages and Markdown cannot be read in the browser.
		return site{}, fmt.Errorf("%s has no %s, the extraction worker's module (build it with `make wasm`); nothing written", cfg.Web, extractWasm)
	}
	version, err := contentVersion(wasm, cfg.Web, webFiles)
	if err != nil {
		return site{}, err
	}
	if err := clearOut(cfg.Out); err != nil {
		return site{}, err
	}

	routesOnce.Do(ui.Routes)
	h := ui.Handler()
	h.Version = version
	// The progress bar divides by this; the served Content-Length is the
	// compressed size and would overshoot 100%.
	h.WasmContentLength = strconv.Itoa(len(wasm))
	if prefix != "" {
		// PrefixedLocation (GitHubPages is the same with one path segment)
		// prefixes every local URL go-app writes: pages, scripts, styles,
		// icons, manifest, worker, wasm.
		h.Resources = app.PrefixedLocation(prefix)
	}
	if err := app.GenerateStaticWebsite(cfg.Out, h); err != nil {
		return site{}, fmt.Errorf("generating pages: %v", err)
	}
	if err := patchAppJS(filepath.Join(cfg.Out, "app.js"), cfg.Loader); err != nil {
		return site{}, err
	}
	if err := fixManifest(filepath.Join(cfg.Out, "manifest.webmanifest"), prefix); err != nil {
		return site{}, err
	}
	if err := usePNGFavicon(cfg.Out, prefix); err != nil {
		return site{}, err
	}
	if err := startWasmFirst(cfg.Out); err != nil {
		return site{}, err
	}
	for _, name := range webFiles {
		if err := copyFile(filepath.Join(cfg.Web, name), filepath.Join(cfg.Out, "web", name)); err != nil {
			return site{}, err
		}
	}
	if err := os.WriteFile(filepath.Join(cfg.Out, "web", "app.wasm"), wasm, 0o644); err != nil {
		return site{}, err
	}
	if cfg.Loader == loaderGoApp {
		// go-app's loader as shipped fetches the module itself: no early start.
		if err := os.WriteFile(filepath.Join(cfg.Out, "web", "wasm-start.js"), []byte("// go-app's loader: no early start\n"), 0o644); err != nil {
			return site{}, err
		}
	}
	if cfg.Brotli <= 0 || cfg.Brotli > brotli.BestCompression {
		cfg.Brotli = fastBrotli
	}
	n, err := compressTree(cfg.Out, cfg.Brotli)
	if err != nil {
		return site{}, err
	}
	return site{Version: version, Prefix: prefix, Files: n}, nil
}

// listWeb returns the files under dir to publish, slash-separated and
// sorted: everything but app.wasm (handled apart), compressed copies, Go
// source (package web embeds the lexicon for the command line) and dot
// files.
func listWeb(dir string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if p != dir && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasSuffix(base, ".gz") || strings.HasSuffix(base, ".br") || strings.HasSuffix(base, ".go") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "app.wasm" {
			return nil
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading web files: %v", err)
	}
	sort.Strings(names)
	return names, nil
}

// contentVersion hashes app.wasm and the web files (names and contents):
// any change gives a new version and so a new service worker.
func contentVersion(wasm []byte, dir string, names []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "app.wasm\x00%d\x00", len(wasm))
	h.Write(wasm)
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	// The templates go-app fills in are part of what is shipped too.
	io.WriteString(h, ui.ServiceWorker)
	io.WriteString(h, ui.ContentSecurityPolicy)
	io.WriteString(h, glossLoaderJS)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// clearOut empties out, refusing to delete a folder that does not look like
// a previous build.
func clearOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("%s is not empty and holds no previous build (no app-worker.js); nothing written", out)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// fixManifest scopes the manifest to the prefix: go-app always writes
// scope "/" and a start_url without the trailing slash.
func fixManifest(file, prefix string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("manifest: %v", err)
	}
	m["scope"] = prefix + "/"
	m["start_url"] = prefix + "/"
	m["id"] = prefix + "/"
	// go-app writes "purpose": "" for plain icons; browsers warn about it.
	if icons, ok := m["icons"].([]any); ok {
		for _, ic := range icons {
			if o, ok := ic.(map[string]any); ok && o["purpose"] == "" {
				delete(o, "purpose")
			}
		}
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(out, '\n'), 0o644)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// compressTree writes NAME.gz and NAME.br next to every compressible file
// of at least 1 KB, and returns how many files the tree holds.
func compressTree(root string, quality int) (int, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	n := len(files)
	for _, p := range files {
		if !compressExts[path.Ext(p)] {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return 0, err
		}
		if len(b) < minCompressSize {
			continue
		}
		var gz, br bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		if err := zw.Close(); err != nil {
			return 0, err
		}
		bw := brotli.NewWriterLevel(&br, quality)
		bw.Write(b)
		if err := bw.Close(); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p+".gz", gz.Bytes(), 0o644); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return 0, err
		}
		n += 2
	}
	return n, nil
}
