package entity

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// The built-in entity types. A person's own label names (from Memory or
// the gazetteer) may stand in their place.
const (
	TypePER  = "PER"
	TypeORG  = "ORG"
	TypeLOC  = "LOC"
	TypeMISC = "MISC"
)

// Options are what FindWith uses besides the text; every field may be nil.
type Options struct {
	Gazetteer *Gazetteer // known names with labels, matched exactly
	Lexicon   *Lexicon   // built-in places, given names… (web/lexicon.txt)
	Memory    *Memory    // what the person has labelled, corrected and rejected
}

// clue is one piece of evidence for one type.
type clue struct {
	typ    string
	weight float64
	why    string // a format with at most one %s, filled with arg only if the clue is shown
	arg    string
}

// Evidence weights: a person's own choice beats every built-in clue, a
// lexicon entry for the whole name beats context, context beats the shape
// of the name.
const (
	wCorrected = 100
	wVote      = 6
	wRejected  = -8
	wWholeName = 4
	wOrgWord   = 3.5
	wBrand     = 3
	wGiven     = 2.5
	wTitle     = 2
	wSurname   = 1
	wPlaceWord = 2
	wHeadPlace = 3
	wPrep      = 1
	wAcronym   = 1.5
	wShape     = 0.5
)

// maxContextClues caps how many mentions' context count, so one name
// repeated fifty times after "in" does not drown its lexicon entry.
const maxContextClues = 3

// maxMentionsRead caps how many of an entity's mentions the context clues
// read: a name said a thousand times in a long text is told by its first
// ones, and each look costs two searches in the token list.
const maxMentionsRead = 64

// firstMentions are the mentions of e the context clues read.
func firstMentions(e *Entity) []gtext.Span {
	return e.Mentions[:min(len(e.Mentions), maxMentionsRead)]
}

// Retype gives ents (as FindWith returned them for text) their types again,
// in place, with new options — a lexicon that arrived, a memory that
// changed — without finding the names again: boundaries stay as they were
// found, types, confidences and evidence are recomputed.
func Retype(text string, ents []Entity, o Options) {
	f := newFinder(text, tokenize(text))
	f.lex, f.mem = o.Lexicon, o.Memory
	f.hl = f.headlineLines() // marks the lines in capitals, as Find did
	f.typeEntities(ents, o)
}

// typeEntities gives each entity a type, a confidence and the evidence, from
// the lexicon, the context of its mentions and the person's memory: one
// type for the whole group.
func (f *finder) typeEntities(ents []Entity, o Options) {
	for i := range ents {
		step(i << 3) // every 32: a name said often takes long to type
		f.typeEntity(&ents[i], o, nil)
	}
	// Names listed together are of one kind ("Motorola, Alcatel, Sagem y
	// Mistubishi"): those typed otherwise hear the others (lists.go).
	for i, extra := range f.listClues(ents) {
		step(i)
		f.typeEntity(&ents[i], o, extra)
	}
}

// typeEntity gives e its type, confidence and evidence from every clue,
// extra ones included.
func (f *finder) typeEntity(e *Entity, o Options, extra []clue) {
	clues := f.clues[:0]
	f.mtOf = nil // mentionToks are worked out again for this entity
	clues = f.memoryClues(clues, e, o.Memory)
	if e.Source == SourceGazetteer && e.Label != "" {
		clues = append(clues, clue{e.Label, wCorrected / 2, "in your gazetteer as %s", e.Label})
	}
	clues = f.nameClues(clues, e, o.Lexicon)
	clues = f.contextClues(clues, e)
	clues = f.teamClues(clues, e)
	clues = f.kindAfterClues(clues, e)
	clues = f.datelineClues(clues, e)
	clues = f.newsOrgClues(clues, e)
	clues = f.adjectiveClues(clues, e)
	clues = append(clues, extra...)
	e.Type, e.Confidence, e.Evidence = decide(clues, &f.evidence)
	f.clues = clues
	if e.Source == SourceCandidate {
		e.Label = e.Type
	}
}

// memoryClues are the person's own labels for the entity's names.
func (f *finder) memoryClues(clues []clue, e *Entity, m *Memory) []clue {
	if m == nil {
		return clues
	}
	seen := map[string]bool{}
	for _, v := range e.Variants {
		k := f.normalize(v)
		if seen[k] {
			continue
		}
		seen[k] = true
		if l, ok := m.Corrected[k]; ok {
			clues = append(clues, clue{l, wCorrected, "you corrected “" + v + "” to %s", l})
		}
		for l, ids := range m.Labels[k] {
			n := len(ids)
			clues = append(clues, clue{l, wVote * float64(min(n, 3)), "you labelled “" + v + "” " + l + " in %s", plural(n, "article")})
		}
		for l := range m.Rejected[k] {
			clues = append(clues, clue{l, wRejected, "you rejected “" + v + "” as %s", l})
		}
	}
	return clues
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// nameClues come from the words of the name: lexicon entries, organisation
// and place words, given names, the shape of an acronym.
func (f *finder) nameClues(clues []clue, e *Entity, lex *Lexicon) []clue {
	key := e.Key
	if head, ok := compoundHead(e.Name); ok {
		// "BSE-besmetting", "EU-burgers": the thing the common noun names,
		// an organisation when it is an organisation's word ("Likoed-partij").
		if orgWords.has(head) {
			return append(clues, clue{TypeORG, wOrgWord, "a compound of a name and “%s”", head})
		}
		return append(clues, clue{TypeMISC, wOrgWord, "a compound of a name and “%s”", head})
	}
	words, ids := f.keyWords(key), f.keyWordIDs(key)
	kk := f.keyKind(key) // asked below again and again
	inflected := ""      // the place the name is, declined (German)
	if kk&LexPlace == 0 && len(words) > 1 && f.language() == "de" {
		if base := germanPlace(words, lex); base != "" {
			inflected, kk = base, lex.Kind(base)
		}
	}
	switch k := kk; {
	case inflected != "":
		clues = append(clues, clue{TypeLOC, wWholeName, "the place “%s”, declined", inflected})
	case k&LexCountry != 0:
		clues = append(clues, clue{TypeLOC, wWholeName, "a country", ""})
	case k&LexCity != 0:
		clues = append(clues, clue{TypeLOC, wWholeName, "a city", ""})
	case k&LexRegion != 0:
		clues = append(clues, clue{TypeLOC, wWholeName, "a region", ""})
	case f.placeAcronym(key):
		clues = append(clues, clue{TypeLOC, wWholeName, "a country", ""})
	case k&LexTown != 0 && k&(LexGiven|LexSurname|LexBrand|LexLanguage) == 0 && len(key) > 3:
		clues = append(clues, clue{TypeLOC, wPlaceWord + wShape, "a town", ""})
	case k&LexLanguage != 0:
		clues = append(clues, clue{TypeMISC, wWholeName, "a nationality or language", ""})
	case k&LexBrand != 0 && k&(LexGiven|LexSurname) == 0 && !stockIndices.has(key) && !(len(words) == 1 && looksDemonym(key)):
		// Brands named after people ("Jasmine", "Vega") speak for neither,
		// nor do nationalities that start companies' names ("American",
		// "British").
		clues = append(clues, clue{TypeORG, wBrand, "a company or brand", ""})
	}
	for i, w := range words {
		switch {
		case f.idOn(ids[i], onOrgWords) || i == len(words)-1 && i > 0 && f.kindOf(ids[i])&LexOrgSuffix != 0:
			clues = append(clues, clue{TypeORG, wOrgWord, "the organisation word “%s”", w})
		case len(words) > 1 && f.kindOf(ids[i])&^LexNoun == 0 && (f.language() == "nl" || f.language() == "de") && kindOf(w, f.language()):
			// "Toneelgroep Ceremonia", "Uitgeverij Houtekiet": a compound
			// whose head is a kind of organisation.
			clues = append(clues, clue{TypeORG, wOrgWord, "the organisation word “%s”", w})
		case len(words) > 1 && f.idOn(ids[i], onLocWords):
			wt := float64(wPlaceWord)
			if i == 0 || i == len(words)-1 {
				// The head of a place's name: "Pearl Harbor", "Monte Kenya"
				// beat a given name that happens to start them.
				wt = wHeadPlace
			}
			clues = append(clues, clue{TypeLOC, wt, "the place word “%s”", w})
		case len(words) > 1 && f.idOn(ids[i], onMiscWords):
			clues = append(clues, clue{TypeMISC, wOrgWord, "the word “%s” (an event, a law, a prize…)", w})
		default:
			continue
		}
		break
	}
	if n := len(words); n > 1 && words[n-1] == "state" {
		// "New York State", "Washington State": a place's state (a
		// university named so is the place too, until a label says
		// otherwise); "Islamic State": an organisation.
		// Neither a person, as "a name of several words" had it.
		if lex.Kind(strings.TrimSuffix(key, " state"))&LexPlace != 0 {
			clues = append(clues, clue{TypeLOC, wOrgWord, "a place's state", ""})
		} else {
			clues = append(clues, clue{TypeORG, wOrgWord, "the organisation word “%s”", words[n-1]})
		}
	}
	var fs []string // the name's words as written, split once for eventClues and titleClues
	if len(words) != 1 {
		fs = appendSplitFields(f.nameFields[:0], e.Name)
		f.nameFields = fs
	}
	clues = eventClues(clues, e.Name, words, fs)
	if strings.Contains(e.Name, " & ") && !hasClue(clues, TypeORG) {
		// "Lernout & Hauspie", "Douglas & Lomason", "Trish & Kash": names
		// joined by "&" make a firm's or a group's name; two people are
		// joined by a word ("Jan en Piet").
		clues = append(clues, clue{TypeORG, wOrgWord, "names joined by “&”: a firm or a group", ""})
	}
	if len(words) > 1 && !hasClue(clues, TypeORG) && !hasClue(clues, TypeMISC) {
		if f.idOn(ids[0], onCompass) && kk&LexPlace == 0 {
			// "North Kesteven", "Lower Austria", "New France".
			clues = append(clues, clue{TypeLOC, wPlaceWord, "starts with “%s”", words[0]})
		} else if n := len(words); n >= 3 && f.idOn(ids[n-1], onCompass) && kk&LexPlace == 0 &&
			(f.idOn(ids[n-2], onParticles) || words[n-2] == "do" || n >= 4 && portugueseArticles.has(words[n-2]) && words[n-3] == "de") {
			// "África do Sul" ("de o Sul" where a corpus writes it apart),
			// "Carolina del Norte", "Irlande du Nord".
			clues = append(clues, clue{TypeLOC, wPlaceWord, "ends with “%s”", words[n-2] + " " + words[n-1]})
		} else {
			for i, w := range words[1:] {
				if f.kindOf(ids[i+1])&(LexCountry|LexRegion) != 0 {
					// "Baja California", "French Cameroun".
					clues = append(clues, clue{TypeLOC, wPlaceWord, "holds the place “%s”", w})
					break
				}
			}
		}
	}
	if len(words) > 1 && words[0] != "the" && f.idOn(ids[0], onArticles) && kk&LexPlace == 0 && !startsWithInitial(e.Name) {
		// "De Morgen", "El País", "Le Monde": a name with its own article
		// is a newspaper's, a party's or a company's more often than a
		// person's ("De Wever" is the exception).
		clues = append(clues, clue{TypeORG, wPrep, "starts with the article “%s”", words[0]}, clue{TypePER, -wShape, "", ""})
	}
	if len(words) > 1 {
		clues = titleClues(clues, e.Name, fs)
	} else if !isAcronym(e.Name) && isCamel(e.Name) {
		clues = append(clues, clue{TypeORG, wAcronym, "written like a company’s name (“%s”)", e.Name})
	}
	upper := f.writtenAsAcronym(e)
	if len(words) > 1 && !upper && kk&LexPlace == 0 && looksDemonym(words[len(words)-1]) && f.kindOf(ids[len(ids)-1])&(LexGiven|LexSurname) == 0 && !hasClue(clues, TypeORG) {
		clues = append(clues, clue{TypeMISC, wGiven, "ends like a nationality (“%s”)", words[len(words)-1]})
	}
	if len(words) == 1 && isAcronymPlural(e.Name) {
		clues = append(clues, clue{TypeMISC, wGiven, "a plural of an acronym", ""})
	}
	if len(words) > 1 {
		if k := f.kindOf(ids[0]); k&LexGiven != 0 && k&LexPlace == 0 {
			clues = append(clues, clue{TypePER, wGiven, "“%s” is a given name", words[0]})
		}
		if k := f.kindOf(ids[len(ids)-1]); k&LexSurname != 0 && k&LexPlace == 0 {
			clues = append(clues, clue{TypePER, wSurname, "“%s” is a surname", words[len(words)-1]})
		}
		if kk&LexPlace == 0 && !upper {
			clues = append(clues, clue{TypePER, wShape, "a name of several words", ""})
		}
	} else if k := kk; k&LexPlace == 0 {
		if d, place := f.keyDemonym(key); d != "" && !upper && place {
			clues = append(clues, clue{TypeLOC, wPlaceWord, "the place “%s”, inflected", d})
		} else if d != "" && !upper {
			clues = append(clues, clue{TypeMISC, wWholeName, "a nationality or its adjective (from “%s”)", d})
		} else if !upper && k&LexLanguage == 0 && nationality(key, lex) {
			// "Englishman", "Queenslander", "Swede", "Argentine".
			clues = append(clues, clue{TypeMISC, wWholeName, "a people's word", ""})
		} else if !upper && k&(LexGiven|LexSurname|LexLanguage) == 0 && looksDemonym(key) {
			clues = append(clues, clue{TypeMISC, wAcronym, "reads as a nationality or an adjective", ""})
		} else if !upper && k&(LexGiven|LexSurname) == 0 && (looksPlace(key) || f.language() == "de" && looksGermanPlace(key)) {
			clues = append(clues, clue{TypeLOC, wShape * 2, "reads as a place name", ""})
		} else if !upper && k&(LexGiven|LexSurname) == 0 && f.businessReport() {
			clues = append(clues, clue{TypeORG, wShape / 2, "in business news, an unknown capitalised word: a company", ""})
		} else if !upper {
			clues = append(clues, clue{TypePER, wShape / 2, "an unknown capitalised word", ""})
		}
		if k&LexGiven != 0 {
			clues = append(clues, clue{TypePER, wSurname, "“%s” is a given name", key})
		}
		if k&LexSurname != 0 {
			clues = append(clues, clue{TypePER, wSurname, "“%s” is a surname", key})
		}
	}
	if len(words) > 1 && !upper && kk&LexPlace == 0 {
		if a := innerAcronym(e.Name); a != "" {
			// "BNP Paribas", "Roda JC", "Zanu-PF": a person's name holds no
			// acronym, a company's or a club's often does.
			clues = append(clues, clue{TypeORG, wAcronym, "holds the acronym “%s”", a})
		}
	}
	if upper && kk&LexPlace == 0 && !f.placeAcronym(key) {
		clues = append(clues, clue{TypeORG, wAcronym, "an acronym", ""})
	}
	return clues
}

// writtenAsAcronym reports whether a mention of e is written in capitals
// off a line that is all in capitals, or is one short word there ("FIFA"):
// "CUTTITTA" in a headline in capitals is Cuttitta's name, not an acronym.
func (f *finder) writtenAsAcronym(e *Entity) bool {
	for _, t := range f.mentionToks(e)[:len(firstMentions(e))] {
		i, j := int(t.a), int(t.b)
		if !t.okA || !t.okB {
			continue
		}
		if w := f.surface(i, j+1); isAcronym(w) && (!f.inCaps(i) || i == j && f.toks[i].end-f.toks[i].start <= 4) {
			return true
		}
	}
	return false
}

// looksDemonym reports whether w ends like a nationality or an adjective
// ("Mexican", "Chinese", "Scottish", "Democratic").
func looksDemonym(w string) bool {
	if strings.HasSuffix(w, "ic") && len(w) > 8 {
		return false // "Mediterranean"-like seas end otherwise; long -ic words are rarer adjectives
	}
	for _, suf := range []string{"ian", "ean", "can", "ese", "ish", "ic", "ical", "ist", "ians", "eans", "cans", "ists", "ern", "ische", "aanse", "sche",
		"nse", "mse", "tse", "lse", "kse", "dse" /* Dutch: "Franse", "Vlaamse", "Duitse", "Poolse", "Turkse", "Zweedse" */} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// hasClue reports whether clues hold one for type t.
func hasClue(clues []clue, t string) bool {
	for _, c := range clues {
		if c.typ == t && c.weight > 0 {
			return true
		}
	}
	return false
}

// isAcronymPlural reports whether s is capitals then "s" ("MPs", "GIFs").
func isAcronymPlural(s string) bool {
	return len(s) >= 3 && s[len(s)-1] == 's' && isAcronym(s[:len(s)-1])
}

// looksPlace reports whether w ends like a country or region ("Moravia",
// "Kurdistan", "Lapland").
func looksPlace(w string) bool {
	for _, suf := range []string{"ia", "land", "stan", "burg", "shire"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// looksGermanPlace reports whether w ends like a country or region's name
// in German ("Sizilien", "Mazedonien", "Mongolei").
func looksGermanPlace(w string) bool {
	for _, suf := range []string{"ien", "ei"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// germanPlace returns the place words names in a German case, as the
// lexicon has it, or "": the adjectives of a place's name decline and its
// noun takes a case's ending ("in den Vereinigten Staaten", "im
// Vereinigten Königreich", "den Vereinigten Arabischen Emiraten").
func germanPlace(words []string, lex *Lexicon) string {
	adj, head := words[:len(words)-1], words[len(words)-1]
	for _, a := range adj {
		if !strings.HasSuffix(a, "en") || len(a) < 5 {
			return ""
		}
	}
	heads := []string{head}
	for _, suf := range []string{"n", "s", "es"} {
		if h, ok := strings.CutSuffix(head, suf); ok && len(h) >= 3 {
			heads = append(heads, h)
		}
	}
	var b strings.Builder
	for _, end := range []string{"e", "es", "er"} {
		for _, h := range heads {
			b.Reset()
			for _, a := range adj {
				b.WriteString(a[:len(a)-2])
				b.WriteString(end)
				b.WriteByte(' ')
			}
			b.WriteString(h)
			if lex.Kind(b.String())&LexPlace != 0 {
				return b.String()
			}
		}
	}
	return ""
}

// knownPlaceAcronyms are the country abbreviations news uses as names, by
// their keys: "U.S." is "u s" (a word set alone would split it in two).
var knownPlaceAcronyms = &wordSet{lists: []string{`us usa uk uae eeuu rdc`}, whole: []string{"u s", "u s a", "u k", "ee uu"}}

// isAcronym reports whether s is written in capitals ("AFP", "U.S.").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if gtext.IsWordRune(r) && !('0' <= r && r <= '9') {
			if !isUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 && letters <= 8
}

// contextClues come from the words before each mention: a title, a
// preposition of place.
func (f *finder) contextClues(clues []clue, e *Entity) []clue {
	titled, placed := 0, 0
	city := f.keyKind(e.Key)&LexCity != 0 && f.language() == "es"
	clues = f.orgContextClues(clues, e)
	clues = f.sideClues(clues, e)
	mt := f.mentionToks(e)
	for k, m := range e.Mentions {
		if a := int(mt[k].a); mt[k].okA && f.creditInitials(a, a+1) && m.End == int(f.toks[a].end) {
			clues = append(clues, clue{TypePER, wGiven, "initials alone in parentheses: a writer's credit", ""})
			break
		}
	}
	for k, m := range e.Mentions {
		a, ok := int(mt[k].a), mt[k].okA
		ok2 := ok
		if !ok {
			a, ok = f.tokenAt(m.Start + 1) // with its quotation mark
		}
		if ok {
			if w, ok := f.titleQuoted(a); ok {
				clues = append(clues, clue{TypeMISC, wWholeName + wShape, "a quoted title after “%s”", w})
				break
			} else if !ok2 {
				clues = append(clues, clue{TypeMISC, wPrep, "in quotation marks (a title, a nickname)", ""})
				break
			}
		}
	}
	for k := range e.Mentions {
		if titled >= maxContextClues && placed >= maxContextClues {
			break
		}
		i, ok := int(mt[k].a), mt[k].okA
		if !ok || i == 0 || f.toks[i].join != joinSpace {
			continue
		}
		prev := f.fold(i - 1)
		if city && (prev == "el" || prev == "del" || prev == "al") && !f.toks[i-1].cap && placed < maxContextClues {
			// Spanish gives a city no article, but its club one: "el
			// Barcelona", "del Parma", "al Valencia".
			placed++
			clues = append(clues, clue{TypeORG, wOrgWord, "a city after “%s”: its club", f.surface(i-1, i)})
			continue
		}
		if (prev == "del" || prev == "al") && f.language() == "es" && !f.toks[i-1].cap && f.keyKind(e.Key)&LexPlace == 0 && placed < maxContextClues {
			// "del Deportivo", "al Parlamento": "de el", "a el", an article,
			// which Spanish gives organisations, seldom places or people.
			placed++
			clues = append(clues, clue{TypeORG, wShape, "after “%s” (with its article)", f.surface(i-1, i)}, clue{TypePER, -wShape, "", ""})
			continue
		}
		if f.isArticle(prev) && i >= 2 && f.toks[i-1].join == joinSpace && !f.toks[i-1].cap {
			// "in the Sahel", "en el Mediterráneo": a preposition of place
			// before the article; and a person rarely takes an article
			// (Spanish "de" is "of": "de Pinochet").
			if !(prev == "de" && f.language() == "es") {
				clues = append(clues, clue{TypePER, -wShape, "", ""})
			}
			if i >= 2 && f.placePrepBefore(f.fold(i-2)) && placed < maxContextClues {
				placed++
				clues = append(clues, clue{TypeLOC, wPrep, "after “%s”", f.text[f.toks[i-2].bstart:f.toks[i-1].bend]})
			} else if l := f.language(); (l == "es" && prev != "de" || l == "nl") && placed < maxContextClues {
				// Spanish and Dutch give organisations an article ("la
				// OEA", "el Barcelona", "de NMBS") and places seldom ("en
				// Brasil", "in België").
				placed++
				clues = append(clues, clue{TypeORG, wShape, "after the article “%s”", f.surface(i-1, i)})
			} else if placed < maxContextClues {
				// A name with an article is a place more often than
				// anything else ("o Nilo", "the Sahara"); so is one after
				// "de" (Dutch's article, elsewhere "of": "de Portugal").
				placed++
				why := "after the article “%s”"
				if prev == "de" && f.language() != "nl" {
					why = "after “%s”" // "of", not an article
				}
				clues = append(clues, clue{TypeLOC, wShape, why, f.surface(i-1, i)})
			}
			continue
		}
		switch {
		case titles.has(prev) && titled < maxContextClues:
			titled++
			clues = append(clues, clue{TypePER, wTitle, "after the title “%s”", f.surface(i-1, i)})
		case f.placePrepBefore(prev) && (!f.toks[i-1].cap || f.toks[i-1].initial && !f.toks[i-1].upper && f.language() == "en") && placed < maxContextClues:
			// "in Thessaly", and in English "In Thessaly he…" opening a sentence.
			placed++
			clues = append(clues, clue{TypeLOC, wPrep, "after “%s”", f.surface(i-1, i)})
		}
	}
	return clues
}

// decide sums the clues per type: the best type wins, its confidence is its
// share of the positive evidence (with one unit of doubt), and the
// evidence lists its clues, strongest first, each said once.
func decide(clues []clue, st *evidenceStore) (string, float64, []string) {
	if len(clues) == 0 {
		return "", 0, nil
	}
	// Few types per entity: a short list beats a map.
	var types [8]string
	var score [8]float64
	n := 0
	for _, c := range clues {
		j := 0
		for j < n && types[j] != c.typ {
			j++
		}
		if j == n {
			if n == len(types) {
				continue
			}
			types[n] = c.typ
			n++
		}
		score[j] += c.weight
	}
	best, total := -1, 0.0
	for j := 0; j < n; j++ {
		if score[j] > 0 {
			total += score[j]
			if best < 0 || score[j] > score[best] {
				best = j
			}
		}
	}
	if best < 0 {
		return "", 0, nil
	}
	conf := score[best] / (total + 1)
	// The winning type's clues, heaviest first (ties in their order): a
	// few per entity, so an insertion sort into the store's buffer, which
	// allocates nothing (sort.SliceStable allocated its swapper and the list
	// was new for each of the tens of thousands of entities).
	why := st.why[:0]
	for _, c := range clues {
		if c.typ == types[best] && c.weight > 0 {
			why = append(why, c)
			for k := len(why) - 1; k > 0 && why[k-1].weight < why[k].weight; k-- {
				why[k-1], why[k] = why[k], why[k-1]
			}
		}
	}
	st.why = why
	// Each sentence once, with how many times it was seen; a sentence is
	// the clue's format filled with its argument.
	ev := st.buf[:0]
	count := st.count[:0]
	for _, c := range why {
		w := st.text(c.why, c.arg, 1)
		if k := slices.Index(ev, w); k >= 0 {
			count[k]++
			continue
		}
		ev = append(ev, w)
		count = append(count, 1)
	}
	for i, w := range ev {
		if count[i] > 1 {
			ev[i] = st.text(w, "", count[i])
		}
	}
	st.buf, st.count = ev, count
	ev = st.keep(ev)
	return types[best], conf, ev
}

// tokenAt returns the token that starts at code point cp.
func (f *finder) tokenAt(cp int) (int, bool) {
	// sort.Search by hand: in wasm its closure call per step costs more
	// than the comparison, and every mention of every entity asks.
	if !f.tokIdxDone {
		f.buildTokIndex()
	}
	i, j := f.startIdx.bounds(cp, len(f.toks))
	for i < j {
		if h := int(uint(i+j) >> 1); int(f.toks[h].start) < cp {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(f.toks) && int(f.toks[i].start) == cp
}

// tokenEnding returns the token that ends at code point cp.
func (f *finder) tokenEnding(cp int) (int, bool) {
	if !f.tokIdxDone {
		f.buildTokIndex()
	}
	i, j := f.endIdx.bounds(cp, len(f.toks))
	for i < j {
		if h := int(uint(i+j) >> 1); int(f.toks[h].end) < cp {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(f.toks) && int(f.toks[i].end) == cp
}

// titleClues speak against a person for a name that reads as the title of
// a work: it starts with "The" ("The Muppets", "The Power") or holds a
// capitalised function word inside ("Over My Head", "Knuck If You Buck";
// at the end it may be a numeral or a place: "Mojmír I", "Punta del Este"). Particles ("de", "van") are a person's too, so they say
// nothing. words are appendSplitFields(nil, name).
func titleClues(clues []clue, name string, words []string) []clue {
	if len(words) < 2 {
		return clues
	}
	// Each word folded into buf, not into a new string: every entity of
	// two words or more is asked.
	var buf [64]byte
	if inSet(workOpeners, foldBytes(buf[:0], words[0])) && !startsWithInitial(name) {
		return append(clues, clue{TypePER, -2 * wShape, "", ""}, clue{TypeMISC, wSurname, "starts with “%s”", words[0]})
	}
	for _, w := range words[1 : len(words)-1] {
		n := foldBytes(buf[:0], w)
		if inSet(stopWords, n) && !inSet(particles, n) && !inSet(coordinations, n) && isUpper(firstRune(w)) {
			return append(clues, clue{TypePER, -2 * wShape, "", ""}, clue{TypeMISC, wSurname, "reads as a title (“%s”)", w})
		}
	}
	return clues
}

// startsWithInitial reports whether name opens with a person's initial,
// one letter and a full stop ("A. Stewart", "I. Healy"), not an article.
func startsWithInitial(name string) bool {
	r, n := utf8.DecodeRuneInString(name)
	return n > 0 && isUpper(r) && strings.HasPrefix(name[n:], ".")
}

// workOpeners start the titles of works, never a person's name.
var workOpeners = newWordSet(`the a an`)

// isCamel reports whether w has a capital after a lower-case letter, as
// companies write their names ("YouTube", "ExxonMobil"), apart from the
// surnames written so ("McDonald", "MacArthur", "DeVito", "LeBlanc").
func isCamel(w string) bool {
	prevLower := false
	for i, r := range w {
		if isUpper(r) && prevLower && i > 0 {
			switch w[:i] {
			case "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz":
				return false
			}
			return true
		}
		prevLower = r >= 'a' && r <= 'z' || r >= 0x80 && !isUpper(r)
	}
	return false
}
