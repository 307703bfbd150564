package entity

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// The sharer that types from a hand-over sits idle while the worker finds
// the names (NewSplit, ~1 s of a 5 MB build). It reads the text meanwhile
// (ReadAhead): the tokens, each token's normalised form, what the word
// lists and the lexicon say of each form, the tokens' position index. So
// the hand-over carries neither the text nor its tokens (15 MB of its
// 29 MB for the 5 MB sample), and the sharer's typing finds every word
// worked out, as the worker's does after NewSplit.

// Reading is a text read ahead of its hand-over (ReadAhead), for
// DecodeHandOver.
type Reading struct {
	f   *finder
	sum uint64   // textSum of the text
	lex *Lexicon // the lexicon the kinds were looked up in
}

// ReadAhead reads text as NewSplit does before it finds the names, with
// o's lexicon: tokens and words, worked out once. Nothing of it depends on
// what NewSplit finds.
func ReadAhead(text string, o Options) *Reading {
	f := newFinder(text, tokenize(text))
	f.lex = o.Lexicon
	for i := range f.toks {
		step(i)
		f.id(i)
	}
	n := f.in.len()
	f.lists = make([]listFlag, n+n/2)
	if f.lex != nil {
		f.kinds = make([]uint32, n+n/2)
	}
	for id := 1; id < n; id++ {
		step(id)
		f.idOn(int32(id), 0)
		f.kindOf(int32(id))
	}
	f.buildTokIndex()
	return &Reading{f: f, sum: textSum(text), lex: o.Lexicon}
}

// textSum is a checksum of text, 8 bytes a step: a hand-over is typed
// only with a reading of the text the worker read (~2 ms for 5 MB).
func textSum(s string) uint64 {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for ; len(b) >= 8; b = b[8:] {
		h = bits.RotateLeft64((h^binary.LittleEndian.Uint64(b))*0x100000001b3, 29)
	}
	for _, c := range b {
		h = bits.RotateLeft64((h^uint64(c))*0x100000001b3, 29)
	}
	return h
}
