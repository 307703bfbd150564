package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// newsPage is a saved web page: furniture around an article with a byline.
const newsPage = `<!doctype html><html><head><meta charset="utf-8"><title>Talks in Moscow | The Gazette</title>
<script>var s = "Boris Johnson";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">Angela Merkel's page</a></nav>
<article><h1>Talks in Moscow</h1><p class="byline">By Marta Silva</p>
<p>French Defense Minister Jean-Yves Le Drian heads for Moscow this Monday, in pursuit of closer work between France and Russia, and will meet his counterpart Sergey Shoigu.</p>
<p>He will ask Russia to increase its strikes, according to officials in Paris, who said that intelligence sharing requires giving on both sides, and that the talks would also cover incidents in the air.</p>
<p>President Emmanuel Macron visited Moscow in November, after the attacks in Paris, and agreed with Vladimir Putin on a joint declaration against terrorism.</p>
</article><footer>© The Gazette</footer></body></html>`

func TestTextCommand(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte(newsPage), 0o644)
	var out, errb bytes.Buffer
	if err := runText([]string{page}, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	want, _, err := gtext.Load("page.html", []byte(newsPage))
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != want.Text || !strings.HasPrefix(out.String(), "French Defense Minister") {
		t.Errorf("gloss text printed %q, want Load's text %q", out.String(), want.Text)
	}
	out.Reset()
	if err := runText([]string{"-title", page}, &out, &errb); err != nil || out.String() != "Talks in Moscow\n" {
		t.Errorf("-title printed %q (%v)", out.String(), err)
	}
	// Standard input is sniffed; a CRLF text comes out as the browser keeps it.
	textStdin = strings.NewReader("Headline\r\n\r\n\r\nBody  \r\n")
	out.Reset()
	if err := runText([]string{"-"}, &out, &errb); err != nil || out.String() != "Headline\n\nBody" {
		t.Errorf("stdin: %q (%v)", out.String(), err)
	}
	if err := runText([]string{filepath.Join(dir, "missing.html")}, &out, &errb); err == nil {
		t.Error("a missing file gave no error")
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	if err := runText([]string{empty}, &out, &errb); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file: %v", err)
	}
}

// gloss entities reads the article as the browser does: offsets on a CRLF
// file count in the normalised text, and an HTML page gives only names of
// its article, none from its scripts or navigation.
func TestEntitiesLoadsLikeTheBrowser(t *testing.T) {
	dir := t.TempDir()
	crlf := filepath.Join(dir, "crlf.txt")
	os.WriteFile(crlf, []byte("Paris talks\r\n\r\nPresident Emmanuel Macron spoke.\r\n"), 0o644)
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte(newsPage), 0o644)
	for _, tt := range []struct {
		file, want string
		absent     []string
	}{
		{crlf, "Emmanuel Macron", nil},
		{page, "Emmanuel Macron", []string{"Boris Johnson", "Angela Merkel"}},
	} {
		var out, errb bytes.Buffer
		if err := runEntities([]string{tt.file}, &out, &errb); err != nil {
			t.Fatal(err, errb.String())
		}
		a, _, _ := gtext.LoadFile(tt.file, nil)
		runes := []rune(a.Text)
		found := false
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var l entityLine
			if err := json.Unmarshal([]byte(line), &l); err != nil {
				t.Fatal(err)
			}
			if string(runes[l.Start:l.End]) != l.Text {
				t.Errorf("%s: %d-%d is not %q in the loaded text", tt.file, l.Start, l.End, l.Text)
			}
			found = found || l.Text == tt.want
			for _, bad := range tt.absent {
				if strings.Contains(l.Text, strings.Fields(bad)[1]) {
					t.Errorf("%s: %q found outside the article", tt.file, l.Text)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q not found in %s", tt.file, tt.want, out.String())
		}
	}
}
