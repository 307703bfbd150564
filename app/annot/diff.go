package annot

// Diff: the segments an old and a new text share (lines, then words, by
// Myers), so that Reanchor can map an old offset to where it now stands.

import (
	"slices"
	"sort"

	gtext "gloss/app/text"
)

// seg says old[o:o+l] == new[n:n+l].
type seg struct{ o, n, l int }

// mapper maps old offsets to new ones through the unchanged segments.
type mapper struct {
	segs           []seg // increasing in both o and n
	oldLen, newLen int
}

// exact maps old offset p when it lies in unchanged text.
func (m mapper) exact(p int) (int, bool) {
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].o+m.segs[i].l > p })
	if i < len(m.segs) && m.segs[i].o <= p {
		return m.segs[i].n + p - m.segs[i].o, true
	}
	return 0, false
}

// approx maps old offset p, interpolating inside changed text; lo and hi
// bound the changed stretch of new text it falls in.
func (m mapper) approx(p int) (n, lo, hi int) {
	if n, ok := m.exact(p); ok {
		return n, n, n
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].o > p })
	oe, ne := 0, 0
	if i > 0 {
		oe, ne = m.segs[i-1].o+m.segs[i-1].l, m.segs[i-1].n+m.segs[i-1].l
	}
	o2, n2 := m.oldLen, m.newLen
	if i < len(m.segs) {
		o2, n2 = m.segs[i].o, m.segs[i].n
	}
	if o2 <= oe {
		return ne, ne, n2
	}
	return ne + (p-oe)*(n2-ne)/(o2-oe), ne, n2
}

// segBuilder collects segments in increasing order, merging neighbours.
type segBuilder struct{ segs []seg }

func (b *segBuilder) add(o, n, l int) {
	if l <= 0 {
		return
	}
	if k := len(b.segs) - 1; k >= 0 && b.segs[k].o+b.segs[k].l == o && b.segs[k].n+b.segs[k].l == n {
		b.segs[k].l += l
		return
	}
	b.segs = append(b.segs, seg{o, n, l})
}

// diffSegments returns the unchanged segments between a and b: common
// prefix and suffix, then a diff of lines in between (ignoring how lines
// end), refined by a diff of words inside changed lines. complete is false
// when the line diff gave up (too many edits): only prefix and suffix are
// then known.
func diffSegments(a, b []rune) (segs []seg, complete bool) {
	p := commonPrefix(a, b)
	s := commonSuffix(a[p:], b[p:])
	var sb segBuilder
	sb.add(0, 0, p)
	complete = true
	if p < len(a)-s && p < len(b)-s {
		complete = lineDiff(a, b, p, len(a)-s, p, len(b)-s, &sb)
	}
	sb.add(len(a)-s, len(b)-s, s)
	return sb.segs, complete
}

func commonPrefix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func commonSuffix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			return i
		}
	}
	return n
}

// token is a line or word: text[start:end], its content text[start:cend]
// (a line without its ending), hashed.
type token struct {
	start, cend, end int
	h                uint64
}

func lines(t []rune, lo, hi int) []token {
	var out []token
	s := lo
	for i := lo; i < hi; i++ {
		switch t[i] {
		case '\n':
			out = append(out, token{s, i, i + 1, hashRunes(t[s:i]) ^ 1})
			s = i + 1
		case '\r':
			e := i + 1
			if e < hi && t[e] == '\n' {
				e++
			}
			out = append(out, token{s, i, e, hashRunes(t[s:i]) ^ 1})
			s = e
			i = e - 1
		}
	}
	if s < hi {
		out = append(out, token{s, hi, hi, hashRunes(t[s:hi])})
	}
	return out
}

func words(t []rune, lo, hi int) []token {
	var out []token
	for i := lo; i < hi; {
		j := i + 1
		if gtext.IsWordRune(t[i]) {
			for j < hi && gtext.IsWordRune(t[j]) {
				j++
			}
		}
		out = append(out, token{i, j, j, hashRunes(t[i:j])})
		i = j
	}
	return out
}

func hashRunes(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h &^ 1 // low bit is left for "line has an ending"
}

// lineDiff diffs a[ao:ae] and b[bo:be] by lines and adds the unchanged
// segments; it reports false when the diff needs more than maxLineEdits.
func lineDiff(a, b []rune, ao, ae, bo, be int, sb *segBuilder) bool {
	ta, tb := lines(a, ao, ae), lines(b, bo, be)
	pairs, ok := myers(ta, tb, maxLineEdits)
	if !ok {
		return false
	}
	ca, cb := ao, bo
	for _, pr := range pairs {
		x, y := ta[pr[0]], tb[pr[1]]
		if x.cend-x.start != y.cend-y.start || !slices.Equal(a[x.start:x.cend], b[y.start:y.cend]) {
			continue // hash collision: leave it to the next gap
		}
		refine(a, b, ca, x.start, cb, y.start, sb, true)
		sb.add(x.start, y.start, x.cend-x.start)
		ca, cb = x.cend, y.cend
	}
	refine(a, b, ca, ae, cb, be, sb, true)
	return true
}

// refine adds the unchanged segments of a changed block a[ao:ae] /
// b[bo:be]: its common prefix and suffix and, when words is set and the
// block is not too big, a diff of the words in between.
func refine(a, b []rune, ao, ae, bo, be int, sb *segBuilder, byWords bool) {
	if ao >= ae || bo >= be {
		return
	}
	p := commonPrefix(a[ao:ae], b[bo:be])
	sb.add(ao, bo, p)
	ao, bo = ao+p, bo+p
	s := commonSuffix(a[ao:ae], b[bo:be])
	ae, be = ae-s, be-s
	if byWords && ao < ae && bo < be && ae-ao <= maxWordBlock && be-bo <= maxWordBlock {
		ta, tb := words(a, ao, ae), words(b, bo, be)
		if pairs, ok := myers(ta, tb, maxWordEdits); ok {
			ca, cb := ao, bo
			for _, pr := range pairs {
				x, y := ta[pr[0]], tb[pr[1]]
				if x.end-x.start != y.end-y.start || !slices.Equal(a[x.start:x.end], b[y.start:y.end]) {
					continue
				}
				refine(a, b, ca, x.start, cb, y.start, sb, false)
				sb.add(x.start, y.start, x.end-x.start)
				ca, cb = x.end, y.end
			}
			refine(a, b, ca, ae, cb, be, sb, false)
		}
	}
	sb.add(ae, be, s)
}

// myers returns the pairs of equal tokens (index in a, index in b) of a
// shortest edit script between a and b, in increasing order, or false when
// it needs more than maxD insertions and deletions. Work is O((N+M)·D) and
// memory O(D²).
func myers(a, b []token, maxD int) ([][2]int, bool) {
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int32, 2*maxD+3)
	var trace [][]int32
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int32(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x].h == b[y].h {
				x++
				y++
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				return backtrack(trace, n, m), true
			}
		}
	}
	return nil, false
}

func backtrack(trace [][]int32, x, y int) [][2]int {
	var pairs [][2]int
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d] // v before step d, v[k+d+1] is diagonal k
		at := func(k int) int { return int(v[k+d+1]) }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
			pairs = append(pairs, [2]int{x, y})
		}
		x, y = px, py
	}
	for i, j := 0, len(pairs)-1; i < j; i, j = i+1, j-1 {
		pairs[i], pairs[j] = pairs[j], pairs[i]
	}
	return pairs
}
