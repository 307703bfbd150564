package text

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fakeExtractor records what it was asked and answers with the source.
type fakeExtractor struct {
	asked []string
	err   error
}

func (f *fakeExtractor) HTML(src string) (Page, error) {
	f.asked = append(f.asked, "html")
	return Page{Title: "T", Text: "page: " + src}, f.err
}

func (f *fakeExtractor) Markdown(src string) (string, string, error) {
	f.asked = append(f.asked, "markdown")
	return "M", "md: " + src, f.err
}

func (f *fakeExtractor) Visible(src string) (string, error) {
	f.asked = append(f.asked, "visible")
	if f.err != nil {
		return "", f.err
	}
	return strings.ReplaceAll(strings.ReplaceAll(src, "<p>", ""), "</p>", "\n\n"), nil
}

// Web pages and Markdown go to Extract, plain text never does.
func TestExtractorRouting(t *testing.T) {
	defer func(x Extractor) { Extract = x }(Extract)
	f := &fakeExtractor{}
	Extract = f
	for _, tt := range []struct{ name, data, kind, asked string }{
		{"a.html", "<p>x</p>", KindHTML, "html"},
		{"b.md", "# x", KindMarkdown, "markdown"},
		{"c.txt", "<p>x</p>", KindText, ""},
	} {
		f.asked = nil
		a, _, err := Load(tt.name, []byte(tt.data))
		if err != nil || a.Kind != tt.kind {
			t.Errorf("Load(%s) = %q %v, asked %v", tt.name, a.Kind, err, f.asked)
		}
		if tt.asked == "" && len(f.asked) > 0 || tt.asked != "" && (len(f.asked) != 1 || f.asked[0] != tt.asked) {
			t.Errorf("Load(%s) asked %v, want %q", tt.name, f.asked, tt.asked)
		}
	}
}

// Without an Extractor (or with one that cannot run) a web page is refused
// with ErrUnavailable, and a paste is never taken for plain text instead.
func TestExtractorUnavailable(t *testing.T) {
	defer func(x Extractor) { Extract = x }(Extract)
	for _, x := range []Extractor{nil, &fakeExtractor{err: fmt.Errorf("worker: %w", ErrUnavailable)}} {
		Extract = x
		if _, _, err := Load("a.html", []byte("<p>One</p><p>Two</p>")); !errors.Is(err, ErrUnavailable) {
			t.Errorf("Load html with %T: %v, want ErrUnavailable", x, err)
		}
		if a, _, err := FromPaste("<p>One</p>\n<p>Two</p>"); !errors.Is(err, ErrUnavailable) {
			t.Errorf("FromPaste html with %T = %q %q, %v; want ErrUnavailable", x, a.Kind, a.Text, err)
		}
		if a, _, err := FromPaste("plain words"); err != nil || a.Text != "plain words" {
			t.Errorf("FromPaste plain with %T = %q, %v", x, a.Text, err)
		}
	}
	// An extraction that found no text still falls back to the text as pasted.
	Extract = &fakeExtractor{err: ErrNoText}
	if a, _, err := FromPaste("<p>One</p>\n<p>Two</p>"); err != nil || a.Kind != KindText {
		t.Errorf("FromPaste with no text found = %q, %v; want plain text", a.Kind, err)
	}
}

// A clipboard's HTML is read by Extract (app.wasm links no HTML parser):
// its visible text with paragraphs; HTML with none gives the plain text;
// an Extract that cannot run reads nothing, and one that fails otherwise
// gives the plain text with a notice.
func TestFromClipboardHTMLExtract(t *testing.T) {
	defer func(x Extractor) { Extract = x }(Extract)
	f := &fakeExtractor{}
	Extract = f
	a, notes, err := FromClipboardHTML("<p>Bridge closed</p><p>The council voted.</p>", "plain")
	if err != nil || len(notes) > 0 || a.Kind != KindHTML || a.Title != "Bridge closed" || a.Text != "Bridge closed\n\nThe council voted." {
		t.Errorf("FromClipboardHTML = %q %q %q %v %v", a.Kind, a.Title, a.Text, notes, err)
	}
	if len(f.asked) != 1 || f.asked[0] != "visible" {
		t.Errorf("asked %v, want visible", f.asked)
	}
	if a, _, err := FromClipboardHTML("<p> </p>", "Only plain"); err != nil || a.Kind != KindText || a.Text != "Only plain" {
		t.Errorf("HTML without text: %q %q %v, want the plain text", a.Kind, a.Text, err)
	}
	for _, x := range []Extractor{nil, &fakeExtractor{err: fmt.Errorf("worker: %w", ErrUnavailable)}} {
		Extract = x
		if a, _, err := FromClipboardHTML("<p>One</p>", "One"); !errors.Is(err, ErrUnavailable) || a.Text != "" {
			t.Errorf("with %T: %q, %v; want ErrUnavailable and nothing read", x, a.Text, err)
		}
	}
	Extract = &fakeExtractor{err: errors.New("the page could not be read: boom")}
	a, notes, err = FromClipboardHTML("<p>One</p>", "One two")
	if err != nil || a.Kind != KindText || a.Text != "One two" || len(notes) != 1 || !strings.Contains(string(notes[0]), "boom") {
		t.Errorf("a failed read = %q %q %v %v, want the plain text and a notice", a.Kind, a.Text, notes, err)
	}
}
