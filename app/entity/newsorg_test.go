package entity

import "testing"

// TestNewsOrgs: a wire agency, a newsroom signing a story and a club by its
// name's last word are organisations.
func TestNewsOrgs(t *testing.T) {
	lex := testLexicon(t)
	text := "A spokesman told Reuters on Friday that Zorba United had won.\n-- York Newsroom +44 171 542 7768\n"
	ents := FindWith(text, Options{Lexicon: lex})
	for _, name := range []string{"Reuters", "Zorba United", "York Newsroom"} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s: not found (got %q)", name, mentionTexts(text, ents))
			continue
		}
		if e.Type != TypeORG {
			t.Errorf("%s: type %q (evidence %q), want ORG", name, e.Type, e.Evidence)
		}
	}
}
