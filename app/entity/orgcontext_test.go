package entity

import (
	"slices"
	"testing"
)

// TestOrgContext: a one-word name no list holds is an organisation when
// the article puts a kind of body before or after it, or a role in one
// before "of"; a known place after a role keeps its type, and a name
// with none of these stays a person.
func TestOrgContext(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\nvenezuela\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, name, want string }{
		{"Según fuentes del sector, la empresa argentina Musimundo abrirá nuevas tiendas en el país este año.", "Musimundo", TypeORG},
		{"Lo dijo ayer el director de Datanálisis en una rueda de prensa con los periodistas.", "Datanálisis", TypeORG},
		{"Lo dijo ayer el presidente de Venezuela en una rueda de prensa con los periodistas.", "Venezuela", TypeLOC},
		{"Volgens de krant wordt in het Anderlechtse bedrijf Viangros het vlees al jaren geëtiketteerd.", "Viangros", TypeORG},
		{"Het belette netwerkspecialist Telindus niet om vijf procent hoger te gaan op de beurs.", "Telindus", TypeORG},
		{"Volgens de krant wou de raad van bestuur van Sabena nog even afwachten.", "Sabena", TypeORG},
		{"Volgens de krant meldt Arinso, de informaticaspecialist voor personeelsbeheer, dat het een akkoord heeft met een bedrijf van het land.", "Arinso", TypeORG},
		{"Volgens de krant zei Vandekeybus gisteren niets meer over de zaak.", "Vandekeybus", TypePER},
		{"De lijn is er gekomen op initiatief van de stichting Missing, zegt de krant, en dat is een goede zaak voor het land.", "Missing", TypeORG},
		{"Hij maakt deel uit van het Israëlisch parlement, de Knesset, en dat is een goede zaak voor het land.", "Knesset", TypeORG},
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

// TestRoleSplit: after a role and "of" the body comes first, then the
// person holding the role, from a given name on — also one that is a
// surname too ("Vera").
func TestRoleSplit(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@given\nbert\nvera\n@surname\nvera\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Volgens de krant heeft de Vlaamse minister van Cultuur Bert Anciaux het plan goedgekeurd, en minister van Leefmilieu Vera Dua zegt dat het een goed plan is voor het land."
	ents := FindWith(text, Options{Lexicon: lex})
	got := mentionTexts(text, ents)
	for _, want := range []string{"Cultuur", "Bert Anciaux", "Leefmilieu", "Vera Dua"} {
		if !slices.Contains(got, want) {
			t.Errorf("got %q, want %q among them", got, want)
		}
	}
	for name, typ := range map[string]string{"Cultuur": TypeORG, "Bert Anciaux": TypePER} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}

// TestSpanishContractedArticle: "del" and "al" hold an article, which
// Spanish gives organisations ("los jugadores del Deportivo"), not people.
func TestSpanishContractedArticle(t *testing.T) {
	text := "La Coruña, 23 may (EFE). - Los jugadores del Deportivo reciben esta noche un homenaje, y los aficionados del Deportivo celebraron el título de liga en la calle."
	if e, ok := typeOf(t, text, FindWith(text, Options{}), "Deportivo"); !ok || e.Type != TypeORG {
		t.Errorf("Deportivo: type %q (evidence %q), want ORG", e.Type, e.Evidence)
	}
}

// TestBodyCoordination: in a body's name, after its head and "of", a
// coordination joins what the body is about ("Commissie voor Monumenten en
// Landschappen"); elsewhere it joins two names.
func TestBodyCoordination(t *testing.T) {
	text := "Volgens de krant is de Commissie voor Monumenten en Landschappen het oneens, en ook Peeters en Janssens zijn dat."
	got := mentionTexts(text, Find(text, nil))
	for _, want := range []string{"Commissie voor Monumenten en Landschappen", "Peeters", "Janssens"} {
		if !slices.Contains(got, want) {
			t.Errorf("got %q, want %q among them", got, want)
		}
	}
}

// TestAmpersand: "&" between capitalised words makes one name ("Lernout &
// Hauspie", "L & H"); "en" still parts two.
func TestAmpersand(t *testing.T) {
	text := "Volgens de krant is Lernout & Hauspie marktleider, en L & H groeit, terwijl Peeters en Janssens twijfelen."
	got := mentionTexts(text, Find(text, nil))
	for _, want := range []string{"Lernout & Hauspie", "L & H", "Peeters", "Janssens"} {
		if !slices.Contains(got, want) {
			t.Errorf("got %q, want %q among them", got, want)
		}
	}
}
