package entity

import (
	"runtime"
	"testing"
)

// TestSplitAllocates bounds what the build worker's part of a shared build
// allocates: NewSplit, the hand-over, the index and its message. Its lists
// are sized before they are filled, not grown by appending: grown, they
// left as much garbage again (87 MB for this 1 MB article), and the
// worker's first long build takes every byte of it fresh from the system,
// which costs more than the work (round 16: 434 MB of wasm memory after
// the 5 MB sample's first build, 222 MB sized).
func TestSplitAllocates(t *testing.T) {
	text, lex := benchArticle(t, 1<<20)
	o := Options{Lexicon: lex}
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	s := NewSplit(text, o)
	if _, err := EncodeHandOver(s); err != nil {
		t.Fatal(err)
	}
	s.Index()
	if _, err := EncodeSplitIndex(s); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&b)
	if got := (b.TotalAlloc - a.TotalAlloc) >> 20; got > 64 {
		t.Errorf("the worker's part of a 1 MB build allocated %d MB, want at most 64 (57 when measured)", got)
	}
}
