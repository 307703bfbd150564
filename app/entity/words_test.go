package entity

import (
	"testing"

	"gloss/app/internal/inittrace"
)

// TestWordSetMadeOnFirstUse checks that a word set keeps only its lists
// until it is asked, and then holds their folded words and its whole keys.
func TestWordSetMadeOnFirstUse(t *testing.T) {
	s := &wordSet{lists: []string{"Élysée  the\nÜber\tX", "x"}, whole: []string{"u s"}}
	if s.m != nil {
		t.Fatal("a new word set is already made")
	}
	for _, w := range []string{"elysee", "the", "uber", "x", "u s"} {
		if !s.has(w) || !inSet(s, []byte(w)) {
			t.Errorf("%q missing", w)
		}
	}
	for _, w := range []string{"Élysée", "Uber", "u", "", "elysee the"} {
		if s.has(w) {
			t.Errorf("%q is in the set", w)
		}
	}
	if n := len(s.words()); n != 5 {
		t.Errorf("%d words, want 5: %v", n, s.words())
	}
	for _, k := range []string{"u s", "u s a", "u k", "ee uu", "usa", "rdc"} {
		if !knownPlaceAcronyms.has(k) {
			t.Errorf("knownPlaceAcronyms lacks %q", k)
		}
	}
}

// TestInitialiserAllocates checks that the package's initialiser, which
// the page runs at every start before its first render, makes none of the
// word sets: it reads (inittrace.Allocs) what the initialiser allocated.
// Made eagerly, the sets took 156 KB in 457 allocations; lazily, the
// package allocates ~7 KB.
func TestInitialiserAllocates(t *testing.T) {
	bytes, allocs := inittrace.Allocs(t, "gloss/app/entity")
	if bytes > 32<<10 || allocs > 128 {
		t.Errorf("the initialiser allocates %d bytes in %d allocations: a word set (or other table) is made at start-up", bytes, allocs)
	}
}
