package agree

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

type jsonPair struct {
	Exact   Score `json:"exact"`
	Overlap Score `json:"overlap"`
}

type jsonOverall struct {
	Exact   Score   `json:"exact"`
	Overlap Score   `json:"overlap"`
	Kappa   float64 `json:"kappa"`
}

type jsonResult struct {
	Overall   jsonOverall         `json:"overall"`
	Labels    map[string]jsonPair `json:"labels"`
	Documents int                 `json:"documents"`
}

// MarshalJSON writes the result as
// {"overall": {"exact": {"precision", "recall", "f1"}, "overlap": {…},
// "kappa"}, "labels": {"PER": {"exact": {…}, "overlap": {…}}, …},
// "documents": N}.
func (r *Result) MarshalJSON() ([]byte, error) {
	j := jsonResult{
		Overall:   jsonOverall{Exact: r.Overall.Exact.Score(), Overlap: r.Overall.Overlap.Score(), Kappa: r.Kappa.Value},
		Labels:    map[string]jsonPair{},
		Documents: r.Documents,
	}
	for l, p := range r.Labels {
		j.Labels[l] = jsonPair{Exact: p.Exact.Score(), Overlap: p.Overlap.Score()}
	}
	return json.Marshal(j)
}

// WriteText prints the result as tables for people: scores per label and
// overall, κ, and the confusion table in tokens.
func (r *Result) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "label\texact P\tR\tF1\toverlap P\tR\tF1\tspans A\tspans B\t\n")
	row := func(name string, p Pair) {
		e, o := p.Exact.Score(), p.Overlap.Score()
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", name, e.Precision, e.Recall, e.F1, o.Precision, o.Recall, o.F1, p.Exact.A, p.Exact.B)
	}
	for _, l := range r.LabelNames() {
		row(l, *r.Labels[l])
	}
	row("overall", r.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	k := r.Kappa
	fmt.Fprintf(w, "\nCohen's κ over %d tokens: %.3f (observed agreement %.3f, by chance %.3f); %d documents\n", k.Tokens, k.Value, k.Observed, k.Expected, r.Documents)
	labels := r.Confusion.Labels()
	if len(labels) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nConfusion in tokens (rows: A, columns: B; %s = no label)\n", Outside)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "A \\ B\t%s\t\n", strings.Join(labels, "\t"))
	for _, a := range labels {
		cells := make([]string, len(labels))
		for i, b := range labels {
			cells[i] = fmt.Sprint(r.Confusion.Cells[[2]string{a, b}])
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", a, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
