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

// TestKnownMentionToks checks where group says each mention lies in the
// tokens against tokenAt and tokenEnding: on the test articles, with a
// gazetteer, on Dutch names with "'s" and on quoted Spanish names.
func TestKnownMentionToks(t *testing.T) {
	gaz := NewGazetteer([]Entry{{Name: "Islamic State", Label: "ORG", Aliases: []string{"ISIS", "Daesh"}}})
	texts := []string{SampleArticle(100<<10, 3),
		"De regering van Israël zei dat Israëli's en Israël. Jan Peeters sprak met Jan Peeters en Israëli's. De Israëli's.",
		"El torero \"Antoñete\" dijo que \"Antoñete\" y Juan Pérez. El Torreón de Madrid.",
		"The Islamic State (ISIS) and Daesh. Jean-Yves Le Drian met Le Drian in Paris."}
	for _, a := range loadGold(t) {
		texts = append(texts, a.Text)
	}
	known, all := 0, 0
	for _, text := range texts {
		for _, o := range []Options{{}, {Gazetteer: gaz}} {
			f := newFinder(text, tokenize(text))
			for _, e := range f.find(o) {
				mt := f.knownMentionToks(e.Mentions)
				for k, m := range e.Mentions {
					all++
					if mt == nil || mt[k].a < 0 {
						continue
					}
					known++
					a, okA := f.tokenAt(m.Start)
					b, okB := f.tokenEnding(m.End)
					if want := (mentionTok{int32(a), int32(b), okA, okB}); mt[k] != want {
						t.Errorf("%q at %v: recorded %+v, found %+v", e.Key, m, mt[k], want)
					}
				}
			}
		}
	}
	if known < all/2 {
		t.Errorf("known for %d mentions of %d", known, all)
	}
}
