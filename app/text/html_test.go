package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFromHTMLNewsPage(t *testing.T) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	title, body, err := FromHTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if title != "Storm hits Montréal harbour" {
		t.Errorf("title = %q", title)
	}
	for _, want := range []string{
		"Storm hits Montréal harbour\n\nBy Zoë Łukasz\n\n",
		`damaging boats & piers. "We have never seen this," said Jean-Yves Côté.`,
		"Residents were evacuated to\u00a0the city hall, officials said.\nRoads remain closed.",
		"First point about 😀 emoji\n\nSecond point in العربية and 中文",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "LEAK") || strings.Contains(body, "<") || strings.Contains(body, "color: red") {
		t.Errorf("junk leaked into the body:\n%s", body)
	}
	if strings.Contains(body, "\n\n\n") || strings.Contains(body, "  ") {
		t.Errorf("whitespace not collapsed:\n%q", body)
	}
}

func TestFromHTMLScored(t *testing.T) {
	src, err := os.ReadFile("testdata/blog.html")
	if err != nil {
		t.Fatal(err)
	}
	title, body, err := FromHTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if title != "Untitled" {
		t.Errorf("title = %q", title)
	}
	if !strings.HasPrefix(body, "The first paragraph") || !strings.HasSuffix(body, "and family.") || strings.Contains(body, "LEAK") {
		t.Errorf("body = %q", body)
	}
}

func TestFromHTML(t *testing.T) {
	tests := []struct {
		name, src, title, body string
	}{
		{"fragment", "<p>One &amp; two</p><p>Three&nbsp;&lt;b&gt;</p>", "", "One & two\n\nThree\u00a0<b>"},
		{"og title", `<meta property="og:title" content="OG Title"><p>Text</p>`, "OG Title", "Text"},
		{"h1 title", `<body><h1>Head  line</h1><p>Text</p></body>`, "Head line", "Head line\n\nText"},
		{"site suffix kept when short", `<title>Mozilla - Wikipedia</title><p>x</p>`, "Mozilla - Wikipedia", "x"},
		{"site suffix dropped", `<title>A long enough headline | Site</title><p>x</p>`, "A long enough headline", "x"},
		{"pre keeps lines", "<pre>a  b\n  c</pre>", "", "a  b\n  c"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "", "a b\n\nc"},
		{"rtl", `<html dir="rtl"><body><article><h1>עברית</h1><p>שלום עולם</p></article></body></html>`, "עברית", "עברית\n\nשלום עולם"},
		{"xss stays text", `<p>&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(2)></p>`, "", "<script>alert(1)</script>"},
		{"numeric entities", "<p>&#128512; &#x4e2d; &eacute;</p>", "", "😀 中 é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body, err := FromHTML(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if title != tt.title || body != tt.body {
				t.Errorf("FromHTML = %q, %q; want %q, %q", title, body, tt.title, tt.body)
			}
		})
	}
	if _, _, err := FromHTML("<script>x</script><nav>menu</nav>"); err == nil {
		t.Error("a page without text gave no error")
	}
}

func FuzzFromHTML(f *testing.F) {
	f.Add("<p>One &amp; two</p>")
	f.Add("<article><h1>T</h1><p hidden>x</p><pre>a\n b</pre></article>")
	f.Add("<table><td>a<td>b</table><br><script>x</script>")
	f.Add("<p>\xff\xfe</p><!-- c --><div class=ad>x</div>")
	if src, err := os.ReadFile("testdata/news.html"); err == nil {
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		title, body, _ := FromHTML(src)
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			// x/net/html passes invalid bytes through; Load decodes first.
			if utf8.ValidString(src) {
				t.Fatalf("FromHTML(%q) produced invalid UTF-8", src)
			}
		}
	})
}

func BenchmarkFromHTML(b *testing.B) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	// A long page: the article's paragraphs repeated.
	page := strings.Replace(string(src), "<aside>", strings.Repeat("<p>"+sampleArticle(2000)+"</p>\n", 50)+"<aside>", 1)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := FromHTML(page); err != nil {
			b.Fatal(err)
		}
	}
}
