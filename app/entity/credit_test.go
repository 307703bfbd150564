package entity

import "testing"

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
