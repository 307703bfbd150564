package extract

import (
	"bytes"
	"encoding/base64"
	"mime/quotedprintable"
	"os"
	"strings"
	"testing"

	"gloss/app/text"
)

// Pages saved as one file.

// loadNews returns testdata/news.html and the article Load reads in it.
func loadNews(t *testing.T) ([]byte, text.Article) {
	t.Helper()
	news, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := text.Load("news.html", news)
	if err != nil {
		t.Fatal(err)
	}
	return news, want
}

// TestLoadMHTML reads a web page saved as one file as the same page saved
// as .html: same title, text, byline and date, whichever encoding the
// saving tool chose.
func TestLoadMHTML(t *testing.T) {
	news, want := loadNews(t)
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(news)
	w.Close()
	b64 := base64.StdEncoding.EncodeToString(news)
	var lines []string
	for len(b64) > 76 {
		lines, b64 = append(lines, b64[:76]), b64[76:]
	}
	lines = append(lines, b64)
	for _, tt := range []struct{ name, encoding, body string }{
		{"storm.mhtml", "quoted-printable", qp.String()},
		{"storm.mht", "base64", strings.Join(lines, "\r\n")},
		{"download", "quoted-printable", qp.String()},
	} {
		msg := "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\r\n" +
			"------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: " + tt.encoding + "\r\n\r\n" +
			strings.ReplaceAll(strings.ReplaceAll(tt.body, "\r\n", "\n"), "\n", "\r\n") +
			"\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x------\r\n"
		got, _, err := text.Load(tt.name, []byte(msg))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got != want {
			t.Errorf("%s: Load = %+v\nwant %+v", tt.name, got, want)
		}
	}
}

// TestLoadWebArchive reads a page as Safari saves it (written by Python's
// plistlib in Safari's layout) as the same page saved as .html.
func TestLoadWebArchive(t *testing.T) {
	_, want := loadNews(t)
	arch, err := os.ReadFile("testdata/news.webarchive")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Storm.webarchive", "download"} {
		got, _, err := text.Load(name, arch)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != want {
			t.Errorf("%s: Load = %+v\nwant %+v", name, got, want)
		}
	}
}
