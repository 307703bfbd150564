package entity

import "testing"

func TestLanguage(t *testing.T) {
	for text, want := range map[string]string{
		"El presidente habló con los ministros y con la prensa, según el diario, pero no dijo más.":   "es",
		"O presidente falou com os ministros e com a imprensa, segundo o jornal, mas não disse mais.": "pt",
		"De president sprak met de ministers en met de pers, volgens het blad, maar zei niet meer.":   "nl",
		"The president spoke with the ministers and with the press, and said that it was over.":       "en",
		"Ok. Fine. Yes.": "",
	} {
		f := newFinder(text, tokenize(text))
		if got := f.language(); got != want {
			t.Errorf("%q: language %q, want %q", text, got, want)
		}
	}
}

// Spanish's personal "a" before a name says nothing of a place; Portuguese
// "a" ("to") does.
func TestPersonalA(t *testing.T) {
	for text, place := range map[string]bool{
		"El entrenador no convocó a Rivaldo para el partido, según los medios y la prensa del club.": false,
		"O treinador foi a Rivaldo para o jogo, segundo os jornais e a imprensa do clube.":           true,
	} {
		e, ok := typeOf(t, text, FindWith(text, Options{Lexicon: testLexicon(t)}), "Rivaldo")
		if !ok {
			t.Errorf("%q: Rivaldo not found", text)
			continue
		}
		if got := e.Type == TypeLOC; got != place {
			t.Errorf("%q: Rivaldo typed %s (%q)", text, e.Type, e.Evidence)
		}
	}
}
