package entity

import (
	"strings"
	"testing"
)

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

// TestHyphenatedIn checks the allocation-free lookup against making the
// hyphenated key, for short and long keys.
func TestHyphenatedIn(t *testing.T) {
	long := strings.Repeat("word-", 9) + "end"
	set := newWordSet("itar-tass ria-novosti reuters " + long)
	for _, key := range []string{"itar tass", "ria novosti", "reuters", "itar-tass", "itar  tass", "ria", "", strings.ReplaceAll(long, "-", " "), strings.ReplaceAll(long, "-", " ") + "s"} {
		want := key != strings.ReplaceAll(key, " ", "-") && set.has(strings.ReplaceAll(key, " ", "-"))
		if got := hyphenatedIn(set, key); got != want {
			t.Errorf("hyphenatedIn(%q) = %v, want %v", key, got, want)
		}
	}
}
