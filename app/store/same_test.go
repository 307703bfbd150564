package store

import "testing"

func TestWithText(t *testing.T) {
	l := mustOpen(t, NewMemory())
	a, err := l.Create(Doc{Meta: Meta{Title: "A", Created: 1}, Text: "Ada met Bob."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(Doc{Meta: Meta{Title: "B", Created: 2}, Text: "Ada met Bo!."}); err != nil { // same length, other text
		t.Fatal(err)
	}
	if m, ok := l.WithText("Ada met Bob."); !ok || m.ID != a.ID {
		t.Errorf("WithText found %+v, %v; want %s", m, ok, a.ID)
	}
	for _, s := range []string{"Ada met Bob", "Ada met Bob. ", "ada met bob.", ""} {
		if m, ok := l.WithText(s); ok {
			t.Errorf("WithText(%q) found %+v", s, m)
		}
	}
}
