package entity

import "testing"

// TestBusinessCompanies: in business news an unknown word standing alone
// is a company; the same word in other news stays a person's name, and a
// known surname stays a person's in business news too.
func TestBusinessCompanies(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@surname\nverhofstadt\n"))
	if err != nil {
		t.Fatal(err)
	}
	biz := "De koers van het aandeel steeg gisteren met vier procent op de beurs van Brussel. Gisteren maakte Zolmimmo een hogere omzet en meer winst bekend, zeiden analisten. Premier Verhofstadt reageerde niet. Volgens Zolmimmo groeit de winst ook in het volgende kwartaal."
	news := "Het gebeurde gisteren in de late avond in het centrum van de stad, waar de brandweer snel ter plaatse was. Volgens Zolmimmo was het vuur in een keuken ontstaan. De buren werden geëvacueerd en niemand raakte gewond, zei Zolmimmo later."
	cases := []struct{ text, name, want string }{
		{biz, "Zolmimmo", TypeORG},
		{biz, "Verhofstadt", TypePER},
		{news, "Zolmimmo", TypePER},
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
