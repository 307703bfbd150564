package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// btarget is a search target being built.
type btarget struct {
	display, norm string
	entity        int32
	count         int
	mentions      []Span
	dmap          []int32
}

type indexBuilder struct {
	text   string
	toks   []token
	byNorm map[string]int32
	ts     []btarget
}

func newIndexBuilder(text string) *indexBuilder {
	toks := tokenize(text)
	return &indexBuilder{text: text, toks: toks, byNorm: make(map[string]int32, len(toks)/4)}
}

// normTarget returns the normalised form of display (as Normalize) and, when
// it is not rune for rune the same, the display rune of each normalised rune.
func normTarget(display string) (string, []int32) {
	b := make([]byte, 0, len(display))
	var dm []int32
	identity := true
	space := false
	di, ni := 0, 0
	for _, r := range display {
		if !isWordRune(r) {
			if ni > 0 {
				space = true
			}
			di++
			continue
		}
		f := fold(r)
		if f < 0 {
			di++
			identity = false
			continue
		}
		if space {
			b = append(b, ' ')
			dm = append(dm, int32(di-1))
			ni++
			space = false
		}
		b = utf8.AppendRune(b, f)
		dm = append(dm, int32(di))
		if di != ni {
			identity = false
		}
		di++
		ni++
	}
	if identity {
		dm = nil
	}
	return string(b), dm
}

func (b *indexBuilder) addEntity(i int, e Entity) {
	names := append([]string{e.Name}, e.Variants...)
	for _, v := range names {
		norm, dm := normTarget(v)
		if norm == "" {
			continue
		}
		if _, ok := b.byNorm[norm]; ok {
			continue
		}
		b.byNorm[norm] = int32(len(b.ts))
		b.ts = append(b.ts, btarget{display: v, norm: norm, entity: int32(i), count: len(e.Mentions), dmap: dm})
	}
}

// add records one mention of a word or n-gram.
func (b *indexBuilder) add(display, norm string, dm []int32, sp Span) {
	if id, ok := b.byNorm[norm]; ok {
		t := &b.ts[id]
		if t.entity < 0 {
			t.count++
			t.mentions = append(t.mentions, sp)
		}
		return
	}
	b.byNorm[norm] = int32(len(b.ts))
	b.ts = append(b.ts, btarget{display: display, norm: norm, entity: -1, count: 1, mentions: []Span{sp}, dmap: dm})
}

// addWords adds the distinct words of two letters or more and the distinct
// capitalised n-grams (two to four words) of the text.
func (b *indexBuilder) addWords() {
	for _, t := range b.toks {
		if t.end-t.start < 2 {
			continue
		}
		w := b.text[t.bstart:t.bend]
		norm, dm := w, []int32(nil)
		if !isLowerASCII(w) {
			norm, dm = normTarget(w)
		}
		b.add(w, norm, dm, Span{t.start, t.end})
	}
	f := newFinder(b.text, b.toks)
	for _, s := range f.chains() {
		for i := s.a; i < s.b; i++ {
			if !b.toks[i].cap {
				continue
			}
			for j := i + 2; j <= s.b && j <= i+4; j++ {
				if !b.toks[j-1].cap {
					continue
				}
				display := f.surface(i, j)
				norm, dm := normTarget(display)
				b.add(display, norm, dm, Span{b.toks[i].start, b.toks[j-1].end})
			}
		}
	}
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// rankOf orders targets: entities first, then frequent ones; function
// words come last among words.
func (t *btarget) rankOf() int {
	if t.entity >= 0 {
		return 1<<30 + t.count
	}
	if stopWords.has(t.norm) {
		return 0
	}
	return t.count
}

func (b *indexBuilder) finish(x *Index) {
	ts := b.ts
	order := make([]int32, len(ts))
	ranks := make([]int, len(ts))
	for i := range ts {
		order[i] = int32(i)
		ranks[i] = ts[i].rankOf()
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := cmp.Compare(ranks[j], ranks[i]); c != 0 {
			return c
		}
		if c := cmp.Compare(len(ts[i].norm), len(ts[j].norm)); c != 0 {
			return c
		}
		return strings.Compare(ts[i].norm, ts[j].norm)
	})
	n := len(ts)
	x.display = make([]string, n)
	x.offs = make([]uint32, n+1)
	x.masks = make([]uint64, n)
	x.entity = make([]int32, n)
	x.mentions = make([][]Span, n)
	x.dmap = make([][]int32, n)
	x.prefix1 = map[rune][]int32{}
	x.prefix2 = map[[2]rune][]int32{}
	size := 0
	for i := range ts {
		size += len(ts[i].norm)
	}
	var arena strings.Builder
	arena.Grow(size)
	for newID, old := range order {
		t := &ts[old]
		id := int32(newID)
		x.display[id] = t.display
		x.offs[id] = uint32(arena.Len())
		arena.WriteString(t.norm)
		x.masks[id] = maskOf(t.norm)
		x.entity[id] = t.entity
		x.mentions[id] = t.mentions
		x.dmap[id] = t.dmap
		r0, n0 := utf8.DecodeRuneInString(t.norm)
		x.prefix1[r0] = append(x.prefix1[r0], id)
		if n0 < len(t.norm) {
			r1, _ := utf8.DecodeRuneInString(t.norm[n0:])
			if r1 != ' ' {
				x.prefix2[[2]rune{r0, r1}] = append(x.prefix2[[2]rune{r0, r1}], id)
			}
		}
	}
	x.offs[n] = uint32(arena.Len())
	x.arena = arena.String()
}
