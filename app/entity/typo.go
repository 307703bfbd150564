package entity

import (
	"math/bits"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// Typo tolerance: a query matches a target within a number of edits — a
// letter dropped, added or replaced, or two neighbouring letters swapped
// (the optimal string alignment distance) — counted against a prefix of
// the target's letters from the start of one of its words, spaces left
// out. The distance is computed with Hyyrö's bit-parallel extension of
// Myers' algorithm: one pass over the target's letters, a few machine
// operations each, for queries of up to 64 letters.

// maxPattern is the number of query letters the bit vectors hold; longer
// queries are matched on their first maxPattern letters.
const maxPattern = 64

// typoPattern is a query prepared for typo matching.
type typoPattern struct {
	m     int    // letters
	last  uint64 // the bit of the last letter
	ascii [128]uint64
	other []runeBits // letters beyond ASCII
	mask  uint64     // ASCII letters and digits it contains, as maskOf
}

type runeBits struct {
	r    rune
	bits uint64
}

// newPattern prepares q, a normalised query with no spaces.
func newTypoPattern(q string) *typoPattern {
	p := &typoPattern{}
	for _, r := range q {
		if p.m == maxPattern {
			break
		}
		bit := uint64(1) << p.m
		if r < utf8.RuneSelf {
			p.ascii[r] |= bit
			p.mask |= maskBit(byte(r)) & asciiBits
		} else {
			found := false
			for i := range p.other {
				if p.other[i].r == r {
					p.other[i].bits |= bit
					found = true
				}
			}
			if !found {
				p.other = append(p.other, runeBits{r, bit})
			}
		}
		p.m++
	}
	if p.m > 0 {
		p.last = 1 << (p.m - 1)
	}
	return p
}

// asciiBits are the bits of maskOf that stand for one ASCII letter or
// digit each; the others are shared by hashed bytes of other letters.
const asciiBits = 1<<36 - 1

func (p *typoPattern) bitsOf(r rune) uint64 {
	if r < utf8.RuneSelf {
		return p.ascii[r]
	}
	for _, o := range p.other {
		if o.r == r {
			return o.bits
		}
	}
	return 0
}

// mayMatch reports whether a target whose letters are in mask can be
// within d edits: each letter of the query missing from the target costs
// at least one edit.
func (p *typoPattern) mayMatch(mask uint64, d int) bool {
	return bits.OnesCount64(p.mask&^mask) <= d
}

// prefixDist returns the least distance between the pattern and a prefix
// of the letters of s (spaces skipped), the byte where that prefix ends,
// and whether it ends a word of s; it gives up, returning more than limit,
// once no longer prefix can come within limit.
func (p *typoPattern) prefixDist(s string, limit int) (dist, end int, full bool) {
	vp, vn, d0, pmOld := ^uint64(0), uint64(0), uint64(0), uint64(0)
	score := p.m
	dist, end, full = score, 0, len(s) == 0
	j := 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r == ' ' {
			i++
			continue
		}
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		pm := p.bitsOf(r)
		tr := ((^d0 & pm) << 1) & pmOld
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&p.last != 0 {
			score++
		} else if hn&p.last != 0 {
			score--
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
		i += n
		j++
		atEnd := i == len(s) || s[i] == ' '
		if score < dist || score == dist && atEnd && !full {
			dist, end, full = score, i, atEnd
		}
		if j >= p.m+limit {
			break // every longer prefix is more than limit away
		}
	}
	return dist, end, full
}

// wordDist returns the distance between the pattern and the whole of s, a
// word, or more than limit when that is more. Its column step is written out
// as in prefixDist on purpose: as a shared method it does not inline, and the
// rescans at 4 and 8 letters, the slowest keystrokes, took ~5 % longer.
func (p *typoPattern) wordDist(s string, limit int) int {
	vp, vn, d0, pmOld := ^uint64(0), uint64(0), uint64(0), uint64(0)
	score, j := p.m, 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		pm := p.bitsOf(r)
		tr := ((^d0 & pm) << 1) & pmOld
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&p.last != 0 {
			score++
		} else if hn&p.last != 0 {
			score--
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
		i += n
		j++
		if j > p.m+limit {
			return limit + 1
		}
	}
	return score
}

// typoMatch is where a query matches a target best.
type typoMatch struct {
	dist       int
	start, end int  // bytes of the normalised target
	full       bool // the match ends a word
}

// match returns the best match of p in target id, trying each word start;
// dist is more than limit when there is none within it.
func (x *Index) match(p *typoPattern, id int32, limit int) typoMatch {
	s := x.norm(id)
	best := typoMatch{dist: limit + 1}
	for st := 0; st < len(s); st++ {
		if st > 0 && s[st-1] != ' ' || !p.mayStart(s[st:], limit) {
			continue
		}
		d, end, full := p.prefixDist(s[st:], limit)
		if d < best.dist || d == best.dist && full && !best.full {
			best = typoMatch{d, st, st + end, full}
			if d == 0 && full {
				break
			}
		}
	}
	return best
}

// mayStart reports whether a prefix of s can be within limit edits of the
// pattern: then one of the pattern's first limit+1 letters is one of the
// first limit+1 letters of s. (The first letters the alignment keeps, at
// i in the pattern and j in s, cost max(i, j) edits before them; two
// swapped letters cost one more.)
func (p *typoPattern) mayStart(s string, limit int) bool {
	if limit+1 >= p.m {
		return true
	}
	want := uint64(1)<<(limit+1) - 1
	n := 0
	for i := 0; i < len(s) && n < limit+1; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				continue
			}
			if p.ascii[c]&want != 0 {
				return true
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if p.bitsOf(r)&want != 0 {
				return true
			}
		}
		n++
	}
	return false
}

// mayPrefix reports whether a prefix of s can be within limit edits of the
// pattern, as mayStart does and more strictly. An alignment within limit
// edits keeps all but at most limit of the pattern's letters, each matched
// to the same letter of s at most limit places from its own (every place
// further is a letter added or dropped before it, and two swapped letters
// move one place for the edit that swaps them); and no prefix of more than
// m+limit letters is that near. So the walk over those first letters of s
// notes the pattern's letters some letter of s can keep, and gives up once
// more than limit of them can no longer be kept. It costs a few operations
// a letter, against prefixDist's longer step: on the 1 MB article, of the
// 16,812 targets mayStart let through at "thit", 915 are within one edit.
func (p *typoPattern) mayPrefix(s string, limit int) bool {
	start := limit+1 >= p.m // mayStart's condition, met at once
	want := uint64(1)<<(limit+1) - 1
	band := uint64(1)<<(2*limit+1) - 1 // pattern places within limit of place 0, shifted by limit
	var kept uint64
	n := 0 // letters of s read
	for i := 0; i < len(s) && n < p.m+limit; {
		c := s[i]
		var pm uint64 // the pattern's places of this letter
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				continue
			}
			pm = p.ascii[c]
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			pm = p.bitsOf(r)
		}
		if n <= limit && pm&want != 0 {
			start = true
		}
		if n >= limit {
			kept |= pm & (band << (n - limit))
			// Places up to n-limit are settled: no later letter keeps them.
			settled := uint64(1)<<(n-limit+1) - 1
			if bits.OnesCount64(settled&^kept) > limit {
				return false
			}
		} else {
			kept |= pm & (band >> (limit - n))
		}
		n++
		if n == limit+1 && !start {
			return false
		}
	}
	return start && bits.OnesCount64((p.last<<1-1)&^kept) <= limit
}

// allowance is how many edits a query forgives: per word, none for one of
// three letters or fewer, one up to seven letters, two from eight.
func allowance(query string) int {
	d, n := 0, 0
	word := func() {
		switch {
		case n >= 8:
			d += 2
		case n >= 4:
			d++
		}
		n = 0
	}
	for _, r := range query {
		if gtext.IsWordRune(r) {
			if fold(r) >= 0 {
				n++
			}
			continue
		}
		word()
	}
	word()
	return d
}

// alignedLetters returns the byte offsets in s[start:end] (spaces skipped)
// of the letters an optimal alignment with q keeps, for emphasis.
func alignedLetters(q, s string, start, end int) []int {
	qr := []rune(q)
	var tr []rune
	var at []int
	for i, r := range s[start:end] {
		if r != ' ' {
			tr = append(tr, r)
			at = append(at, start+i)
		}
	}
	n, m := len(qr), len(tr)
	d := make([][]int32, n+1)
	for i := range d {
		d[i] = make([]int32, m+1)
		d[i][0] = int32(i)
	}
	for j := 0; j <= m; j++ {
		d[0][j] = int32(j)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			c := int32(1)
			if qr[i-1] == tr[j-1] {
				c = 0
			}
			v := min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && qr[i-1] == tr[j-2] && qr[i-2] == tr[j-1] {
				v = min(v, d[i-2][j-2]+1)
			}
			d[i][j] = v
		}
	}
	var out []int
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case qr[i-1] == tr[j-1] && d[i][j] == d[i-1][j-1]:
			out = append(out, at[j-1])
			i, j = i-1, j-1
		case i > 1 && j > 1 && qr[i-1] == tr[j-2] && qr[i-2] == tr[j-1] && d[i][j] == d[i-2][j-2]+1:
			out = append(out, at[j-1], at[j-2]) // swapped letters are still the query's
			i, j = i-2, j-2
		case d[i][j] == d[i-1][j-1]+1:
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j]+1:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}
