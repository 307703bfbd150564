package entity

import "strings"

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
type interner struct {
	strs   []string         // normalised form of each id; a sequence's is built on demand ("" until then)
	prefix []int32          // a sequence's id without its last word; 0 for a word
	last   []int32          // a sequence's last word; a word's own id
	words  map[string]int32 // one normalised word (no space) → id
	seqs   map[uint64]int32 // prefix<<32 | last word → id
	surfs  map[string]int32 // a surface that Fold changes → id, so it is folded once
}

func newInterner(sizeHint int) *interner {
	in := &interner{
		strs:   make([]string, 1, sizeHint),
		prefix: make([]int32, 1, sizeHint),
		last:   make([]int32, 1, sizeHint),
		words:  make(map[string]int32, sizeHint/4),
		seqs:   make(map[uint64]int32, sizeHint/2),
		surfs:  make(map[string]int32, sizeHint/8),
	}
	return in
}

// len is the number of ids given so far (ids are 0..len-1).
func (in *interner) len() int { return len(in.strs) }

// word returns the id of w, a normalised word without spaces.
func (in *interner) word(w string) int32 {
	if id, ok := in.words[w]; ok {
		return id
	}
	id := int32(len(in.strs))
	in.strs = append(in.strs, w)
	in.prefix = append(in.prefix, 0)
	in.last = append(in.last, id)
	in.words[w] = id
	return id
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
	if id, ok := in.surfs[s]; ok {
		return id
	}
	id := in.norm(Fold(s))
	in.surfs[s] = id
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
	if id, ok := in.seqs[k]; ok {
		return id
	}
	id := int32(len(in.strs))
	in.strs = append(in.strs, "")
	in.prefix = append(in.prefix, a)
	in.last = append(in.last, w)
	in.seqs[k] = id
	return id
}

// str returns the normalised form of id.
func (in *interner) str(id int32) string {
	if s := in.strs[id]; s != "" || id == 0 {
		return s
	}
	s := string(in.appendStr(make([]byte, 0, 32), id))
	in.strs[id] = s
	return s
}

// appendStr appends the normalised form of id to b without building it as
// a string.
func (in *interner) appendStr(b []byte, id int32) []byte {
	if s := in.strs[id]; s != "" || id == 0 {
		return append(b, s...)
	}
	b = in.appendStr(b, in.prefix[id])
	b = append(b, ' ')
	return append(b, in.strs[in.last[id]]...)
}
