package entity

import (
	"testing"

	"gloss/web"
)

// TestLexiconRegions checks the built-in lexicon's first-level divisions
// (tools/lexgen, country-region-data): provinces and regions are places,
// also without their generic word, and names that are common words or
// people's names are left to context.
func TestLexiconRegions(t *testing.T) {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"hunan", "hubei", "basilicata", "molise", "kamchatka", "kamchatka krai", "bayern"} {
		if lex.Kind(key)&LexPlace == 0 {
			t.Errorf("%q: kind %v, want a place", key, lex.Kind(key))
		}
	}
	for _, key := range []string{"zug", "grad", "kanal", "paul", "western", "central"} {
		if lex.Kind(key)&LexRegion != 0 {
			t.Errorf("%q: a region, want it left to context (kind %v)", key, lex.Kind(key))
		}
	}
}
