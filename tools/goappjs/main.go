// Command goappjs writes the copy of go-app that app.wasm is built with:
// go-app's own module, without its server half for GOARCH=wasm, and a
// go.work that puts it in place of the module go.mod requires.
//
// go-app's package app holds both halves of an app: the browser's (the
// components, the engine) and the server's (Handler, which serves and
// generates the site). Its http.go and resource.go import net/http for
// every build, so app.wasm linked net/http and all it brings (crypto/tls,
// x509, ECDSA, RSA, ML-KEM, math/big, mime) and ran their initialisers at
// every start, though the browser never calls them: 1.69 MB raw and 312 KB
// brotli of app.wasm's 12.04 MB / 2.22 MB. The copy leaves out, for wasm
// builds only, what uses net/http: http.go (Handler), LocalDir's file
// server and the GenerateStaticWebsite stub that names Handler. Nothing the
// browser runs changes; the command line and the tests still build with
// go-app as go.mod requires it.
//
// Each change is an exact replacement that must match once: a go-app
// other than the one it was written for stops the build, with the file to
// look at.
//
//	go run ./tools/goappjs -out .cache/goapp-js
//	GOWORK=$PWD/.cache/goapp-js/go.work GOOS=js GOARCH=wasm go build ./wasm
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
	"strings"
)

// module is go-app's module path; version, the version the edits are for.
const (
	module  = "github.com/maxence-charriere/go-app/v10"
	version = "v10.1.11"
)

// edit replaces old, which must occur exactly once in file, by new.
type edit struct{ file, old, new string }

// edits make pkg/app build for wasm without net/http.
var edits = []edit{
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
}

func main() {
	out := flag.String("out", ".cache/goapp-js", "the folder to write the copy and its go.work in")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "goappjs:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var m struct{ Dir, Version string }
	if err := goJSON(&m, "mod", "download", "-json", module); err != nil {
		return err
	}
	if m.Version != version || m.Dir == "" {
		return fmt.Errorf("go.mod requires %s %s (in %q); these edits are for %s: redo them (tools/goappjs)", module, m.Version, m.Dir, version)
	}
	var gloss struct{ Dir, GoVersion string }
	if err := goJSON(&gloss, "list", "-m", "-json"); err != nil {
		return err
	}
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	dst := filepath.Join(out, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, p := range []string{"go.mod", "go.sum", "LICENSE", "pkg"} {
		if err := copyTree(filepath.Join(m.Dir, p), filepath.Join(dst, p)); err != nil {
			return err
		}
	}
	for _, e := range edits {
		path := filepath.Join(dst, filepath.FromSlash(e.file))
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte(e.old)); n != 1 {
			return fmt.Errorf("%s %s: %s holds %d copies of %q, want 1: redo the edits (tools/goappjs)", module, version, e.file, n, e.old)
		}
		if err := os.WriteFile(path, bytes.Replace(b, []byte(e.old), []byte(e.new), 1), 0o644); err != nil {
			return err
		}
	}
	work := fmt.Sprintf("go %s\n\nuse %s\n\nreplace %s => %s\n", gloss.GoVersion, quote(gloss.Dir), module, quote(dst))
	return os.WriteFile(filepath.Join(out, "go.work"), []byte(work), 0o644)
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
