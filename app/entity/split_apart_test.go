package entity

import (
	"bytes"
	"reflect"
	"testing"
)

// apart is a shared build's result through its two messages: the index
// and the entities' names sent once the index is made (before any typing
// when indexFirst), the entities' types at the end, each joined from its
// parts.
func apart(t *testing.T, text string, o Options, at float64, indexFirst bool) (ents []Entity, x *Index, idxMsg, entsMsg []byte) {
	t.Helper()
	s := NewSplit(text, o)
	if !indexFirst {
		s.Type(0, at)
	}
	s.Index()
	parts, err := EncodeSplitIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	idxMsg = bytes.Join(parts, nil) // copied now, as the worker does
	if len(text) > 100<<10 && len(parts) < 3 {
		t.Errorf("a %d-byte index message in %d parts: its large arrays were copied", len(idxMsg), len(parts))
	}
	if indexFirst {
		s.Type(0, at)
	}
	ents, x, err = s.Finish(wired(t, NewSplit(text, o).Type(at, 1)))
	if err != nil {
		t.Fatal(err)
	}
	parts, err = EncodeBuildEntities(ents, x)
	if err != nil {
		t.Fatal(err)
	}
	return ents, x, idxMsg, bytes.Join(parts, nil)
}

// decodeApart reads the two messages as the page does: the index first,
// then the types.
func decodeApart(text string, entsMsg, idxMsg []byte) ([]Entity, *Index, error) {
	b, err := DecodeSplitIndex(text, idxMsg)
	if err != nil {
		return nil, nil, err
	}
	return b.Complete(entsMsg)
}

// TestBuildApart: a shared build's index and its entities' names sent as
// soon as the index is made and its entities' types at the end read back as
// Build's result field for field, and search the same, over the split's
// texts and options.
func TestBuildApart(t *testing.T) {
	for oi, o := range splitOptions(t) {
		for ti, text := range splitTexts(t) {
			want, wx := Build(text, o)
			var read []*Index
			for _, plan := range []struct {
				at         float64
				indexFirst bool
			}{{0.2, false}, {0, true}, {0.5, true}, {1, false}} {
				_, _, idxMsg, entsMsg := apart(t, text, o, plan.at, plan.indexFirst)
				ents, x, err := decodeApart(text, entsMsg, idxMsg)
				if err != nil {
					t.Fatalf("options %d, text %d, %+v: %v", oi, ti, plan, err)
				}
				if !reflect.DeepEqual(ents, want) {
					t.Fatalf("options %d, text %d, %+v: entities differ", oi, ti, plan)
				}
				if f := differentField(x, wx); f != "" {
					t.Fatalf("options %d, text %d, %+v: index field %s differs", oi, ti, plan, f)
				}
				read = append(read, x)
			}
			for _, q := range []string{"le drian", "kori", "damscus", "un", "the"} {
				h := wx.Search(q, 10)
				for ri, x := range read {
					if !reflect.DeepEqual(x.Search(q, 10), h) {
						t.Fatalf("options %d, text %d, plan %d: search %q differs", oi, ti, ri, q)
					}
				}
			}
		}
	}
}

// TestBuildApartRefuses: the two messages of different builds, swapped,
// for another text, cut short or with bytes left over are an error, not a
// wrong result; so is an index not made, or searched.
func TestBuildApartRefuses(t *testing.T) {
	text := "Jean-Yves Le Drian met the UN in Paris. Le Drian said so.\n\nKori Schulman flew to Damascus."
	other := "Jean-Yves Le Drian met the UN in Paris. Le Drian said no.\n\nKori Schulman flew to Damascus."
	o := Options{}
	_, _, idxMsg, entsMsg := apart(t, text, o, 0.2, false)
	_, _, otherIdx, otherEnts := apart(t, other, o, 0.2, false)
	if _, _, err := decodeApart(text, entsMsg, idxMsg); err != nil {
		t.Fatal(err)
	}
	// The same text with a gazetteer that names one more entity.
	more := Options{Gazetteer: NewGazetteer([]Entry{{Name: "said so", Label: "Quote"}})}
	_, _, moreIdx, moreEnts := apart(t, text, more, 0.2, false)
	whole, err := EncodeBuild(Build(text, o))
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string][2][]byte{
		"another text's entities":   {otherEnts, idxMsg},
		"another text's index":      {entsMsg, otherIdx},
		"another build's index":     {entsMsg, moreIdx},
		"another build's entities":  {moreEnts, idxMsg},
		"swapped":                   {idxMsg, entsMsg},
		"a whole build as entities": {whole, idxMsg},
		"entities cut short":        {entsMsg[:len(entsMsg)-8], idxMsg},
		"index cut short":           {entsMsg, idxMsg[:len(idxMsg)/2]},
		"entities with bytes left":  {append(append([]byte(nil), entsMsg...), make([]byte, 8)...), idxMsg},
		"index with bytes left":     {entsMsg, append(append([]byte(nil), idxMsg...), make([]byte, 8)...)},
	} {
		if _, _, err := decodeApart(text, m[0], m[1]); err == nil {
			t.Errorf("%s: read", name)
		}
	}
	if _, _, err := decodeApart(other, otherEnts, otherIdx); err != nil {
		t.Errorf("the other text's own messages: %v", err)
	}
	if _, _, err := decodeApart(text+" ", entsMsg, idxMsg); err == nil {
		t.Error("messages for another text were read")
	}
	s := NewSplit(text, o)
	if _, err := EncodeSplitIndex(s); err == nil {
		t.Error("a split's index written before it was made")
	}
	s.Index()
	s.x.Search("kori", 5)
	if _, err := EncodeSplitIndex(s); err == nil {
		t.Error("a searched index written")
	}
	b, err := DecodeSplitIndex(text, idxMsg)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Complete(entsMsg); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Complete(entsMsg); err == nil {
		t.Error("a build completed twice")
	}
}
