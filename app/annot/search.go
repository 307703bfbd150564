package annot

// Search: where quotes stand in a text, exactly (every occurrence of many
// quotes in one pass) and approximately (within an edit distance), for
// Reanchor and Place.

import "slices"

// findAll returns the sorted start positions of every quote in text, found
// in one pass per quote length class (1, 2, 3+ code points) keyed on the
// quote's first code points, so thousands of quotes cost about as much as
// a few.
func findAll(text []rune, quotes map[string][]rune) map[string][]int {
	occ := make(map[string][]int, len(quotes))
	var classes [4]map[uint64][]string // by key length 1..3
	for s, q := range quotes {
		if len(q) == 0 {
			continue
		}
		kl := min(len(q), 3)
		if classes[kl] == nil {
			classes[kl] = map[uint64][]string{}
		}
		k := runeKey(q[:kl])
		classes[kl][k] = append(classes[kl][k], s)
	}
	for kl := 1; kl <= 3; kl++ {
		byKey := classes[kl]
		if byKey == nil {
			continue
		}
		var filter [1 << 10]uint64 // 64K-bit Bloom-like filter in front of the map
		for k := range byKey {
			h := mix(k)
			filter[h>>6&(1<<10-1)] |= 1 << (h & 63)
		}
		mask := uint64(1)<<(21*kl) - 1
		var key uint64
		for i, r := range text {
			key = (key<<21 | uint64(r)&(1<<21-1)) & mask
			if i < kl-1 {
				continue
			}
			h := mix(key)
			if filter[h>>6&(1<<10-1)]&(1<<(h&63)) == 0 {
				continue
			}
			start := i - kl + 1
			for _, s := range byKey[key] {
				q := quotes[s]
				if start+len(q) <= len(text) && slices.Equal(text[start+kl:start+len(q)], q[kl:]) {
					occ[s] = append(occ[s], start)
				}
			}
		}
	}
	return occ
}

func runeKey(rs []rune) uint64 {
	var k uint64
	for _, r := range rs {
		k = k<<21 | uint64(r)&(1<<21-1)
	}
	return k
}

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// --- approximate search -----------------------------------------------------

type fuzzyMatch struct{ start, end, dist int }

// approxFind returns the best approximate occurrences of q (at most 64 code
// points) in text[lo:hi] with at most k edits: in each run of matching end
// positions, those at the run's smallest distance. It uses Myers' bit-parallel algorithm, linear in hi-lo.
func approxFind(text []rune, lo, hi int, q []rune, k int) []fuzzyMatch {
	m := len(q)
	var ascii [128]uint64
	other := map[rune]uint64{}
	for i, r := range q {
		if r < 128 {
			ascii[r] |= 1 << i
		} else {
			other[r] |= 1 << i
		}
	}
	last := uint64(1) << (m - 1)
	pv, mv := ^uint64(0), uint64(0)
	score := m
	var out []fuzzyMatch
	var run []fuzzyMatch // ends (and distances) of the current run of matching ends
	flush := func() {
		best := k + 1
		for _, c := range run {
			best = min(best, c.dist)
		}
		for _, c := range run {
			if c.dist > best {
				continue
			}
			if s, d := bestStart(text, lo, c.end, q, k); d <= k {
				out = append(out, fuzzyMatch{s, c.end, d})
			}
		}
		run = run[:0]
	}
	for j := lo; j < hi; j++ {
		r := text[j]
		var eq uint64
		if r >= 0 && r < 128 {
			eq = ascii[r]
		} else {
			eq = other[r]
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph <<= 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
		if score <= k {
			run = append(run, fuzzyMatch{end: j + 1, dist: score})
		} else if len(run) > 0 {
			flush()
		}
	}
	flush()
	return out
}

// bestStart finds the start s ≥ lo minimising the edit distance between q
// and text[s:end], preferring a length close to q's.
func bestStart(text []rune, lo, end int, q []rune, k int) (int, int) {
	m := len(q)
	col := make([]int, m+1)
	for r := range col {
		col[r] = r
	}
	best, bestT := col[m], 0
	for t := 1; t <= m+k && end-t >= lo; t++ {
		c := text[end-t]
		diag := col[0]
		col[0] = t
		for r := 1; r <= m; r++ {
			v := diag
			if q[m-r] != c {
				v++
			}
			if col[r]+1 < v {
				v = col[r] + 1
			}
			if col[r-1]+1 < v {
				v = col[r-1] + 1
			}
			diag, col[r] = col[r], v
		}
		if col[m] < best || (col[m] == best && abs(t-m) < abs(bestT-m)) {
			best, bestT = col[m], t
		}
	}
	return end - bestT, best
}

// boundedDistance is the Levenshtein distance between a and b, or k+1 when
// it exceeds k; it only computes the diagonal band of width 2k+1.
func boundedDistance(a, b []rune, k int) int {
	if abs(len(a)-len(b)) > k {
		return k + 1
	}
	inf := k + 1
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		for j := range cur {
			cur[j] = inf
		}
		if i <= k {
			cur[0] = i
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return inf
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], inf)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
