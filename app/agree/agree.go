// Package agree measures how far two annotators agree on the same articles:
// precision, recall and F1 per label and overall, with exact spans and with
// overlapping spans, Cohen's κ over tokens, and a confusion table of labels.
// It also lists the differences in one article for adjudication.
//
// A is the reference ("mine") and B is scored against it ("theirs"):
// precision is the share of B's spans found in A, recall the share of A's
// spans found in B. Swapping A and B swaps precision and recall; F1 and κ
// stay the same.
//
// The package never touches the DOM, storage or the clock.
package agree

import (
	"sort"

	"gloss/app/annot"
)

// Doc is one article annotated twice.
type Doc struct {
	Name string
	Text string
	A, B []annot.Annotation
}

// Counts are the spans each side holds and how many were paired.
type Counts struct {
	Matched int `json:"matched"`
	A       int `json:"a"`
	B       int `json:"b"`
}

func (c *Counts) add(o Counts) {
	c.Matched += o.Matched
	c.A += o.A
	c.B += o.B
}

// Score is precision, recall and F1 of B against A.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Score computes precision, recall and F1. A side with no spans scores 1
// when the other has none either (nothing to find, nothing wrongly found)
// and 0 otherwise; F1 is 0 when precision and recall both are.
func (c Counts) Score() Score {
	ratio := func(n, d, other int) float64 {
		if d == 0 {
			if other == 0 {
				return 1
			}
			return 0
		}
		return float64(n) / float64(d)
	}
	s := Score{Precision: ratio(c.Matched, c.B, c.A), Recall: ratio(c.Matched, c.A, c.B)}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Pair is the counts of one label, or of all labels, under both matching rules.
type Pair struct {
	Exact   Counts
	Overlap Counts
}

func (p *Pair) add(o Pair) {
	p.Exact.add(o.Exact)
	p.Overlap.add(o.Overlap)
}

// Result is the agreement over a set of documents.
type Result struct {
	Overall Pair
	// Labels holds every label either side used.
	Labels map[string]*Pair
	// Kappa is Cohen's κ over tokens; see Kappa.
	Kappa Kappa
	// Confusion counts tokens by A's label (row) and B's label (column).
	Confusion *Confusion
	Documents int
}

// LabelNames returns the labels of r in alphabetical order.
func (r *Result) LabelNames() []string {
	out := make([]string, 0, len(r.Labels))
	for l := range r.Labels {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Compare scores every document's B against its A.
func Compare(docs []Doc) *Result {
	r := &Result{Labels: map[string]*Pair{}, Confusion: newConfusion()}
	for _, d := range docs {
		r.Documents++
		for label, p := range matchDoc(d.A, d.B) {
			lp := r.Labels[label]
			if lp == nil {
				lp = &Pair{}
				r.Labels[label] = lp
			}
			lp.add(p)
			r.Overall.add(p)
		}
		r.Confusion.addTokens(d.Text, d.A, d.B)
	}
	r.Kappa = r.Confusion.Kappa()
	return r
}

// matchDoc counts exact and overlapping pairs per label in one document.
func matchDoc(a, b []annot.Annotation) map[string]Pair {
	byA, byB := byLabel(a), byLabel(b)
	out := map[string]Pair{}
	for label, as := range byA {
		bs := byB[label]
		out[label] = Pair{
			Exact:   Counts{Matched: exactMatches(as, bs), A: len(as), B: len(bs)},
			Overlap: Counts{Matched: len(OverlapPairs(as, bs)), A: len(as), B: len(bs)},
		}
	}
	for label, bs := range byB {
		if _, ok := byA[label]; !ok {
			out[label] = Pair{Exact: Counts{B: len(bs)}, Overlap: Counts{B: len(bs)}}
		}
	}
	return out
}

// byLabel splits annotations by label, each list in text order.
func byLabel(as []annot.Annotation) map[string][]annot.Annotation {
	out := map[string][]annot.Annotation{}
	for _, a := range as {
		out[a.Label] = append(out[a.Label], a)
	}
	for _, l := range out {
		annot.Sort(l)
	}
	return out
}

// exactMatches counts spans with the same start and end in both lists (of
// one label), each span used once: duplicates pair only with duplicates.
func exactMatches(a, b []annot.Annotation) int {
	have := map[[2]int]int{}
	for _, x := range a {
		have[[2]int{x.Start, x.End}]++
	}
	n := 0
	for _, y := range b {
		k := [2]int{y.Start, y.End}
		if have[k] > 0 {
			have[k]--
			n++
		}
	}
	return n
}

// OverlapPairs pairs spans of a and b (one label, both in text order) one to
// one: exact matches first, then each remaining span of b, in text order,
// with the first unpaired span of a that overlaps it. It returns index pairs
// [i in a, j in b].
func OverlapPairs(a, b []annot.Annotation) [][2]int {
	usedA := make([]bool, len(a))
	usedB := make([]bool, len(b))
	var out [][2]int
	// Exact spans first, so that a near miss never steals a span's exact twin.
	at := map[[2]int][]int{}
	for i, x := range a {
		k := [2]int{x.Start, x.End}
		at[k] = append(at[k], i)
	}
	for j, y := range b {
		k := [2]int{y.Start, y.End}
		if is := at[k]; len(is) > 0 {
			usedA[is[0]], usedB[j] = true, true
			at[k] = is[1:]
			out = append(out, [2]int{is[0], j})
		}
	}
	lo := 0 // a[:lo] are paired or end before the current b starts, so before every later one
	for j, y := range b {
		if usedB[j] {
			continue
		}
		for lo < len(a) && (usedA[lo] || a[lo].End <= y.Start) {
			lo++
		}
		for i := lo; i < len(a) && a[i].Start < y.End; i++ {
			if !usedA[i] && a[i].End > y.Start {
				usedA[i], usedB[j] = true, true
				out = append(out, [2]int{i, j})
				break
			}
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x][1] < out[y][1] })
	return out
}
