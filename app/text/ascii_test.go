package text

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomText mixes what the word-at-a-time scans must tell apart: ASCII
// runs longer and shorter than a word, spaces, tabs, newlines, other
// controls, 2-4 byte runes and invalid bytes, at every alignment.
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "The council met on Tuesday", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\x00", "\x1f", "\x7f",
		"é", "ß", "€", "日本", "😀", "\xff", "\x80", "\xc3", "abcdefgh", "abcdefghijklmnop", " \n", "\t\n"}
	var b strings.Builder
	for n := r.Intn(40); n > 0; n-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// isNormalByte is isNormal as it was before the word-at-a-time scan: one
// byte at a time.
func isNormalByte(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '\n' || s[len(s)-1] == '\n' {
		return false
	}
	nl := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return false
			}
			nl++
			if nl > 2 {
				return false
			}
			continue
		case c < 0x20 && c != '\t':
			return false
		}
		if nl > 0 && (c == ' ' || c == '\t') {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j == len(s) || s[j] == '\n' {
				return false
			}
		}
		nl = 0
	}
	return s[len(s)-1] != ' ' && s[len(s)-1] != '\t' && !startsBlank(s)
}

func TestWordScansMatchByteScans(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 20000; k++ {
		s := randomText(r)
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
		}
		u16 := 0
		for _, r := range s {
			u16 += utf16Len(r)
		}
		if got := UTF16Len(s); got != u16 {
			t.Fatalf("UTF16Len(%q) = %d, want %d", s, got, u16)
		}
		if got, want := isNormal(s), isNormalByte(s); got != want {
			t.Fatalf("isNormal(%q) = %v, want %v", s, got, want)
		}
		lead := 0
		for i := 0; i < len(s); i++ {
			if s[i] >= 0xC0 {
				lead++
			}
		}
		if got := leadBytes(s); got != lead {
			t.Fatalf("leadBytes(%q) = %d, want %d", s, got, lead)
		}
		for i := 0; i <= len(s); i++ {
			a, c := i, i
			for a < len(s) && s[a] < utf8.RuneSelf {
				a++
			}
			for c < len(s) && s[c] >= 0x20 {
				c++
			}
			if got := asciiEnd(s, i); got != a {
				t.Fatalf("asciiEnd(%q, %d) = %d, want %d", s, i, got, a)
			}
			if got := controlAt(s, i); got != c {
				t.Fatalf("controlAt(%q, %d) = %d, want %d", s, i, got, c)
			}
		}
		// Offsets against a walk of the runes.
		x := NewOffsets(s)
		cp, u := 0, 0
		for b := 0; b < len(s); {
			if x.Byte(cp) != b || x.UTF16(cp) != u || x.FromByte(b) != cp || x.FromUTF16(u) != cp {
				t.Fatalf("Offsets(%q) at code point %d: byte %d utf16 %d, want %d %d", s, cp, x.Byte(cp), x.UTF16(cp), b, u)
			}
			r, size := utf8.DecodeRuneInString(s[b:])
			b += size
			u += utf16Len(r)
			cp++
		}
		if x.Len() != cp || x.Byte(cp) != len(s) || x.UTF16(cp) != u {
			t.Fatalf("Offsets(%q): len %d end %d %d, want %d %d %d", s, x.Len(), x.Byte(cp), x.UTF16(cp), cp, len(s), u)
		}
	}
}

func utf16Len(r rune) int {
	if r > 0xFFFF {
		return 2
	}
	return 1
}
