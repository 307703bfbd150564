package agree

import (
	"sort"

	"gloss/app/annot"
	"gloss/app/text"
)

// Outside is the token label of a token no annotation covers.
const Outside = "O"

// Confusion counts tokens by the label A gave them (row) and the label B
// gave them (column); Outside for tokens left unlabelled.
type Confusion struct {
	Cells map[[2]string]int
	Total int
}

func newConfusion() *Confusion { return &Confusion{Cells: map[[2]string]int{}} }

// Add counts n tokens labelled a by A and b by B.
func (c *Confusion) Add(a, b string, n int) {
	c.Cells[[2]string{a, b}] += n
	c.Total += n
}

// Labels returns every label in the table, Outside last, the others in
// alphabetical order.
func (c *Confusion) Labels() []string {
	seen := map[string]bool{}
	for k := range c.Cells {
		seen[k[0]], seen[k[1]] = true, true
	}
	var out []string
	for l := range seen {
		if l != Outside {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	if seen[Outside] {
		out = append(out, Outside)
	}
	return out
}

// Kappa is Cohen's κ with its parts: Observed is the share of tokens both
// sides labelled alike, Expected the share expected by chance from each
// side's label frequencies.
type Kappa struct {
	Value    float64
	Observed float64
	Expected float64
	Tokens   int
}

// Kappa computes Cohen's κ = (Observed − Expected) / (1 − Expected) over the
// table. When chance agreement is total (both sides gave every token the
// same single label) κ is undefined; it is reported as 1 when the sides
// agree on every token, which is then the case, and 0 for an empty table.
func (c *Confusion) Kappa() Kappa {
	k := Kappa{Tokens: c.Total}
	if c.Total == 0 {
		return k
	}
	rows, cols := map[string]int{}, map[string]int{}
	same := 0
	for cell, n := range c.Cells {
		rows[cell[0]] += n
		cols[cell[1]] += n
		if cell[0] == cell[1] {
			same += n
		}
	}
	t := float64(c.Total)
	k.Observed = float64(same) / t
	for l, n := range rows {
		k.Expected += float64(n) / t * float64(cols[l]) / t
	}
	if k.Expected >= 1 {
		k.Value = 1
		return k
	}
	k.Value = (k.Observed - k.Expected) / (1 - k.Expected)
	return k
}

// addTokens labels every token of the text as each side did and counts the
// pairs.
func (c *Confusion) addTokens(s string, a, b []annot.Annotation) {
	toks := text.Tokens(s)
	la, lb := TokenLabels(toks, a), TokenLabels(toks, b)
	for i := range toks {
		c.Add(la[i], lb[i], 1)
	}
}

// TokenLabels gives each token the label of the annotation overlapping it;
// where several do (nested or overlapping spans), the one starting first,
// then the longest, then the first label alphabetically. Tokens no
// annotation overlaps get Outside.
func TokenLabels(toks []text.Span, as []annot.Annotation) []string {
	sorted := append([]annot.Annotation(nil), as...)
	sort.Slice(sorted, func(i, j int) bool {
		x, y := sorted[i], sorted[j]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		if x.End != y.End {
			return x.End > y.End
		}
		return x.Label < y.Label
	})
	out := make([]string, len(toks))
	lo := 0
	for i, t := range toks {
		out[i] = Outside
		// Annotations that end before this token end before every later one.
		for lo < len(sorted) && sorted[lo].End <= t.Start {
			lo++
		}
		for j := lo; j < len(sorted) && sorted[j].Start < t.End; j++ {
			if sorted[j].End > t.Start {
				out[i] = sorted[j].Label
				break
			}
		}
	}
	return out
}
