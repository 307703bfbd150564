package entity

import (
	"slices"
	"testing"
)

// TestQuotedTitles: a quoted title after a work noun is one name with its
// lower-case words, a work's (MISC), and so is the same title quoted again
// in the article; a quotation after another word is speech, not a name.
func TestQuotedTitles(t *testing.T) {
	text := `La Habana, 23 may (EFE). - El director cubano Fernando Pérez presentó hoy su filme "La vida es silbar" en el festival, según dijo la prensa. Además de "La vida es silbar", el cineasta dijo que "Estamos muy contentos con el público" y que la película gustó.`
	ents := FindWith(text, Options{})
	got := mentionTexts(text, ents)
	if n := countOf(got, `"La vida es silbar"`); n != 2 {
		t.Errorf("got %q, want the title twice with its quotation marks", got)
	}
	if slices.ContainsFunc(got, func(s string) bool { return s == `"Estamos muy contentos con el público"` || s == "Estamos" }) {
		t.Errorf("got %q: speech taken as a name", got)
	}
	if e, ok := typeOf(t, text, ents, `"La vida es silbar"`); !ok || e.Type != TypeMISC {
		t.Errorf("La vida es silbar: type %q (evidence %q), want MISC", e.Type, e.Evidence)
	}
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}
