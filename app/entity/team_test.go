package entity

import "testing"

// TestTeamsInPreview: a preview of matches names the sides by their towns.
func TestTeamsInPreview(t *testing.T) {
	lex := testLexicon(t)
	text := "The striker scored two goals and the coach was happy in the league.\nYork (5) v Paris (17) 1330\nThey face a Moscow side that lost to Damascus.\nPostponed: Zorbal v Quandor."
	ents := FindWith(text, Options{Lexicon: lex})
	for _, name := range []string{"York", "Paris", "Moscow", "Zorbal", "Quandor"} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		if e.Type != TypeORG {
			t.Errorf("%s: type %q (evidence %q), want ORG", name, e.Type, e.Evidence)
		}
	}
}

// TestTeams: a town or an unknown name that stands as a side in a match is
// a team (ORG); a country's team stays a place, even in a sports report
// (English news tags it so), a player stays a person,
// and a town in plain prose stays a place.
func TestTeams(t *testing.T) {
	lex := testLexicon(t)
	text := "Then York beat Paris by an innings.\nMillwall 2 Bury 1\nFrance 2 Syria 1\nStephen Dale 88\nDonald 22 11 7 4 32 20 40\nSmith flew to Moscow on Monday and stayed in Moscow. The striker scored two goals; the coach was happy."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, want := range map[string]string{
		"York": TypeORG, "Paris": TypeORG, "Millwall": TypeORG, "Bury": TypeORG,
		"Donald": TypeORG, // a given name, but a table's row
		"France": TypeLOC, "Syria": TypeLOC, "Stephen Dale": TypePER, "Moscow": TypeLOC,
	} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		if e.Type != want {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, want)
		}
	}
}
