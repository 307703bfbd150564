package entity

import "testing"

// TestCountryCodes: in a table of results a shortened country's name in
// parentheses after a player's name is the country (LOC), also split at
// capitals ("VSt": Verenigde Staten); an acronym in parentheses after its
// expansion stays an organisation's, and the same words outside a table
// are not taken for countries.
func TestCountryCodes(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\nitalie\nnederland\nverenigde staten\nzweden\nslowakije\n@given\nrita\nmagnus\npete\njana\nned\nkristie\n"))
	if err != nil {
		t.Fatal(err)
	}
	table := "Tweede ronde: Rita Grande (Ita) - Jana Kandarr (Slk) 6 - 3, 6 - 4 -- Magnus Norman (Zwe / 3) - Pete Sampras (VSt) 7 - 5, 6 - 4 -- Kristie Boogert (Ned) - Rita Grande (Ita) 6 - 3. De Organisatie van Amerikaanse Staten (OAS) keurde de uitslag goed."
	ents := FindWith(table, Options{Lexicon: lex})
	for name, typ := range map[string]string{"Ita": TypeLOC, "Slk": TypeLOC, "Zwe": TypeLOC, "VSt": TypeLOC, "Ned": TypeLOC, "OAS": TypeORG} {
		if e, ok := typeOf(t, table, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
	one := "De zangeres Rita Grande (Ita) trad gisteren op in het park, waar veel volk was."
	if e, ok := typeOf(t, one, FindWith(one, Options{Lexicon: lex}), "Ita"); ok && e.Type == TypeLOC {
		t.Errorf("Ita outside a table of results: LOC (evidence %q)", e.Evidence)
	}
}
