package text

import (
	"strings"
	"testing"
)

func TestLoadNotices(t *testing.T) {
	_, notes, err := Load("old.txt", []byte("caf\xe9 cr\xe8me"))
	if err != nil || !strings.Contains(joinNotices(notes), "windows-1252") {
		t.Errorf("Load windows-1252: notices %q, err %v", notes, err)
	}
}

// TestPaste5MB checks a large paste is handled whole (speed is measured by
// BenchmarkLoad1MB, not asserted).
func TestPaste5MB(t *testing.T) {
	s := sampleArticle(5 << 20)
	a, _, err := FromPaste(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(Paragraphs(a.Text)); got < 1000 {
		t.Errorf("5 MB paste: %d paragraphs", got)
	}
}

func BenchmarkLoad1MB(b *testing.B) {
	data := []byte(sampleArticle(1 << 20))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load("article.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPaste5MB(b *testing.B) {
	s := sampleArticle(5 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		a, _, _ := FromPaste(s)
		Paragraphs(a.Text)
	}
}

func TestTitleOfSkipsRules(t *testing.T) {
	for in, want := range map[string]string{
		"---\n\nFrench defense chief\n\nBody.": "French defense chief",
		"\n-\n  Moscow talks  \nmore":          "Moscow talks",
		"***":                                  "",
	} {
		if got := TitleOf(in); got != want {
			t.Errorf("TitleOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksMarkdown(t *testing.T) {
	for s, want := range map[string]bool{
		"A rule\n\n---\n\nand *some emphasis* here":           true,
		"See <https://example.org> and [this](x)":             true,
		"Price: 3 * 4 = 12, and 5 * 6 = 30.\n\n---\n\nThanks": false, // a rule alone
		"snake_case_name and __init__ in prose":               false,
		"Just *one* emphasis in a plain sentence.":            false,
	} {
		if got := looksMarkdown(s); got != want {
			t.Errorf("looksMarkdown(%q) = %v, want %v", s, got, want)
		}
	}
}

// A web page kept as pasted, markup and all, is titled by its <title> (or
// <h1>), not by its first line of markup; text that merely holds a tag is
// titled as text.
func TestTitleOfMarkup(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<!DOCTYPE html><html><head><title>Harbour bridge closed &amp; tolls | The Gazette</title></head><body><p>The city…</p></body></html>",
			"Harbour bridge closed & tolls | The Gazette"},
		{"<html><body><h1 class=\"head\">Ferry <em>fares</em> rise</h1><p>The ferry company…</p></body></html>", "Ferry fares rise"},
		{"<html><head><title> </title></head><body><h1>Port strike ends</h1></body></html>", "Port strike ends"},
		{"<p>No title here, only a paragraph of text that runs on.</p>", "<p>No title here, only a paragraph of text that runs on.</p>"},
		{"Harbour talks <title> resume\nThe city…", "Harbour talks <title> resume"},
	} {
		if got := TitleOf(c.in); got != c.want {
			t.Errorf("TitleOf(%.40q) = %q, want %q", c.in, got, c.want)
		}
	}
}
