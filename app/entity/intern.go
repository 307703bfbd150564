package entity

import (
	"slices"
	"strings"
	"unsafe"
)

// interner numbers the normalised words of one article and the sequences
// of them (names, n-grams), so that the passes of Find and the index
// builder compare and look up int32 ids instead of strings: in wasm every
// string-keyed map access hashes its key byte by byte, and a heap of
// strings is what Go's collector spends its long marks on.
//
// An id stands for one normalised form (as Fold returns it): two forms are
// equal exactly when their ids are. Id 0 is the empty form. A sequence is
// its prefix's id and its last word's id, so a name's id is built from its
// words' ids with one integer-keyed lookup per word, and its string only
// when asked for.
//
// The forms themselves are kept in an arena of byte chunks, not as a string
// each: the collector marks the build's heap in one task on the page's
// thread, and hundreds of thousands of strings were as many pointers.
type interner struct {
	strs   []piece // normalised form of each id; a sequence's is built on demand (empty until then)
	prefix []int32 // a sequence's id without its last word; 0 for a word
	last   []int32 // a sequence's last word; a word's own id
	arena  arena
	// Hash tables of open addressing, probed linearly; a slot holds 1 + an
	// index, 0 when empty. Go's maps hash strings byte by byte in wasm and
	// cost more per lookup than these, which hold no pointers.
	words    []int32  // one normalised word (no space) → its id
	nwords   int      // words held
	seqKeys  []uint64 // prefix<<32 | last word of each sequence held
	seqIDs   []int32  // the sequence's id beside its key; 0 when the slot is empty
	nseqs    int      // sequences held
	surfs    []int32  // a surface Fold changes → 1 + its index in surfList
	surfList []piece  // surfaces, in order of first sight
	surfIDs  []int32  // the id of each surface's normalised form
}

// newInterner sizes the tables for sizeHint ids (a quarter of the tokens).
// The word table holds up to sizeHint distinct words and the surface table
// a quarter as many before they grow: each growth hashes every word held
// again (on the 5 MB sample, 161k distinct words of 628k tokens, two
// growths were ~4 % of NewSplit's profile in node), and a slot is 4 bytes
// where a token is 24. The lists of ids are sized for twice sizeHint:
// words and sequences together came to 280k ids there, and a list grown
// a quarter at a time leaves several times its size as garbage.
func newInterner(sizeHint int) *interner {
	size := 64
	for size < sizeHint {
		size *= 2
	}
	return &interner{
		strs:    make([]piece, 1, 2*sizeHint),
		prefix:  make([]int32, 1, 2*sizeHint),
		last:    make([]int32, 1, 2*sizeHint),
		words:   make([]int32, 2*size),
		seqKeys: make([]uint64, size),
		seqIDs:  make([]int32, size),
		surfs:   make([]int32, size/2),
	}
}

// len is the number of ids given so far (ids are 0..len-1).
func (in *interner) len() int { return len(in.strs) }

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// slot returns h's first slot in a table of n slots, n a power of two.
func slot(h uint64, n int) int {
	h ^= h >> 29
	h *= 0x9E3779B97F4A7C15
	return int(h>>32) & (n - 1)
}

// word returns the id of w, a normalised word without spaces.
func (in *interner) word(w string) int32 {
	n := len(in.words)
	i := slot(hashString(w), n)
	for in.words[i] != 0 {
		if id := in.words[i] - 1; in.arena.str(in.strs[id]) == w {
			return id
		}
		i = (i + 1) & (n - 1)
	}
	id := int32(len(in.strs))
	in.strs = append(in.strs, add(&in.arena, w))
	in.prefix = append(in.prefix, 0)
	in.last = append(in.last, id)
	in.words[i] = id + 1
	if in.nwords++; in.nwords*2 > n {
		in.words = make([]int32, 2*n)
		for id := range in.strs {
			step(id)
			if id > 0 && in.prefix[id] == 0 {
				in.wordSlotPut(int32(id))
			}
		}
	}
	return id
}

func (in *interner) wordSlotPut(id int32) {
	n := len(in.words)
	i := slot(hashString(in.arena.str(in.strs[id])), n)
	for in.words[i] != 0 {
		i = (i + 1) & (n - 1)
	}
	in.words[i] = id + 1
}

// norm returns the id of s, a normalised form (Fold's output).
func (in *interner) norm(s string) int32 {
	if strings.IndexByte(s, ' ') < 0 {
		if s == "" {
			return 0
		}
		return in.word(s)
	}
	var id int32
	for s != "" {
		w := s
		if i := strings.IndexByte(s, ' '); i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		id = in.join(id, in.word(w))
	}
	return id
}

// surface returns the id of Fold(s).
func (in *interner) surface(s string) int32 {
	if isLowerASCII(s) {
		if s == "" {
			return 0
		}
		return in.word(s)
	}
	n := len(in.surfs)
	h := hashString(s)
	i := slot(h, n)
	for in.surfs[i] != 0 {
		if k := in.surfs[i] - 1; in.arena.str(in.surfList[k]) == s {
			return in.surfIDs[k]
		}
		i = (i + 1) & (n - 1)
	}
	id := in.norm(Fold(s))
	in.surfs[i] = int32(len(in.surfList)) + 1
	in.surfList = append(in.surfList, add(&in.arena, s))
	in.surfIDs = append(in.surfIDs, id)
	if len(in.surfList)*2 > n {
		in.surfs = make([]int32, 2*n)
		for k, p := range in.surfList {
			step(k)
			j := slot(hashString(in.arena.str(p)), 2*n)
			for in.surfs[j] != 0 {
				j = (j + 1) & (2*n - 1)
			}
			in.surfs[j] = int32(k) + 1
		}
	}
	return id
}

// join returns the id of a's words followed by b's.
func (in *interner) join(a, b int32) int32 {
	if b == 0 {
		return a
	}
	if a == 0 {
		return b
	}
	if p := in.prefix[b]; p != 0 {
		a = in.join(a, p)
	}
	w := in.last[b]
	k := uint64(a)<<32 | uint64(w)
	n := len(in.seqKeys)
	i := slot(k, n)
	for in.seqIDs[i] != 0 {
		if in.seqKeys[i] == k {
			return in.seqIDs[i]
		}
		i = (i + 1) & (n - 1)
	}
	id := int32(len(in.strs))
	in.strs = append(in.strs, piece{})
	in.prefix = append(in.prefix, a)
	in.last = append(in.last, w)
	in.seqKeys[i], in.seqIDs[i] = k, id
	if in.nseqs++; in.nseqs*2 > n {
		keys, ids := in.seqKeys, in.seqIDs
		in.seqKeys, in.seqIDs = make([]uint64, 2*n), make([]int32, 2*n)
		for j, id := range ids {
			step(j)
			if id != 0 {
				i := slot(keys[j], 2*n)
				for in.seqIDs[i] != 0 {
					i = (i + 1) & (2*n - 1)
				}
				in.seqKeys[i], in.seqIDs[i] = keys[j], id
			}
		}
	}
	return id
}

// seq returns the id of the sequence a then the word w if it has one, or
// -1: a lookup that adds nothing.
func (in *interner) seq(a, w int32) int32 {
	if a == 0 {
		return w
	}
	k := uint64(a)<<32 | uint64(w)
	n := len(in.seqKeys)
	for i := slot(k, n); in.seqIDs[i] != 0; i = (i + 1) & (n - 1) {
		if in.seqKeys[i] == k {
			return in.seqIDs[i]
		}
	}
	return -1
}

// wordsOf returns the word ids of the form id, in order, in buf's storage.
func (in *interner) wordsOf(id int32, buf []int32) []int32 {
	buf = buf[:0]
	for id != 0 {
		buf = append(buf, in.last[id])
		id = in.prefix[id]
	}
	slices.Reverse(buf)
	return buf
}

// str returns the normalised form of id.
func (in *interner) str(id int32) string {
	if p := in.strs[id]; p.n != 0 || id == 0 {
		return in.arena.str(p)
	}
	var buf [64]byte
	p := add(&in.arena, in.appendStr(buf[:0], id))
	in.strs[id] = p
	return in.arena.str(p)
}

// strLen is len(in.str(id)), without building it: what appendStr appends.
func (in *interner) strLen(id int32) int {
	n := 0
	for in.strs[id].n == 0 && id != 0 {
		n += 1 + int(in.strs[in.last[id]].n)
		id = in.prefix[id]
	}
	return n + int(in.strs[id].n)
}

// appendStr appends the normalised form of id to b without building it as
// a string.
func (in *interner) appendStr(b []byte, id int32) []byte {
	if p := in.strs[id]; p.n != 0 || id == 0 {
		return append(b, in.arena.str(p)...)
	}
	b = in.appendStr(b, in.prefix[id])
	b = append(b, ' ')
	return append(b, in.arena.str(in.strs[in.last[id]])...)
}

// arena holds strings in chunks of bytes that are appended to and never
// changed: a string handed out is a view of one chunk, which the
// collector sees as one object without pointers however many strings it
// holds.
type arena struct {
	chunks [][]byte
}

// piece is a string in an arena: n bytes at off in chunk c. The empty
// string is the zero piece.
type piece struct {
	c, off, n uint32
}

// arenaChunk is the size of an arena's chunks (a longer string gets one
// of its own).
const arenaChunk = 64 << 10

// add copies s (a string or bytes) into the arena.
func add[S string | []byte](a *arena, s S) piece {
	if len(s) == 0 {
		return piece{}
	}
	k := len(a.chunks) - 1
	if k < 0 || cap(a.chunks[k])-len(a.chunks[k]) < len(s) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, len(s))))
		k++
	}
	off := len(a.chunks[k])
	a.chunks[k] = append(a.chunks[k], s...)
	return piece{uint32(k), uint32(off), uint32(len(s))}
}

// str is p as a string: a view of the arena's bytes, which are never
// written again once added.
func (a *arena) str(p piece) string {
	if p.n == 0 {
		return ""
	}
	return unsafe.String(&a.chunks[p.c][p.off], int(p.n))
}
