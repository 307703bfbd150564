package entity

import "testing"

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
