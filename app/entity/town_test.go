package entity

import "testing"

// TestTowns: a town from the lexicon is a place, unless it is also a
// given name or a surname (a person as often), or three letters (a
// country's code in results: "ITA").
func TestTowns(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@town\nzaventem\nvera\nita\n@given\nvera\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Volgens de krant werkt de marketingafdeling nu vanuit Zaventem, zegt Vera, en de rest uit het buitenland. Ook de ITA zei dat het een probleem was."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, loc := range map[string]bool{"Zaventem": true, "Vera": false, "ITA": false} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s not found", name)
			continue
		}
		if (e.Type == TypeLOC) != loc {
			t.Errorf("%s: type %q (evidence %q)", name, e.Type, e.Evidence)
		}
	}
}
