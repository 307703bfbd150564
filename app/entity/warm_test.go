package entity

import (
	"strings"
	"testing"
)

// The warm-up must run the search's every path: one- and two-letter
// queries, rescans, typo rescans at four letters and more, phrases of two
// words. Each mistyped query must still find the name it was made from
// (so the typo search ran and forgave it), and the warm-up must end.
func TestWarmerTypesEveryKindOfQuery(t *testing.T) {
	w := NewWarmer()
	steps := 0
	for w.Step() {
		steps++
		if steps > 100*warmQueries {
			t.Fatal("the warm-up does not end")
		}
	}
	if w.Step() {
		t.Error("Step after the end reports more steps")
	}
	// One step builds the index, then each step types one letter.
	letters := 0
	for _, q := range w.queries {
		letters += len([]rune(q))
	}
	if len(w.queries) != warmQueries || steps != letters {
		t.Fatalf("%d queries in %d steps, want %d in %d (one step per letter, the index's included)", len(w.queries), steps, warmQueries, letters)
	}
	if w.idx != nil || w.text != "" {
		t.Error("the warm-up keeps its index or article once done")
	}

	// Search the same made-up article again, query by query.
	text := warmArticle()
	ents := warmNames(text)
	idx := NewIndex(text, ents)
	var typos, phrases, whole int
	for i, q := range w.queries {
		from := w.intended[i]
		if strings.Contains(strings.TrimSpace(q), " ") {
			phrases++
		}
		if q == from {
			whole++
			continue
		}
		if normQuery(q) == normQuery(from) {
			t.Errorf("query %q is %q unchanged", q, from)
		}
		typos++
		found := false
		for _, h := range idx.Search(q, 5) {
			if strings.EqualFold(h.Text, from) {
				found = true
			}
		}
		if !found {
			t.Errorf("mistyped %q does not find %q in the top 5", q, from)
		}
	}
	if typos < warmQueries/2 || phrases == 0 || whole == 0 {
		t.Errorf("%d mistyped, %d of several words, %d typed whole: want every kind", typos, phrases, whole)
	}
}
