package entity

import "testing"

// TestSportsSides: in a sports report a country or city standing as a side
// (by a score, after "ante", in parentheses after a player) is its team;
// the same names in other news stay places. A party in parentheses after
// a politician is an organisation anywhere; an acronym after its
// expansion keeps its own type.
func TestSportsSides(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\ngales\nbrasil\n@city\nsevilla\nbarcelona\ncardiff\n@given\nmagda\nisabelle\n"))
	if err != nil {
		t.Fatal(err)
	}
	sport := "Cardiff, 23 may (EFE). - Partido internacional amistoso: Gales, 0 - Brasil, 3. Los goles del delantero Elber dieron la victoria a los brasileños en el estadio del Milenio, ante un portero galés sin suerte. Amonestación al jugador Puyol (Barcelona) por protestar al árbitro."
	news := "Cardiff, 23 may (EFE). - El gobierno de Gales y el de Brasil firmaron hoy un acuerdo comercial en Cardiff, según informó la prensa. El ministro visitó también Barcelona y Ecija (Sevilla) durante su viaje por Europa."
	nl := "Volgens de krant heeft minister Magda Aelvoet (Agalev) het plan goedgekeurd, zoals de regering van het land had gevraagd. Het is aan minister van Verkeer Isabelle Durant (Ecolo) om het plan uit te voeren. De Oferta Pública de Acciones (OPA) is een bod."
	cases := []struct{ text, name, want string }{
		{sport, "Brasil", TypeORG},
		{sport, "Gales", TypeORG},
		{sport, "Barcelona", TypeORG},
		{news, "Brasil", TypeLOC},
		{news, "Sevilla", TypeLOC},
		{news, "Barcelona", TypeLOC},
		{nl, "Agalev", TypeORG},
		{nl, "Ecolo", TypeORG},
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

// TestClubNames: in a sports report a name of several words holding a town
// is its club's ("Paris Saint-Germain", "Lommel Zuid"), not when a word of
// it is a person's name ("Paco Flores").
func TestClubNames(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@city\nparis\n@town\nlommel\nflores\n@surname\nflores\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "De aanvaller speelde voor Paris Saint-Germain en nu voor Lommel Zuid, zei trainer Paco Flores na de wedstrijd in het stadion. De scheidsrechter floot af na een doelpunt van de speler."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, typ := range map[string]string{"Paris Saint-Germain": TypeORG, "Lommel Zuid": TypeORG, "Paco Flores": TypePER} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}
