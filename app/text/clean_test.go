package text

import "testing"

func TestCleanArticle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already fine\n\nyes", "already fine\n\nyes"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"a\x00b\x07c\td", "abc\td"},
		{"line  \t\nnext ", "line\nnext"},
		{"a\n\n\n\n\nb", "a\n\nb"},
		{"\n \n\t\nZoë 😀\n\n \n", "Zoë 😀"},
		{"  indented first\n", "  indented first"},
		{"中文\r\n\r\n\r\nمرحبا", "中文\n\nمرحبا"},
		{"a\n  \nb", "a\n\nb"},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := CleanArticle(tt.in); got != tt.want {
			t.Errorf("CleanArticle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCleanArticle(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\n\r\nb", " x \n", "\x00\n\n", "a\n \nb", "\t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := CleanArticle(s)
		if slow := normalize(s); slow != n {
			t.Fatalf("CleanArticle(%q): fast path %q, slow path %q", s, n, slow)
		}
		if CleanArticle(n) != n {
			t.Fatalf("CleanArticle not idempotent on %q: %q then %q", s, n, CleanArticle(n))
		}
	})
}
