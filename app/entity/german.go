package entity

import "strings"

// German capitalises every noun, so in German text a capital letter says
// little: "Jahre", "Regierung" and "Menschen" are capitalised mid-sentence
// like "Merkel". There a candidate made only of common nouns (the
// lexicon's LexNoun, frequent German nouns in every inflected form) is not
// a name, unless something else says it is: a place, a given name or
// surname, a brand, an acronym, or the person's own label.

// germanMarkers are frequent German function words found in no other of
// the languages Gloss reads (Dutch has "de", "van", "die"; English "die").
var germanMarkers = newWordSet(`der und nicht ist das ein eine einer einen einem mit sich auf für dem des
wird wurde wurden auch im sind von nach bei aus zum zur über werden hat`)

// germanSample is how many words isGerman looks at: the start of an
// article says its language.
const germanSample = 4000

// isGerman reports whether the text reads as German: at least one word in
// sixteen is a German marker. The answer is kept: the filters ask it per
// candidate.
func (f *finder) isGerman() bool {
	if f.german == 0 {
		f.german = -1
		if f.readsGerman() {
			f.german = 1
		}
	}
	return f.german > 0
}

// readsGerman is isGerman worked out.
func (f *finder) readsGerman() bool {
	n, markers := 0, 0
	for i := 0; i < len(f.toks) && n < germanSample; i++ {
		n++
		t := f.toks[i]
		if t.cap || t.end-t.start > 6 {
			continue
		}
		if germanMarkers.has(f.fold(i)) {
			markers++
		}
	}
	return markers >= 3 && markers*16 >= n
}

// germanNouns rereads the candidates of German text: a candidate is cut
// where a common noun meets a particle ("Teil des Landes"), loses the
// common nouns at its ends when a name remains ("Witwe Anne Horton",
// "Wirtschaft Kameruns"), and a common noun alone is dropped ("Jahre",
// "Jahr 1492"). A candidate made only of nouns stays when it has two: a
// capitalised adjective before a noun is a name's own ("Vereinigten
// Staaten", "Schwarzen Meer").
func (f *finder) germanNouns(segs []segment) []segment {
	if f.lex.Len() == 0 || !f.isGerman() {
		return segs
	}
	// Words of longer names: "Mann" after "Thomas Mann" is the writer.
	inNames := map[string]bool{}
	for _, s := range segs {
		if s.b-s.a >= 2 {
			for i := s.a; i < s.b; i++ {
				inNames[f.fold(i)] = true
			}
		}
	}
	out := make([]segment, 0, len(segs))
	for si, s := range segs {
		step(si)
		start := s.a
		for i := s.a; i <= s.b; i++ {
			if i < s.b && !(i > start && !f.toks[i].cap && f.isNoun(i-1)) {
				continue
			}
			// A piece ends at i: the particle and the noun before it part.
			if p, ok := f.nounTrim(segment{a: start, b: i, per: s.per && start == s.a, initial: s.initial && start == s.a}); ok && !f.nounAlone(p, inNames) {
				out = append(out, p)
			}
			for i < s.b && !f.toks[i].cap {
				i++
			}
			start = i
		}
	}
	return out
}

// nounAlone reports whether s is one word that is a common noun as well as
// a given name, a surname or a brand ("Kopf", "Glück", "Staat", "Art"),
// with no title before it, and no longer name in the article holds it: in
// German text such a word alone is the noun.
func (f *finder) nounAlone(s segment, inNames map[string]bool) bool {
	if s.b-s.a != 1 || s.per || f.toks[s.a].upper {
		return false
	}
	w := f.fold(s.a)
	k := f.lex.Kind(w)
	return k&LexNoun != 0 && k&(LexGiven|LexSurname|LexBrand) != 0 && k&LexPlace == 0 && !inNames[w] && !f.mem.knows(w)
}

// nounTrim trims common nouns from both ends of s while a word that is not
// one remains, and refuses a lone common noun.
func (f *finder) nounTrim(s segment) (segment, bool) {
	if s.a >= s.b {
		return s, false
	}
	name := -1 // a word that is not a common noun
	for i := s.a; i < s.b; i++ {
		if f.toks[i].cap && !f.isNoun(i) && !f.isNameNumber(i) {
			name = i
			break
		}
	}
	if name < 0 {
		b := s.b
		if b-s.a == 2 && f.isNameNumber(b-1) {
			b--
		}
		if b-s.a == 1 && !s.per && !f.mem.knows(f.key(s.a, s.b)) {
			return s, false
		}
		if f.nounsOnly(s) {
			return s, false
		}
		return f.retrim(s)
	}
	a, b := s.a, s.b
	if w := f.fold(s.a); name == s.a && !f.toks[s.a].initial && !s.per && f.lex.Kind(w)&LexNoun != 0 && declined(w) && f.spaced(s) {
		// A declined word the lexicon has as a noun too, capitalised
		// mid-sentence before nouns, is the name's adjective ("Deutsche
		// Bank", where "Deutsche" is also a brand's name): the nouns are
		// the name's.
		return f.retrim(s)
	}
	for a < name && f.isNoun(a) {
		a++
	}
	// A noun right after the given name that opens the name is the
	// surname ("Martin Winterkorn", "Thomas Mann"), unless its suffix makes
	// it a common noun only ("Entwicklungen", "Gelegenheit").
	for b > name+1 && f.isNoun(b-1) && !(b == s.b && b-2 == name && f.toks[b-1].join == joinSpace && f.kind(name)&LexGiven != 0 && !hasNounSuffix(f.fold(b-1))) {
		b--
	}
	if a > s.a {
		s.per = s.per || f.on(a-1, onTitles)
	}
	s.a, s.b = a, b
	return f.retrim(s)
}

// isNoun reports whether token i is a German common noun: in the
// lexicon's list, or a compound ending in one ("Wahlkreis" → "Kreis"), or
// with a noun's suffix ("-ung", "-heit"). Acronyms, places, given names,
// surnames, brands and organisation words are not.
func (f *finder) isNoun(i int) bool {
	t := f.toks[i]
	if t.upper || !t.cap {
		return false
	}
	w := f.fold(i)
	k := f.lex.Kind(w)
	if k&(LexPlace|LexGiven|LexSurname|LexBrand|LexLanguage) != 0 || orgWords.has(w) && k&LexNoun == 0 || f.placeInflected(w) || f.mem.knows(w) {
		return false
	}
	if k&LexNoun != 0 || f.nounGenitive(w) || germanAbbreviations.has(w) {
		return true
	}
	if hasNounSuffix(w) {
		return true
	}
	// A compound: its last part a noun of four letters or more after three
	// or more letters ("Wirtschafts|wachstumsrate" → "rate",
	// "Bürger|krieges" → "krieg"), unless a longer last part is a country
	// or region: then it is a place ("Süd|italien", not "Südit|alien";
	// "Nord|irland", not "Nordir|land").
	for j := 3; j+4 <= len(w); j++ {
		if w[j] >= 0x80 && w[j] < 0xc0 {
			continue // inside a UTF-8 sequence
		}
		k := f.lex.Kind(w[j:])
		if k&(LexCountry|LexRegion) != 0 {
			return false
		}
		if k&LexNoun != 0 || f.nounGenitive(w[j:]) {
			return true
		}
	}
	return false
}

// nounGenitive reports whether w is the genitive of a noun in the lexicon
// that the lexicon lists in another form: a masculine or neuter noun takes
// "-es" as often as the "-s" its list gives ("Krieges" beside "Kriegs",
// "Landes", "Staates"), and the lexicon keeps only forms frequent in
// themselves. A name's genitive takes "-s" alone, so "-es" makes the noun
// of a word that is a surname too ("Kampfes"), and an "-s" is the noun's
// only when the word is no name and its stem has five letters or more:
// "Jobs", "Banks" and "Parks" are English surnames as often as German
// plurals.
func (f *finder) nounGenitive(w string) bool {
	if stem, ok := strings.CutSuffix(w, "es"); ok && len(stem) >= 3 {
		k := f.lex.Kind(stem)
		return k&LexNoun != 0 && k&LexPlace == 0
	}
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || len(stem) < 5 {
		return false
	}
	k := f.lex.Kind(stem)
	return k&LexNoun != 0 && k&(LexPlace|LexGiven|LexSurname|LexBrand) == 0
}

// germanAbbreviations are common nouns German abbreviates with a capital
// ("v. Chr.", "5 Mrd. Euro", "Nr. 1").
var germanAbbreviations = newWordSet(`chr mrd mio tsd nr hl jh jhd`)

// hasNounSuffix reports whether w ends in one of nounSuffixes.
func hasNounSuffix(w string) bool {
	for _, suf := range nounSuffixes {
		if len(w) >= len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nounSuffixes end German nouns and no names.
var nounSuffixes = []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "ismus", "itat", "itaten", "tion", "tionen"}

// placeInflected reports whether w is a place with a German case ending
// ("Niederlanden", "Deutschlands").
func (f *finder) placeInflected(w string) bool {
	for _, end := range []string{"s", "n", "es", "en"} {
		if len(w) > len(end)+2 && w[len(w)-len(end):] == end && f.lex.Kind(w[:len(w)-len(end)])&LexPlace != 0 {
			return true
		}
	}
	return false
}

// germanBrand reports whether key, a brand in the lexicon, opens a German
// sentence as a name: German capitalises every noun, so a capital there
// says no less at a sentence start than after it ("Microsoft kündigte …"),
// unless the brand is also a German noun or function word ("Über").
func (f *finder) germanBrand(key string) bool {
	return f.lex.Kind(key)&(LexNoun|LexFunction) == 0 && f.isGerman()
}

// nounsOnly reports whether s, two or more words each a common noun, is
// common nouns and not a name. Two nouns stay a name mid-sentence, where a
// capital on the first says it is an adjective of the name's ("Vereinigten
// Staaten", "Schwarzen Meer"). Not at a sentence's start, where any word
// is capitalised ("Verschiedene Experten sagten …"), nor after a number
// word ("Millionen Dollar"), unless the lexicon or the person's labels
// know the whole.
func (f *finder) nounsOnly(s segment) bool {
	if s.per || !f.toks[s.a].initial && !quantityNouns.has(f.fold(s.a)) {
		return false
	}
	key := f.key(s.a, s.b)
	return f.lex.Kind(key)&^(LexNoun|LexFunction) == 0 && !f.mem.knows(key)
}

// quantityNouns count what follows them: never a name's first word.
var quantityNouns = newWordSet(`million millionen milliarde milliarden billion billionen tausend tausende
hundert hunderte dutzend dutzende prozent`)

// spaced reports whether s is capitalised words apart: no particle and no
// hyphen joins them.
func (f *finder) spaced(s segment) bool {
	for i := s.a; i < s.b; i++ {
		if !f.toks[i].cap || i > s.a && f.toks[i].join != joinSpace {
			return false
		}
	}
	return true
}

// declined reports whether w ends as a German adjective declined does.
func declined(w string) bool {
	for _, end := range []string{"e", "en", "er", "es", "em"} {
		if len(w) >= len(end)+4 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
