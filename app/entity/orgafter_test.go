package entity

import "testing"

// TestKindAfter: in English the kind of body follows the name it modifies,
// and a company's shares follow its name; a place stays a place.
func TestKindAfter(t *testing.T) {
	lex := testLexicon(t)
	text := "It was said by the Zorbal news agency on Monday. Then the Quandor shares fell, and Mirelk's shares too. A Moscow newspaper agreed."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, want := range map[string]string{"Zorbal": TypeORG, "Quandor": TypeORG, "Mirelk": TypeORG, "Moscow": TypeLOC} {
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
