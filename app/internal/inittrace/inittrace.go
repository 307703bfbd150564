// Package inittrace tells tests what a package's initialiser allocates:
// the page runs every initialiser of app.wasm at each start, before its
// first render, so tables made there cost every visit.
package inittrace

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"testing"
)

// Allocs runs the test binary again with GODEBUG=inittrace=1 (and no
// test) and returns the bytes and the allocations pkg's initialiser made.
// It skips the test where no subprocess can be started (js, wasip1).
func Allocs(t testing.TB, pkg string) (bytes, allocs int) {
	t.Helper()
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no subprocess here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	m := regexp.MustCompile(`init ` + regexp.QuoteMeta(pkg) + ` @[^,]*, [^,]*, (\d+) bytes, (\d+) allocs`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no inittrace line for %s in:\n%s", pkg, out)
	}
	bytes, _ = strconv.Atoi(string(m[1]))
	allocs, _ = strconv.Atoi(string(m[2]))
	return bytes, allocs
}
