package text

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// crlf writes a MIME message's line breaks as they are on disk.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// blinkSaved is a page as Chrome saves "Webpage, Single File": the HTML
// quoted-printable (soft line breaks, "=3D", UTF-8 bytes escaped), an image
// and a style sheet after it.
var blinkSaved = crlf(`From: <Saved by Blink>
Snapshot-Content-Location: https://news.example/storm
Subject: =?utf-8?Q?Storm_hits_Montr=C3=A9al?=
Date: Thu, 3 Dec 2026 12:00:00 -0000
MIME-Version: 1.0
Content-Type: multipart/related;
	type="text/html";
	boundary="----MultipartBoundary--abc123----"


------MultipartBoundary--abc123----
Content-Type: text/html
Content-ID: <frame-1@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://news.example/storm

<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/=
html; charset=3DUTF-8"><title>Storm hits Montr=C3=A9al</title></head><body><p=
>A storm struck Montr=C3=A9al on Monday.</p></body></html>
------MultipartBoundary--abc123----
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: https://news.example/a.png

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA
60e6kgAAAABJRU5ErkJggg==
------MultipartBoundary--abc123----
Content-Type: text/css
Content-Transfer-Encoding: quoted-printable
Content-Location: cid:css-1@mhtml.blink

p { color: red; }
------MultipartBoundary--abc123------
`)

func TestUnpackMHTML(t *testing.T) {
	wantBlink := `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Storm hits Montréal</title></head><body><p>A storm struck Montréal on Monday.</p></body></html>`
	tests := []struct {
		name, data, want, charset string
	}{
		{"chrome", blinkSaved, wantBlink, ""},
		{"line feeds only", strings.ReplaceAll(blinkSaved, "\r\n", "\n"), wantBlink, ""},
		{"start names the second part", crlf(`MIME-Version: 1.0
Content-Type: multipart/related; boundary=b; start="<main@x>"

--b
Content-Type: text/html
Content-ID: <frame@x>

<p>an inner frame</p>
--b
Content-Type: text/html; charset="utf-8"
Content-ID: <main@x>

<p>the page</p>
--b--
`), "<p>the page</p>", "utf-8"},
		{"root not html: first html part", crlf(`MIME-Version: 1.0
Content-Type: multipart/related; boundary="b"

--b
Content-Type: image/gif
Content-Transfer-Encoding: base64

R0lGODlhAQABAAAAACw=
--b
Content-Type: text/html
Content-Transfer-Encoding: 7bit

<p>page</p>
--b--
`), "<p>page</p>", ""},
		{"word, base64 in windows-1252", crlf(`MIME-Version: 1.0
Content-Type: multipart/related; boundary="----=_NextPart_01D"

This document is a Single File Web Page, also known as a Web Archive file.

------=_NextPart_01D
Content-Location: file:///C:/doc.htm
Content-Transfer-Encoding: base64
Content-Type: text/html; charset="windows-1252"

PHA+Q2Fm6SBk6WrgIHZ1PC9wPg==

------=_NextPart_01D--
`), "<p>Caf\xe9 d\xe9j\xe0 vu</p>", "windows-1252"},
		{"a single part message", crlf(`MIME-Version: 1.0
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>na=C3=AFve</p>
`), "<p>naïve</p>\r\n", "utf-8"},
		{"cut short: no closing delimiter", crlf(`MIME-Version: 1.0
Content-Type: multipart/related; boundary=b

--b
Content-Type: text/html

<p>kept</p>
`), "<p>kept</p>\r\n", ""},
		{"a boundary inside a line is text", crlf(`MIME-Version: 1.0
Content-Type: multipart/related; boundary=b

--b
Content-Type: text/html

<p>a --b in the middle</p>
--b--
`), "<p>a --b in the middle</p>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, charset, err := unpackMHTML([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want || charset != tt.charset {
				t.Errorf("unpackMHTML = %q, %q; want %q, %q", got, charset, tt.want, tt.charset)
			}
		})
	}
}

func TestUnpackMHTMLRefused(t *testing.T) {
	for name, data := range map[string]string{
		"no html part":  crlf("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n"),
		"no boundary":   crlf("MIME-Version: 1.0\nContent-Type: multipart/related\n\n<p>x</p>\n"),
		"bad base64":    crlf("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n!!!notbase64\n--b--\n"),
		"no header end": "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b",
	} {
		if got, _, err := unpackMHTML([]byte(data)); err == nil {
			t.Errorf("%s: unpackMHTML = %q, want an error", name, got)
		}
	}
}

func TestIsMHTML(t *testing.T) {
	tests := []struct {
		name, data string
		want       bool
	}{
		{"page.mhtml", "anything", true},
		{"PAGE.MHT", "anything", true},
		{"download", blinkSaved, true},
		{"saved.html", blinkSaved, true},
		{"mail.eml", blinkSaved, true},
		{"notes.txt", blinkSaved, false}, // named as text: read as text
		{"page.html", "<!DOCTYPE html><p>x</p>", false},
		{"letter", "From: Ann\r\nSubject: hi\r\n\r\nDear Bob", false},
		{"mail", "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := isMHTML(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("isMHTML(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLoadMHTML(t *testing.T) {
	// The HTML needs the extraction package, which this one does not link:
	// Load says so, and nothing else is wrong (package extract's TestLoad
	// reads the page).
	_, _, err := Load("storm.mhtml", []byte(blinkSaved))
	if err == nil || !strings.Contains(err.Error(), ErrUnavailable.Error()) {
		t.Errorf("Load without an extractor: %v", err)
	}
	if FileKind("storm.mhtml", []byte(blinkSaved)) != KindHTML || FileKind("x", []byte(blinkSaved)) != KindHTML {
		t.Error("an MHTML file is not read as a web page")
	}
	_, _, err = Load("pics.mhtml", []byte(crlf("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n")))
	if err == nil || !strings.Contains(err.Error(), "pics.mhtml is a web page saved as one file (MHTML), but it holds no web page") || !strings.HasSuffix(err.Error(), "nothing was loaded") {
		t.Errorf("Load of an MHTML without a page: %v", err)
	}
	big := make([]byte, MaxFileSize+10)
	copy(big, blinkSaved)
	if _, _, err := Load("big.mhtml", big); err != nil && strings.Contains(err.Error(), "the limit is") {
		t.Errorf("a saved page over MaxFileSize with a small page in it was refused for its size: %v", err)
	}
	if _, _, err := Load("big.html", big); err == nil || !strings.Contains(err.Error(), "the limit is 20.0 MB") {
		t.Errorf("Load of a 20 MB .html: %v", err)
	}
}

func TestDecodeMHTMLCharset(t *testing.T) {
	// The part's charset wins over the page's <meta>.
	msg := crlf("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n<meta charset=3D\"utf-8\"><p>Caf=E9</p>\n--b--\n")
	s, _, err := decodeMHTMLForTest(msg)
	if err != nil || !strings.Contains(s, "<p>Café</p>") {
		t.Errorf("decodeMHTML = %q, %v", s, err)
	}
	// A byte order mark wins over the part's charset.
	if s, _, err := decodeSaved([]byte("\xEF\xBB\xBF<p>Caf\xC3\xA9</p>"), "windows-1252"); err != nil || s != "<p>Café</p>" {
		t.Errorf("decodeSaved with a BOM = %q, %v", s, err)
	}
	// No charset on the part: the page's own <meta> says.
	msg = crlf("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<meta charset=3D\"iso-8859-1\"><p>Caf=E9</p>\n--b--\n")
	s, _, err = decodeMHTMLForTest(msg)
	if err != nil || !strings.Contains(s, "<p>Café</p>") {
		t.Errorf("decodeMHTML with a <meta> = %q, %v", s, err)
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		in, media string
		params    map[string]string
	}{
		{`multipart/related;
	type="text/html";
	boundary="----MultipartBoundary--abc----"`, "multipart/related", map[string]string{"type": "text/html", "boundary": "----MultipartBoundary--abc----"}},
		{`Multipart/Related; Boundary=----=_NextPart_01D; start="<a;b@x>"`, "multipart/related", map[string]string{"boundary": "----=_NextPart_01D", "start": "<a;b@x>"}},
		{`text/html; charset="windows-1252"`, "text/html", map[string]string{"charset": "windows-1252"}},
		{`text/html;charset=UTF-8 `, "text/html", map[string]string{"charset": "UTF-8"}},
		{`text/html; name="a \"quoted\" name"`, "text/html", map[string]string{"name": `a "quoted" name`}},
		{`text/html; broken`, "text/html", map[string]string{}},
		{`text/html; b="unterminated`, "text/html", map[string]string{"b": "unterminated"}},
		{``, "", map[string]string{}},
	}
	for _, tt := range tests {
		media, params := mediaType(tt.in)
		if media != tt.media || fmt.Sprint(params) != fmt.Sprint(tt.params) {
			t.Errorf("mediaType(%q) = %q %v, want %q %v", tt.in, media, params, tt.media, tt.params)
		}
	}
}

func TestLoadFileSavedPageLimit(t *testing.T) {
	// LoadFile reads a saved page past MaxFileSize (its images are in it)
	// and still refuses anything past MaxSavedPageSize.
	dir := t.TempDir()
	big := make([]byte, MaxFileSize+10)
	copy(big, blinkSaved)
	p := dir + "/big.mhtml"
	if err := os.WriteFile(p, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadFile(p, nil); err != nil && strings.Contains(err.Error(), "the limit is") {
		t.Errorf("LoadFile of a 20 MB saved page: %v", err)
	}
	if err := os.WriteFile(p, make([]byte, MaxSavedPageSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadFile(p, nil); err == nil || !strings.Contains(err.Error(), "the limit is 100.0 MB") {
		t.Errorf("LoadFile of a saved page over the limit: %v", err)
	}
}

func decodeMHTMLForTest(msg string) (string, []Notice, error) {
	page, charset, err := unpackMHTML([]byte(msg))
	if err != nil {
		return "", nil, err
	}
	return decodeSaved(page, charset)
}

func TestLoadDocumentHint(t *testing.T) {
	_, _, err := Load("report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
	if err == nil || !strings.Contains(err.Error(), "report.pdf is not text (it looks like a PDF document); nothing was loaded. To annotate it, open it, select all its text, copy it and paste it here") {
		t.Errorf("Load of a PDF: %v", err)
	}
	_, _, err = Load("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"))
	if err == nil || strings.Contains(err.Error(), "paste") {
		t.Errorf("Load of a photo: %v", err)
	}
}
