package entity

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestKeyTable: every key finds its entity, the last of those sharing it
// as a map would, and an absent key nothing.
func TestKeyTable(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for _, n := range []int{0, 1, 7, 8, 9, 1000} {
		ents := make([]Entity, n)
		want := map[string]int{}
		for i := range ents {
			ents[i].Key = fmt.Sprintf("k%d", rng.Intn(n+1))
			want[ents[i].Key] = i
		}
		tab := newKeyTable(n)
		for i := range ents {
			tab.put(ents, i)
		}
		for k, i := range want {
			if got, ok := tab.get(ents, k); !ok || got != i {
				t.Errorf("n %d: get(%q) = %d %v, want %d", n, k, got, ok, i)
			}
		}
		if _, ok := tab.get(ents, "absent"); ok {
			t.Errorf("n %d: an absent key found", n)
		}
	}
	if _, ok := (keyTable{}).get(nil, "k"); ok {
		t.Error("the empty table found a key")
	}
}

// TestNormTable: every target of an index is found by its normalised form,
// and a form no target has is not.
func TestNormTable(t *testing.T) {
	for _, text := range []string{"", "a", "Jean-Yves Le Drian met the UN in Paris. Le Drian said so.", SampleArticle(40<<10, 2)} {
		x := NewIndex(text, Find(text, nil))
		for id := range int32(x.Len()) {
			if got, ok := x.lookup(x.norm(id)); !ok || got != id {
				t.Fatalf("%d targets: lookup(%q) = %d %v, want %d", x.Len(), x.norm(id), got, ok, id)
			}
		}
		for _, q := range []string{"absent words", "zz"} {
			if id, ok := x.lookup(q); ok {
				t.Errorf("lookup(%q) found target %d", q, id)
			}
		}
	}
	if _, ok := (&Index{}).lookup("k"); ok {
		t.Error("the empty index found a target")
	}
}
