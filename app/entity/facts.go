package entity

import (
	"strings"
	"sync"

	gtext "gloss/app/text"
)

// listFlag stands for closed word lists a word may be on.
type listFlag uint16

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
)

// flagLists are the lists of the listFlags, bit by bit.
var flagLists = [...]wordSet{titles, titleModifiers, particles, notNames, orgWords, locWords, miscWords, linkWords, ofHeads, stopWords}

// on reports whether token i's word is on one of the lists fl stands
// for. What the lists say of a word is looked up once per interned word,
// not once per question: the passes of Find ask of every token.
func (f *finder) on(i int, fl listFlag) bool {
	id := f.id(i)
	if int(id) >= len(f.lists) {
		f.lists = append(f.lists, make([]uint16, int(id)+1-len(f.lists)+len(f.lists)/2)...)
	}
	m := f.lists[id]
	if m == 0 {
		m = 1<<15 | uint16(listFlagsOf()[f.in.str(id)]) // known
		f.lists[id] = m
	}
	return listFlag(m)&fl != 0
}

// listFlagsOf maps each word of the flagLists to the flags of the lists it
// is on: one lookup per new word instead of one per list (a 5 MB article
// has some 70,000 distinct words that the passes ask about). Made on first
// use, not at start-up.
var listFlagsOf = sync.OnceValue(func() map[string]listFlag {
	m := map[string]listFlag{}
	for k, l := range flagLists {
		for w := range l {
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
		f.kinds = append(f.kinds, make([]uint32, int(id)+1-len(f.kinds)+len(f.kinds)/2)...)
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
	kwKey      string // the key keyWords last split, and its words
	kw         []string
	kkKey      string // the key keyKind last looked up, and its kind
	kk         LexKind
	kkSet      bool
	evidence   evidenceStore // the entities' evidence, shared (evidence.go)
	vocab      []int32       // vocabulary's counts per interned word, once made
	mt         []mentionTok  // mentionToks of the entity being typed
	mtOf       *gtext.Span   // its first mention; nil when forgotten
}

// keyWords is strings.Fields(key), split once for the entity being typed:
// each of its clues asks for the words of its key again. The slice is
// shared: callers read it, never write to it.
func (f *finder) keyWords(key string) []string {
	if f.kw == nil || f.kwKey != key {
		f.kwKey, f.kw = key, strings.Fields(key)
	}
	return f.kw
}

// keyKind is f.lex.Kind(key), looked up once for the entity being typed.
func (f *finder) keyKind(key string) LexKind {
	if !f.kkSet || f.kkKey != key {
		f.kkKey, f.kk, f.kkSet = key, f.lex.Kind(key), true
	}
	return f.kk
}
