package entity

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// btarget is a search target being built.
type btarget struct {
	// The display form: text[dstart:dend] in bytes, or when dstart < 0
	// the entity's name (-1) or its variant -2-dstart: offsets, not
	// strings, so the collector has hundreds of thousands fewer pointers
	// to follow.
	dstart, dend int32
	norm         int32 // interner id of the normalised form
	entity       int32
	count        int
}

type indexBuilder struct {
	f      *finder // the text, its tokens and their interned words
	text   string
	toks   []token
	target []int32 // 1 + the target of each interner id, 0 for none
	ts     []btarget
	// Mentions of words and n-grams in the order they were seen: target
	// occ[i] was mentioned at occSpan[i]. finish groups them per target in
	// one flat slice rather than one slice per target.
	occ     []int32
	occSpan []gtext.Span
	// tokWord is the target of each token's word, or a one-letter word
	// encoded by oneLetter.
	tokWord []int32
}

func newIndexBuilder(f *finder) *indexBuilder {
	// Distinct words and n-grams run to about half the tokens on a long
	// article: sizing for that spares the slice regrowths.
	toks := f.toks
	return &indexBuilder{f: f, text: f.text, toks: toks, target: make([]int32, max(f.in.len(), len(toks)/2)),
		ts:  make([]btarget, 0, len(toks)/2),
		occ: make([]int32, 0, len(toks)+len(toks)/4), occSpan: make([]gtext.Span, 0, len(toks)+len(toks)/4)}
}

// normTarget returns the normalised form of display (as Fold) and, when
// it is not rune for rune the same, the display rune of each normalised rune.
func normTarget(display string) (string, []int32) {
	b := make([]byte, 0, len(display))
	var dm []int32
	identity := true
	space := false
	di, ni := 0, 0
	for _, r := range display {
		if !gtext.IsWordRune(r) {
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
	known := b.f.variantIDs(e.Variants)
	for k := -1; k < len(e.Variants); k++ {
		v := e.Name
		if k >= 0 {
			v = e.Variants[k]
		}
		id := int32(-1)
		if known != nil {
			if k >= 0 {
				id = known[k]
			} else if j := slices.Index(e.Variants, e.Name); j >= 0 {
				id = known[j]
			}
		}
		if id < 0 {
			id = b.f.in.surface(v)
		}
		if id == 0 {
			continue
		}
		if b.targetOf(id) >= 0 {
			continue
		}
		b.target[id] = int32(len(b.ts)) + 1
		b.ts = append(b.ts, btarget{dstart: int32(-2 - k), norm: id, entity: int32(i), count: len(e.Mentions)})
	}
}

// targetOf returns the target of interner id norm, or -1.
func (b *indexBuilder) targetOf(norm int32) int32 {
	if int(norm) >= len(b.target) {
		b.target = append(b.target, make([]int32, int(norm)+1-len(b.target)+len(b.target)/4)...)
	}
	return b.target[norm] - 1
}

// add records one mention of a word or n-gram written text[bs:be], whose
// normalised form is interner id norm, and returns its target.
func (b *indexBuilder) add(bs, be int32, norm int32, sp gtext.Span) int32 {
	if id := b.targetOf(norm); id >= 0 {
		t := &b.ts[id]
		if t.entity < 0 {
			t.count++
			b.occ = append(b.occ, id)
			b.occSpan = append(b.occSpan, sp)
		}
		return id
	}
	id := int32(len(b.ts))
	b.target[norm] = id + 1
	b.ts = append(b.ts, btarget{dstart: bs, dend: be, norm: norm, entity: -1, count: 1})
	b.occ = append(b.occ, id)
	b.occSpan = append(b.occSpan, sp)
	return id
}

// addWords adds the distinct words of two letters or more and the distinct
// capitalised n-grams (two to four words) of the text.
func (b *indexBuilder) addWords() {
	b.tokWord = make([]int32, len(b.toks))
	for i, t := range b.toks {
		step(i)
		w := b.text[t.bstart:t.bend]
		if t.end-t.start < 2 {
			r, _ := utf8.DecodeRuneInString(w)
			b.tokWord[i] = oneLetter(fold(r))
			continue
		}
		b.tokWord[i] = b.add(t.bstart, t.bend, b.f.id(i), gtext.Span{Start: int(t.start), End: int(t.end)})
	}
	b.addCompounds()
	f := b.f
	for si, s := range f.chains() {
		step(si)
		for i := s.a; i < s.b; i++ {
			if !b.toks[i].cap {
				continue
			}
			for j := i + 2; j <= s.b && j <= i+4; j++ {
				if !b.toks[j-1].cap {
					continue
				}
				b.add(b.toks[i].bstart, b.toks[j-1].bend, f.keyID(i, j), gtext.Span{Start: int(b.toks[i].start), End: int(b.toks[j-1].end)})
			}
		}
	}
}

// addCompounds adds words joined by hyphens or apostrophes ("US-led",
// "Da'esh", "al-Qaeda") and acronyms written with dots ("U.S.", "U.N."),
// so that typed without their separators they are found whole. Compounds
// of capitalised words only are n-grams already.
func (b *indexBuilder) addCompounds() {
	toks := b.toks
	for i := 0; i < len(toks); {
		step(i)
		j := i + 1
		caps := toks[i].cap
		for j < len(toks) && (toks[j].join == joinHyphen || toks[j].join == joinApos) && !toks[j-1].poss {
			caps = caps && toks[j].cap
			j++
		}
		if j-i >= 2 && j-i <= 4 && !caps {
			b.add(toks[i].bstart, toks[j-1].bend, b.f.keyID(i, j), gtext.Span{Start: int(toks[i].start), End: int(toks[j-1].end)})
			i = j
			continue
		}
		// An acronym: capital letters, each followed by a full stop.
		j = i
		for j < len(toks) && toks[j].end-toks[j].start == 1 && toks[j].cap &&
			int(toks[j].bend) < len(b.text) && b.text[toks[j].bend] == '.' &&
			(j == i || toks[j].bstart == toks[j-1].bend+1) {
			j++
		}
		if j-i >= 2 {
			b.add(toks[i].bstart, toks[j-1].bend+1, b.f.keyID(i, j), gtext.Span{Start: int(toks[i].start), End: int(toks[j-1].end) + 1})
			i = j
			continue
		}
		i++
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
func (b *indexBuilder) rankOf(t *btarget) int {
	if t.entity >= 0 {
		return 1<<30 + t.count
	}
	if b.f.idOn(t.norm, onStopWords) {
		return 0
	}
	return t.count
}

// sortKey orders targets: rank descending, then shorter, then by bytes;
// pre8 holds the first eight bytes of norm so most ties skip the string.
type sortKey struct {
	rankLen uint64 // ^rank << 32 | len(norm)
	pre8    uint64
	id      int32
}

func (b *indexBuilder) finish(x *Index) {
	ts := b.ts
	// The normalised forms, in the order the targets came: one arena of
	// bytes rather than a string each.
	// Sized first: grown by appending, they made as much garbage again.
	nb := 0
	inPieces(len(ts), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			nb += b.f.in.strLen(ts[i].norm)
		}
	})
	norms := make([]byte, 0, nb)
	noff := make([]uint32, len(ts)+1)
	inPieces(len(ts), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			step(i)
			norms = b.f.in.appendStr(norms, ts[i].norm)
			noff[i+1] = uint32(len(norms))
		}
	})
	norm := func(i int32) []byte { return norms[noff[i]:noff[i+1]] }
	keys := make([]sortKey, len(ts))
	inPieces(len(ts), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			step(i)
			t := &ts[i]
			nm := norm(int32(i))
			var pre uint64
			for k := 0; k < 8; k++ {
				pre <<= 8
				if k < len(nm) {
					pre |= uint64(nm[k])
				}
			}
			keys[i] = sortKey{uint64(^uint32(b.rankOf(t)))<<32 | uint64(len(nm)), pre, int32(i)}
		}
	})
	sortTargetKeys(keys, func(a, b int32) int { return bytes.Compare(norm(a), norm(b)) })
	n := len(ts)
	newID := make([]int32, n)
	for i, k := range keys {
		newID[k.id] = int32(i)
	}
	x.dstart, x.dend = make([]int32, n), make([]int32, n)
	x.offs = make([]uint32, n+1)
	x.masks = make([]uint64, n)
	x.entity = make([]int32, n)

	// Mentions, grouped per target in the order they were seen.
	x.mstart = make([]int32, n+1)
	for _, old := range b.occ {
		x.mstart[newID[old]+1]++
	}
	for i := 1; i <= n; i++ {
		x.mstart[i] += x.mstart[i-1]
	}
	x.mflat = make([]gtext.Span, len(b.occ))
	fill := append([]int32(nil), x.mstart[:n]...)
	inPieces(len(b.occ), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			step(i)
			id := newID[b.occ[i]]
			x.mflat[fill[id]] = b.occSpan[i]
			fill[id]++
		}
	})
	b.occ, b.occSpan = nil, nil

	// Each token's word, and the tokens of each word.
	x.text, x.toks, x.tokWord = b.text, b.toks, b.tokWord
	x.postStart = make([]int32, n+1)
	inPieces(len(x.tokWord), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			step(i)
			if w := x.tokWord[i]; w >= 0 {
				w = newID[w]
				x.tokWord[i] = w
				x.postStart[w+1]++
			}
		}
	})
	for i := 1; i <= n; i++ {
		x.postStart[i] += x.postStart[i-1]
	}
	x.post = make([]int32, x.postStart[n])
	fill = append(fill[:0], x.postStart[:n]...)
	inPieces(len(x.tokWord), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			step(i)
			if w := x.tokWord[i]; w >= 0 {
				x.post[fill[w]] = int32(i)
				fill[w]++
			}
		}
	})

	arena := make([]byte, 0, len(norms))
	inPieces(len(keys), func(lo, hi int) {
		for id := lo; id < hi; id++ {
			step(id)
			k := keys[id]
			t := &ts[k.id]
			x.dstart[id], x.dend[id] = t.dstart, t.dend
			x.offs[id] = uint32(len(arena))
			arena = append(arena, norm(k.id)...)
			x.entity[id] = t.entity
		}
	})
	x.offs[n] = uint32(len(arena))
	x.arena = string(arena)
	x.byNorm = newNormTable(n)
	inPieces(n, func(lo, hi int) {
		for id := lo; id < hi; id++ {
			step(id)
			x.masks[id] = maskOf(x.norm(int32(id)))
		}
	})
	inPieces(n, func(lo, hi int) {
		for id := lo; id < hi; id++ {
			step(id)
			x.byNorm.put(x, int32(id))
		}
	})
	x.single = make([]bool, n)
	x.rlen = make([]uint8, n)
	var perLen [maxWordLen + 1]int32
	inPieces(n, func(lo, hi int) {
		for id := lo; id < hi; id++ {
			step(id)
			s := x.norm(int32(id))
			x.single[id] = strings.IndexByte(s, ' ') < 0
			l := len(s)
			if !isASCII(s) {
				l = utf8.RuneCountInString(s)
			}
			x.rlen[id] = uint8(min(l, 255))
			if x.single[id] {
				perLen[min(l, maxWordLen)]++
			}
		}
	})
	x.byLen = make([][]int32, maxWordLen+1)
	for l, c := range perLen {
		x.byLen[l] = make([]int32, 0, c)
	}
	for id, one := range x.single {
		if one {
			l := min(int(x.rlen[id]), maxWordLen)
			x.byLen[l] = append(x.byLen[l], int32(id))
		}
	}
	x.prefix1, x.prefix2 = prefixLists(x, n)
}

// maxWordLen is the last length Index.byLen lists apart.
const maxWordLen = 32

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// prefixOf returns the first two runes of norm; two is false when there is
// no second rune or it is a space.
func prefixOf(norm string) (r0, r1 rune, two bool) {
	r0, n0 := utf8.DecodeRuneInString(norm)
	if n0 < len(norm) {
		r1, _ = utf8.DecodeRuneInString(norm[n0:])
		return r0, r1, r1 != ' '
	}
	return r0, 0, false
}
