package entity

import "strings"

// Dutch writes the adjectives made from names with a capital ("de
// Israëlische minister", "het Antwerpse bedrijf", "de Franstalige bond",
// "het Vlaams onderwijs"): a word with an adjective's ending right before a
// lower-case word is such an adjective (MISC, as the Dutch news tags it),
// not the organisation its article suggests nor a person.

// determiners come before a Dutch adjective and its noun.
var determiners = newWordSet(`de het een die dit deze dat zijn haar hun ons onze uw elk elke ieder iedere geen`)

// adjPrepositions come before a Dutch adjective and its plural or
// uncountable noun ("tussen Haagse hooligans", "op Vlaams niveau", "alle
// Nederlandstalige jongeren").
var adjPrepositions = newWordSet(`van door voor op in met tussen naar bij uit aan over om tot zonder tegen alle veel vele enkele sommige beide`)

// dutchAdjEndings end Dutch adjectives made from names.
var dutchAdjEndings = []string{"se", "sche", "ische", "ige"}

// adjectiveClues gives MISC to a one-word name that, in Dutch text, stands
// as an adjective before a lower-case word.
func (f *finder) adjectiveClues(clues []clue, e *Entity) []clue {
	if f.language() != "nl" || strings.ContainsAny(e.Key, " ") || f.lex.Kind(e.Key)&(LexPlace|LexGiven|LexSurname|LexBrand) != 0 || !f.adjectiveForm(e.Key) {
		return clues
	}
	mt := f.mentionToks(e)
	for k, m := range e.Mentions {
		a, ok := int(mt[k].a), mt[k].okA
		if !ok || m.End != int(f.toks[a].end) || a+1 >= len(f.toks) || f.toks[a].upper {
			continue
		}
		next := &f.toks[a+1]
		if next.join != joinSpace || next.cap || next.upper || next.initial || f.stopTok(a+1) {
			continue
		}
		// After a determiner or a preposition: "de Israëlische minister",
		// "door Vlaams minister Sauwens"; not "gaat Waseige vooral",
		// "Carabosse kennen we".
		if a == 0 || f.toks[a].join != joinSpace || f.toks[a-1].cap || !f.on(a-1, onDeterminers) && !f.on(a-1, onAdjPrepositions) {
			continue
		}
		return append(clues, clue{TypeMISC, wWholeName, "an adjective before “%s”", f.surface(a+1, a+2)})
	}
	return clues
}

// adjectiveForm reports whether the folded word w ends like a Dutch
// adjective made from a name, or is one without its final -e ("vlaams"
// beside "Vlaamse") that the text also writes with it.
func (f *finder) adjectiveForm(w string) bool {
	for _, s := range dutchAdjEndings {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return strings.HasSuffix(w, "s") && len(w) > 4 && f.hasWord(w+"e")
}

// hasWord reports whether the text holds the capitalised word w (folded).
func (f *finder) hasWord(w string) bool {
	if f.capWords == nil {
		f.capWords = map[string]bool{}
		for i := range f.toks {
			if f.toks[i].cap {
				f.capWords[f.fold(i)] = true
			}
		}
	}
	return f.capWords[w]
}
