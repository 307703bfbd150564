package agree

import (
	"sort"

	"gloss/app/annot"
)

// Kind says how the two sides differ on one place of the text.
type Kind int

// The kinds of difference, from agreement to a span only one side has.
const (
	// Same: both sides have the span with the same label.
	Same Kind = iota
	// LabelDiffers: the same span, labelled differently.
	LabelDiffers
	// SpanDiffers: the same label on overlapping but different spans.
	SpanDiffers
	// OnlyA: a span only A ("mine") has.
	OnlyA
	// OnlyB: a span only B ("theirs") has.
	OnlyB
)

// String names the kind for people.
func (k Kind) String() string {
	switch k {
	case Same:
		return "both agree"
	case LabelDiffers:
		return "different labels"
	case SpanDiffers:
		return "different spans"
	case OnlyA:
		return "only mine"
	case OnlyB:
		return "only theirs"
	}
	return "unknown"
}

// Diff is one place of the text: A's and B's annotations there (either may
// be empty, never both).
type Diff struct {
	Kind Kind
	A, B []annot.Annotation
}

// Start is the first code point either side covers.
func (d Diff) Start() int {
	s := -1
	for _, a := range append(append([]annot.Annotation(nil), d.A...), d.B...) {
		if s < 0 || a.Start < s {
			s = a.Start
		}
	}
	return s
}

// End is the last code point either side covers, excluded.
func (d Diff) End() int {
	e := 0
	for _, a := range append(append([]annot.Annotation(nil), d.A...), d.B...) {
		if a.End > e {
			e = a.End
		}
	}
	return e
}

// Diffs lines up two annotators' spans of one article, in text order: spans
// both have alike, then the same span with different labels, then
// overlapping spans of one label paired one to one, then what only one side
// has. Every annotation of a and b is in exactly one Diff.
func Diffs(a, b []annot.Annotation) []Diff {
	a, b = sortedCopy(a), sortedCopy(b)
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var out []Diff
	// Exact spans and labels.
	at := map[key][]int{}
	for i, x := range a {
		at[keyOf(x, true)] = append(at[keyOf(x, true)], i)
	}
	for j, y := range b {
		k := keyOf(y, true)
		if is := at[k]; len(is) > 0 {
			at[k] = is[1:]
			usedA[is[0]], usedB[j] = true, true
			out = append(out, Diff{Kind: Same, A: a[is[0] : is[0]+1], B: b[j : j+1]})
		}
	}
	// The same span with another label.
	at = map[key][]int{}
	for i, x := range a {
		if !usedA[i] {
			at[keyOf(x, false)] = append(at[keyOf(x, false)], i)
		}
	}
	for j, y := range b {
		if usedB[j] {
			continue
		}
		k := keyOf(y, false)
		if is := at[k]; len(is) > 0 {
			at[k] = is[1:]
			usedA[is[0]], usedB[j] = true, true
			out = append(out, Diff{Kind: LabelDiffers, A: a[is[0] : is[0]+1], B: b[j : j+1]})
		}
	}
	// Overlapping spans of one label, one to one in text order.
	var restA, restB []int
	for i := range a {
		if !usedA[i] {
			restA = append(restA, i)
		}
	}
	for j := range b {
		if !usedB[j] {
			restB = append(restB, j)
		}
	}
	for i := range restA {
		if usedA[restA[i]] {
			continue
		}
		x := a[restA[i]]
		for _, j := range restB {
			y := b[j]
			if !usedB[j] && y.Label == x.Label && y.Start < x.End && x.Start < y.End {
				usedA[restA[i]], usedB[j] = true, true
				out = append(out, Diff{Kind: SpanDiffers, A: a[restA[i] : restA[i]+1], B: b[j : j+1]})
				break
			}
		}
	}
	for i := range a {
		if !usedA[i] {
			out = append(out, Diff{Kind: OnlyA, A: a[i : i+1]})
		}
	}
	for j := range b {
		if !usedB[j] {
			out = append(out, Diff{Kind: OnlyB, B: b[j : j+1]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := out[i].Start(), out[j].Start()
		if si != sj {
			return si < sj
		}
		return out[i].End() < out[j].End()
	})
	return out
}

type key struct {
	start, end int
	label      string
}

func keyOf(a annot.Annotation, withLabel bool) key {
	k := key{start: a.Start, end: a.End}
	if withLabel {
		k.label = a.Label
	}
	return k
}

func sortedCopy(as []annot.Annotation) []annot.Annotation {
	out := append([]annot.Annotation(nil), as...)
	annot.Sort(out)
	return out
}

// Take returns what adopting B's side of d changes in A: the IDs of A's
// annotations there to remove and B's annotations to add, with new IDs from
// newID so they never clash with A's. Keeping A's side changes nothing.
func Take(d Diff, newID func() string) (remove []string, add []annot.Annotation) {
	for _, x := range d.A {
		remove = append(remove, x.ID)
	}
	for _, y := range d.B {
		y.ID = newID()
		add = append(add, y)
	}
	return remove, add
}
