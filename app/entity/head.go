package entity

import "strings"

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
//     article) and the rest is not a known place ("Casa Santa Maria").

// splitHeads splits candidates at a leading nationality and before a
// given name that starts a person's name inside them.
func (f *finder) splitHeads(segs []segment) []segment {
	if f.lex.Len() == 0 {
		return segs
	}
	seen := make(map[string]bool, len(segs))
	for si, s := range segs {
		step(si)
		seen[f.key(s.a, s.b)] = true
	}
	return splitEach(segs, func(s segment) ([]segment, bool) {
		k := f.headCut(s, seen)
		if k < 0 {
			return nil, false
		}
		var pieces []segment
		if l, ok := f.trim(s.a, k); ok {
			l.per, l.initial = s.per, s.initial
			pieces = append(pieces, l)
		}
		if r, ok := f.trim(k, s.b); ok {
			pieces = append(pieces, r)
		}
		return pieces, true
	})
}

// headCut returns the token where s is cut, or -1.
func (f *finder) headCut(s segment, seen map[string]bool) int {
	if s.b-s.a < 2 || f.lex.Kind(f.key(s.a, s.b))&(LexPlace|LexBrand) != 0 {
		return -1
	}
	if k := f.capsCut(s); k > 0 {
		return k
	}
	// nameWords[i]: no organisation, place or event word from token i on.
	plain := s.b
	for i := s.b - 1; i >= s.a; i-- {
		if w := f.fold(i); orgWords.has(w) || locWords.has(w) || miscWords.has(w) {
			break
		}
		plain = i
	}
	first := f.fold(s.a)
	if plain == s.a && f.language() == "nl" && strings.HasSuffix(first, "e") && !f.toks[s.a].upper && f.toks[s.a+1].join == joinSpace &&
		looksDemonym(first) && f.lex.Kind(first)&(LexGiven|LexSurname|LexPlace) == 0 {
		return s.a + 1
	}
	last := f.fold(s.b - 1)
	if f.lex.Kind(last)&LexSurname == 0 && !seen[last] {
		return -1 // a person's surname: known, or seen alone in the article
	}
	for k := max(s.a+1, plain); k < s.b-1; k++ {
		if f.lex.Kind(f.key(k, s.b))&LexPlace != 0 {
			break
		}
		if f.toks[k].join != joinSpace || !f.toks[k-1].cap || !f.toks[k+1].cap || f.toks[k+1].join != joinSpace {
			continue
		}
		w, prev := f.fold(k), f.fold(k-1)
		if f.lex.Kind(w)&LexGiven != 0 && f.lex.Kind(w)&(LexPlace|LexSurname) == 0 && f.lex.Kind(prev)&(LexGiven|LexSurname) == 0 && !isInitial(f.surface(k-1, k)) {
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
