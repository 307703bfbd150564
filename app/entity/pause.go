package entity

import "slices"

// Pause, when not nil, is called between small steps of Find and NewIndex:
// every few hundred tokens, names or search targets. Go in the browser has
// one thread, shared with the page: the app sets Pause to give it back once
// a slice of work has run long enough (it sleeps, and Go returns to the
// browser's event loop), so building the entities and search index of a
// long article never freezes the page. Pause must not call into this
// package. Natively it stays nil.
var Pause func()

// step calls Pause every 256th i.
func step(i int) {
	if Pause != nil && i&255 == 0 {
		Pause()
	}
}

// pacer steps loops whose index jumps (lines, brackets): every tick counts.
type pacer int

func (p *pacer) tick() {
	*p++
	step(int(*p))
}

// sortPaced sorts s by cmp like slices.SortFunc, in pieces that step
// between them: runs of 2048 sorted one by one, then merged pairwise. cmp
// must be a total order (no two elements equal), so the result is the same
// as slices.SortFunc's.
func sortPaced[T any](s []T, cmp func(a, b T) int) {
	const run = 2048
	if Pause == nil || len(s) <= run {
		slices.SortFunc(s, cmp)
		return
	}
	for i := 0; i < len(s); i += run {
		slices.SortFunc(s[i:min(i+run, len(s))], cmp)
		step(0)
	}
	buf := make([]T, len(s))
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
				if j >= hi || i < mid && cmp(src[i], src[j]) <= 0 {
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
