package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnap(t *testing.T) {
	tests := []struct {
		s      string
		sel    string // the selection, marked by [ and ] in s
		want   string
		wantOK bool
	}{
		{"said Jean-Yves Côté today", "said Je[an-Y]ves Côté today", "Jean-Yves", true},
		{"the Zoë band", "the [Zo]ë band", "Zoë", true},
		{"a 😀 b", "a[ 😀 ]b", "😀", false}, // an emoji alone is a symbol, not a word
		{"visit (Paris) now", "visit [(Paris) ]now", "(Paris)", true},
		{"visit (Paris) now", "visit [(Paris]) now", "Paris", true},
		{"in the U.S. today", "in the [U.S. ]today", "U.S.", true},
		{"ask Mr. Smith", "ask [Mr. Smith]", "Mr. Smith", true},
		{"it ended. Then", "it [ended. ]Then", "ended", true},
		{"he said \"hello world\" loudly", "he said [\"hello world\"] loudly", "\"hello world\"", true},
		{"he said \"hello world\" loudly", "he said \"hello [world\"] loudly", "world", true},
		{"«Bonjour» dit-il", "[«Bonjour»] dit-il", "«Bonjour»", true},
		{"北京 and 東京", "北[京 an]d 東京", "北京 and", true},
		{"قال الرئيس إن", "قال ال[ر]ئيس إن", "الرئيس", true},
		{"a , ; b", "a[ , ; ]b", "", false},
		{"don't stop", "do[n]'t stop", "don't", true},
		{"the students' books", "the [students' ]books", "students", true},
		{"empty", "emp[]ty", "empty", true},
	}
	for _, tt := range tests {
		start := utf8.RuneCountInString(tt.sel[:strings.IndexByte(tt.sel, '[')])
		end := utf8.RuneCountInString(tt.sel[:strings.IndexByte(tt.sel, ']')]) - 1
		a, b, ok := Snap(tt.s, start, end)
		got := NewOffsets(tt.s).Slice(a, b)
		if ok != tt.wantOK || ok && got != tt.want {
			t.Errorf("Snap(%q, %d, %d) = %q (%d,%d) ok=%v, want %q ok=%v", tt.s, start, end, got, a, b, ok, tt.want, tt.wantOK)
		}
		if a2, b2, ok2 := NewOffsets(tt.s).Snap(start, end); a2 != a || b2 != b || ok2 != ok {
			t.Errorf("Offsets.Snap(%q, %d, %d) = %d,%d,%v, Snap gives %d,%d,%v", tt.s, start, end, a2, b2, ok2, a, b, ok)
		}
	}
	// Reversed and out of range selections are clamped, never a panic.
	if a, b, ok := Snap("abc def", 99, -4); !ok || a != 0 || b != 7 {
		t.Errorf("Snap(abc def, 99, -4) = %d,%d,%v", a, b, ok)
	}
}

func FuzzSnap(f *testing.F) {
	f.Add("said Jean-Yves Côté today", 7, 12)
	f.Add("a 😀 (b) U.S. c", 2, 9)
	f.Add("\xff\xfe x", 0, 3)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		n := RuneCount(s)
		a, b, ok := Snap(s, start, end)
		if a < 0 || a > b || b > n {
			t.Fatalf("Snap(%q, %d, %d) = %d, %d outside [0, %d]", s, start, end, a, b, n)
		}
		if a2, b2, ok2 := NewOffsets(s).Snap(start, end); a2 != a || b2 != b || ok2 != ok {
			t.Fatalf("Offsets.Snap(%q, %d, %d) = %d,%d,%v, Snap gives %d,%d,%v", s, start, end, a2, b2, ok2, a, b, ok)
		}
		if ok && a == b {
			t.Fatalf("Snap(%q, %d, %d) ok with an empty span", s, start, end)
		}
		if ok {
			// Snapping again is stable.
			a2, b2, ok2 := Snap(s, a, b)
			if !ok2 || a2 != a || b2 != b {
				t.Fatalf("Snap(%q) not stable: %d,%d then %d,%d", s, a, b, a2, b2)
			}
		}
	})
}
