package entity

import "testing"

// TestMentionToks checks that mentionToks answers what tokenAt and
// tokenEnding answer for every mention, also right after another entity's
// mentions were asked for (its answers are kept for one entity only).
func TestMentionToks(t *testing.T) {
	for _, a := range loadGold(t) {
		f := newFinder(a.Text, tokenize(a.Text))
		ents := Find(a.Text, nil)
		for k := range ents {
			for _, e := range []*Entity{&ents[k], &ents[(k+1)%len(ents)], &ents[k]} {
				mt := f.mentionToks(e)
				if len(mt) != len(e.Mentions) {
					t.Fatalf("%s: %q: %d answers for %d mentions", a.Name, e.Name, len(mt), len(e.Mentions))
				}
				for i, m := range e.Mentions {
					a0, ok0 := f.tokenAt(m.Start)
					b0, ok1 := f.tokenEnding(m.End)
					if got, want := mt[i], (mentionTok{int32(a0), int32(b0), ok0, ok1}); got != want {
						t.Fatalf("%s: %q mention %v: %+v, want %+v", a.Name, e.Name, m, got, want)
					}
				}
			}
		}
	}
}
