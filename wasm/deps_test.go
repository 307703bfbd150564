package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wasmDeps lists the packages app.wasm links, built as make wasm builds it:
// for js/wasm, with go-app's copy from tools/goappjs.
func wasmDeps(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "../tools/goappjs", "-out", dir).CombinedOutput(); err != nil {
		t.Fatalf("goappjs: %v\n%s", err, out)
	}
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+filepath.Join(dir, "go.work"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "gloss/app/ui") || !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("go list -deps lists no gloss/app/ui or go-app: %q", out)
	}
	return deps
}

// app.wasm links neither a library the page needs only to read content
// nor go-app's server half. The worker's module (web/extract.wasm,
// wasm/extract) reads web pages, Markdown and a clipboard's HTML; the
// command line serves and builds the site. Each would be compiled, and
// its initialisers run, at every start (x/net/html's entity table alone is
// 126 KB of allocations; net/http brings the TLS stack: 1.7 MB raw).
func TestLinksNoReaderNoServer(t *testing.T) {
	deps := wasmDeps(t)
	for _, p := range []string{
		"gloss/app/extract", "golang.org/x/net/html", "codeberg.org/readeck/go-readability/v2", "github.com/yuin/goldmark",
		"net/http", "crypto/tls", "crypto/x509",
	} {
		if slices.Contains(deps, p) {
			t.Errorf("app.wasm links %s", p)
		}
	}
}
