package entity

// tokIndexShift sets the span of code points one tokIndex entry covers.
const tokIndexShift = 6

// tokIndex narrows the binary searches of tokenAt and tokenEnding: lo[k] is
// the first token whose position (start or end) is at least k<<tokIndexShift,
// so a search looks among the few tokens of one 64-code-point stretch
// instead of the whole article's (every mention of every entity asks, and
// in wasm the long searches' cache misses showed in the typing's profile).
type tokIndex struct {
	lo []int32
}

// newTokIndex indexes pos(0) … pos(n-1), which must not decrease; it
// returns nil when they do (the callers then search everything, as before).
func newTokIndex(n int, pos func(i int) int32) *tokIndex {
	if n == 0 {
		return nil
	}
	last := pos(n - 1)
	if last < 0 {
		return nil
	}
	lo := make([]int32, int(last)>>tokIndexShift+2)
	k, prev := 0, int32(-1)
	for i := 0; i < n; i++ {
		step(i)
		p := pos(i)
		if p < prev {
			return nil
		}
		prev = p
		for ; k <= int(p)>>tokIndexShift; k++ {
			lo[k] = int32(i) // k<<shift <= p: token i is the first at or after it
		}
	}
	for ; k < len(lo); k++ {
		lo[k] = int32(n)
	}
	return &tokIndex{lo}
}

// bounds returns i, j such that the first position at least cp is at an
// index in [i, j] (j the number of tokens when it lies past them all).
func (x *tokIndex) bounds(cp, n int) (int, int) {
	if x == nil || cp < 0 {
		return 0, n
	}
	k := cp >> tokIndexShift
	if k+1 >= len(x.lo) {
		return int(x.lo[len(x.lo)-1]), n
	}
	return int(x.lo[k]), int(x.lo[k+1])
}

// buildTokIndex indexes the tokens' starts and ends for tokenAt and
// tokenEnding.
func (f *finder) buildTokIndex() {
	f.startIdx = newTokIndex(len(f.toks), func(i int) int32 { return f.toks[i].start })
	f.endIdx = newTokIndex(len(f.toks), func(i int) int32 { return f.toks[i].end })
	f.tokIdxDone = true
}
