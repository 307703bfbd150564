package extract

import (
	"testing"
	"unicode/utf8"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, src, title, body string
	}{
		{"heading and emphasis", "# Hello *Zoë*\n\nSome **bold** and _em_ text.", "Hello Zoë", "Hello Zoë\n\nSome bold and em text."},
		{"links and images", "See [the site](http://x.example) and ![a cat 😀](cat.png).", "", "See the site and a cat 😀."},
		{"lists as lines", "Intro\n\n- one\n- two\n\n1. first\n2. second", "", "Intro\n\none\ntwo\n\nfirst\nsecond"},
		{"code fence removed", "Before\n\n```go\nfunc main() {}\n```\n\nAfter `code`", "", "Before\n\nfunc main() {}\n\nAfter code"},
		{"entities and escapes", "Tom &amp; Jerry \\*not em\\* &#x4e2d;", "", "Tom & Jerry *not em* 中"},
		{"soft and hard breaks", "one\ntwo  \nthree", "", "one two\nthree"},
		{"html block text only", "<div><p>inside <b>html</b></p><script>bad()</script></div>\n\nafter", "", "inside html\n\nafter"},
		{"setext heading and quote", "Title\n=====\n\n> quoted مرحبا", "Title", "Title\n\nquoted مرحبا"},
		{"autolink", "<https://example.org> x", "", "https://example.org x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body := Markdown(tt.src)
			if title != tt.title || body != tt.body {
				t.Errorf("FromMarkdown = %q, %q; want %q, %q", title, body, tt.title, tt.body)
			}
		})
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"# T\n\n*a* **b**", "- a\n- b\n\n```\nx\n```", "[x](y) ![z](w)", "<div>x</div>", "&amp; \\* `c`", "> q\n>\n> r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // Load and FromPaste hand over valid UTF-8 only.
		}
		title, body := Markdown(src)
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			t.Fatalf("Markdown(%q) produced invalid UTF-8", src)
		}
	})
}
