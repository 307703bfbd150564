package entity

import (
	"sort"
	"strings"
)

// A run of capitalised words can hold two names side by side, with no
// word between them that the other passes cut at:
//   - in Dutch, an inflected nationality before a name ("de Britse
//     Concorde", "het Canadese Gander"); it stays when the name is an
//     organisation's, a place's or an event's ("Europese Commissie",
//     "Olympische Spelen"). English and German are left alone: an English
//     nationality mostly starts the name ("British Columbia", "Baltic
//     States") and German writes the adjective in lower case;
//   - a ministry or a compound title before a person: "minister van
//     Volksgezondheid Magda Aelvoet", "Oppositieleider Ariel Sharon": a
//     known given name after a word that is not one starts a new name when
//     the candidate ends with a surname (known, or seen alone in the
//     article) and the rest is not a known place ("Casa Santa Maria");
//     after a role and "of" ("minister van Cultuur Bert Anciaux") any
//     given name does.

// splitHeads splits candidates at a leading nationality and before a
// given name that starts a person's name inside them.
func (f *finder) splitHeads(segs []segment) []segment {
	if f.lex.Len() == 0 {
		return segs
	}
	var seen idSet
	for si, s := range segs {
		step(si)
		seen.add(f.keyID(s.a, s.b))
	}
	return splitEach(segs, func(s segment) ([]segment, bool) {
		k := f.headCut(s, seen)
		if k < 0 {
			return nil, false
		}
		var pieces []segment
		rank := f.allRanks(s.a, k)
		if l, ok := f.trim(s.a, k); ok && !rank && !f.initialWord(s, k) {
			l.per, l.initial = s.per, s.initial
			pieces = append(pieces, l)
		}
		if r, ok := f.trim(k, s.b); ok {
			r.per = rank
			pieces = append(pieces, r)
		}
		return pieces, true
	})
}

// ranks are military ranks and party members' words that stand before a
// person's name like a title ("General John Burgoyne", "Democrat Walter
// Mondale") but are names' own words elsewhere ("General Motors", "Major
// League", "Democrat Party").
var ranks = newWordSet(`general major brigadier admiral marshal corporal field lieutenant
democrat republican tory socialist communist conservative liberal`)

// allRanks reports whether tokens a..b-1 are all ranks or title modifiers
// ("Major-General", "State").
func (f *finder) allRanks(a, b int) bool {
	for i := a; i < b; i++ {
		if w := f.fold(i); !ranks.has(w) && !titleModifiers.has(w) {
			return false
		}
	}
	return a < b
}

// initialWord reports whether the cut at k leaves only the word that opens
// the sentence s starts, one no list knows as a name: a common noun
// capitalised by its place ("Historian David Crouch said").
func (f *finder) initialWord(s segment, k int) bool {
	w := f.fold(s.a)
	return s.initial && k == s.a+1 && f.lex.Kind(w)&(LexPlace|LexGiven|LexSurname|LexBrand|LexLanguage) == 0 && !f.toks[s.a].upper &&
		!orgWords.has(w) && !locWords.has(w) && !miscWords.has(w)
}

// describes reports whether token k-1, before a known given name at k,
// describes the person the name then starts: a rank or title modifier
// ("General", "State"), a nationality ("Australian Tom Moody"), or the
// sentence's first word when no list knows it as a name.
func (f *finder) describes(s segment, k int) bool {
	if last := f.fold(s.b - 1); looksDemonym(last) && f.lex.Kind(last)&LexSurname == 0 {
		return false // "Italian Roman Catholic": the rest is no person's name
	}
	prev := f.fold(k - 1)
	if ranks.has(prev) || titleModifiers.has(prev) || f.initialWord(s, k) {
		return true
	}
	return nationality(prev, f.lex)
}

// nationality reports whether w names a nationality: a language or
// nationality word, a demonym of a country's stem ("Australian"), a
// people's word made of a place ("Englishman", "Queenslander"), or a
// country's stem, alone or with a short ending ("Croat", "Swede",
// "Argentine", "Montenegrin").
func nationality(w string, lex *Lexicon) bool {
	if lex == nil {
		return false
	}
	if lex.Kind(w)&LexLanguage != 0 {
		return true
	}
	if stem, place := demonymOf(w, lex); stem != "" && !place {
		return true
	}
	for _, suf := range []string{"man", "woman", "men", "women", "er", "ers"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 4 && lex.Kind(b)&(LexLanguage|LexCountry|LexRegion) != 0 {
			return true
		}
	}
	for _, suf := range []string{"", "e", "ine", "in", "i"} { // "Croat", "Swede", "Argentine", "Montenegrin", "Israeli"
		b, ok := strings.CutSuffix(w, suf)
		if !ok || len(b) < 4 || lex.Kind(w)&(LexGiven|LexSurname|LexPlace) != 0 {
			continue
		}
		i := sort.SearchStrings(lex.stems, b)
		for ; i < len(lex.stems) && strings.HasPrefix(lex.stems[i], b); i++ {
			if len(lex.stems[i])-len(b) <= 3 && lex.Kind(lex.stems[i])&LexCountry != 0 {
				return true
			}
		}
	}
	return false
}

// headCut returns the token where s is cut, or -1.
func (f *finder) headCut(s segment, seen idSet) int {
	if s.b-s.a < 2 || f.kindOf(f.keyID(s.a, s.b))&(LexPlace|LexBrand) != 0 {
		return -1
	}
	if k := f.capsCut(s); k > 0 {
		return k
	}
	if k := f.datelineCut(s); k > 0 {
		return k
	}
	// nameWords[i]: no organisation, place or event word from token i on.
	plain := s.b
	for i := s.b - 1; i >= s.a; i-- {
		if f.on(i, onOrgWords|onLocWords|onMiscWords) {
			break
		}
		plain = i
	}
	first := f.fold(s.a)
	if plain == s.a && f.language() == "nl" && strings.HasSuffix(first, "e") && !f.toks[s.a].upper && f.toks[s.a+1].join == joinSpace &&
		looksDemonym(first) && f.lex.Kind(first)&(LexGiven|LexSurname|LexPlace) == 0 {
		return s.a + 1
	}
	if f.roleBefore(s.a) >= 0 {
		// "minister van Cultuur Bert Anciaux": the body, then the person
		// who holds the role, from a given name on (one that is a surname
		// too: "Vera Dua").
		for k := s.a + 1; k < s.b-1; k++ {
			if f.toks[k].join == joinSpace && f.kind(k)&LexGiven != 0 && f.kind(k)&LexPlace == 0 && f.kind(k-1)&LexGiven == 0 {
				return k
			}
		}
	}
	// The person's name ends with a surname: known, or seen alone in the
	// article; or the word before the given name describes the person.
	surname := f.kind(s.b-1)&LexSurname != 0 || seen.has(f.id(s.b-1))
	for k := max(s.a+1, plain); k < s.b-1; k++ {
		if f.kindOf(f.keyID(k, s.b))&LexPlace != 0 {
			break
		}
		if f.toks[k].join != joinSpace || !f.toks[k-1].cap || !f.toks[k+1].cap || f.toks[k+1].join != joinSpace {
			continue
		}
		kind := f.kind(k)
		mayTwo := k+2 == s.b && kind == 0 && f.toks[k].cap
		if kind&LexGiven == 0 && !mayTwo || kind&LexPlace != 0 {
			continue // what follows would say so, after string lookups
		}
		prev := f.fold(k - 1)
		// "General" and "German" are given names too.
		rank := ranks.has(prev) || titleModifiers.has(prev) || nationality(prev, f.lex)
		// In English, after a nationality or a rank, two words no list
		// knows are a person's name too ("German Dietmar Beiersdorfer").
		twoUnknown := rank && mayTwo && (f.language() == "en" || f.language() == "") && f.kind(k+1)&(LexPlace|LexLanguage|LexBrand) == 0 &&
			!looksDemonym(f.fold(k+1)) && !f.toks[k].upper && !f.toks[k+1].upper
		if kind&LexGiven == 0 && !twoUnknown || kind&LexPlace != 0 || f.lex.Kind(prev)&(LexGiven|LexSurname) != 0 && !rank || isInitial(f.surface(k-1, k)) {
			continue
		}
		if kind&LexSurname == 0 && surname || f.describes(s, k) {
			return k
		}
	}
	return -1
}

// capsCut returns where two or more words in capitals meet a word in
// title case ("IU PIDE A CHAVES QUE AZNAR GARANTICE … Sevilla": a headline
// in capitals, then the dateline), or -1. One acronym before a name is the
// name's own ("FC Barcelona", "BBC World Service").
func (f *finder) capsCut(s segment) int {
	caps := 0
	for k := s.a; k < s.b; k++ {
		t := f.toks[k]
		switch {
		case t.upper:
			caps++
		case t.end-t.start == 1:
			// "A", "Y": one capital letter is either
		case t.cap && caps >= 2:
			return k
		case t.cap:
			return -1
		}
	}
	return -1
}

// isInitial reports whether s is an initial ("J.", "J").
func isInitial(s string) bool {
	n := 0
	for _, r := range s {
		if r != '.' {
			n++
		}
	}
	return n <= 1
}

// datelineCut returns where a byline meets its dateline's place ("Por Juan
// Miguel Núñez | Madrid, 23 may", "Hugo Bonifacio | Santo Domingo, 23
// may"): the candidate is followed by a comma and a date, and its last one
// or two words are a known place; or -1.
func (f *finder) datelineCut(s segment) int {
	if s.b+1 >= len(f.toks) || f.text[f.toks[s.b-1].bend:f.toks[s.b].bstart] != ", " || !isDigits(f.fold(s.b)) || !f.dateAt(s.b) {
		return -1
	}
	for k := max(s.a+1, s.b-2); k < s.b; k++ {
		if f.lex.Kind(f.key(k, s.b))&(LexPlace|LexTown) != 0 {
			return k
		}
	}
	return -1
}
