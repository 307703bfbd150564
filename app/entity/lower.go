package entity

// A word the article also writes in lower case is a common word: "the
// Emperor" beside "the emperor", "Indigenous" beside "indigenous". Alone
// and with nothing else for it, its capital comes from emphasis or a
// title's style, not from a name.

// dropLowerSeen removes one-word candidates whose word the text also
// writes in lower case, unless the lexicon or the person knows the word as
// a name, or it is an acronym or an organisation word ("el Gobierno" names
// one beside "un gobierno").
func (f *finder) dropLowerSeen(segs []segment) []segment {
	var lower idSet
	for _, s := range segs {
		if f.loneWord(s) {
			lower = f.lowerWords()
			break
		}
	}
	if lower == nil {
		return segs
	}
	out := segs[:0]
	for si, s := range segs {
		step(si)
		if f.loneWord(s) && lower.has(f.id(s.a)) {
			w := f.fold(s.a)
			if f.lex.Kind(w)&(LexPlace|LexGiven|LexSurname|LexBrand|LexLanguage) == 0 && !orgWords.has(w) && !f.mem.knows(w) {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// loneWord reports whether s is one capitalised word, not an acronym and
// not after a title.
func (f *finder) loneWord(s segment) bool {
	return s.b == s.a+1 && !s.per && !f.toks[s.a].upper
}

// lowerWords is the set of words written in lower case in the text.
func (f *finder) lowerWords() idSet {
	m := idSet{}
	for i, t := range f.toks {
		step(i)
		if !t.cap && t.end-t.start >= 3 {
			m.add(f.id(i))
		}
	}
	return m
}
