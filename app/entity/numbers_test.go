package entity

import (
	"slices"
	"testing"
)

// TestDigitLedNames: a digit then capitals is a station's or a brand's
// name ("4FM"); a unit or an ordinal after a number is not ("4GB", "2ND").
func TestDigitLedNames(t *testing.T) {
	text := "Volgens de krant wil 4FM dit najaar uitzenden, met 4GB aan opslag voor de 2ND editie van het programma."
	got := mentionTexts(text, Find(text, nil))
	if len(got) != 1 || got[0] != "4FM" {
		t.Errorf("got %q, want only 4FM", got)
	}
}

// TestChannelNumbers: in Dutch and Spanish a single digit after a name is
// the station's or class's own ("Radio 1", "Formule 1"); a score is not.
func TestChannelNumbers(t *testing.T) {
	text := "Het programma was gisteren op Radio 1 te horen, en de wedstrijd eindigde op Lokeren 2 - Anderlecht 1 voor de ploeg van de trainer."
	got := mentionTexts(text, Find(text, nil))
	if !slices.Contains(got, "Radio 1") || slices.Contains(got, "Lokeren 2") || !slices.Contains(got, "Lokeren") {
		t.Errorf("got %q, want Radio 1 and Lokeren without its score", got)
	}
}
