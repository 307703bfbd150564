package ui

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/text"
)

// TestSuggestionsNow: the suggestions worked out from the finder's base
// are suggestionsFor's, name by name and span by span, through labels
// added, changed and taken away (some on suggested mentions, with the
// suggested label or another), a label renamed and new entities; a label
// leaves the other labels' spans as they were (the same slices: the page
// is not handed them again).
func TestSuggestionsNow(t *testing.T) {
	txt := entity.SampleArticle(24<<10, 3)
	d := docOf(txt)
	a := &App{labels: annot.DefaultLabels()}
	f := &finder{a: a, ents: entity.Find(txt, nil)}
	var mentions []text.Span
	for _, e := range f.ents {
		mentions = append(mentions, e.Mentions...)
	}
	if len(mentions) < 100 {
		t.Fatalf("only %d mentions in the sample", len(mentions))
	}
	same := func(step string) *suggestionPaint {
		t.Helper()
		now, want := f.suggestionsNow(d), f.suggestionsFor(d, f.ents, nil)
		if !reflect.DeepEqual(now.names, want.names) || now.key != want.key || now.colors != want.colors {
			t.Fatalf("%s: names, key or colours differ", step)
		}
		for i := range want.spans {
			if len(now.spans[i]) != len(want.spans[i]) || len(want.spans[i]) > 0 && !reflect.DeepEqual(now.spans[i], want.spans[i]) {
				t.Fatalf("%s: %s has %d spans, suggestionsFor %d", step, want.names[i], len(now.spans[i]), len(want.spans[i]))
			}
		}
		return now
	}
	r := rand.New(rand.NewPCG(4, 5))
	var ids []string
	prev := same("start")
	for step := 0; step < 60; step++ {
		switch k := r.IntN(10); {
		case k < 6 || len(ids) == 0:
			m := mentions[r.IntN(len(mentions))]
			l := a.labels[r.IntN(len(a.labels))].Name
			x, err := d.Set.Add(annot.Annotation{Start: m.Start, End: m.End, Label: l, Text: d.X.Slice(m.Start, m.End)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, x.ID)
			now := same("label " + l)
			// Only the new label's typed spans may change.
			for i, n := range now.names {
				if n != "gloss-t"+itoaLabel(a.labels, l) && len(now.spans[i]) > 0 && &now.spans[i][0] != &prev.spans[i][0] {
					t.Errorf("labelling %s made %s anew", l, n)
				}
			}
			prev = now
		case k < 8:
			j := r.IntN(len(ids))
			if err := d.Set.Update(ids[j], func(x *annot.Annotation) { x.Label = a.labels[r.IntN(len(a.labels))].Name }); err != nil {
				t.Fatal(err)
			}
			prev = same("relabel")
		default:
			j := r.IntN(len(ids))
			if err := d.Set.Remove(ids[j]); err != nil {
				t.Fatal(err)
			}
			ids = append(ids[:j], ids[j+1:]...)
			prev = same("remove")
		}
	}
	// Retyped in place (the lexicon came, the memory changed): retype
	// drops the base.
	for i := range f.ents {
		if f.ents[i].Type == entity.TypeORG {
			f.ents[i].Type = entity.TypeLOC
		}
	}
	f.sugBase = nil
	same("retyped")
	a.labels[0].Name = "PERSON" // typed PER suggestions now map to no label
	same("labels changed")
	a.labels = annot.DefaultLabels()
	f.ents = entity.Find(txt[:len(txt)/2], nil)
	same("new entities")
}

// itoaLabel is the index of label l among labels, as a string.
func itoaLabel(labels annot.Labels, l string) string {
	return string(rune('0' + labels.Index(l)))
}
