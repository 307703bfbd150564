package entity

// "Johan Museeuw van Mapei", "Rik Daems van Telecommunicatie": in Dutch
// and German "van"/"von" after a whole name means "of" or "from", and the
// name ends before it. Inside a name it follows a single given name
// ("Vincent van Gogh", "Ursula von der Leyen"), so only a run of two or
// more words that starts with a given name (or follows a title) and does
// not end with one ("Juan Carlos") is cut there.

// ofParticles are the particles split off after a whole name.
var ofParticles = newWordSet(`van von`)

// splitVan cuts candidates at "van"/"von" after a whole person's name.
func (f *finder) splitVan(segs []segment) []segment {
	if f.lex.Len() == 0 {
		return segs
	}
	return splitEach(segs, func(s segment) ([]segment, bool) {
		k := f.vanCut(s)
		if k < 0 {
			return nil, false
		}
		pieces := []segment{{a: s.a, b: k, per: s.per, initial: s.initial}}
		if r, ok := f.trim(k+1, s.b); ok {
			pieces = append(pieces, r)
		}
		return pieces, true
	})
}

// vanCut returns the token of s where it is cut, or -1.
func (f *finder) vanCut(s segment) int {
	if s.b-s.a < 4 || !s.per && f.kind(s.a)&LexGiven == 0 {
		return -1
	}
	for k := s.a + 2; k < s.b-1; k++ {
		if f.toks[k].cap || !ofParticles.has(f.fold(k)) {
			continue
		}
		for i := s.a; i < k; i++ {
			if !f.toks[i].cap || f.on(i, onOrgWords) || f.on(i, onLocWords) {
				return -1 // "Nationale Bank van België"; a particle already inside
			}
		}
		if f.kind(k-1)&LexGiven != 0 {
			return -1 // given names only before it: "Juan Carlos von …"
		}
		return k
	}
	return -1
}
