package annot

import (
	"fmt"
	"sort"
)

// Quote is an annotation as a file describes it when the text it was made
// on is not at hand: its quote (Annotation.Text), up to 32 code points of
// the text just before and after it when the file has them (W3C's
// TextQuoteSelector prefix and suffix), and where it was (Annotation.Start,
// or -1 when the file gives no position).
type Quote struct {
	Annotation
	Prefix, Suffix string
}

// Place finds each quoted annotation in text with the scoring Reanchor
// uses: exact occurrences of the quote scored by how well the text around
// them agrees with Prefix and Suffix and how near they are to Start, then
// close matches near Start. A quote without prefix or suffix (brat, CSV)
// is placed only where it is unambiguous: the one occurrence near where it
// was, or the occurrence exactly where the quotes placed before it say the
// text moved to. The others are orphans, with the reason; nothing is moved
// silently. Both results keep the order of qs.
func Place(text string, qs []Quote) (placed []Annotation, orphans []Orphan) {
	newR := []rune(text)
	anchors := make([]anchor, len(qs))
	quotes := map[string][]rune{}
	for i, q := range qs {
		an := anchor{quote: []rune(q.Text), exp: -1, mapped: [2]int{-1, -1}, inOld: true}
		pre, suf := []rune(q.Prefix), []rune(q.Suffix)
		an.pre = pre[max(0, len(pre)-contextLen):]
		an.suf = suf[:min(len(suf), contextLen)]
		an.preEdge = len(pre) == 0 && q.Start == 0
		if q.Start >= 0 {
			an.exp, an.lo, an.hi = q.Start, q.Start, q.Start
		}
		anchors[i] = an
		quotes[string(an.quote)] = an.quote
	}
	occ := findAll(newR, quotes)
	reasons := make([]string, len(qs))
	out := make([]Annotation, len(qs))
	// Blind quotes go in text order so each can follow the shift of the
	// one placed before it.
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return qs[order[a]].Start < qs[order[b]].Start })
	shift := 0
	for _, i := range order {
		q, an := qs[i], &anchors[i]
		var s, e int
		var why string
		switch {
		case len(an.quote) == 0:
			why = "it has no text to look for"
		case q.Prefix == "" && q.Suffix == "":
			s, e, why = an.placeBlind(newR, occ[string(an.quote)], shift)
		default:
			s, e, why = an.place(newR, occ[string(an.quote)])
		}
		if why != "" {
			reasons[i] = why
			out[i] = q.Annotation
			continue
		}
		out[i] = moved(q.Annotation, newR, s, e)
		if q.Start >= 0 {
			shift = s - q.Start
		}
	}
	for i := range qs {
		if reasons[i] == "" {
			placed = append(placed, out[i])
		} else {
			orphans = append(orphans, Orphan{Annotation: out[i], Reason: reasons[i]})
		}
	}
	return placed, orphans
}

// placeBlind places a quote the file gives no context for: at the one
// exact occurrence within fuzzyWindow of where it was, or at the occurrence
// exactly where it was moved by shift.
func (an *anchor) placeBlind(newR []rune, occ []int, shift int) (start, end int, reason string) {
	q := quoteForHumans(an.quote)
	m := len(an.quote)
	if len(occ) == 0 {
		return 0, 0, fmt.Sprintf("its text %s is not in the article", q)
	}
	if an.exp < 0 {
		if len(occ) == 1 {
			return occ[0], occ[0] + m, ""
		}
		return 0, 0, fmt.Sprintf("%s occurs %d times and the file gives neither position nor context to tell which", q, len(occ))
	}
	for _, s := range occ {
		if s == an.exp+shift || s == an.exp {
			return s, s + m, ""
		}
	}
	var near []int
	for _, s := range occ {
		if abs(s-an.exp-shift) <= fuzzyWindow {
			near = append(near, s)
		}
	}
	switch len(near) {
	case 1:
		return near[0], near[0] + m, ""
	case 0:
		return 0, 0, fmt.Sprintf("its text %s is no longer near where it was", q)
	}
	return 0, 0, fmt.Sprintf("%s occurs %d times near where it was and the file gives no context to tell which", q, len(near))
}
