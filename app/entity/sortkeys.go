package entity

import (
	"math/bits"
	"slices"
)

// sortTargetKeys sorts the index's targets by sortKey: rank and length,
// then the first eight bytes, then tie (the whole normalised forms), which
// must make the order total. It is sortPaced's result with the first two
// comparisons written out rather than made through a function value: in
// wasm that call, several million times on a long article, cost more than
// the comparisons themselves.
func sortTargetKeys(s []sortKey, tie func(a, b int32) int) {
	const run = 2048
	if Pause == nil || len(s) <= run {
		quickKeys(s, tie, 2*bits.Len(uint(len(s))))
		return
	}
	for i := 0; i < len(s); i += run {
		r := s[i:min(i+run, len(s))]
		quickKeys(r, tie, 2*bits.Len(uint(len(r))))
		step(0)
	}
	buf := make([]sortKey, len(s))
	src, dst := s, buf
	for width := run; width < len(s); width *= 2 {
		n := 0
		for lo := 0; lo < len(s); lo += 2 * width {
			mid, hi := min(lo+width, len(s)), min(lo+2*width, len(s))
			i, j := lo, mid
			for k := lo; k < hi; k++ {
				if n++; n&4095 == 0 {
					step(0)
				}
				if j >= hi || i < mid && !keyLess(src[j], src[i], tie) {
					dst[k] = src[i]
					i++
				} else {
					dst[k] = src[j]
					j++
				}
			}
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// keyLess reports whether a sorts before b.
func keyLess(a, b sortKey, tie func(a, b int32) int) bool {
	if a.rankLen != b.rankLen {
		return a.rankLen < b.rankLen
	}
	if a.pre8 != b.pre8 {
		return a.pre8 < b.pre8
	}
	return tie(a.id, b.id) < 0
}

// quickKeys sorts s: quicksort on the median of three, insertion sort for
// short ranges, and slices.SortFunc once depth runs out (keys no pivot
// splits well).
func quickKeys(s []sortKey, tie func(a, b int32) int, depth int) {
	for len(s) > 16 {
		if depth == 0 {
			slices.SortFunc(s, func(a, b sortKey) int {
				if keyLess(a, b, tie) {
					return -1
				}
				if keyLess(b, a, tie) {
					return 1
				}
				return 0
			})
			return
		}
		depth--
		m, last := len(s)/2, len(s)-1
		if keyLess(s[m], s[0], tie) {
			s[m], s[0] = s[0], s[m]
		}
		if keyLess(s[last], s[m], tie) {
			s[last], s[m] = s[m], s[last]
			if keyLess(s[m], s[0], tie) {
				s[m], s[0] = s[0], s[m]
			}
		}
		p := s[m]
		// Hoare's partition: s[:j+1] ≤ p ≤ s[j+1:], both sides non-empty.
		i, j := -1, len(s)
		for {
			for i++; keyLess(s[i], p, tie); i++ {
			}
			for j--; keyLess(p, s[j], tie); j-- {
			}
			if i >= j {
				break
			}
			s[i], s[j] = s[j], s[i]
		}
		// Loop on the larger side, recurse on the smaller.
		if j+1 < len(s)-j-1 {
			quickKeys(s[:j+1], tie, depth)
			s = s[j+1:]
		} else {
			quickKeys(s[j+1:], tie, depth)
			s = s[:j+1]
		}
	}
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && keyLess(s[k], s[k-1], tie); k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}

// pre8 is the first eight bytes of s as a big-endian number, zeros after
// its end: numbers compare as the strings' starts do.
func pre8(s string) uint64 {
	var p uint64
	for k := 0; k < 8; k++ {
		p <<= 8
		if k < len(s) {
			p |= uint64(s[k])
		}
	}
	return p
}
