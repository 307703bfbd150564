package text

import (
	"sort"
	"unicode/utf8"
)

// Offsets converts between code point offsets, UTF-16 unit offsets (the DOM's
// unit) and byte offsets of one string: the one table the UI, the search and
// the file formats convert with.
//
// Only non-ASCII runes are recorded, so an ASCII text costs almost nothing and
// every lookup is a binary search over those runes.
type Offsets struct {
	s    string
	n    int     // code points
	cps  []int32 // code point offset of each non-ASCII rune
	bEnd []int32 // byte offset just after that rune
	uEnd []int32 // UTF-16 offset just after that rune
}

// NewOffsets builds the Offsets of s in O(len(s)).
func NewOffsets(s string) *Offsets {
	x := &Offsets{s: s}
	// Size the tables once: lead bytes count the non-ASCII runes of valid text.
	lead := leadBytes(s)
	x.cps = make([]int32, 0, lead)
	x.bEnd = make([]int32, 0, lead)
	x.uEnd = make([]int32, 0, lead)
	cp, u := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			j := asciiEnd(s, i)
			cp += j - i
			u += j - i
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		u++
		if r > 0xFFFF {
			u++
		}
		x.cps = append(x.cps, int32(cp))
		x.bEnd = append(x.bEnd, int32(i))
		x.uEnd = append(x.uEnd, int32(u))
		cp++
	}
	x.n = cp
	return x
}

// Len returns the number of code points in the indexed string.
func (x *Offsets) Len() int { return x.n }

// String returns the indexed string.
func (x *Offsets) String() string { return x.s }

func (x *Offsets) clampCP(cp int) int {
	if cp < 0 {
		return 0
	}
	if cp > x.n {
		return x.n
	}
	return cp
}

// before returns the number of non-ASCII runes whose code point offset is < cp.
func (x *Offsets) before(cp int) int {
	return sort.Search(len(x.cps), func(i int) bool { return int(x.cps[i]) >= cp })
}

// UTF16 converts a code point offset to a UTF-16 unit offset; out of range
// offsets are clamped to [0, Len()].
func (x *Offsets) UTF16(cp int) int {
	cp = x.clampCP(cp)
	k := x.before(cp)
	if k == 0 {
		return cp
	}
	return int(x.uEnd[k-1]) + cp - int(x.cps[k-1]) - 1
}

// Byte converts a code point offset to a byte offset into the string; out of
// range offsets are clamped.
func (x *Offsets) Byte(cp int) int {
	cp = x.clampCP(cp)
	k := x.before(cp)
	if k == 0 {
		return cp
	}
	return int(x.bEnd[k-1]) + cp - int(x.cps[k-1]) - 1
}

// FromUTF16 converts a UTF-16 unit offset to a code point offset. A unit in
// the middle of a surrogate pair rounds down to the pair's code point.
func (x *Offsets) FromUTF16(u int) int { return x.from(u, x.uEnd) }

// FromByte converts a byte offset to a code point offset. A byte in the middle
// of a multi-byte rune rounds down to that rune.
func (x *Offsets) FromByte(b int) int { return x.from(b, x.bEnd) }

// from maps an offset in another unit (whose rune ends are given by ends) to a
// code point offset.
func (x *Offsets) from(v int, ends []int32) int {
	if v <= 0 {
		return 0
	}
	// j: last non-ASCII rune ending at or before v.
	j := sort.Search(len(ends), func(i int) bool { return int(ends[i]) > v }) - 1
	prevCP, prevEnd := -1, 0
	if j >= 0 {
		prevCP, prevEnd = int(x.cps[j]), int(ends[j])
	}
	cp := prevCP + 1 + v - prevEnd
	// v may fall inside the next non-ASCII rune: round down to it.
	if j+1 < len(x.cps) && cp > int(x.cps[j+1]) {
		cp = int(x.cps[j+1])
	}
	return x.clampCP(cp)
}

// Slice returns the code points [start, end) of the string; offsets are
// clamped and an empty string is returned when start >= end.
func (x *Offsets) Slice(start, end int) string {
	start, end = x.clampCP(start), x.clampCP(end)
	if start >= end {
		return ""
	}
	return x.s[x.Byte(start):x.Byte(end)]
}
