package entity

import (
	"math/rand"
	"slices"
	"testing"
)

// TestIndexPrefixLists: prefix1 lists every target by its first letter and
// prefix2 by its first two (none when the second is a space or missing),
// each list in target order, with no empty list.
func TestIndexPrefixLists(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	for n := range 100 {
		text := variedText(r)
		x := NewIndex(text, Find(text, nil))
		want1 := map[rune][]int32{}
		want2 := map[[2]rune][]int32{}
		for id := range len(x.offs) - 1 {
			r0, r1, two := prefixOf(x.norm(int32(id)))
			want1[r0] = append(want1[r0], int32(id))
			if two {
				want2[[2]rune{r0, r1}] = append(want2[[2]rune{r0, r1}], int32(id))
			}
		}
		if len(x.prefix1) != len(want1) || len(x.prefix2) != len(want2) {
			t.Fatalf("text %d: %d and %d prefix lists, want %d and %d", n, len(x.prefix1), len(x.prefix2), len(want1), len(want2))
		}
		for r0, ids := range want1 {
			if !slices.Equal(x.prefix1[r0], ids) {
				t.Fatalf("text %d: prefix1[%q] = %v, want %v", n, r0, x.prefix1[r0], ids)
			}
		}
		for p, ids := range want2 {
			if !slices.Equal(x.prefix2[p], ids) {
				t.Fatalf("text %d: prefix2[%q] = %v, want %v", n, string(p[:]), x.prefix2[p], ids)
			}
		}
	}
}
