package format

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/annot"
)

// Every format, given overlapping, nested and word-less spans, either
// writes each annotation (it reads back) or names it in Omitted: none is
// dropped silently.
func TestNothingDroppedSilently(t *testing.T) {
	text := "Jean-Yves Le Drian heads for Cairo with the European Union delegation.  Done."
	span := func(id, quote, label string, nth int) annot.Annotation {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], quote)
		}
		start := len([]rune(text[:i]))
		return annot.Annotation{ID: id, Start: start, End: start + len([]rune(quote)), Label: label, Text: quote}
	}
	d := Doc{Title: "t", Text: text, Annotations: []annot.Annotation{
		span("a1", "Jean-Yves Le Drian", "PER", 0),
		span("a2", "Drian heads for", "MISC", 0), // crosses a1
		span("a3", "European Union", "ORG", 0),
		span("a4", "European", "MISC", 0), // inside a3
		span("a5", "Cairo", "LOC", 0),
		span("a6", "Cairo", "GPE", 0),                            // same span, another label
		{ID: "a7", Start: 71, End: 72, Label: "MISC", Text: " "}, // the second space before "Done": no word
	}}
	key := func(a annot.Annotation) string { return fmt.Sprintf("%d-%d %s", a.Start, a.End, a.Label) }
	for _, f := range All() {
		t.Run(f.Name(), func(t *testing.T) {
			data, err := f.Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			back, _, err := f.Decode(data, text)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, a := range back.Annotations {
				got[key(a)] = true
			}
			left := map[string]bool{}
			for _, o := range Omitted(f, d) {
				if o.Reason == "" {
					t.Errorf("%s left out without a reason", key(o.Annotation))
				}
				left[key(o.Annotation)] = true
			}
			for _, a := range d.Annotations {
				k := key(a)
				switch {
				case got[k] && left[k]:
					t.Errorf("%s written yet reported left out", k)
				case !got[k] && !left[k]:
					t.Errorf("%s dropped silently", k)
				}
			}
			if len(got)+len(left) != len(d.Annotations) {
				t.Errorf("%d written + %d left out != %d", len(got), len(left), len(d.Annotations))
			}
		})
	}
	// CoNLL keeps the outer spans and names the rest.
	msg := Describe(Omitted(CoNLL, d), 10)
	for _, want := range []string{"4 annotations were left out", "“Drian heads for” (MISC, 13–28) overlaps “Jean-Yves Le Drian” (PER), which was written: conll gives a token one tag", "“European” (MISC", "is inside “European Union”", "“Cairo” (LOC, 29–34) labels the same span as “Cairo” (GPE)", "covers no word"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}
