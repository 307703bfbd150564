package text

import (
	"testing"
	"unicode/utf8"
)

func TestOffsets(t *testing.T) {
	tests := []struct {
		name string
		s    string
		cp   int // a code point offset to check
		u16  int // its UTF-16 offset
		b    int // its byte offset
		n    int // Len()
	}{
		{"ascii", "hello world", 6, 6, 6, 11},
		{"accents", "Zoë Côté", 4, 4, 5, 8},
		{"emoji", "a😀b", 2, 3, 5, 3},
		{"emoji end", "😀😀", 2, 4, 8, 2},
		{"cjk", "中文字", 2, 2, 6, 3},
		{"arabic", "مرحبا بك", 6, 6, 11, 8},
		{"hebrew", "שלום", 1, 1, 2, 4},
		{"crlf", "a\r\nb", 3, 3, 3, 4},
		{"empty", "", 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewOffsets(tt.s)
			if x.Len() != tt.n {
				t.Errorf("Len = %d, want %d", x.Len(), tt.n)
			}
			if got := x.UTF16(tt.cp); got != tt.u16 {
				t.Errorf("UTF16(%d) = %d, want %d", tt.cp, got, tt.u16)
			}
			if got := x.Byte(tt.cp); got != tt.b {
				t.Errorf("Byte(%d) = %d, want %d", tt.cp, got, tt.b)
			}
			if got := x.FromUTF16(tt.u16); got != tt.cp {
				t.Errorf("FromUTF16(%d) = %d, want %d", tt.u16, got, tt.cp)
			}
			if got := x.FromByte(tt.b); got != tt.cp {
				t.Errorf("FromByte(%d) = %d, want %d", tt.b, got, tt.cp)
			}
			checkOffsets(t, tt.s)
		})
	}
}

func TestOffsetsRounding(t *testing.T) {
	x := NewOffsets("a😀b")
	// UTF-16 unit 2 is the low surrogate of 😀: rounds down to the emoji.
	if got := x.FromUTF16(2); got != 1 {
		t.Errorf("FromUTF16(2) = %d, want 1", got)
	}
	for b, want := range []int{0, 1, 1, 1, 1, 2, 3} {
		if got := x.FromByte(b); got != want {
			t.Errorf("FromByte(%d) = %d, want %d", b, got, want)
		}
	}
	if got := x.Slice(1, 2); got != "😀" {
		t.Errorf("Slice(1,2) = %q", got)
	}
	if got := x.Slice(-5, 99); got != "a😀b" {
		t.Errorf("Slice clamps: got %q", got)
	}
	if got := x.Slice(2, 1); got != "" {
		t.Errorf("Slice(2,1) = %q, want empty", got)
	}
	if x.UTF16(99) != 4 || x.Byte(-1) != 0 || x.FromUTF16(99) != 3 || x.FromByte(-3) != 0 {
		t.Error("out of range offsets are not clamped")
	}
	if RuneCount("a😀b") != 3 {
		t.Error("RuneCount")
	}
}

// checkOffsets compares every conversion with a naive walk over the runes.
func checkOffsets(t *testing.T, s string) {
	t.Helper()
	x := NewOffsets(s)
	cp, u := 0, 0
	for b, r := range s {
		if x.Byte(cp) != b || x.UTF16(cp) != u || x.FromByte(b) != cp || x.FromUTF16(u) != cp {
			t.Fatalf("%q: code point %d: Byte=%d UTF16=%d FromByte=%d FromUTF16=%d; want byte %d utf16 %d",
				s, cp, x.Byte(cp), x.UTF16(cp), x.FromByte(b), x.FromUTF16(u), b, u)
		}
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(s[b:])
		}
		if x.Slice(cp, cp+1) != s[b:b+size] {
			t.Fatalf("%q: Slice(%d,%d) = %q, want %q", s, cp, cp+1, x.Slice(cp, cp+1), s[b:b+size])
		}
		cp++
		u += len(utf16Units(r))
	}
	if x.Len() != cp || x.Byte(cp) != len(s) || x.UTF16(cp) != u || x.FromByte(len(s)) != cp || x.FromUTF16(u) != cp {
		t.Fatalf("%q: end offsets wrong", s)
	}
}

func utf16Units(r rune) []int {
	if r > 0xFFFF {
		return []int{0, 0}
	}
	return []int{0}
}

func FuzzOffsets(f *testing.F) {
	for _, s := range []string{"", "abc", "Zoë", "a😀b", "中文", "مرحبا", "\xff\xfeab", "😀\xf0\x9f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s)
	})
}

func BenchmarkNewOffsets1MB(b *testing.B) {
	s := sampleArticle(1 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		NewOffsets(s)
	}
}
