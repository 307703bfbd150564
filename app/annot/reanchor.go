package annot

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
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
