package main

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

// escapeHTML gives what html.EscapeString gives, for the five characters
// it escapes anywhere in a string, and for text with none.
func TestEscapeHTML(t *testing.T) {
	cases := []string{"", "plain", "&", "<b>", `a "q" & 'r' <s> t`, "&amp;", "é<ü>€", "\x00<\xff>", "<<>>&&''\"\""}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab &<>'\"é\n"
	for range 2000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(string([]rune(alphabet)[r.IntN(len([]rune(alphabet)))]))
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Fatalf("escapeHTML(%q) = %q, html.EscapeString gives %q", s, got, want)
		}
	}
}

// The text written into go-app's copy is escapeHTML whole, in package app.
func TestEscapeHTMLSource(t *testing.T) {
	src := escapeHTMLSource()
	if !strings.HasPrefix(src, "package app\n") || !strings.Contains(src, "\n// escapeHTML returns") || !strings.Contains(src, "func escapeHTML(s string) string {") || strings.Contains(src, "is written into") {
		t.Errorf("escapeHTMLSource() = %q", src)
	}
}
