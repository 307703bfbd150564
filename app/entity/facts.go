package entity

import (
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	gtext "gloss/app/text"
)

// listFlag stands for closed word lists a word may be on.
type listFlag uint32

const (
	onTitles listFlag = 1 << iota
	onTitleModifiers
	onParticles
	onNotNames
	onOrgWords
	onLocWords
	onMiscWords
	onLinkWords
	onOfHeads
	onStopWords
	onArticles
	onCompass
	onTeamVerbs
	onTeamRoles
	onVersus
	onSportsBefore
	onKindsAfter
	onStockWords
	onDeskWords
	onClubTails
	onDeterminers
	onAdjPrepositions
	onOrgKinds
	onStopEN
	onStopNL
	onPools
	onSportsWords
	onBusinessWords
	onKnownMarker // set on every word once looked up; no list
)

// flagLists are the lists of the listFlags, bit by bit.
var flagLists = [...]*wordSet{titles, titleModifiers, particles, notNames, orgWords, locWords, miscWords, linkWords, ofHeads, stopWords,
	articles, compassWords, teamVerbs, teamRoles, versus, sportsBefore, kindsAfter, stockWords, deskWords, clubTails,
	determiners, adjPrepositions, orgKinds, stopEN, stopByLang["nl"], pools,
	sportsWords, businessWords}

// on reports whether token i's word is on one of the lists fl stands
// for. What the lists say of a word is looked up once per interned word,
// not once per question: the passes of Find ask of every token.
func (f *finder) on(i int, fl listFlag) bool { return f.idOn(f.id(i), fl) }

// idOn reports whether the form of interner id is on one of the lists fl
// stands for.
func (f *finder) idOn(id int32, fl listFlag) bool {
	if int(id) >= len(f.lists) {
		f.lists = growFor(f.lists, id, f.in)
	}
	m := f.lists[id]
	if m == 0 {
		m = onKnownMarker | listFlagsOf()[f.in.str(id)]
		f.lists[id] = m
	}
	return m&fl != 0
}

// growFor returns s, one entry per interner id, lengthened to hold id and
// the ids the interner is sized for (its lists' capacity): grown from
// small by half at a time, such a list left several times its size as
// garbage on a long article.
func growFor[T any](s []T, id int32, in *interner) []T {
	n := max(int(id)+1+len(s)/2, cap(in.strs))
	return append(s, make([]T, n-len(s))...)
}

// listFlagsOf maps each word of the flagLists to the flags of the lists it
// is on: one lookup per new word instead of one per list (a 5 MB article
// has some 70,000 distinct words that the passes ask about). Made on first
// use, not at start-up.
var listFlagsOf = sync.OnceValue(func() map[string]listFlag {
	m := map[string]listFlag{}
	for k, l := range flagLists {
		for w := range l.words() {
			m[w] |= 1 << k
		}
	}
	return m
})

// kindOf is f.lex.Kind of the form of interner id, looked up once.
func (f *finder) kindOf(id int32) LexKind {
	if f.lex == nil {
		return 0
	}
	if int(id) >= len(f.kinds) {
		f.kinds = growFor(f.kinds, id, f.in)
	}
	m := f.kinds[id]
	if m == 0 {
		m = 1<<16 | uint32(f.lex.Kind(f.in.str(id)))
		f.kinds[id] = m
	}
	return LexKind(m)
}

// kind is f.lex.Kind of token i's word.
func (f *finder) kind(i int) LexKind { return f.kindOf(f.id(i)) }

// typingCache is what the typing of entities looks up once and asks
// again and again.
type typingCache struct {
	startIdx   *tokIndex // tokenAt's and tokenEnding's, built on first use (toks never change after tokenize)
	endIdx     *tokIndex
	tokIdxDone bool
	kf         keyFacts      // of the key being typed
	kfChunks   kfChunks      // where keyFacts cuts its slices from
	nameFields []string      // nameClues' words of the name being typed (reused)
	evidence   evidenceStore // the entities' evidence, shared (evidence.go)
	vocab      []int32       // vocabulary's counts per interned word, once made
	mt         []mentionTok  // mentionToks of the entity being typed
	mtOf       *gtext.Span   // its first mention; nil when forgotten
}

// keyFacts are what the clues ask of the key of the entity being typed,
// each worked out once: its words, their interner ids (whose lexicon
// kinds and list flags are remembered per id, kindOf and idOn), its own
// kind, and more on demand.
type keyFacts struct {
	key                       string
	set                       bool
	words                     []string // strings.Fields(key)
	ids                       []int32  // the interner id of each word
	kind                      LexKind  // f.lex.Kind(key)
	acronymDone, placeAcronym bool     // knownPlaceAcronyms.has(key)
	demonymDone, dPlace       bool     // demonymOf(key, f.lex)
	dStem                     string
}

// keyFacts returns the facts of key, worked out again when the key is not
// the last one asked about.
func (f *finder) keyFacts(key string) *keyFacts {
	k := &f.kf
	if k.set && k.key == key {
		return k
	}
	// New slices, cut from shared chunks: a caller may still hold the last
	// key's, and two small allocations per entity typed were the typing's
	// most frequent ones.
	ws := f.kfChunks.words(key)
	*k = keyFacts{key: key, set: true, words: ws, kind: f.lex.Kind(key)}
	k.ids = f.kfChunks.ids(len(ws))
	for i, w := range ws {
		k.ids[i] = f.in.word(w)
	}
	return k
}

// kfChunks are the chunks keyFacts cuts its words and ids from: each cut
// is new (never written again), its capacity its length.
type kfChunks struct {
	w  []string
	id []int32
}

// kfChunk is how many words a chunk holds.
const kfChunk = 4096

// words returns strings.Fields(key) cut from the words' chunk.
func (c *kfChunks) words(key string) []string {
	if cap(c.w)-len(c.w) < len(key)/2+1 {
		// key has at most len(key)/2+1 fields
		c.w = make([]string, 0, max(kfChunk, len(key)/2+1))
	}
	n := len(c.w)
	c.w = appendFields(c.w, key)
	return c.w[n:len(c.w):len(c.w)]
}

// ids returns n zero ids cut from the ids' chunk.
func (c *kfChunks) ids(n int) []int32 {
	if cap(c.id)-len(c.id) < n {
		c.id = make([]int32, 0, max(kfChunk, n))
	}
	m := len(c.id)
	c.id = c.id[:m+n]
	return c.id[m : m+n : m+n]
}

// appendFields appends the fields of s as strings.Fields splits them
// (runs of Unicode white space separate them).
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// keyWords is strings.Fields(key), split once for the entity being typed:
// each of its clues asks for the words of its key again. The slice is
// shared: callers read it, never write to it.
func (f *finder) keyWords(key string) []string { return f.keyFacts(key).words }

// keyWordIDs are the interner ids of keyWords(key).
func (f *finder) keyWordIDs(key string) []int32 { return f.keyFacts(key).ids }

// keyKind is f.lex.Kind(key), looked up once for the entity being typed.
func (f *finder) keyKind(key string) LexKind { return f.keyFacts(key).kind }

// placeAcronym is knownPlaceAcronyms.has(key), once per entity typed.
func (f *finder) placeAcronym(key string) bool {
	k := f.keyFacts(key)
	if !k.acronymDone {
		k.acronymDone, k.placeAcronym = true, knownPlaceAcronyms.has(key)
	}
	return k.placeAcronym
}

// keyDemonym is demonymOf(key, f.lex), once per entity typed.
func (f *finder) keyDemonym(key string) (string, bool) {
	k := f.keyFacts(key)
	if !k.demonymDone {
		k.dStem, k.dPlace = demonymOf(key, f.lex)
		k.demonymDone = true
	}
	return k.dStem, k.dPlace
}

// firstWordKind is f.lex.Kind(firstWord(key)), from the remembered kind of
// the key's first word when that is it.
func (f *finder) firstWordKind(key string) LexKind {
	if k := f.keyFacts(key); len(k.words) > 0 && k.words[0] == firstWord(key) {
		return f.kindOf(k.ids[0])
	}
	return f.lex.Kind(firstWord(key))
}

// stopTok is f.isStop(f.fold(i)) from the lists' remembered flags.
func (f *finder) stopTok(i int) bool {
	switch f.language() {
	case "en":
		return f.on(i, onStopEN)
	case "nl":
		return f.on(i, onStopNL)
	}
	return f.on(i, onStopWords)
}

// variantIDs returns the interner ids group recorded for vs, an entity's
// Variants, or nil when vs is not a piece of the array group cut them from
// (a merged entity's are a new slice; NewIndex has no record).
func (f *finder) variantIDs(vs []string) []int32 {
	if len(vs) == 0 || len(f.names) == 0 {
		return nil
	}
	base, p := uintptr(unsafe.Pointer(unsafe.SliceData(f.names))), uintptr(unsafe.Pointer(unsafe.SliceData(vs)))
	size := unsafe.Sizeof("")
	if p < base || (p-base)%size != 0 {
		return nil
	}
	off := int((p - base) / size)
	if off+len(vs) > len(f.names) {
		return nil
	}
	return f.nameIDs[off : off+len(vs)]
}
