package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// TestWrappedText: a paragraph hard-wrapped (copied from a PDF or a
// plain-text e-mail) gives the names the same paragraph on one line does,
// names broken across its lines whole, at the same offsets.
func TestWrappedText(t *testing.T) {
	const para = "Paris talks stall as Macron meets Merkel\n\n" +
		"French President Emmanuel Macron met German Chancellor Angela Merkel in Berlin on Tuesday to discuss " +
		"the European Central Bank's plans for the coming year. The meeting, organised by the European Commission " +
		"at the request of both leaders, ended without an agreement, according to Reuters and Agence France-Presse. " +
		"Boris Johnson, the British Prime Minister, was not invited to the talks in the German capital, officials said."
	lex := testLexicon(t)
	want := typedMentions(FindWith(para, Options{Lexicon: lex}))
	if !strings.Contains(want, "PER 97-110") { // Angela Merkel
		t.Fatalf("the paragraph on one line: %s", want)
	}
	for _, width := range []int{40, 55, 72, 100} {
		wrapped := gtext.Wrap(para, width)
		if strings.Count(wrapped, "\n") < 4 {
			t.Fatalf("width %d: not wrapped", width)
		}
		if got := typedMentions(FindWith(wrapped, Options{Lexicon: lex})); got != want {
			t.Errorf("width %d:\n%s\n got %s\nwant %s", width, wrapped, got, want)
		}
	}
}

// typedMentions lists every mention as "TYPE start-end", in order.
func typedMentions(ents []Entity) string {
	var out []string
	for _, e := range ents {
		for _, m := range e.Mentions {
			out = append(out, fmt.Sprintf("%s %d-%d", e.Type, m.Start, m.End))
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// TestWrappedTextKeepsLines: lines a writer ended — a list of names, a
// headline over its paragraph, verse — are not joined.
func TestWrappedTextKeepsLines(t *testing.T) {
	lex := testLexicon(t)
	for _, text := range []string{
		"Speakers\nAngela Merkel\nEmmanuel Macron\nBoris Johnson\nJustin Trudeau\nOlaf Scholz\n",
		"Macron meets Merkel in Berlin\nFrench President Emmanuel Macron met German Chancellor Angela Merkel in Berlin on Tuesday.\n" +
			"The talks ended without an agreement, according to Reuters, and resume in Paris next month.\n" +
			"Boris Johnson was not invited to the talks in the German capital, officials said on Wednesday.\n",
	} {
		found := mentionTexts(text, FindWith(text, Options{Lexicon: lex}))
		for _, m := range found {
			if strings.Contains(m, "\n") {
				t.Errorf("%q joined across a line the writer ended: %q", m, found)
			}
		}
	}
}
