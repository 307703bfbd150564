package entity

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestEvidenceStore: a sentence is made once per store and shared, a count
// is added to a repeated clue, and a list cut from a chunk can be appended
// to without touching the next entity's.
func TestEvidenceStore(t *testing.T) {
	var st evidenceStore
	title := clue{TypePER, wTitle, "after the title “%s”", "Minister"}
	given := clue{TypePER, wGiven, "the given name “%s”", "Jean"}
	_, _, a := decide([]clue{title, given, title}, &st)
	_, _, b := decide([]clue{given, {TypeLOC, 0.1, "after “%s”", "in"}}, &st)
	if want := []string{"the given name “Jean”", "after the title “Minister” (2 times)"}; !reflect.DeepEqual(a, want) {
		t.Fatalf("evidence %q, want %q", a, want)
	}
	if want := []string{"the given name “Jean”"}; !reflect.DeepEqual(b, want) {
		t.Fatalf("evidence %q, want %q", b, want)
	}
	if unsafe.StringData(a[0]) != unsafe.StringData(b[0]) {
		t.Errorf("the same sentence was made twice")
	}
	a = append(a, "more")
	if b[0] != "the given name “Jean”" {
		t.Errorf("appending to one list changed the next: %q", b)
	}
	if _, _, ev := decide(nil, &st); ev != nil {
		t.Errorf("no clues: evidence %q, want nil", ev)
	}
}
