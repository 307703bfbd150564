// Command wasmdeps writes the copies of two dependencies that the wasm
// builds use, each without its network half, and a go.work that puts them
// in place of the modules go.mod requires.
//
// go-app's package app holds both halves of an app: the browser's (the
// components, the engine) and the server's (Handler, which serves and
// generates the site). Its http.go and resource.go import net/http for
// every build, so app.wasm linked net/http and all it brings (crypto/tls,
// x509, ECDSA, RSA, ML-KEM, math/big, mime) and ran their initialisers at
// every start, though the browser never calls them: 1.69 MB raw and 312 KB
// brotli of app.wasm's 12.04 MB / 2.22 MB. Readability's FromURL (a page
// fetched with net/http) did the same to extract.wasm, the worker's module,
// which reads pages it is given. The copies leave out, for wasm builds
// only, what uses net/http: go-app's http.go (Handler), LocalDir's file
// server and the GenerateStaticWebsite stub that names Handler;
// readability's FromURL. Nothing the browser or the worker runs changes;
// the command line and the tests still build with the modules as go.mod
// requires them.
//
// Each change is an exact replacement that must match once: a version
// other than the one it was written for stops the build, with the file to
// look at.
//
//	go run ./tools/wasmdeps -out .cache/wasm-deps
//	GOWORK=$PWD/.cache/wasm-deps/go.work GOOS=js GOARCH=wasm go build ./wasm
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// dep is a module copied for the wasm builds, into dir: everything but
// omit, with edits applied.
type dep struct {
	module, version string
	dir             string   // the copy's folder in -out
	omit            []string // top-level files and folders not copied
	edits           []edit
}

// edit replaces old, which must occur exactly once in file, by new.
type edit struct{ file, old, new string }

var deps = []dep{{
	module:  "github.com/maxence-charriere/go-app/v10",
	version: "v10.1.11",
	dir:     "go-app",
	omit:    []string{"docs"},
	edits: []edit{
		// The server's Handler: serving, pre-rendering, the site's files.
		{"pkg/app/http.go", "package app\n", "//go:build !wasm\n\npackage app\n"},
		// A stub for wasm that only panics, and names Handler.
		{"pkg/app/wasm.go", "func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n\n", ""},
		{"pkg/app/wasm.go", "import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\n", ""},
		// LocalDir's resolver serves its folder (http.FileServer) for
		// Handler; in the browser it only resolves paths.
		{"pkg/app/resource.go", "\t\"net/http\"\n", ""},
		{"pkg/app/resource.go", "\t\tHandler:   http.FileServer(http.Dir(directory)),\n", ""},
		{"pkg/app/resource.go", "\thttp.Handler\n\tdirectory string\n", "\tdirectory string\n"},
	},
}, {
	module:  "codeberg.org/readeck/go-readability/v2",
	version: "v2.1.3",
	dir:     "go-readability",
	omit:    []string{"test-pages", "cmd", "scripts"},
	edits: []edit{
		// FromURL fetches a page; the worker is given pages.
		{"readability.go", "import (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\tnurl \"net/url\"\n\t\"strings\"\n\t\"time\"\n", "import (\n\t\"io\"\n\tnurl \"net/url\"\n"},
		{"readability.go", fromURL, ""},
	},
}}

// fromURL is readability.go's FromURL and its RequestWith.
const fromURL = `type RequestWith func(r *http.Request)

// FromURL fetch the web page from specified url then parses the response to find
// the readable content.
func FromURL(pageURL string, timeout time.Duration, requestModifiers ...RequestWith) (Article, error) {
	// Make sure URL is valid
	parsedURL, err := nurl.ParseRequestURI(pageURL)
	if err != nil {
		return Article{}, fmt.Errorf("failed to parse URL: %v", err)
	}

	// Fetch page from URL
	client := &http.Client{Timeout: timeout}
	req, err := http.NewRequest("GET", pageURL, nil)
	for _, modifer := range requestModifiers {
		modifer(req)
	}
	if err != nil {
		return Article{}, fmt.Errorf("failed to fetch the page: %v", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return Article{}, fmt.Errorf("failed to fetch the page: %v", err)
	}
	defer resp.Body.Close()

	// Make sure content type is HTML
	cp := resp.Header.Get("Content-Type")
	if !strings.Contains(cp, "text/html") {
		return Article{}, fmt.Errorf("URL is not a HTML document")
	}

	// Parse content
	parser := NewParser()
	return parser.Parse(resp.Body, parsedURL)
}

`

func main() {
	out := flag.String("out", ".cache/wasm-deps", "the folder to write the copies and their go.work in")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmdeps:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var gloss struct{ Dir, GoVersion string }
	if err := goJSON(&gloss, "list", "-m", "-json"); err != nil {
		return err
	}
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	work := fmt.Sprintf("go %s\n\nuse %s\n", gloss.GoVersion, quote(gloss.Dir))
	for _, d := range deps {
		dst := filepath.Join(out, d.dir)
		if err := d.write(dst); err != nil {
			return err
		}
		work += fmt.Sprintf("\nreplace %s => %s\n", d.module, quote(dst))
	}
	return os.WriteFile(filepath.Join(out, "go.work"), []byte(work), 0o644)
}

// write writes d's copy, edited, in dst.
func (d dep) write(dst string) error {
	var m struct{ Dir, Version string }
	if err := goJSON(&m, "mod", "download", "-json", d.module); err != nil {
		return err
	}
	if m.Version != d.version || m.Dir == "" {
		return fmt.Errorf("go.mod requires %s %s (in %q); the edits are for %s: redo them (tools/wasmdeps)", d.module, m.Version, m.Dir, d.version)
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	entries, err := os.ReadDir(m.Dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if slices.Contains(d.omit, e.Name()) {
			continue
		}
		if err := copyTree(filepath.Join(m.Dir, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return err
		}
	}
	for _, e := range d.edits {
		path := filepath.Join(dst, filepath.FromSlash(e.file))
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte(e.old)); n != 1 {
			return fmt.Errorf("%s %s: %s holds %d copies of %q, want 1: redo the edits (tools/wasmdeps)", d.module, d.version, e.file, n, e.old)
		}
		if err := os.WriteFile(path, bytes.Replace(b, []byte(e.old), []byte(e.new), 1), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// goJSON runs the go command with args and decodes its JSON output into v.
func goJSON(v any, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	return json.Unmarshal(b, v)
}

// copyTree copies the file or folder src to dst, every file writable (the
// module cache's are not).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// quote writes a path for go.work: quoted when it holds a space.
func quote(p string) string {
	if strings.ContainsAny(p, " \t\"") {
		return fmt.Sprintf("%q", p)
	}
	return p
}
