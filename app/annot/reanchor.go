package annot

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	gtext "gloss/app/text"
)

// Orphan is an annotation that could not be placed confidently in the new
// text, with why.
type Orphan struct {
	Annotation        // as it was (old offsets)
	Reason     string // e.g. "its text “Moscow” is no longer in the article"
}

// Bounds of the re-anchoring work. They keep a large rewrite from costing
// more than a few passes over the text.
const (
	contextLen    = 32   // code points of prefix and suffix compared around a span
	fuzzyWindow   = 2000 // code points either side of the expected position searched approximately
	maxLineEdits  = 1000 // line insertions+deletions the diff follows before giving up
	maxWordEdits  = 300  // word insertions+deletions followed inside one changed block of lines
	maxWordBlock  = 1 << 16
	maxCandidates = 256 // exact occurrences scored per annotation, nearest to the expected position
	maxBitQuote   = 64  // longest quote searched approximately in a window (one machine word)
)

// Reanchor finds each annotation again in newText from its quote
// (Annotation.Text, or oldText[Start:End] when empty), prefix and suffix (up
// to 32 code points each, taken from oldText), with bounded fuzzy matching.
// Placed annotations keep ID, Label, Note; Start/End/Text are updated. Those
// that cannot be placed confidently are returned as orphans — never silently
// moved or dropped. Both results keep the order of as.
//
// The work is bounded: a diff of lines (then words inside changed lines)
// places most spans by mapping their offsets; the rest are searched as exact
// quotes over the whole text in one pass, then approximately (about one edit
// in five code points, quotes of 5 code points or more) within 2000 code
// points of where the diff expects them, and kept only where the text around
// them agrees.
func Reanchor(oldText, newText string, as []Annotation) (placed []Annotation, orphans []Orphan) {
	oldR, newR := []rune(oldText), []rune(newText)
	segs, _ := diffSegments(oldR, newR)
	mp := mapper{segs: segs, oldLen: len(oldR), newLen: len(newR)}

	type outcome struct {
		a      Annotation
		reason string // empty when placed
	}
	out := make([]outcome, len(as))
	var todo []int
	anchors := make([]anchor, len(as))
	for i, a := range as {
		out[i].a = a
		an, why := newAnchor(oldR, a)
		if why != "" {
			out[i].reason = why
			continue
		}
		if an.inOld {
			ns, okS := mp.exact(a.Start)
			ne, okE := mp.exact(a.End - 1)
			if okS && okE && ne+1-ns == len(an.quote) && slices.Equal(newR[ns:ne+1], an.quote) {
				out[i].a = moved(a, newR, ns, ne+1)
				continue
			}
			an.exp, an.lo, an.hi = mp.approx(a.Start)
			if okS && okE && ns <= ne {
				an.mapped = [2]int{ns, ne + 1}
			}
		}
		anchors[i] = an
		todo = append(todo, i)
	}

	if len(todo) > 0 {
		quotes := map[string][]rune{}
		for _, i := range todo {
			quotes[string(anchors[i].quote)] = anchors[i].quote
		}
		occ := findAll(newR, quotes)
		for _, i := range todo {
			an := &anchors[i]
			s, e, why := an.place(newR, occ[string(an.quote)])
			if why != "" {
				out[i].reason = why
				continue
			}
			out[i].a = moved(as[i], newR, s, e)
		}
	}

	for _, o := range out {
		if o.reason == "" {
			placed = append(placed, o.a)
		} else {
			orphans = append(orphans, Orphan{Annotation: o.a, Reason: o.reason})
		}
	}
	return placed, orphans
}

func moved(a Annotation, newR []rune, s, e int) Annotation {
	a.Start, a.End, a.Text = s, e, string(newR[s:e])
	return a
}

// anchor is what is known of one annotation in the old text.
type anchor struct {
	quote            []rune
	pre, suf         []rune // up to contextLen code points before and after the span
	preEdge, sufEdge bool   // pre (suf) reaches the start (end) of the old text
	inOld            bool   // Start/End are a span of the old text
	exp              int    // expected start in the new text; -1 if unknown
	lo, hi           int    // the changed stretch of new text exp lies in (lo == hi == exp when mapped exactly)
	mapped           [2]int // the span mapped through the diff when both ends fell in unchanged text
}

func newAnchor(oldR []rune, a Annotation) (anchor, string) {
	an := anchor{quote: []rune(a.Text), exp: -1, mapped: [2]int{-1, -1}}
	an.inOld = a.Start >= 0 && a.Start < a.End && a.End <= len(oldR)
	if len(an.quote) == 0 {
		if !an.inOld {
			return an, fmt.Sprintf("it has no text and its span %d-%d is not in the old article (%d characters)", a.Start, a.End, len(oldR))
		}
		an.quote = oldR[a.Start:a.End]
	}
	if an.inOld {
		ps := max(0, a.Start-contextLen)
		an.pre, an.preEdge = oldR[ps:a.Start], ps == 0
		se := min(len(oldR), a.End+contextLen)
		an.suf, an.sufEdge = oldR[a.End:se], se == len(oldR)
	}
	return an, ""
}

// place finds the anchor in newR given the exact occurrences of its quote
// (sorted), or says why it cannot.
func (an *anchor) place(newR []rune, occ []int) (start, end int, reason string) {
	q := quoteForHumans(an.quote)
	m := len(an.quote)
	if len(occ) > 0 {
		cands := nearest(occ, an.exp, maxCandidates)
		scores := make([]float64, len(cands))
		for i, s := range cands {
			scores[i] = an.context(newR, s, s+m) + an.proximity(s)
		}
		bi, second := top2(scores)
		best := struct {
			s     int
			score float64
		}{cands[bi], scores[bi]}
		if len(occ) == 1 {
			// Alone is not enough: the text around it must agree a little.
			if ctx := best.score - an.proximity(best.s); ctx >= 8 || (ctx >= 4 && best.score >= 12) {
				return best.s, best.s + m, ""
			}
			return 0, 0, fmt.Sprintf("its text %s now occurs only at %d, in a different context", q, best.s)
		}
		if best.score >= 8 && best.score-second >= 4 {
			return best.s, best.s + m, ""
		}
		return 0, 0, fmt.Sprintf("%s occurs %d times and the context no longer tells which", q, len(occ))
	}

	gone := fmt.Sprintf("its text %s is no longer in the article", q)
	k := allowedEdits(m)
	if k == 0 || an.exp < 0 {
		return 0, 0, gone
	}
	var cands []fuzzyMatch
	if m <= maxBitQuote {
		lo, hi := an.exp, an.exp
		if an.hi-an.lo <= 4*fuzzyWindow {
			lo, hi = an.lo, an.hi
		}
		lo = max(0, lo-fuzzyWindow-k)
		hi = min(len(newR), hi+m+fuzzyWindow+k)
		cands = approxFind(newR, lo, hi, an.quote, k)
	} else if s, e := an.mapped[0], an.mapped[1]; s >= 0 {
		if d := boundedDistance(an.quote, newR[s:e], k); d <= k {
			cands = []fuzzyMatch{{s, e, d}}
		}
	}
	if len(cands) == 0 {
		return 0, 0, gone
	}
	ctxs := make([]float64, len(cands))
	scores := make([]float64, len(cands))
	for i, c := range cands {
		ctxs[i] = an.context(newR, c.start, c.end)
		scores[i] = ctxs[i] + an.proximity(c.start) - 2*float64(c.dist)
	}
	bi, second := top2(scores)
	best := cands[bi]
	if ctxs[bi] < 8 {
		return 0, 0, fmt.Sprintf("%s; the best close match %s is in a different context", gone, quoteForHumans(newR[best.start:best.end]))
	}
	if scores[bi]-second < 4 {
		return 0, 0, fmt.Sprintf("%s and %d close matches nearby are equally likely", gone, len(cands))
	}
	return best.start, best.end, ""
}

// top2 returns the index of the highest score (the first if tied) and the
// second highest score (-Inf when there is one).
func top2(scores []float64) (int, float64) {
	bi, second := 0, math.Inf(-1)
	for i := 1; i < len(scores); i++ {
		switch {
		case scores[i] > scores[bi]:
			second, bi = scores[bi], i
		case scores[i] > second:
			second = scores[i]
		}
	}
	return bi, second
}

// allowedEdits is the number of edits tolerated in a quote of m code points:
// about one in five, none below five code points.
func allowedEdits(m int) int {
	if m < 5 {
		return 0
	}
	return (m + 4) / 5
}

// context scores how well the text around newR[s:e] agrees with the old
// prefix and suffix: the number of code points that agree next to the span
// on each side (a side that agrees all along counts contextLen), ignoring
// carriage returns so a CRLF → LF change does not look like an edit.
func (an *anchor) context(newR []rune, s, e int) float64 {
	if !an.inOld {
		return 0
	}
	n := 0
	i, j := len(an.pre)-1, s-1
	for {
		for i >= 0 && an.pre[i] == '\r' {
			i--
		}
		for j >= 0 && newR[j] == '\r' {
			j--
		}
		if i < 0 {
			if len(an.pre) == contextLen || (an.preEdge && j < 0) {
				n = contextLen
			}
			break
		}
		if j < 0 || an.pre[i] != newR[j] {
			break
		}
		n++
		i--
		j--
	}
	total := n
	n = 0
	i, j = 0, e
	for {
		for i < len(an.suf) && an.suf[i] == '\r' {
			i++
		}
		for j < len(newR) && newR[j] == '\r' {
			j++
		}
		if i == len(an.suf) {
			if len(an.suf) == contextLen || (an.sufEdge && j == len(newR)) {
				n = contextLen
			}
			break
		}
		if j == len(newR) || an.suf[i] != newR[j] {
			break
		}
		n++
		i++
		j++
	}
	return float64(total + n)
}

// proximity is up to 16 points for being near where the diff expects the
// span: anywhere in the changed stretch it falls in counts as on the spot,
// so a big rewrite leaves the choice to the context.
func (an *anchor) proximity(s int) float64 {
	if an.exp < 0 {
		return 0
	}
	d := 0
	if s < an.lo {
		d = an.lo - s
	} else if s > an.hi {
		d = s - an.hi
	}
	if d >= fuzzyWindow {
		return 0
	}
	return 16 * float64(fuzzyWindow-d) / fuzzyWindow
}

// nearest returns up to n of the sorted positions, those closest to exp.
func nearest(occ []int, exp, n int) []int {
	if len(occ) <= n {
		return occ
	}
	if exp < 0 {
		return occ[:n]
	}
	i := sort.SearchInts(occ, exp)
	lo, hi := i, i
	for hi-lo < n {
		switch {
		case lo == 0:
			hi++
		case hi == len(occ):
			lo--
		case exp-occ[lo-1] <= occ[hi]-exp:
			lo--
		default:
			hi++
		}
	}
	return occ[lo:hi]
}

func quoteForHumans(q []rune) string {
	const maxShown = 40
	s := string(q)
	if len(q) > maxShown {
		s = string(q[:maxShown]) + "…"
	}
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	return "“" + s + "”"
}

// --- exact search -----------------------------------------------------------

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

// --- diff -------------------------------------------------------------------

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
