package entity

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"gloss/web"
)

// TestListFlags checks that what the remembered flags say of a word is what
// each list says of it, for every word of every list, both cases of it,
// and words on none: a list added to flagLists out of step with its flag
// would answer for another list.
func TestListFlags(t *testing.T) {
	var words []string
	for _, l := range flagLists {
		for w := range l.words() {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	words = append(words, "Gloss", "zzyzx", "Paris")
	text := strings.Join(words, " ")
	f := newFinder(text, tokenize(text))
	if len(f.toks) < len(words) {
		t.Fatalf("%d tokens for %d words", len(f.toks), len(words))
	}
	for i := range f.toks {
		w := f.fold(i)
		for k, l := range flagLists {
			if got, want := f.on(i, 1<<k), l.has(w); got != want {
				t.Errorf("%q: flag %d says %v, its list %v", w, k, got, want)
			}
		}
	}
	if 1<<len(flagLists) > onKnownMarker {
		t.Errorf("%d lists: the flags run into the known marker", len(flagLists))
	}
}

// TestStopTok checks stopTok against isStop in each language isStop tells
// apart and in one it does not.
func TestStopTok(t *testing.T) {
	var words []string
	for _, l := range []*wordSet{stopWords, stopEN, stopByLang["nl"], particles} {
		for w := range l.words() {
			words = append(words, w)
		}
	}
	text := strings.Join(words, " ")
	for _, lang := range []string{"en", "nl", "es", ""} {
		f := newFinder(text, tokenize(text))
		f.lang, f.langDone = lang, true
		for i := range f.toks {
			if got, want := f.stopTok(i), f.isStop(f.fold(i)); got != want {
				t.Errorf("%s %q: stopTok %v, isStop %v", lang, f.fold(i), got, want)
			}
		}
	}
	for lang := range stopByLang {
		if lang != "en" && lang != "nl" {
			t.Errorf("stopByLang has %q, which stopTok does not tell apart", lang)
		}
	}
}

// TestKeyFacts checks the remembered facts of keys against what they
// stand for, key after key and back.
func TestKeyFacts(t *testing.T) {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	text := "Paris and New York, the U.S. and Jean-Yves Le Drian"
	f := newFinder(text, tokenize(text))
	f.lex = lex
	for _, key := range []string{"paris", "new york", "u s", "jean yves le drian", "paris", "frenchman", "brusselse"} {
		k := f.keyFacts(key)
		if !slices.Equal(k.words, strings.Fields(key)) {
			t.Errorf("%q: words %q", key, k.words)
		}
		for i, id := range k.ids {
			if f.in.str(id) != k.words[i] || f.kindOf(id) != lex.Kind(k.words[i]) {
				t.Errorf("%q: word %d is %q (kind %v), want %q (kind %v)", key, i, f.in.str(id), f.kindOf(id), k.words[i], lex.Kind(k.words[i]))
			}
		}
		if f.keyKind(key) != lex.Kind(key) || f.placeAcronym(key) != knownPlaceAcronyms.has(key) || f.firstWordKind(key) != lex.Kind(firstWord(key)) {
			t.Errorf("%q: kind %v, place acronym %v, first word's kind %v", key, f.keyKind(key), f.placeAcronym(key), f.firstWordKind(key))
		}
		d, p := f.keyDemonym(key)
		if wd, wp := demonymOf(key, lex); d != wd || p != wp {
			t.Errorf("%q: demonym %q %v, want %q %v", key, d, p, wd, wp)
		}
	}
}

// TestVariantIDs checks the interner ids group records for the entities'
// names against normalising each name again, as the index did before it
// read them: on the test articles, with a gazetteer whose aliases fold to
// other keys, and on a sample long enough for names to merge.
func TestVariantIDs(t *testing.T) {
	gaz := NewGazetteer([]Entry{{Name: "Islamic State", Label: "ORG", Aliases: []string{"ISIS", "Daesh"}}, {Name: "Paris", Label: "LOC", Aliases: []string{"IS"}}})
	texts := []string{SampleArticle(100<<10, 3), "The Islamic State (ISIS) and Daesh. Jean-Yves Le Drian met Le Drian in Paris, then IS."}
	for _, a := range loadGold(t) {
		texts = append(texts, a.Text)
	}
	known, all := 0, 0
	for _, text := range texts {
		for _, o := range []Options{{}, {Gazetteer: gaz}} {
			f := newFinder(text, tokenize(text))
			ents := f.find(o)
			for _, e := range ents {
				ids := f.variantIDs(e.Variants)
				for k, v := range e.Variants {
					all++
					if ids == nil || ids[k] < 0 {
						continue
					}
					known++
					if want := f.in.surface(v); ids[k] != want {
						t.Errorf("%q of %q: id %d (%q), normalised %d (%q)", v, e.Key, ids[k], f.in.str(ids[k]), want, f.in.str(want))
					}
				}
			}
		}
	}
	if known < all/2 {
		t.Errorf("ids known for %d names of %d", known, all)
	}
}

// TestKeyFactsChunks checks the words keyFacts cuts from its chunks: split
// as strings.Fields splits, and a key's slices unchanged after thousands
// of later keys (a caller may still hold them) and not grown into by an
// append.
func TestKeyFactsChunks(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  a  b ", "new york", "a\u00a0b\u2003c\td\ne", "é ü\u3000ß", "x\xffy z", "\u0085a\u0085"} {
		if got := appendFields(nil, s); !slices.Equal(got, strings.Fields(s)) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, strings.Fields(s))
		}
	}
	f := newFinder("", nil)
	first := f.keyFacts("jean yves le drian")
	words, ids := first.words, first.ids
	second := f.keyFacts("paris")
	_ = append(words, "x")
	_ = append(ids, 7)
	if !slices.Equal(second.words, []string{"paris"}) || f.in.str(second.ids[0]) != "paris" {
		t.Fatalf("an append to the first key's words wrote over the next key's: %q", second.words)
	}
	for i := range 3 * kfChunk {
		_ = f.keyFacts(strings.Repeat("w ", i%7) + strconv.Itoa(i))
	}
	if !slices.Equal(words, []string{"jean", "yves", "le", "drian"}) || len(ids) != 4 {
		t.Fatalf("the first key's words became %q (%d ids)", words, len(ids))
	}
	for i, w := range words {
		if f.in.str(ids[i]) != w {
			t.Errorf("id %d is %q, want %q", i, f.in.str(ids[i]), w)
		}
	}
}
