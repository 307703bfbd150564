package entity

import "testing"

// TestMiscClues: nationalities told by their country's stem, places'
// adjectives, inflected places, events by their word, year or edition.
func TestMiscClues(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\npalestina\nhongarije\nchina\nrumania\n@city\nbrussel\n@language\nfrans\n@given\nromano\n@noun\nzukunft\nwelt\ngeld\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, name, want string }{
		{"Volgens de krant zijn de Palestijnen boos.", "Palestijnen", TypeMISC},
		{"Gisteren zei de Brusselse politie niets.", "Brusselse", TypeMISC},
		{"Gisteren zeiden de Fransen niets.", "Fransen", TypeMISC},
		{"Sie sprachen über die Zukunft Chinas und die der Welt, aber nicht über das Geld.", "Chinas", TypeLOC},
		{"Ayer habló Romano con la prensa.", "Romano", TypePER},
		{"Ayer el Mundial 2002 empezó en Seúl.", "Mundial 2002", TypeMISC},
		{"Ayer se inauguraron los XIV Juegos Panamericanos en Winnipeg.", "XIV Juegos Panamericanos", TypeMISC},
		{"Ayer se jugó la final de la Liga de Campeones.", "Liga de Campeones", TypeMISC},
		{"Ayer se hablaba mucho de la Liga en la radio.", "Liga", TypeMISC},
		{"Ayer el Parlamento aprobó la Ley de Extranjería.", "Ley de Extranjería", TypeMISC},
	}
	for _, c := range cases {
		e, ok := typeOf(t, c.text, FindWith(c.text, Options{Lexicon: lex}), c.name)
		if !ok {
			t.Errorf("%s: not found in %q", c.name, c.text)
			continue
		}
		if e.Type != c.want {
			t.Errorf("%s: type %q (evidence %q), want %s", c.name, e.Type, e.Evidence, c.want)
		}
	}
}
