package entity

import (
	"cmp"
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// withPause sets Pause to count its calls for the test's duration.
func withPause(t *testing.T) *int {
	n := new(int)
	Pause = func() { *n++ }
	t.Cleanup(func() { Pause = nil })
	return n
}

func TestSortPaced(t *testing.T) {
	n := withPause(t)
	rng := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 2047, 2048, 2049, 5000, 70001} {
		s := rng.Perm(size)
		want := slices.Clone(s)
		slices.Sort(want)
		sortPaced(s, cmp.Compare[int])
		if !slices.Equal(s, want) {
			t.Fatalf("size %d: not sorted", size)
		}
	}
	if *n == 0 {
		t.Error("sortPaced never paused")
	}
}

// TestPauseSameResults: building with pauses gives exactly what building
// without them gives, and pauses often enough to keep slices short.
func TestPauseSameResults(t *testing.T) {
	text := SampleArticle(300<<10, 3)
	ents := Find(text, nil)
	x := NewIndex(text, ents)
	n := withPause(t)
	ents2 := Find(text, nil)
	x2 := NewIndex(text, ents2)
	if !reflect.DeepEqual(ents, ents2) {
		t.Fatal("Find differs with Pause set")
	}
	if !slices.Equal(x.Targets(), x2.Targets()) {
		t.Fatal("NewIndex's targets differ with Pause set")
	}
	for _, q := range []string{"hollande", "pr", "minister"} {
		if !reflect.DeepEqual(x.Search(q, 10), x2.Search(q, 10)) {
			t.Errorf("Search(%q) differs with Pause set", q)
		}
	}
	// 300 KB is ~50,000 tokens: a pause at least every few thousand steps.
	if *n < 50 {
		t.Errorf("Pause called %d times over 300 KB", *n)
	}
}
