package entity

import (
	"slices"
	"testing"
)

// TestCreditInitials: initials alone on a line in parentheses sign the
// piece (a person); the same capitals inside a sentence are an acronym.
func TestCreditInitials(t *testing.T) {
	text := "Het aantal uren zon was deze maand erg laag, en dat is een record voor het land.\n(KS)\nDe voorspellingen zijn volgens het KMI wel beter voor de volgende weken."
	ents := FindWith(text, Options{})
	for name, typ := range map[string]string{"KS": TypePER, "KMI": TypeORG} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != typ {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, typ)
		}
	}
}

// TestCreditLines: a known company alone on a line (or with other credits
// and slashes) is a name even where a sentence would start; the same brand
// opening a sentence as a common word is not.
func TestCreditLines(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@brand\nreuters\nbloomberg\nindeed\n"))
	if err != nil {
		t.Fatal(err)
	}
	nl := "Politici reageerden verontwaardigd op het incident in de stad.\nDPA / Reuters\nDe koers steeg met vier procent op de beurs van de hoofdstad.\nBloomberg\n"
	got := mentionTexts(nl, FindWith(nl, Options{Lexicon: lex}))
	for _, want := range []string{"DPA", "Reuters", "Bloomberg"} {
		if !slices.Contains(got, want) {
			t.Errorf("got %q, want %q among them", got, want)
		}
	}
	en := "The minister spoke to the press on Monday.\nIndeed, the plan was approved by the council in the end."
	if got := mentionTexts(en, FindWith(en, Options{Lexicon: lex})); slices.Contains(got, "Indeed") {
		t.Errorf("got %q: a sentence's first word taken for a brand", got)
	}
}
