package extract

import (
	"os"
	"strings"
	"testing"

	"gloss/app/text"
)

// Load and FromPaste with this package as text.Extract, as on the command
// line and in the browser's worker.

func TestLoad(t *testing.T) {
	news, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, data string
		kind, title      string
		text             string // a prefix of the text
	}{
		{"text", "a.txt", "Zoë's headline\r\n\r\n\r\nBody 😀 中文 مرحبا  \r\n", text.KindText, "Zoë's headline", "Zoë's headline\n\nBody 😀 中文 مرحبا"},
		{"text long first line", "notes.txt", strings.Repeat("word ", 40), text.KindText, "notes", "word word"},
		{"markdown", "post.md", "# Title *here*\n\nText with [a link](x).", text.KindMarkdown, "Title here", "Title here\n\nText with a link."},
		{"html by name", "page.htm", string(news), text.KindHTML, "Storm hits Montréal harbour", "A violent storm struck"},
		{"html sniffed", "download", string(news), text.KindHTML, "Storm hits Montréal harbour", "A violent storm"},
		{"markdown sniffed", "README", "# Heading\n\n- one\n- two\n", text.KindMarkdown, "Heading", "Heading\n\none\ntwo"},
		{"plain with a hash", "noext", "Issue #4 is *not* fixed.\nSee above.", text.KindText, "Issue #4 is *not* fixed.", "Issue #4 is *not* fixed.\nSee above."},
		{"utf16 file", "u.txt", "\xff\xfeh\x00i\x00", text.KindText, "hi", "hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := text.Load(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if a.Kind != tt.kind || a.Title != tt.title || !strings.HasPrefix(a.Text, tt.text) {
				t.Errorf("Load = kind %q title %q text %q; want %q %q %q…", a.Kind, a.Title, a.Text, tt.kind, tt.title, tt.text)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty.txt is empty (0 bytes); nothing was loaded"},
		{"photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "photo.txt is not text (it looks like a PNG image); nothing was loaded"},
		{"doc.html", []byte("%PDF-1.4"), "doc.html is not text (it looks like a PDF document); nothing was loaded. To annotate it, open it, select all its text, copy it and paste it here"},
		{"report.txt", make([]byte, 23*1<<20+400*1<<10), "report.txt is 23.4 MB; the limit is 20.0 MB; nothing was loaded"},
		{"blank.txt", []byte(" \r\n\t\n"), "blank.txt: no text found; nothing was loaded"},
		{"dir/page.html", []byte("<script>x()</script>"), "page.html: no text found; nothing was loaded"},
	}
	for _, tt := range tests {
		_, _, err := text.Load(tt.file, tt.data)
		if err == nil || err.Error() != tt.want {
			t.Errorf("text.Load(%s) error = %v, want %q", tt.file, err, tt.want)
		}
	}
}

func TestFromPaste(t *testing.T) {
	tests := []struct {
		name, in    string
		kind, title string
		text        string
	}{
		{"plain", "Headline\n\nFirst paragraph.", text.KindText, "Headline", "Headline\n\nFirst paragraph."},
		{"stray markers stay plain", "# of items: 3 * 4\nnot markdown", text.KindText, "# of items: 3 * 4", "# of items: 3 * 4\nnot markdown"},
		{"one list is not markdown", "Shopping:\n- eggs\n- milk", text.KindText, "Shopping:", "Shopping:\n- eggs\n- milk"},
		{"markdown", "# Title\n\nSome **bold** text.\n\n- a\n- b", text.KindMarkdown, "Title", "Title\n\nSome bold text.\n\na\nb"},
		{"html document", "<!DOCTYPE html><title>T</title><p>Body &amp; soul</p>", text.KindHTML, "T", "Body & soul"},
		{"html fragment", "<p>One</p>\n<p>Two</p>", text.KindHTML, "One", "One\n\nTwo"},
		{"a tag alone stays plain", "<b> is bold in HTML", text.KindText, "<b> is bold in HTML", "<b> is bold in HTML"},
		{"long first line", strings.Repeat("Zoë ", 50), text.KindText, strings.TrimSpace(strings.Repeat("Zoë ", 20)) + "…", "Zoë Zoë"},
		{"crlf and bom", "\ufeffA\r\n\r\nB", text.KindText, "A", "A\n\nB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := text.FromPaste(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if a.Kind != tt.kind || a.Title != tt.title || !strings.HasPrefix(a.Text, tt.text) {
				t.Errorf("FromPaste = kind %q title %q text %q; want %q %q %q", a.Kind, a.Title, a.Text, tt.kind, tt.title, tt.text)
			}
		})
	}
	if _, _, err := text.FromPaste(" \n\t "); err == nil || !strings.Contains(err.Error(), "no text") {
		t.Errorf("empty paste: error %v", err)
	}
	a, notes, err := text.FromPaste("bad \xff byte")
	if err != nil || a.Text != "bad \uFFFD byte" || len(notes) != 1 {
		t.Errorf("invalid paste = %q, %q, %v", a.Text, notes, err)
	}
}

func TestFromPasteMarkupWithoutText(t *testing.T) {
	in := "<script>alert(1)</script>\n<script src=x></script>\n<style>p{}</style>"
	a, _, err := text.FromPaste(in)
	if err != nil {
		t.Fatalf("FromPaste: %v", err)
	}
	if a.Kind != text.KindText || !strings.Contains(a.Text, "<script>alert(1)</script>") {
		t.Errorf("markup with no visible text: kind %q text %q, want it kept as plain text", a.Kind, a.Text)
	}
}

// A news article copied as Markdown (rules, emphasis, links, autolinks, an
// empty list item) is recognised and its markup removed; the editor's
// bracket in a quote is text and stays.
func TestFromPasteMarkdownArticle(t *testing.T) {
	src, err := os.ReadFile("testdata/pasted-article.md")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := text.FromPaste(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != text.KindMarkdown {
		t.Fatalf("kind %q, want markdown", a.Kind)
	}
	for _, mark := range []string{"*", "](", "---", "[READ", "[‘", "<http", "\n-\n"} {
		if strings.Contains(a.Text, mark) {
			t.Errorf("%q left in the text:\n%s", mark, a.Text)
		}
	}
	if a.Title != "Harbour bridge to close for eighteen months" || !strings.HasPrefix(a.Text, a.Title) {
		t.Errorf("title %q, text starts %.60q", a.Title, a.Text)
	}
	for _, want := range []string{`"We will not wait for an accident [on the bridge] to act," Mayor`, "act “as neighbours” during", "Council meeting on the bridge http://example.org/council"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	// Kept as pasted, every mark stays.
	p, _, err := text.FromPasteAs(string(src), text.KindText)
	if err != nil || p.Kind != text.KindText || !strings.Contains(p.Text, "*\"We will not wait") || !strings.Contains(p.Text, "](#)") {
		t.Errorf("as pasted: kind %q err %v text %.80q", p.Kind, err, p.Text)
	}
}
