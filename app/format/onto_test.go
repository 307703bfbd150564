package format

import (
	"strings"
	"testing"

	"gloss/app/annot"
)

// An export made on one version of an article is imported onto an edited
// copy: every format finds each annotation again (moved where the text
// moved), and one whose words were deleted is an orphan, not dropped.
func TestDecodeOntoEditedText(t *testing.T) {
	orig := "French Defence Minister Jean-Yves Le Drian heads for Moscow this Monday.\n\nHe will meet Sergei Shoigu in Moscow, according to AFP. Talks follow in Paris."
	edited := "Updated on Tuesday.\n\nFrench Defence Minister Jean-Yves Le Drian heads for Moscow this Monday.\n\nHe will meet Sergei Shoigu in Moscow, the ministry said. Talks follow in Lyon."
	at := func(s, quote string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(s[i+1:], quote)
		}
		start := len([]rune(s[:i]))
		return start, start + len([]rune(quote))
	}
	mk := func(id, quote, label string, nth int) annot.Annotation {
		s, e := at(orig, quote, nth)
		return annot.Annotation{ID: id, Start: s, End: e, Label: label, Text: quote}
	}
	d := Doc{Title: "t", Text: orig, Annotations: []annot.Annotation{
		mk("T1", "Jean-Yves Le Drian", "PER", 0),
		mk("T2", "Moscow", "LOC", 0),
		mk("T3", "Sergei Shoigu", "PER", 0),
		mk("T4", "Moscow", "LOC", 1),
		mk("T5", "AFP", "ORG", 0), // deleted in the edit
		mk("T6", "Paris", "LOC", 0),
	}}
	want := map[string][2]int{}
	for _, a := range d.Annotations[:5] {
		nth := 0
		if a.ID == "T4" {
			nth = 1
		}
		if a.ID != "T5" {
			s, e := at(edited, a.Text, nth)
			want[a.ID] = [2]int{s, e}
		}
	}
	for _, f := range All() {
		t.Run(f.Name(), func(t *testing.T) {
			data, err := f.Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			_, p, _, err := DecodeOnto(f, data, edited)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][2]int{}
			byText := map[string]int{}
			for _, a := range p.Annotations {
				if a.Text != string([]rune(edited)[a.Start:a.End]) {
					t.Errorf("%+v: text does not match the article", a)
				}
				got[a.Text+"/"+a.Label+"/"+string(rune('0'+byText[a.Text]))] = [2]int{a.Start, a.End}
				byText[a.Text]++
			}
			for _, a := range d.Annotations {
				if a.ID == "T5" || a.ID == "T6" {
					continue
				}
				nth := 0
				if a.ID == "T4" {
					nth = 1
				}
				k := a.Text + "/" + a.Label + "/" + string(rune('0'+nth))
				if got[k] != want[a.ID] {
					t.Errorf("%s %q placed at %v, want %v (all: %+v, orphans %+v)", a.ID, a.Text, got[k], want[a.ID], p.Annotations, p.Orphans)
				}
			}
			orphaned := map[string]bool{}
			for _, o := range p.Orphans {
				orphaned[o.Text] = true
				if o.Reason == "" {
					t.Errorf("orphan %+v without a reason", o)
				}
			}
			if !orphaned["AFP"] || !orphaned["Paris"] {
				t.Errorf("AFP and Paris, gone from the text, are not orphans: %+v", p.Orphans)
			}
			if len(p.Annotations)+len(p.Orphans) != len(d.Annotations) {
				t.Errorf("%d placed + %d orphans != %d", len(p.Annotations), len(p.Orphans), len(d.Annotations))
			}
			if f != CoNLL && f != BILOU && p.Moved != len(p.Annotations) {
				t.Errorf("moved %d of %d", p.Moved, len(p.Annotations))
			}
		})
	}
}
