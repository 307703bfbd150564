package entity

import "testing"

// TestDutchCompoundKinds: in Dutch a name led by a compound whose head is
// a kind of organisation ("Toneelgroep", "Uitgeverij") is an organisation's.
func TestDutchCompoundKinds(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@given\njan\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Gisteren speelde Toneelgroep Zeremona voor het eerst het stuk van de schrijver, dat bij Uitgeverij Houtekiet is verschenen. Het was een groot succes, zei Jan Peeters na de voorstelling in de zaal."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, typ := range map[string]string{"Toneelgroep Zeremona": TypeORG, "Uitgeverij Houtekiet": TypeORG, "Jan Peeters": TypePER} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}
