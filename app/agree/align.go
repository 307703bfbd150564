package agree

import (
	"strings"
	"unicode"

	"gloss/app/annot"
)

// Squeeze returns s without its white space: two texts that differ only in
// spacing (a CoNLL file rebuilds its text with one space between tokens)
// squeeze to the same string.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Align moves annotations made on text from onto text to, when the two
// differ only in white space: each span keeps the same non-space
// characters. It reports false, and returns nothing, when they differ in
// anything else.
func Align(from, to string, as []annot.Annotation) ([]annot.Annotation, bool) {
	if from == to {
		return as, true
	}
	f, t := []rune(from), []rune(to)
	// at[i] is the offset in to of the i-th non-space rune of from, or of
	// the end of to's text for i = count.
	var nsTo []int
	for i, r := range t {
		if !unicode.IsSpace(r) {
			nsTo = append(nsTo, i)
		}
	}
	// Map each offset of from to the count of non-space runes before it.
	before := make([]int, len(f)+1)
	n := 0
	for i, r := range f {
		before[i] = n
		if !unicode.IsSpace(r) {
			if n >= len(nsTo) || t[nsTo[n]] != r {
				return nil, false
			}
			n++
		}
	}
	before[len(f)] = n
	if n != len(nsTo) {
		return nil, false
	}
	out := make([]annot.Annotation, 0, len(as))
	for _, a := range as {
		if a.Start < 0 || a.End > len(f) || a.Start >= a.End {
			return nil, false
		}
		s, e := before[a.Start], before[a.End]
		if s == e { // a span of spaces only: nowhere to go
			continue
		}
		a.Start, a.End = nsTo[s], nsTo[e-1]+1
		a.Text = string(t[a.Start:a.End])
		out = append(out, a)
	}
	return out, true
}
