package text

import (
	"testing"

	"gloss/app/internal/inittrace"
)

// TestInitialiserAllocates checks that the package's initialiser, which
// the page runs at every start before its first render, makes none of the
// word tables: it reads (inittrace.Allocs) what the initialiser allocated.
// With the abbreviations and the
// sentence openers made eagerly it took 15.8 KB in 14 allocations; now
// 144 bytes in 4.
func TestInitialiserAllocates(t *testing.T) {
	bytes, allocs := inittrace.Allocs(t, "gloss/app/text")
	if bytes > 4<<10 || allocs > 16 {
		t.Errorf("the initialiser allocates %d bytes in %d allocations: a word table is made at start-up", bytes, allocs)
	}
}
