package text

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"testing"
)

// TestInitialiserAllocates checks that the package's initialiser, which
// the page runs at every start before its first render, makes none of the
// word tables: it runs this test binary again with GODEBUG=inittrace=1 and
// reads what the initialiser allocated. With the abbreviations and the
// sentence openers made eagerly it took 15.8 KB in 14 allocations; now
// 144 bytes in 4.
func TestInitialiserAllocates(t *testing.T) {
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no subprocess here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	m := regexp.MustCompile(`init gloss/app/text @[^,]*, [^,]*, (\d+) bytes, (\d+) allocs`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no inittrace line for gloss/app/text in:\n%s", out)
	}
	bytes, _ := strconv.Atoi(string(m[1]))
	allocs, _ := strconv.Atoi(string(m[2]))
	if bytes > 4<<10 || allocs > 16 {
		t.Errorf("the initialiser allocates %d bytes in %d allocations: a word table is made at start-up", bytes, allocs)
	}
}
