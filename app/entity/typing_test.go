package entity

import (
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// testLexicon is a tiny lexicon in the generated file's format.
func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := ParseLexicon([]byte(LexiconMagic + `
# a comment
@country
russia
france
syria
sudan
south sudan
@city
moscow
paris
damascus
new york
york
@given
francois
stephen
donald
kori
@surname
king
@language
french
@orgsuffix
gmbh
@month
march
`))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseLexiconErrors(t *testing.T) {
	for _, bad := range []string{"", "hello\n@country\nx\n", LexiconMagic + "\nword\n", LexiconMagic + "\n@nope\nx\n"} {
		if _, err := ParseLexicon([]byte(bad)); err == nil {
			t.Errorf("ParseLexicon(%q): no error", bad)
		}
	}
	l := testLexicon(t)
	if l.Kind("paris")&LexCity == 0 || l.Kind("kori") != LexGiven || l.Kind("nowhere") != 0 {
		t.Errorf("kinds: paris %b kori %b", l.Kind("paris"), l.Kind("kori"))
	}
	var nilLex *Lexicon
	if nilLex.Kind("paris") != 0 || nilLex.Len() != 0 {
		t.Error("a nil lexicon knows something")
	}
	round, err := ParseLexicon(FormatLexicon([]string{"c"}, map[LexKind][]string{LexCity: {"paris"}, LexGiven: {"kori"}}))
	if err != nil || round.Kind("paris") != LexCity || round.Len() != 2 {
		t.Errorf("FormatLexicon round trip: %v %d", err, round.Len())
	}
}

// typeOf returns the type of the entity that has a mention with text name.
func typeOf(t *testing.T, text string, ents []Entity, name string) (Entity, bool) {
	t.Helper()
	for _, e := range ents {
		for _, m := range e.Mentions {
			if sliceCP(text, m) == name {
				return e, true
			}
		}
	}
	return Entity{}, false
}

const typingArticle = `Russian Defence Minister Sergei Shoigu met his French counterpart in Moscow on Tuesday. ` +
	`Jean-Yves Le Drian flew from Paris. The strikes hit Islamic State (IS, formerly ISIS/ISIL) near Damascus, in Syria. ` +
	`The Ministry of Defence said so, according to AFP. Shoigu and Le Drian spoke again. ` +
	`Kori Schulman wrote the post. Stephen King wrote a book. Siemens GmbH opened a plant. ` +
	`South Sudan and Sudan signed a deal. They fight Daesh [an Arabic acronym for IS] together.`

func TestTypes(t *testing.T) {
	lex := testLexicon(t)
	ents := FindWith(typingArticle, Options{Lexicon: lex})
	for name, want := range map[string]string{
		"Moscow": TypeLOC, "Paris": TypeLOC, "Syria": TypeLOC, "Damascus": TypeLOC,
		"Sergei Shoigu": TypePER, "Shoigu": TypePER, "Le Drian": TypePER, "Jean-Yves Le Drian": TypePER,
		"Ministry of Defence": TypeORG, "AFP": TypeORG, "Kori Schulman": TypePER, "Stephen King": TypePER,
		"Siemens GmbH": TypeORG, "South Sudan": TypeLOC, "Sudan": TypeLOC, "Islamic State": TypeORG, "ISIS": TypeORG,
	} {
		e, ok := typeOf(t, typingArticle, ents, name)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		if e.Type != want {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, want)
		}
		if e.Type != "" && (e.Confidence <= 0 || e.Confidence > 1 || len(e.Evidence) == 0) {
			t.Errorf("%s: confidence %v, evidence %q", name, e.Confidence, e.Evidence)
		}
	}
	// Acronyms defined in parentheses join their expansion.
	is, _ := typeOf(t, typingArticle, ents, "Islamic State")
	for _, v := range []string{"IS", "ISIS", "ISIL", "Daesh"} {
		if e, _ := typeOf(t, typingArticle, ents, v); e.Key != is.Key {
			t.Errorf("%s is in group %q, want %q", v, e.Key, is.Key)
		}
	}
	// South Sudan is not Sudan.
	if a, _ := typeOf(t, typingArticle, ents, "South Sudan"); a.Key == "sudan" {
		t.Error("South Sudan grouped with Sudan")
	}
	if e, _ := typeOf(t, typingArticle, ents, "Sergei Shoigu"); !strings.Contains(strings.Join(e.Evidence, ";"), "Minister") {
		t.Errorf("Shoigu's evidence %q lacks the title", e.Evidence)
	}
}

func TestMemoryBeatsClues(t *testing.T) {
	lex := testLexicon(t)
	var m Memory
	m.Correct("Paris", "PER")
	m.Vote("Kori Schulman", "Person", "a1")
	m.Vote("Kori Schulman", "Person", "a1") // the same article counts once
	m.Vote("Kori Schulman", "Person", "a2")
	m.Reject("Damascus", TypeLOC)
	ents := FindWith(typingArticle, Options{Lexicon: lex, Memory: &m})
	if e, _ := typeOf(t, typingArticle, ents, "Paris"); e.Type != "PER" || e.Confidence < 0.9 || !strings.Contains(e.Evidence[0], "corrected") {
		t.Errorf("Paris after a correction: %q %v %q", e.Type, e.Confidence, e.Evidence)
	}
	if e, _ := typeOf(t, typingArticle, ents, "Kori Schulman"); e.Type != "Person" || !strings.Contains(e.Evidence[0], "2 articles") {
		t.Errorf("Kori Schulman after two labels: %q %q", e.Type, e.Evidence)
	}
	if e, _ := typeOf(t, typingArticle, ents, "Damascus"); e.Type == TypeLOC {
		t.Errorf("Damascus still suggested as LOC after a rejection: %q", e.Evidence)
	}
	// A name the person labelled is a name even where nothing else says so.
	if len(FindWith("Moskva sailed.", Options{Memory: &m})) != 0 {
		t.Error("Moskva at a sentence start found without memory of it")
	}
	m.Correct("Moskva", TypeMISC)
	if ents := FindWith("Moskva sailed.", Options{Memory: &m}); len(ents) != 1 || ents[0].Type != TypeMISC {
		t.Errorf("Moskva after a correction: %+v", ents)
	}
	m.Correct("Damascus", TypeLOC)
	if len(m.Rejected["damascus"]) != 0 {
		t.Error("a correction did not clear the rejection")
	}
}

func TestBoundaries(t *testing.T) {
	lex := testLexicon(t)
	for _, c := range []struct {
		text string
		want []string // every mention, in order
	}{
		{"Talks between Putin y Hollande ended.", []string{"Putin", "Hollande"}},
		{"La reunión terminó. Het kabinet zei niets. Als Merkel komt, Hij gaat.", []string{"Merkel"}},
		{"They won Euro 2000 in March 2000.", []string{"Euro 2000"}},
		{"Then Stephen Dale 70 and Kori Jones 46 batted. The FTSE 100 fell.", []string{"Stephen Dale", "Kori Jones", "FTSE 100"}},
		{"Troops left the U.S. on Monday.", []string{"U.S."}},
		{"UN officials met. The UN said.", []string{"UN", "UN"}},
		{"Donald J. Trump spoke.", []string{"Donald J. Trump"}},
		{"He read the Ministry of Defence report.", []string{"Ministry of Defence"}},
		{"WAR IN SYRIA DEEPENS AS TALKS FAIL\nBy JOHN SMITH\nFighting in Syria went on, said John Smith.", []string{"SYRIA", "JOHN SMITH", "Syria", "John Smith"}},
		{"Moscow Hosts Talks On Syrian Crisis Tonight\nTalks opened in Moscow.", []string{"Moscow", "Moscow"}},
		{"RUSSIA IN PARIS DEFEAT\nMOSCOW 1996-12-06\nThe team lost.", []string{"RUSSIA", "MOSCOW"}},
		// A lower-case word ("beat") tells a results line from a Title Case headline.
		{"Results:\nStephen Dale (France) beat Kori Jones (Syria) 6-3 6-4\n", []string{"Stephen Dale", "France", "Kori Jones", "Syria"}},
		// A line opening with a number is a list's row, not a headline.
		{"Standings:\n2. Stephen Dale (France) 132\n", []string{"Stephen Dale", "France"}},
		// So is a line of two numbers or more (a result, scorers with their
		// minutes) and a list of short names between commas.
		{"Results:\nBrackwell Rovers 1 Tiltmore Athletic 0\n", []string{"Brackwell Rovers", "Tiltmore Athletic"}},
		{"Scorers:\nFrance - Peter Dunmore (31st), Steven Harlo (75th)\n", []string{"France", "Peter Dunmore", "Steven Harlo"}},
		// A line in capitals of a name and nothing but numbers is a table's row.
		{"STANDINGS\nBRACKWELL ROVERS 10 13 5 91\nTILTMORE 7 11 8 65\n", []string{"BRACKWELL ROVERS", "TILTMORE"}},
		{"Scorer:\nFrance - Peter Dunmore (35th)\n", []string{"France", "Peter Dunmore"}},
		// A headline's numbers are few beside its words: it stays a headline.
		{"Read it.\n\nLearn More: Video Marketing 101: 4 Basics Marketers Cannot Miss\n", nil},
		{"Squad:\nMarta Kovel, Peter Dunmore, Steven Harlo, Anna Brisk\n", []string{"Marta Kovel", "Peter Dunmore", "Steven Harlo", "Anna Brisk"}},
		// A short lower-case word that is no function word ("c", "b" on a
		// scorecard) makes a line sentence case too.
		{"Scores:\nMoin Khan c Kori Astle b Harris 1\n", []string{"Moin Khan", "Kori Astle", "Harris"}},
		// A nation's adjective or a news agency opening a sentence is a name.
		{"Russian police said so. Reuters has not verified it. French troops left.", []string{"Russian", "Reuters", "French"}},
		{"Stephen King wrote it.", []string{"Stephen King"}},
		{"Talks were led by Nihad al-Boushi and Osama el-Baz.", []string{"Nihad al-Boushi", "Osama el-Baz"}},
		{"They play in Group A with France.", []string{"France"}}, // a pool is no organisation
		// A word that describes the person before a given name is not the name's.
		{"Historian Stephen Dale said so. Then French Donald Smit met General Kori Jones.", []string{"Stephen Dale", "French", "Donald Smit", "Kori Jones"}},
		{"It was Frenchman Donald Smit, with French Zorbi Quandt.", []string{"Frenchman", "Donald Smit", "French", "Zorbi Quandt"}},
		{"Ook Donald Smit van Mapei reed mee, met Kori van Dam.", []string{"Donald Smit", "Mapei", "Kori van Dam"}},
		{"The Kremlin said so. The Charles de Gaulle left port.", []string{"Kremlin", "Charles de Gaulle"}},
	} {
		var got []string
		spans := map[gtext.Span]bool{}
		for _, e := range FindWith(c.text, Options{Lexicon: lex}) {
			for _, m := range e.Mentions {
				spans[m] = true
			}
		}
		for _, sp := range sortedSpans(spans) {
			got = append(got, sliceCP(c.text, sp))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func sortedSpans(m map[gtext.Span]bool) []gtext.Span {
	var out []gtext.Span
	for s := range m {
		out = append(out, s)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Start < out[i].Start {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestRetype: the same entities typed again with a lexicon, then a memory,
// give what FindWith gives with them.
func TestRetype(t *testing.T) {
	lex := testLexicon(t)
	ents := FindWith(typingArticle, Options{})
	Retype(typingArticle, ents, Options{Lexicon: lex})
	if e, _ := typeOf(t, typingArticle, ents, "Damascus"); e.Type != TypeLOC || e.Label != TypeLOC {
		t.Errorf("Damascus retyped with the lexicon: %q %q", e.Type, e.Label)
	}
	var m Memory
	m.Correct("Damascus", TypeORG)
	Retype(typingArticle, ents, Options{Lexicon: lex, Memory: &m})
	if e, _ := typeOf(t, typingArticle, ents, "Damascus"); e.Type != TypeORG {
		t.Errorf("Damascus retyped after a correction: %q", e.Type)
	}
}

// TestGeneralClues checks the clues that need no lexicon entry for the
// name itself: a place word at a name's head, a compass word, a country
// inside, an article, a work's title, a brand, and a word the article also
// writes in lower case.
func TestGeneralClues(t *testing.T) {
	lex, err := ParseLexicon([]byte(LexiconMagic + "\n@country\naustria\ncroatia\n@given\npearl\n@brand\nhuawei\namerican\n@language\nfrench\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Ships left Pearl Harbor for Lower Austria. Sales of Huawei and SaskTel rose. " +
		"Ela viajou para o Nilo. They sang Over My Head on The Muppets. " +
		"The Emperor spoke; the emperor was old. Emperor Hirohito listened. Then American officials came. They flew to the U.S. later. Only the Frenchman and a Croat stayed."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, want := range map[string]string{
		"Pearl Harbor": TypeLOC, "Lower Austria": TypeLOC, "Huawei": TypeORG, "Nilo": TypeLOC,
		"Over My Head": TypeMISC, "SaskTel": TypeORG, "The Muppets": TypeMISC, "Hirohito": TypePER,
		"American":  TypeMISC, // a nationality first, though companies' names start with it
		"U.S.":      TypeLOC,  // a country's abbreviation, not an organisation's acronym
		"Frenchman": TypeMISC, // a people's word
		"Croat":     TypeMISC, // a country's stem alone
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
	if _, ok := typeOf(t, text, ents, "Emperor"); ok {
		t.Error("Emperor, also written in lower case, taken as a name")
	}
}

func TestOfNames(t *testing.T) {
	lex := testLexicon(t)
	text := "The City of Cape Town and the Kingdom of France met outside the House of Commons. Outside Russia nobody knew."
	got := foundWith(text, lex)
	if want := "City of Cape Town|Kingdom of France|House of Commons|Russia"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCapsLineNoAcronym: a name in a headline in capitals is not an
// acronym, so the group it joins is typed by its other mentions.
func TestCapsLineNoAcronym(t *testing.T) {
	lex := testLexicon(t)
	text := "SCHULMAN BACK FOR FRANCE\nThe coach picked Schulman on Friday. Schulman played well."
	ents := FindWith(text, Options{Lexicon: lex})
	e, ok := typeOf(t, text, ents, "SCHULMAN")
	if !ok {
		t.Fatal("SCHULMAN not found")
	}
	if e.Type != TypePER {
		t.Errorf("Schulman: type %q (evidence %q), want PER", e.Type, e.Evidence)
	}
	// Retype marks the lines in capitals as Find does.
	Retype(text, ents, Options{Lexicon: lex})
	if e, _ := typeOf(t, text, ents, "SCHULMAN"); e.Type != TypePER {
		t.Errorf("Schulman retyped: %q", e.Type)
	}
}

// TestInitials: a sentence or a line may open with a person's initial,
// and an initial "A." or "I." is no article.
func TestInitials(t *testing.T) {
	lex := testLexicon(t)
	text := "It rained.\nC. Spearman c Moin Khan b Wasim 0\nA. Stewart was out. I. Healy kept wicket."
	ents := FindWith(text, Options{Lexicon: lex})
	for _, name := range []string{"C. Spearman", "A. Stewart", "I. Healy"} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s: not found (got %q)", name, mentionTexts(text, ents))
			continue
		}
		if e.Type != TypePER {
			t.Errorf("%s: type %q (evidence %q), want PER", name, e.Type, e.Evidence)
		}
	}
}

// TestPlacePrepositions: more English prepositions of place ("into",
// "towards", "through"), and "In" opening a sentence, speak for a place.
func TestPlacePrepositions(t *testing.T) {
	lex := testLexicon(t)
	text := "The army marched into Zorbal and then towards Quandor. In Mirelk he was defeated, and the king of the land was not with them."
	ents := FindWith(text, Options{Lexicon: lex})
	for _, name := range []string{"Zorbal", "Quandor", "Mirelk"} {
		e, ok := typeOf(t, text, ents, name)
		if !ok {
			t.Errorf("%s: not found (got %q)", name, mentionTexts(text, ents))
			continue
		}
		if e.Type != TypeLOC {
			t.Errorf("%s: type %q (evidence %q), want LOC", name, e.Type, e.Evidence)
		}
	}
}

// TestStateNames: "… State" is an organisation ("Islamic State", with no
// acronym beside it to say so) or a place's state ("New York State"),
// never a person's name of several words.
func TestStateNames(t *testing.T) {
	lex := testLexicon(t)
	const text = "Paris would ask Russia to increase its action against Islamic State. " +
		"Rain fell across New York State on Monday, officials said."
	ents := FindWith(text, Options{Lexicon: lex})
	for name, want := range map[string]string{"Islamic State": TypeORG, "New York State": TypeLOC} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != want {
			t.Errorf("%s: type %q (evidence %q), want %s", name, e.Type, e.Evidence, want)
		}
	}
}

// TestPartyMembers: a party named by its members ("the Liberal Democrats",
// "Democrats") is an organisation, not a person's name of several words.
func TestPartyMembers(t *testing.T) {
	lex := testLexicon(t)
	const text = "The Liberal Democrats voted against the bill, and the Democrats in Congress said they would too."
	ents := FindWith(text, Options{Lexicon: lex})
	for _, name := range []string{"Liberal Democrats", "Democrats"} {
		if e, ok := typeOf(t, text, ents, name); !ok || e.Type != TypeORG {
			t.Errorf("%s: type %q (evidence %q), want ORG", name, e.Type, e.Evidence)
		}
	}
}
