package entity

// Some words mean different things in different languages: "a" before a
// name is Portuguese and Italian "to/at" ("a Lisboa") but Spanish's personal
// "a" ("a Pinochet", "a Rivaldo"); "en" is Spanish and French "in" but
// Dutch "and". The clues that read such words ask the text's language.

// langMarkers are frequent function words of one language that the others
// Gloss reads rarely use (accents folded away: "según" is "segun").
var langMarkers = map[string]*wordSet{
	"en": newWordSet(`the and of to is was that for with on by are were has have this from which it`),
	"es": newWordSet(`el los las del y una segun tambien pero sus este esta fue ha han para por con`),
	"pt": newWordSet(`o os do da dos das nao uma ao pelo pela tambem mas foi com sao seu sua em`),
	"nl": newWordSet(`het een van niet zijn voor op dat met ook werd wordt naar bij heeft deze`),
	"fr": newWordSet(`le les du des et une est sont pour dans sur avec qui au aux pas ont`),
	"it": newWordSet(`il gli della delle degli nel nella che per una sono anche non con alla`),
	"de": germanMarkers,
}

// language returns the text's language among those of langMarkers, told by
// the start of the text (germanSample words), or "" when no language's
// markers make one word in twenty.
func (f *finder) language() string {
	if f.langDone {
		return f.lang
	}
	f.langDone = true
	count := map[string]int{}
	n := 0
	for i := 0; i < len(f.toks) && n < germanSample; i++ {
		n++
		if f.toks[i].end-f.toks[i].start > 7 {
			continue
		}
		w := f.fold(i)
		for l, m := range langMarkers {
			if m.has(w) {
				count[l]++
			}
		}
	}
	best := 0
	for l, c := range count {
		if c > best || c == best && l < f.lang {
			f.lang, best = l, c
		}
	}
	if best < 3 || best*20 < n {
		f.lang = ""
	}
	return f.lang
}

// placePrepBefore reports whether w, just before a name, says the name is
// a place: not Spanish's personal "a".
func (f *finder) placePrepBefore(w string) bool {
	switch l := f.language(); {
	case w == "a" && l == "es":
		return false
	case (w == "en" || w == "na") && l == "nl":
		return false // Dutch "and", "after"
	}
	return locPrepositions.has(w)
}

// isStop reports whether w is a function word. In English and Dutch text
// only that language's count: "Uber" is a company in English, not German
// "über", and "Die" in "Die ZEIT" a newspaper's article; Flemish "An" is a
// given name in Dutch, not English "an". The other languages' texts use
// the union of the lists: Spanish news writes English words too ("At."
// Madrid, "Mar-23-May-2000"), and its own list alone measured no better.
func (f *finder) isStop(w string) bool {
	if s, ok := stopByLang[f.language()]; ok {
		return s.has(w)
	}
	return stopWords.has(w)
}

// stopByLang are the function words of the languages told apart: each
// list whole, with the words the union gives to an earlier language.
var stopByLang = map[string]*wordSet{
	"en": stopEN,
	"nl": newWordSet(stopNL, `de in en van te is was of al zo u men`),
}
