package entity

import "testing"

// TestAmpersandNames: names joined by "&" are a firm's or a group's, not a
// person's; two people joined by a word stay people.
func TestAmpersandNames(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@given\njan\npiet\n@surname\nlomason\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "The shares of Douglas & Lomason rose on Monday after the report, and the band Trish & Kash will play. Jan Peeters and Piet Janssens said nothing about it."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, typ := range map[string]string{"Douglas & Lomason": TypeORG, "Trish & Kash": TypeORG, "Jan Peeters": TypePER} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}
