package entity

import (
	"bytes"
	"cmp"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestSortTargetKeys sorts keys with many ties on rank, length and first
// bytes, unpaused and paused, and compares with slices.SortFunc on the same
// total order.
func TestSortTargetKeys(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for _, n := range []int{0, 1, 2, 17, 300, 2048, 2049, 9000} {
		norms := make([][]byte, n)
		keys := make([]sortKey, n)
		for i := range keys {
			norms[i] = []byte{byte(r.Intn(3)), byte(i >> 8), byte(i)} // distinct
			keys[i] = sortKey{uint64(r.Intn(4)), uint64(r.Intn(3)), int32(i)}
		}
		tie := func(a, b int32) int { return bytes.Compare(norms[a], norms[b]) }
		want := slices.Clone(keys)
		slices.SortFunc(want, func(a, b sortKey) int {
			if c := cmp.Compare(a.rankLen, b.rankLen); c != 0 {
				return c
			}
			if c := cmp.Compare(a.pre8, b.pre8); c != 0 {
				return c
			}
			return tie(a.id, b.id)
		})
		for _, paused := range []bool{false, true} {
			got := slices.Clone(keys)
			r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
			if paused {
				Pause = func() {}
			}
			sortTargetKeys(got, tie)
			Pause = nil
			if !slices.Equal(got, want) {
				t.Errorf("%d keys, paused %v: not in order", n, paused)
			}
		}
	}
	// Sorted and reversed input, where a poor pivot would go quadratic.
	keys := make([]sortKey, 5000)
	for i := range keys {
		keys[i] = sortKey{uint64(i), 0, int32(i)}
	}
	want := slices.Clone(keys)
	slices.Reverse(keys)
	sortTargetKeys(keys, func(a, b int32) int { return cmp.Compare(a, b) })
	if !slices.Equal(keys, want) {
		t.Error("reversed keys: not in order")
	}
}

// TestPre8: where two strings' pre8 differ, they order as the strings do.
func TestPre8(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefgi", "b", "ba", "zürich", "zu", "é", "e"}
	for _, a := range words {
		for _, b := range words {
			if pa, pb := pre8(a), pre8(b); pa != pb && (pa < pb) != (strings.Compare(a, b) < 0) {
				t.Errorf("pre8(%q) = %x, pre8(%q) = %x: not the strings' order", a, pa, b, pb)
			}
		}
	}
}
