package entity

import (
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// germanLexicon knows a few German nouns, places and names.
func germanLexicon(t *testing.T) *Lexicon {
	t.Helper()
	l, err := ParseLexicon([]byte(LexiconMagic + `
@country
deutschland
vereinigte staaten
@given
anne
@noun
jahr
jahre
menschen
teil
landes
witwe
kreis
rate
staaten
vereinigten
problem
kandidatin
`))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// foundWith is the text of every mention FindWith finds in text with lex,
// in the text's order, joined by "|".
func foundWith(text string, lex *Lexicon) string {
	return strings.Join(mentionTexts(text, FindWith(text, Options{Lexicon: lex})), "|")
}

func mentionTexts(text string, ents []Entity) []string {
	spans := map[gtext.Span]bool{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			spans[m] = true
		}
	}
	var got []string
	for _, sp := range sortedSpans(spans) {
		got = append(got, sliceCP(text, sp))
	}
	return got
}

func TestGermanNouns(t *testing.T) {
	lex := germanLexicon(t)
	text := "Seit dem Jahr 1990 leben die Menschen in Deutschland, und der Wahlkreis ist ein Teil des Landes. " +
		"Die Witwe Anne Horton sagte, die Vereinigten Staaten und die Wachstumsrate der Regierung seien nicht das Problem. " +
		"Die Kandidatin Merkel wird im Jahre 2005 gewählt."
	got := foundWith(text, lex)
	want := "Deutschland|Anne Horton|Vereinigten Staaten|Regierung|Merkel"
	if got != want {
		t.Errorf("German text: got %q, want %q", got, want)
	}
	// The same words in English text are left alone: only German
	// capitalises every noun.
	en := "The film Menschen am Sonntag was shown in Teil, and Jahre said so."
	if got := mentionTexts(en, FindWith(en, Options{Lexicon: lex})); !strings.Contains(strings.Join(got, "|"), "Jahre") {
		t.Errorf("English text: got %q, want Jahre kept", got)
	}
}

// A noun that is also a surname is the noun when alone, and the name when
// a longer name in the article holds it.
func TestGermanNounAlsoName(t *testing.T) {
	lex := lexiconWith(t, "\n@given\nthomas\n@surname\nkopf\nmann\n@noun\nkopf\nmann\n")
	text := "Der Roman von Thomas Mann ist nicht neu. Er hat den Kopf voll, und Mann sagte das auch, mit einer Frau und dem Kind."
	var got []string
	for _, e := range FindWith(text, Options{Lexicon: lex}) {
		for _, m := range e.Mentions {
			got = append(got, sliceCP(text, m))
		}
	}
	if strings.Contains(strings.Join(got, "|"), "Kopf") {
		t.Errorf("the noun Kopf taken as a name: %q", got)
	}
	if n := strings.Count(strings.Join(got, "|"), "Mann"); n != 2 {
		t.Errorf("Mann found %d times, want 2 (Thomas Mann and Mann): %q", n, got)
	}
}

// A German function word or adverb that opens a sentence is no name, even
// when it is also a surname, unless the article writes it capitalised
// mid-sentence too.
func TestGermanSentenceAdverbs(t *testing.T) {
	lex := lexiconWith(t, "\n@given\nernst\n@surname\ndann\n@function\ndann\nernst\nnaturlich\n")
	text := "Dann sagte er nichts. Natürlich war das nicht alles. Ernst kam spät, und auch mit Ernst sprach er nicht."
	var got []string
	for _, e := range FindWith(text, Options{Lexicon: lex}) {
		for _, m := range e.Mentions {
			got = append(got, sliceCP(text, m))
		}
	}
	j := strings.Join(got, "|")
	if strings.Contains(j, "Dann") || strings.Contains(j, "Natürlich") {
		t.Errorf("a sentence's adverb taken as a name: %q", got)
	}
	if strings.Count(j, "Ernst") != 2 {
		t.Errorf("Ernst, capitalised mid-sentence too, found %d times, want 2: %q", strings.Count(j, "Ernst"), got)
	}
}

// A German noun's genitive in "-es" is the noun when the lexicon lists it
// in another form ("Krieges" beside "Krieg"), alone or closing a compound
// ("Bürgerkrieges"); an "-s" needs a longer stem, so that an English
// surname that is a German plural stays a name.
func TestGermanNounGenitive(t *testing.T) {
	lex := lexiconWith(t, "\n@noun\nkrieg\nstaat\njob\ndokument\nregierung\njahr\nende\ninhalt\nproblem\nkampf\nquelle\nquellen\nrekonstruktion\neuro\n@surname\nkampf\n@given\nsteve\n")
	text := "Nach dem Ende des Krieges und des Bürgerkrieges sprach die Regierung des Staates über den Inhalt des Dokuments. " +
		"Im Jahr 2011 sagte Steve Jobs nicht viel, und die Regierung ist nicht das Problem des Jahres. " +
		"Die Quellen des Jahres 300 v. Chr. erlauben die Rekonstruktion des Kampfes, der 5 Mrd. Euro kostete."
	got := foundWith(text, lex)
	if want := "Steve Jobs"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A brand the lexicon knows opens a German sentence as a name: in German
// the capital says nothing there, but it says nothing mid-sentence either.
// A brand that is also a German noun or function word does not.
func TestGermanBrandAtSentenceStart(t *testing.T) {
	lex := lexiconWith(t, "\n@brand\nmicrosoft\nuber\nstern\n@function\nuber\n@noun\nstern\nwerkzeug\nkonkurrenz\npreis\nunternehmen\nmond\nende\nwoche\n")
	de := "Microsoft kündigte am Mittwoch ein neues Werkzeug an, das mit der Konkurrenz mithalten soll. " +
		"Über den Preis sagte das Unternehmen nichts. Stern und Mond sind nicht zu sehen, und das ist nicht das Ende der Woche."
	if got := strings.Join(mentionTexts(de, FindWith(de, Options{Lexicon: lex})), "|"); got != "Microsoft" {
		t.Errorf("German: got %q, want Microsoft alone", got)
	}
	en := "Microsoft built a new tool on Wednesday to compete with its rivals."
	if got := mentionTexts(en, FindWith(en, Options{Lexicon: lex})); len(got) != 0 {
		t.Errorf("English: got %q, want nothing (a brand opening an English sentence needs more)", got)
	}
}

// Two common nouns are a name mid-sentence, where the first one's capital
// says it is the name's adjective, but not at a sentence's start, nor
// after a number word, unless the lexicon knows the whole.
func TestGermanNounsOnly(t *testing.T) {
	lex := lexiconWith(t, "\n@country\nvereinigte staaten\n@noun\nschiff\nverschiedene\nexperten\nmillionen\ndollar\nschwarzen\nmeer\nvereinigte\nstaaten\nwoche\nende\n")
	text := "Verschiedene Experten sagten, das Schiff sei im Schwarzen Meer gesunken. " +
		"Vereinigte Staaten und Europa zahlten Millionen Dollar, und das ist nicht das Ende der Woche."
	got := foundWith(text, lex)
	if want := "Schwarzen Meer|Vereinigte Staaten|Europa"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// In German text a place's declined name is the place ("in den
// Vereinigten Staaten", "im Vereinigten Königreich"), and an unknown word
// ending like a German country's name reads as a place ("Sizilien",
// "Mongolei"); in another language's text that ending says nothing.
func TestGermanPlaces(t *testing.T) {
	lex := lexiconWith(t, "\n@country\nvereinigte staaten\nvereinigtes konigreich\nvereinigte arabische emirate\n@noun\ninsel\nminister\nregierung\ngeschichte\n")
	for words, want := range map[string]string{
		"vereinigten staaten":             "vereinigte staaten",
		"vereinigten konigreich":          "vereinigtes konigreich",
		"vereinigten arabischen emiraten": "vereinigte arabische emirate",
		"vereinigte staaten":              "", // not declined: the lexicon's own
		"neuen staaten":                   "",
	} {
		if got := germanPlace(strings.Fields(words), lex); got != want {
			t.Errorf("germanPlace(%q) = %q, want %q", words, got, want)
		}
	}
	de := "Der Minister sprach mit der Regierung der Vereinigten Staaten über Sizilien und die Geschichte der Mongolei, aber nicht lange."
	ents := FindWith(de, Options{Lexicon: lex})
	for _, name := range []string{"Vereinigten Staaten", "Sizilien", "Mongolei"} {
		if e, ok := typeOf(t, de, ents, name); !ok || e.Type != TypeLOC {
			t.Errorf("German %s: type %q (evidence %q), want LOC", name, e.Type, e.Evidence)
		}
	}
	fr := "Le ministre Damien a parlé hier avec Lucien devant la presse."
	for _, name := range []string{"Damien", "Lucien"} {
		if e, ok := typeOf(t, fr, FindWith(fr, Options{Lexicon: lex}), name); ok && e.Type == TypeLOC {
			t.Errorf("French %s typed LOC (evidence %q)", name, e.Evidence)
		}
	}
}

// A noun right after the given name that opens a name is the surname
// ("Martin Winterkorn": "Korn" is a noun), unless a noun's suffix makes it
// a common noun only.
func TestGermanSurnameNoun(t *testing.T) {
	lex := lexiconWith(t, "\n@given\nmartin\nanna\n@noun\nkorn\nchef\ngelegenheit\nwoche\nende\n")
	text := "Der Chef Martin Winterkorn trat zurück, und das war nicht das Ende der Woche. Sie gab Anna Gelegenheit zu reden."
	got := foundWith(text, lex)
	if want := "Martin Winterkorn|Anna"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A compound whose last part is a country or region is a place, though a
// shorter last part is a noun ("Süd|italien", not "Südit|alien"); one
// whose longer last part is a noun stays a noun ("Kriminal|roman", not
// "Kriminalr|oman").
func TestGermanPlaceCompound(t *testing.T) {
	lex := lexiconWith(t, "\n@country\nitalien\nirland\noman\n@noun\nalien\nland\nroman\nende\nwoche\n")
	text := "Er las einen Kriminalroman in Süditalien und fuhr dann nach Nordirland, und das war nicht das Ende der Woche."
	got := foundWith(text, lex)
	if want := "Süditalien|Nordirland"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A declined word capitalised mid-sentence before a noun is the name's
// adjective even when the lexicon has it as a brand too ("die Deutsche
// Bank"); not at a sentence's start.
func TestGermanAdjectiveBrand(t *testing.T) {
	lex := lexiconWith(t, "\n@brand\ndeutsche\nsiemens\n@noun\ndeutsche\nbank\nunternehmen\ngewinne\nwoche\nende\n")
	text := "Siemens und die Deutsche Bank meldeten steigende Gewinne. Deutsche Unternehmen warten ab, und das ist nicht das Ende der Woche."
	got := foundWith(text, lex)
	if want := "Siemens|Deutsche Bank|Deutsche"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A German name whose word is a compound of an organisation's kind is an
// organisation though the lexicon lists that compound as a common noun
// ("Europäischen Zentralbank": "Zentralbank" is a noun, "bank" its kind).
func TestGermanOrgCompoundNoun(t *testing.T) {
	lex := lexiconWith(t, "\n@noun\neuropaischen\nzentralbank\nprasident\nfolgen\nhandelsstreits\nsitzung\n")
	text := "Der Präsident der Europäischen Zentralbank warnte in der Sitzung vor den Folgen des Handelsstreits, und das war nicht neu."
	if e, ok := typeOf(t, text, FindWith(text, Options{Lexicon: lex}), "Europäischen Zentralbank"); !ok || e.Type != TypeORG {
		t.Errorf("Europäischen Zentralbank: type %q (evidence %q), want ORG", e.Type, e.Evidence)
	}
}

// lexiconWith is a lexicon of entries ("@kind" lines and keys, as
// ParseLexicon reads them after LexiconMagic).
func lexiconWith(t *testing.T, entries string) *Lexicon {
	t.Helper()
	lex, err := ParseLexicon([]byte(LexiconMagic + entries))
	if err != nil {
		t.Fatal(err)
	}
	return lex
}
