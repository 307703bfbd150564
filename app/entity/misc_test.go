package entity

import (
	"slices"
	"strings"
	"testing"
)

// TestMiscClues: nationalities told by their country's stem, places'
// adjectives, inflected places, events by their word, year or edition.
func TestMiscClues(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\npalestina\nhongarije\nchina\nrumania\nniederlande\n@city\nbrussel\n@language\nfrans\n@given\nromano\n@noun\nzukunft\nwelt\ngeld\n@brand\nnasdaq\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, name, want string }{
		{"Volgens de krant zijn de Palestijnen boos.", "Palestijnen", TypeMISC},
		{"Gisteren zei de Brusselse politie niets.", "Brusselse", TypeMISC},
		{"Gisteren zeiden de Fransen niets.", "Fransen", TypeMISC},
		{"Sie sprachen über die Zukunft Chinas und die der Welt, aber nicht über das Geld.", "Chinas", TypeLOC},
		{"Sie sprachen über die Zukunft und das Geld, aber in den Niederlanden nicht über die Welt.", "Niederlanden", TypeLOC},
		{"Ayer habló Romano con la prensa.", "Romano", TypePER},
		{"Ayer el Mundial 2002 empezó en Seúl.", "Mundial 2002", TypeMISC},
		{"Ayer se inauguraron los XIV Juegos Panamericanos en Winnipeg.", "XIV Juegos Panamericanos", TypeMISC},
		{"Ayer se jugó la final de la Liga de Campeones.", "Liga de Campeones", TypeMISC},
		{"Ayer se hablaba mucho de la Liga en la radio.", "Liga", TypeMISC},
		{"Ayer el Parlamento aprobó la Ley de Extranjería.", "Ley de Extranjería", TypeMISC},
		{"Ayer el Nasdaq cayó un dos por ciento en la bolsa.", "Nasdaq", TypeMISC},
		{"Las acciones del Nasdaq bajaron, y el Nasdaq cerró en su nivel más bajo.", "Nasdaq", TypeMISC}, // an index, though a company's name too
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

// TestDutchWords: in Dutch a compound of a name and a common noun is one
// word and one name, typed by its noun; a plural or genitive in "'s" is part
// of the name; elsewhere neither holds.
func TestDutchWords(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\nisrael\nindia\n"))
	if err != nil {
		t.Fatal(err)
	}
	nl := "Volgens de minister is de BSE-besmetting van de koeien in het land een probleem, en de Likoed-partij van de premier zegt dat de Israëli's en de EU-burgers het niet weten."
	got := mentionTexts(nl, FindWith(nl, Options{Lexicon: lex}))
	want := []string{"BSE-besmetting", "Likoed-partij", "Israëli's", "EU-burgers"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Dutch: got %q, want %q", got, want)
	}
	ents := FindWith(nl, Options{Lexicon: lex})
	for name, typ := range map[string]string{"BSE-besmetting": TypeMISC, "Likoed-partij": TypeORG, "Israëli's": TypeMISC} {
		if e, ok := typeOf(t, nl, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
	en := "The minister said that the BSE-infected cows and India's farmers were the problem of the year in the country."
	if got := strings.Join(mentionTexts(en, FindWith(en, Options{Lexicon: lex})), "|"); got != "BSE|India" {
		t.Errorf("English: got %q, want BSE|India", got)
	}
}

// TestQuotedWhole: in Spanish a name that is the whole of a quotation is
// marked with its quotation marks, as Spanish news corpora mark it; not in
// English, nor when the quotation holds more than the name.
func TestQuotedWhole(t *testing.T) {
	for text, want := range map[string]string{
		"Ayer el torero \"Curro Romero\" volvió a la plaza de la ciudad con los suyos.": "\"Curro Romero\"",
		"Ayer el torero «Curro Romero» volvió a la plaza de la ciudad con los suyos.":   "«Curro Romero»",
		"Ayer dijo \"Curro Romero volvió\" a la plaza de la ciudad con los suyos.":      "Curro Romero",
		"Yesterday the bullfighter \"Curro Romero\" came back to the town with them.":   "Curro Romero",
	} {
		if got := strings.Join(mentionTexts(text, FindWith(text, Options{})), "|"); got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

// TestSpanishClub: a Spanish city after "el", "del", "al" is its club; after
// "en" it stays the city.
func TestSpanishClub(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@city\nparma\nvalencia\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "El entrenador del Parma dijo ayer que el Parma no tiene miedo de la liga. Los aficionados viven en Valencia desde hace años y no se van."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, want := range map[string]string{"Parma": TypeORG, "Valencia": TypeLOC} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != want {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, want)
		}
	}
}

// TestInnerAcronym: a name holding a word in capitals is an organisation's,
// unless that word is a Roman numeral.
func TestInnerAcronym(t *testing.T) {
	for name, want := range map[string]string{"Roda JC": "JC", "BNP Paribas": "BNP", "Zanu-PF": "PF", "Juan Carlos II": "", "Omega Pharma": ""} {
		if got := innerAcronym(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	text := "Gisteren won Roda JC van de ploeg uit de stad, en de supporters waren blij."
	if e, ok := typeOf(t, text, FindWith(text, Options{}), "Roda JC"); !ok || e.Type != TypeORG {
		t.Errorf("Roda JC: type %q (evidence %q), want ORG", e.Type, e.Evidence)
	}
}

// TestTitleEndingName: a title word that ends a name after a lower-case
// particle is the name's ("Copa del Rey"); one before a person is not.
func TestTitleEndingName(t *testing.T) {
	text := "El equipo ganó ayer la Copa del Rey en Madrid, y el entrenador lo celebró con la plantilla en el estadio."
	if got := mentionTexts(text, Find(text, nil)); !slices.Contains(got, "Copa del Rey") {
		t.Errorf("got %q, want Copa del Rey whole", got)
	}
}

func TestLastHyphen(t *testing.T) {
	for _, s := range []string{"", "-", "a-b", "BSE-besmetting", "a‐b", "a‑b", "x-y‐z", "x‐y-z", "x‑y‐z-", "‐", "‑-", "a\xe2\x80", "\x80\x90", "é-è", "a–b", "a—b", "\xe2\x80\x90\x91"} {
		want := strings.LastIndexAny(s, "-‐‑")
		if got := lastHyphen(s); got != want {
			t.Errorf("lastHyphen(%q) = %d, want %d", s, got, want)
		}
	}
}
