package random

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// Read fills the whole of a buffer larger than crypto.getRandomValues
// takes at once, and two reads differ.
func TestRead(t *testing.T) {
	a, b := make([]byte, 200_000), make([]byte, 200_000)
	Read(a)
	Read(b)
	if bytes.Equal(a, b) {
		t.Fatal("two reads gave the same bytes")
	}
	// Each 4 KB block of random bytes holds a non-zero byte, short of a
	// chance of 2^-32768.
	for i := 0; i < len(a); i += 4096 {
		if !slices.ContainsFunc(a[i:min(i+4096, len(a))], func(c byte) bool { return c != 0 }) {
			t.Fatalf("bytes %d..%d are all zero", i, min(i+4096, len(a)))
		}
	}
}

// TestRead passes in the browser's build too: the package's tests, built
// for js/wasm, run under Node (which has crypto.getRandomValues).
func TestReadJS(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("already in js/wasm")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node to run js/wasm")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	run := filepath.Join(string(bytes.TrimSpace(goroot)), "lib", "wasm", "go_js_wasm_exec")
	cmd := exec.Command("go", "test", "-count=1", "-exec", run, "-run", "^TestRead$", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("js/wasm: %v\n%s", err, out)
	}
}
