package ui

import (
	"testing"

	"gloss/app/session"
	"gloss/app/text"
)

func TestCaretWords(t *testing.T) {
	d := &session.Doc{Text: "Jean-Yves Le Drian, in Moscow. «Paris»"}
	ws := d.Words()
	var got []string
	rs := []rune(d.Text)
	for _, w := range ws {
		got = append(got, string(rs[w.Start:w.End]))
	}
	want := []string{"Jean-Yves", "Le", "Drian", "in", "Moscow", "Paris"}
	if len(got) != len(want) {
		t.Fatalf("words %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("words %q, want %q", got, want)
		}
	}
	word := func(w text.Span) string { return string(rs[w.Start:w.End]) }
	w := ws[0]
	for _, step := range []struct {
		d    int
		want string
	}{{1, "Le"}, {1, "Drian"}, {1, "in"}, {-1, "Drian"}, {1, "in"}, {1, "Moscow"}, {1, "Paris"}, {1, "Paris"}, {-1, "Moscow"}} {
		w = stepWord(ws, w, step.d)
		if word(w) != step.want {
			t.Fatalf("step %+d: %q, want %q", step.d, word(w), step.want)
		}
	}
	if w := stepWord(ws, ws[0], -1); word(w) != "Jean-Yves" {
		t.Errorf("back from the first word: %q", word(w))
	}
	// From a position between words, or inside one.
	if w, _ := wordAt(ws, 18); word(w) != "in" { // the comma after Drian
		t.Errorf("wordAt(18) = %q", word(w))
	}
	if w, _ := wordAt(ws, 25); word(w) != "Moscow" {
		t.Errorf("wordAt(25) = %q", word(w))
	}
	c := caret{on: true, anchor: ws[4], focus: ws[1]}
	if s := c.sel(); s.Start != ws[1].Start || s.End != ws[4].End {
		t.Errorf("sel = %+v", s)
	}
	if _, ok := wordAt(nil, 0); ok {
		t.Error("wordAt of no words")
	}
}
