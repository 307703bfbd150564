package agree

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/text"
)

type textSpan = text.Span

func span(s, e int, label string) annot.Annotation {
	return annot.Annotation{ID: label + "-" + string(rune('a'+s)), Start: s, End: e, Label: label}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestKappaTextbook checks κ against the worked example of the Wikipedia
// article "Cohen's kappa" (section "Simple example", also in Cohen 1960's
// terms): 50 grant proposals read by two readers, both "yes" 20, A yes/B no
// 5, A no/B yes 10, both "no" 15. p_o = 35/50 = 0.70; A says yes 25/50, B
// 30/50, so p_e = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70−0.50)/(1−0.50) = 0.40.
func TestKappaTextbook(t *testing.T) {
	c := newConfusion()
	c.Add("yes", "yes", 20)
	c.Add("yes", "no", 5)
	c.Add("no", "yes", 10)
	c.Add("no", "no", 15)
	k := c.Kappa()
	if !near(k.Observed, 0.70) || !near(k.Expected, 0.50) || !near(k.Value, 0.40) || k.Tokens != 50 {
		t.Errorf("got %+v, want observed 0.70, expected 0.50, κ 0.40 over 50", k)
	}
}

func TestKappaEdges(t *testing.T) {
	c := newConfusion()
	if k := c.Kappa(); k.Value != 0 || k.Tokens != 0 {
		t.Errorf("empty: %+v", k)
	}
	c.Add(Outside, Outside, 7)
	if k := c.Kappa(); k.Value != 1 || k.Observed != 1 {
		t.Errorf("all the same single label: %+v", k)
	}
	// Total disagreement on two balanced labels: p_o 0, p_e 0.5, κ −1.
	c = newConfusion()
	c.Add("PER", "ORG", 5)
	c.Add("ORG", "PER", 5)
	if k := c.Kappa(); !near(k.Value, -1) {
		t.Errorf("opposite: %+v", k)
	}
}

// The spans and figures of this test are worked out by hand in the comments.
func TestCompareByHand(t *testing.T) {
	// Code points:    0         1         2         3         4
	//                 0123456789012345678901234567890123456789012345
	const txt = "Ann Lee met Bob in New York at IBM on Monday."
	// Tokens: Ann Lee met Bob in New York at IBM on Monday . = 12 tokens.
	a := []annot.Annotation{
		span(0, 7, "PER"),   // Ann Lee
		span(12, 15, "PER"), // Bob
		span(19, 27, "LOC"), // New York
		span(31, 34, "ORG"), // IBM
	}
	b := []annot.Annotation{
		span(0, 3, "PER"),    // Ann: overlaps A's Ann Lee, not exact
		span(12, 15, "PER"),  // Bob: exact
		span(19, 27, "ORG"),  // New York as ORG: label differs
		span(31, 34, "ORG"),  // IBM: exact
		span(38, 44, "MISC"), // Monday: only B
	}
	r := Compare([]Doc{{Text: txt, A: a, B: b}})
	// Exact: PER 1 of A 2 / B 2; LOC 0/1/0; ORG 1/1/2; MISC 0/0/1.
	// Overall exact: matched 2, A 4, B 5 → P 0.4, R 0.5, F1 = 0.8/0.9 = 4/9.
	// Overlap: PER 2 (Ann~Ann Lee, Bob), ORG 1 → matched 3 → P 0.6, R 0.75, F1 = 0.9/1.35 = 2/3.
	want := map[string]Pair{
		"PER":  {Exact: Counts{1, 2, 2}, Overlap: Counts{2, 2, 2}},
		"LOC":  {Exact: Counts{0, 1, 0}, Overlap: Counts{0, 1, 0}},
		"ORG":  {Exact: Counts{1, 1, 2}, Overlap: Counts{1, 1, 2}},
		"MISC": {Exact: Counts{0, 0, 1}, Overlap: Counts{0, 0, 1}},
	}
	for l, w := range want {
		if got := r.Labels[l]; got == nil || *got != w {
			t.Errorf("%s: got %+v, want %+v", l, got, w)
		}
	}
	if len(r.Labels) != 4 {
		t.Errorf("labels %v", r.LabelNames())
	}
	ex, ov := r.Overall.Exact.Score(), r.Overall.Overlap.Score()
	if !near(ex.Precision, 0.4) || !near(ex.Recall, 0.5) || !near(ex.F1, 4.0/9) {
		t.Errorf("exact %+v", ex)
	}
	if !near(ov.Precision, 0.6) || !near(ov.Recall, 0.75) || !near(ov.F1, 2.0/3) {
		t.Errorf("overlap %+v", ov)
	}
	// Tokens, A / B:
	//   Ann PER/PER, Lee PER/O, met O/O, Bob PER/PER, in O/O, New LOC/ORG,
	//   York LOC/ORG, at O/O, IBM ORG/ORG, on O/O, Monday O/MISC, . O/O.
	// Agreeing: Ann Bob met in at IBM on . = 8 of 12 → p_o = 2/3.
	// A: PER 3, LOC 2, ORG 1, O 6. B: PER 2, ORG 3, MISC 1, O 6.
	// p_e = (3·2 + 2·0 + 1·3 + 6·6) / 144 = 45/144 = 0.3125.
	// κ = (2/3 − 0.3125) / (1 − 0.3125) = 0.354166…/0.6875 = 0.515151…
	k := r.Kappa
	if k.Tokens != 12 || !near(k.Observed, 2.0/3) || !near(k.Expected, 0.3125) || !near(k.Value, (2.0/3-0.3125)/0.6875) {
		t.Errorf("kappa %+v", k)
	}
	if got := r.Confusion.Cells[[2]string{"LOC", "ORG"}]; got != 2 {
		t.Errorf("LOC→ORG tokens %d, want 2", got)
	}
	if got := r.Confusion.Cells[[2]string{"PER", Outside}]; got != 1 {
		t.Errorf("PER→O tokens %d, want 1", got)
	}
	if got := r.Confusion.Labels(); len(got) != 5 || got[4] != Outside || got[0] != "LOC" {
		t.Errorf("confusion labels %v", got)
	}
	if r.Documents != 1 {
		t.Errorf("documents %d", r.Documents)
	}
}

// Overlap pairs one to one: two short B spans inside one long A span pair
// once; the second is unmatched.
func TestOverlapOneToOne(t *testing.T) {
	a := []annot.Annotation{span(0, 20, "ORG")}
	b := []annot.Annotation{span(0, 5, "ORG"), span(10, 15, "ORG")}
	if got := OverlapPairs(a, b); len(got) != 1 || got[0] != [2]int{0, 0} {
		t.Errorf("pairs %v", got)
	}
	// An exact twin wins over an earlier overlapping span.
	a = []annot.Annotation{span(0, 10, "PER"), span(5, 12, "PER")}
	b = []annot.Annotation{span(5, 12, "PER"), span(2, 6, "PER")}
	annot.Sort(b)
	got := OverlapPairs(a, b)
	if len(got) != 2 {
		t.Fatalf("pairs %v", got)
	}
	for _, p := range got {
		if a[p[0]].Start == 5 && b[p[1]].Start != 5 {
			t.Errorf("exact twin not paired: %v", got)
		}
	}
	// Touching spans do not overlap.
	if got := OverlapPairs([]annot.Annotation{span(0, 5, "X")}, []annot.Annotation{span(5, 9, "X")}); len(got) != 0 {
		t.Errorf("touching %v", got)
	}
}

func TestScoreEmpty(t *testing.T) {
	if s := (Counts{}).Score(); s != (Score{1, 1, 1}) {
		t.Errorf("both empty %+v", s)
	}
	if s := (Counts{A: 3}).Score(); s != (Score{0, 0, 0}) {
		t.Errorf("B empty %+v", s)
	}
	// Swapping sides swaps precision and recall and keeps F1.
	c := Counts{Matched: 2, A: 4, B: 5}
	s, w := c.Score(), Counts{Matched: 2, A: 5, B: 4}.Score()
	if !near(s.Precision, w.Recall) || !near(s.F1, w.F1) {
		t.Errorf("%+v vs %+v", s, w)
	}
}

func TestCompareSeveralDocs(t *testing.T) {
	docs := []Doc{
		{Text: "Paris", A: []annot.Annotation{span(0, 5, "LOC")}, B: []annot.Annotation{span(0, 5, "LOC")}},
		{Text: "Rome", A: []annot.Annotation{span(0, 4, "LOC")}},
	}
	r := Compare(docs)
	if r.Documents != 2 || r.Overall.Exact != (Counts{1, 2, 1}) {
		t.Errorf("%+v", r.Overall)
	}
	// Tokens: Paris LOC/LOC, Rome LOC/O: p_o 1/2, p_e = (2·1 + 0·1)/4 = 1/2, κ 0.
	if !near(r.Kappa.Value, 0) {
		t.Errorf("kappa %+v", r.Kappa)
	}
}

func TestDiffs(t *testing.T) {
	a := []annot.Annotation{span(0, 7, "PER"), span(12, 15, "PER"), span(19, 27, "LOC"), span(40, 44, "ORG")}
	b := []annot.Annotation{span(0, 3, "PER"), span(12, 15, "PER"), span(19, 27, "ORG"), span(31, 34, "ORG")}
	ds := Diffs(a, b)
	want := []Kind{SpanDiffers, Same, LabelDiffers, OnlyB, OnlyA}
	if len(ds) != len(want) {
		t.Fatalf("got %d diffs: %+v", len(ds), ds)
	}
	for i, d := range ds {
		if d.Kind != want[i] {
			t.Errorf("diff %d: %v, want %v", i, d.Kind, want[i])
		}
	}
	if ds[0].Start() != 0 || ds[0].End() != 7 {
		t.Errorf("first diff %d-%d", ds[0].Start(), ds[0].End())
	}
	n := 0
	rm, add := Take(ds[2], func() string { n++; return "new" })
	if len(rm) != 1 || rm[0] != a[2].ID || len(add) != 1 || add[0].Label != "ORG" || add[0].ID != "new" {
		t.Errorf("take: %v %+v", rm, add)
	}
	if rm, add := Take(ds[4], func() string { return "x" }); len(rm) != 1 || len(add) != 0 {
		t.Errorf("take only-mine: %v %v", rm, add)
	}
}

func TestTokenLabelsNested(t *testing.T) {
	// "Bank of America" ORG containing "America" LOC: the outer, earlier span wins.
	toks := []struct{ s, e int }{{0, 4}, {5, 7}, {8, 15}}
	var spans []textSpan
	for _, x := range toks {
		spans = append(spans, textSpan{Start: x.s, End: x.e})
	}
	got := TokenLabels(spans, []annot.Annotation{span(8, 15, "LOC"), span(0, 15, "ORG")})
	if got[0] != "ORG" || got[2] != "ORG" {
		t.Errorf("%v", got)
	}
}

func TestJSONShape(t *testing.T) {
	r := Compare([]Doc{{Text: "Ann met Bob", A: []annot.Annotation{span(0, 3, "PER"), span(8, 11, "PER")}, B: []annot.Annotation{span(0, 3, "PER")}}})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// Exact: matched 1, A 2, B 1 → P 1, R 0.5, F1 2/3. Tokens Ann Bob met: PER/PER, O/O, PER/O:
	// p_o 2/3, p_e = (2·1 + 1·2)/9 = 4/9, κ = (6/9−4/9)/(5/9) = 0.4.
	var got struct {
		Overall struct {
			Exact, Overlap map[string]float64
			Kappa          float64
		}
		Labels    map[string]map[string]map[string]float64
		Documents int
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	want := map[string]float64{"precision": 1, "recall": 0.5, "f1": 2.0 / 3}
	for _, m := range []map[string]float64{got.Overall.Exact, got.Overall.Overlap, got.Labels["PER"]["exact"], got.Labels["PER"]["overlap"]} {
		if len(m) != 3 || !near(m["precision"], want["precision"]) || !near(m["recall"], want["recall"]) || !near(m["f1"], want["f1"]) {
			t.Errorf("scores %v in %s", m, b)
		}
	}
	if !near(got.Overall.Kappa, 0.4) || got.Documents != 1 || len(got.Labels) != 1 || len(got.Labels["PER"]) != 2 {
		t.Errorf("%s", b)
	}
	var sb strings.Builder
	if err := r.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"overall", "κ over 3 tokens: 0.400", "A \\ B"} {
		if !strings.Contains(sb.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, sb.String())
		}
	}
}

func TestAlign(t *testing.T) {
	from := "Ann Lee\nmet  Bob ."
	to := "Ann Lee met Bob."
	as := []annot.Annotation{span(0, 7, "PER"), span(13, 16, "PER")}
	got, ok := Align(from, to, as)
	if !ok || len(got) != 2 || got[0].End != 7 || got[1].Start != 12 || got[1].End != 15 || got[1].Text != "Bob" {
		t.Errorf("%v %+v", ok, got)
	}
	if _, ok := Align("Ann met Bob", "Ann met Rob", as[:1]); ok {
		t.Error("different words aligned")
	}
	if Squeeze(from) != Squeeze(to) {
		t.Error("squeeze")
	}
}
