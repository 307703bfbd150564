package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wasmDeps lists the packages the wasm program pkg links, built as make
// wasm builds it: for js/wasm, with the copies from tools/wasmdeps.
func wasmDeps(t *testing.T, pkg string) []string {
	t.Helper()
	return wasmList(t, "-deps", pkg)
}

// wasmList runs go list with args as make wasm builds: for js/wasm, with
// the copies from tools/wasmdeps.
func wasmList(t *testing.T, args ...string) []string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "../tools/wasmdeps", "-out", dir).CombinedOutput(); err != nil {
		t.Fatalf("wasmdeps: %v\n%s", err, out)
	}
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+filepath.Join(dir, "go.work"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return strings.Fields(string(out))
}

// app.wasm links neither a library the page needs only to read content
// nor go-app's server half. The worker's module (web/extract.wasm,
// wasm/extract) reads web pages, Markdown and a clipboard's HTML; the
// command line serves and builds the site. Each would be compiled, and
// its initialisers run, at every start (x/net/html's entity table alone is
// 126 KB of allocations; net/http brings the TLS stack: 1.7 MB raw).
func TestLinksNoReaderNoServer(t *testing.T) {
	deps := wasmDeps(t, ".")
	if !slices.Contains(deps, "gloss/app/ui") || !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("go list -deps lists no gloss/app/ui or go-app: %q", deps)
	}
	for _, p := range []string{
		"gloss/app/extract", "golang.org/x/net/html", "codeberg.org/readeck/go-readability/v2", "github.com/yuin/goldmark",
		"net/http", "crypto/tls", "crypto/x509",
	} {
		if slices.Contains(deps, p) {
			t.Errorf("app.wasm links %s", p)
		}
	}
}

// app.wasm links none of what go-app brings for features Gloss does not
// use: routes by regular expression (regexp, regexp/syntax and unicode's
// category maps: 0.5 MB raw), states persisted with encryption (crypto/aes
// and GCM) and github.com/google/uuid (its initialisers keep crypto/md5 and
// crypto/sha1). tools/wasmdeps leaves them out of go-app's copy.
func TestLinksNoRouterRegexpNoStateCipher(t *testing.T) {
	deps := wasmDeps(t, ".")
	if !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("go list -deps lists no go-app: %q", deps)
	}
	for _, p := range []string{
		"regexp", "regexp/syntax", "crypto/aes", "github.com/google/uuid", "crypto/md5", "crypto/sha1",
	} {
		if slices.Contains(deps, p) {
			t.Errorf("app.wasm links %s", p)
		}
	}
}

// The worker's module reads pages it is given: it links readability, but
// not its FromURL and the net/http and TLS stack that would bring (1.7 MB
// of extract.wasm, compiled before the worker's first answer).
func TestWorkerLinksNoNetwork(t *testing.T) {
	deps := wasmDeps(t, "./extract")
	if !slices.Contains(deps, "gloss/app/extract") || !slices.Contains(deps, "codeberg.org/readeck/go-readability/v2") {
		t.Fatalf("go list -deps lists no gloss/app/extract or readability: %q", deps)
	}
	for _, p := range []string{"net/http", "crypto/tls", "crypto/x509"} {
		if slices.Contains(deps, p) {
			t.Errorf("extract.wasm links %s", p)
		}
	}
}

// Neither module links crypto/rand: its Reader ends in
// crypto.getRandomValues, as gloss/app/random's Read does, but links Go's
// FIPS 140 module on the way (DRBG, AES, SHA-2, SHA-3, HMAC and their
// initialisers: 0.18 MB raw of each module). Ids (annotations', documents',
// go-app's uuids) take their bytes from gloss/app/random.
func TestLinksNoCryptoRand(t *testing.T) {
	for _, pkg := range []string{".", "./extract"} {
		deps := wasmDeps(t, pkg)
		if !slices.Contains(deps, "gloss/app/annot") {
			t.Fatalf("%s: go list -deps lists no gloss/app/annot: %q", pkg, deps)
		}
		for _, p := range []string{"crypto/rand", "crypto/internal/fips140/drbg", "crypto/internal/fips140/sha256"} {
			if slices.Contains(deps, p) {
				t.Errorf("%s links %s", pkg, p)
			}
		}
	}
}

// go-app's copy is built without its states (state.go), which Gloss does
// not use: the engine wired their manager into every Context, so it was
// linked (54 functions, 60 KB of code) and walked localStorage at each
// start.
func TestGoAppWithoutStates(t *testing.T) {
	files := wasmList(t, "-f", "{{join .GoFiles \" \"}}", "github.com/maxence-charriere/go-app/v10/pkg/app")
	if !slices.Contains(files, "engine.go") {
		t.Fatalf("go-app's files: %q, no engine.go", files)
	}
	if slices.Contains(files, "state.go") {
		t.Errorf("go-app's copy builds state.go for wasm")
	}
}

// Gloss's packages in either module read numbers with strconv, not fmt's
// scanning (Sscan, Sscanf, Fscan…): one call links fmt's scanner, 56 KB of
// code in each module, for a number strconv.Atoi reads as well.
func TestNoFmtScanning(t *testing.T) {
	for _, pkg := range []string{".", "./extract"} {
		for _, line := range wasmList(t, "-deps", "-f", "{{if not .Standard}}{{.Dir}}|{{join .GoFiles \"|\"}}{{end}}", pkg) {
			dir, files, _ := strings.Cut(line, "|")
			if !strings.HasPrefix(dir, filepath.Dir(mustGetwd(t))) {
				continue // not Gloss's
			}
			for _, f := range strings.Split(files, "|") {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				for _, call := range []string{"fmt.Sscan", "fmt.Fscan", "fmt.Scan"} {
					if strings.Contains(string(b), call) {
						t.Errorf("%s: %s calls %s", pkg, filepath.Join(dir, f), call)
					}
				}
			}
		}
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// app.wasm links no package html: go-app escaped text nodes with
// html.EscapeString, and html's initialiser kept its entity tables and the
// code that builds their maps (70 KB), which escaping never reads.
// tools/wasmdeps gives go-app's copy an escaper of the same five
// characters.
func TestLinksNoHTMLEntities(t *testing.T) {
	deps := wasmDeps(t, ".")
	if !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("go list -deps lists no go-app: %q", deps)
	}
	if slices.Contains(deps, "html") {
		t.Error("app.wasm links html")
	}
}

// go-app's FormatString, which DataSet and Aria call with "%v" for every
// data- and aria- attribute, answers one string or int without fmt in the
// copy app.wasm builds: with fmt.Sprintf, fmt's printer (23 functions, 31
// KB) was compiled before every start's first draw. tools/wasmdeps tests
// formatString against fmt.Sprintf.
func TestGoAppFormatStringWithoutFmt(t *testing.T) {
	dirs := wasmList(t, "-f", "{{.Dir}}", "github.com/maxence-charriere/go-app/v10/pkg/app")
	if len(dirs) != 1 {
		t.Fatalf("go list: %q", dirs)
	}
	b, err := os.ReadFile(filepath.Join(dirs[0], "strings.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(b), "func FormatString(format string, v ...any) string {\n")
	body, _, _ = strings.Cut(body, "\n}\n")
	if !ok || strings.TrimSpace(body) != "return formatString(format, v...)" {
		t.Errorf("go-app's copy's FormatString is not formatString's: %q", body)
	}
}

// Both modules are built with an x/text whose charmap has no All, the list
// of its 42 code pages: charmap's initialiser built it, which kept every
// code page's table and code linked (app.wasm 36 KB raw, extract.wasm 32
// KB), though Gloss decodes 26 it names (app/text) and htmlindex names its
// own.
func TestCharmapWithoutAll(t *testing.T) {
	dirs := wasmList(t, "-f", "{{.Dir}}", "golang.org/x/text/encoding/charmap")
	if len(dirs) != 1 {
		t.Fatalf("go list: %q", dirs)
	}
	for _, f := range []string{"charmap.go", "tables.go"} {
		b, err := os.ReadFile(filepath.Join(dirs[0], f))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{"var All ", "var listAll "} {
			if strings.Contains(string(b), v) {
				t.Errorf("x/text's charmap for wasm (%s) declares %s", filepath.Join(dirs[0], f), strings.TrimSpace(v))
			}
		}
	}
}

// go-app's copy has no actions (Context.Handle, NewAction,
// NewActionWithValue, app.Handle), which Gloss does not post: the engine
// wired their manager into every Context and cleaned it after every
// update, so it was linked (22 KB of app.wasm) and compiled at every start.
func TestGoAppWithoutActions(t *testing.T) {
	dirs := wasmList(t, "-f", "{{.Dir}}", "github.com/maxence-charriere/go-app/v10/pkg/app")
	if len(dirs) != 1 {
		t.Fatalf("go list: %q", dirs)
	}
	for file, gone := range map[string][]string{
		"engine.go":  {"actionManager", "e.actions."},
		"context.go": {"func (ctx Context) Handle(", "func (ctx Context) NewAction(", "func (ctx Context) NewActionWithValue(", "postAction"},
		"action.go":  {"func Handle("},
	} {
		b, err := os.ReadFile(filepath.Join(dirs[0], file))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range gone {
			if strings.Contains(string(b), s) {
				t.Errorf("go-app's copy's %s holds %q", file, s)
			}
		}
	}
}
