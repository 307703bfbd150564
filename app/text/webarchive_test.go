package text

import (
	"os"
	"strings"
	"testing"
)

// testdata/latin1.webarchive was written by Python's plistlib (an
// independent writer of binary property lists) in the layout Safari saves:
// the page in ISO-8859-1, its URL (not ASCII) as a UTF-16 string.

func TestUnpackWebArchive(t *testing.T) {
	data, err := os.ReadFile("testdata/latin1.webarchive")
	if err != nil {
		t.Fatal(err)
	}
	html, charset, err := unpackWebArchive(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<!DOCTYPE html><html><head><title>Caf\xe9 de la gare</title></head><body><p>Le caf\xe9 a ferm\xe9.</p></body></html>"; string(html) != want || charset != "ISO-8859-1" {
		t.Errorf("unpackWebArchive = %q, %q", html, charset)
	}
	s, _, err := decodeSaved(html, charset)
	if err != nil || !strings.Contains(s, "<p>Le café a fermé.</p>") {
		t.Errorf("decoded: %q, %v", s, err)
	}
	if !isWebArchive("download", data) || !isWebArchive("Page.WEBARCHIVE", nil) || isWebArchive("a.html", []byte("<p>WebMainResource</p>")) {
		t.Error("isWebArchive")
	}
	if FileKind("page.webarchive", data) != KindHTML {
		t.Error("a web archive is not read as a web page")
	}
}

func TestUnpackWebArchiveRefused(t *testing.T) {
	good, err := os.ReadFile("testdata/latin1.webarchive")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":      nil,
		"magic only": []byte(bplistMagic),
		"xml form":   []byte(`<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>WebMainResource</key></dict></plist>`),
		"cut short":  good[:len(good)/2],
		"no trailer": good[:len(good)-5],
	}
	for name, data := range cases {
		if html, _, err := unpackWebArchive(data); err == nil {
			t.Errorf("%s: unpackWebArchive = %q, want an error", name, html)
		}
	}
	// Every byte of the objects' ends, the offset table and the trailer
	// damaged in turn: an error or a page, never a panic.
	for i := len(good) - 80; i < len(good); i++ {
		b := append([]byte(nil), good...)
		b[i] ^= 0xff
		unpackWebArchive(b)
	}
	_, _, err = Load("Café.webarchive", cases["xml form"])
	if err == nil || !strings.Contains(err.Error(), "Café.webarchive is a web page Safari saved (web archive), but it is a web archive in the XML form") {
		t.Errorf("Load of an XML web archive: %v", err)
	}
}

func FuzzUnpackWebArchive(f *testing.F) {
	if good, err := os.ReadFile("testdata/latin1.webarchive"); err == nil {
		f.Add(good)
	}
	f.Add([]byte(bplistMagic + "\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		unpackWebArchive(data) // must not panic
	})
}

func FuzzUnpackMHTML(f *testing.F) {
	f.Add([]byte(blinkSaved))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+\r\n--b--"))
	f.Fuzz(func(t *testing.T, data []byte) {
		isMHTML("x", data)
		unpackMHTML(data) // must not panic
	})
}
