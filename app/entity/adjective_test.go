package entity

import "testing"

// TestDutchAdjectives: in Dutch a capitalised word with an adjective's
// ending after a determiner and before a lower-case noun is an adjective
// made from a name (MISC), not the organisation its article suggests; a
// name with such an ending standing before a verb stays a person's.
func TestDutchAdjectives(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\nisrael\n@given\nvera\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Volgens de Zorlandse minister van Justitie is het plan van de regering niet haalbaar. Het was een woordvoerder van de Zorlandse regering die het nieuws bracht. In het Vlaams onderwijs en de Vlaamse scholen is er ook kritiek, zegt Waseige. Toch gaat Waseige vooral af op een ploeg die hij kent, merkte Vera Waseige op. Er was herrie tussen Haagse supporters en de politie."
	for name, typ := range map[string]string{"Zorlandse": TypeMISC, "Haagse": TypeMISC, "Vlaams": TypeMISC, "Waseige": TypePER} {
		e, ok := typeOf(t, text, FindWith(text, Options{Lexicon: lex}), name)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		if e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}
