package ui

import (
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/text"
)

// BenchmarkRepaintAfterLabel is the suggestions' repaint after one more
// label on the 1 MB sample: worked out from scratch (suggestionsFor, as
// before the base) and from the base (suggestionsNow).
func BenchmarkRepaintAfterLabel(b *testing.B) {
	txt := entity.SampleArticle(1<<20, 1)
	d := docOf(txt)
	a := &App{labels: annot.DefaultLabels()}
	f := &finder{a: a, ents: entity.Find(txt, nil)}
	var ms []text.Span
	for _, e := range f.ents[:200] {
		ms = append(ms, e.Mentions[0])
	}
	label := func(i int) {
		m := ms[i%len(ms)]
		if _, err := d.Set.Add(annot.Annotation{Start: m.Start, End: m.End, Label: a.labels[i%len(a.labels)].Name, Text: d.X.Slice(m.Start, m.End)}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("scratch", func(b *testing.B) {
		i := 0
		for b.Loop() {
			label(i)
			i++
			f.suggestionsFor(d, f.ents, nil)
		}
	})
	b.Run("base", func(b *testing.B) {
		i := 0
		f.suggestionsNow(d)
		for b.Loop() {
			label(i)
			i++
			f.suggestionsNow(d)
		}
	})
}
