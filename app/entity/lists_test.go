package entity

import (
	"reflect"
	"testing"

	"gloss/web"
)

// TestListedTogether: the unknown members of a list take the type most of
// its known members have; a list without agreement lends nothing.
func TestListedTogether(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@brand\nmotorola\nalcatel\n@country\nchile\n@given\npedro\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "La asociación se ha querellado contra los fabricantes de teléfonos Motorola, Alcatel, Sagem y Mistubishi por la publicidad. Viajaron a Chile, Pedro y Zorba."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, typ := range map[string]string{"Sagem": TypeORG, "Mistubishi": TypeORG, "Zorba": TypePER} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}

// TestTextListsRecorded: the lists read from where group recorded the
// mentions' tokens are those read by searching the tokens for each
// mention, on articles whose lists and merged entities (no record) vary.
func TestTextListsRecorded(t *testing.T) {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	for seed := int64(1); seed <= 4; seed++ {
		s := NewSplit(SampleArticle(200<<10, seed), Options{Lexicon: lex})
		got := s.f.textLists(s.ents)
		flat, flatTok := s.f.flat, s.f.flatTok
		s.f.flat, s.f.flatTok = nil, nil // no records: every mention searched
		want := s.f.textLists(s.ents)
		s.f.flat, s.f.flatTok = flat, flatTok
		if len(want) == 0 {
			t.Fatalf("seed %d: no list to compare", seed)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: %d lists from the records, %d searched, or their members differ", seed, len(got), len(want))
		}
	}
}
