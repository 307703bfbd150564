package entity

import "testing"

// TestDateline: the place a wire story is filed from is a place, even when
// no list knows it and it reads as an acronym.
func TestDateline(t *testing.T) {
	lex := testLexicon(t)
	for _, c := range []struct{ text, name string }{
		{"SKI RACE ENDS\nVAIL, Colorado 1996-12-07\nThe race was run on Saturday.", "VAIL"},
		{"BOBSLEIGH RESULTS\nIGLS 1996-12-07\nThe race was run on Saturday.", "IGLS"},
		{"Talks end\nZORBA (Reuters) - The talks ended on Saturday.", "ZORBA"},
	} {
		ents := FindWith(c.text, Options{Lexicon: lex})
		e, ok := typeOf(t, c.text, ents, c.name)
		if !ok {
			t.Errorf("%s: not found", c.name)
			continue
		}
		if e.Type != TypeLOC {
			t.Errorf("%s: type %q (evidence %q), want LOC", c.name, e.Type, e.Evidence)
		}
	}
}
