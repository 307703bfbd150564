package text

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// A pasted article is read several times over before it is drawn (cleaned,
// its runes counted, its offsets and paragraphs found): byte loops that V8
// runs in its baseline code, since each is one call over megabytes. Most
// text is ASCII, so these skip ASCII (and control-free) runs eight bytes at
// a time: on a 5 MB article each pass is several times shorter.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// word is the 8 bytes of s from i (i+8 <= len(s)), in machine order: the
// callers only ask whether any of them has a property.
func word(s string, i int) uint64 {
	return *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
}

// asciiEnd returns the index of the first non-ASCII byte of s at or after
// i, len(s) if there is none.
func asciiEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if word(s, i)&highs != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// controlAt returns the index of the first byte of s below 0x20 (a C0
// control: newline, tab, ...) at or after i, len(s) if there is none.
func controlAt(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		// Some byte < 0x20 (exact for "any": a borrow only reaches bytes
		// above a true one).
		if w := word(s, i); (w-0x20*ones)&^w&highs != 0 {
			break
		}
	}
	for ; i < len(s) && s[i] >= 0x20; i++ {
	}
	return i
}

// leadBytes counts the bytes of s at or above 0xC0: the non-ASCII runes
// of valid UTF-8.
func leadBytes(s string) int {
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		w := word(s, i)
		n += bits.OnesCount64(w & (w << 1) & highs) // bits 7 and 6 set
	}
	for ; i < len(s); i++ {
		if s[i] >= 0xC0 {
			n++
		}
	}
	return n
}

// RuneCount returns the number of code points in s (invalid bytes count one
// each, as utf8.RuneCountInString does), reading ASCII eight bytes at a time.
func RuneCount(s string) int {
	n, i := 0, 0
	for {
		j := asciiEnd(s, i)
		n += j - i
		if j == len(s) {
			return n
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		n++
		i = j + size
	}
}

// UTF16Len returns the length of s in UTF-16 code units, as JavaScript
// counts (an invalid byte is one U+FFFD), reading ASCII eight bytes at a
// time.
func UTF16Len(s string) int {
	n, i := 0, 0
	for {
		j := asciiEnd(s, i)
		n += j - i
		if j == len(s) {
			return n
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		n++
		if r > 0xFFFF {
			n++
		}
		i = j + size
	}
}
