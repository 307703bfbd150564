package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// app.wasm links no library the page needs only to read content: the
// worker's module (web/extract.wasm, wasm/extract) reads web pages,
// Markdown and a clipboard's HTML. Each would be compiled, and its
// initialisers run, at every start (x/net/html's entity table alone is
// 126 KB of allocations).
func TestLinksNoReader(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "gloss/app/ui") {
		t.Fatalf("go list -deps lists no gloss/app/ui: %q", out)
	}
	for _, p := range []string{"gloss/app/extract", "golang.org/x/net/html", "codeberg.org/readeck/go-readability/v2", "github.com/yuin/goldmark"} {
		if slices.Contains(deps, p) {
			t.Errorf("app.wasm links %s", p)
		}
	}
}
