package text

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		isHTML bool
		want   string
		notice string // a substring of the notices, "" for none
	}{
		{"utf8", "Zoë 😀 中文 مرحبا", false, "Zoë 😀 中文 مرحبا", ""},
		{"utf8 bom", "\xef\xbb\xbfCôté", false, "Côté", ""},
		{"utf16le bom", "\xff\xfeZ\x00\xeb\x00=\xd8\x00\xde", false, "Zë😀", ""},
		{"utf16be bom", "\xfe\xff\x00Z\x00\xeb\xd8=\xde\x00", false, "Zë😀", ""},
		{"utf16le no bom", "H\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00", false, "Hello world", "UTF-16"},
		{"windows-1252 guess", "caf\xe9 \x93quoted\x94", false, "café “quoted”", "windows-1252"},
		{"invalid utf8 replaced", "Zoë Côté Éloïse Ñandú \xff ok", false, "Zoë Côté Éloïse Ñandú \uFFFD ok", "1 invalid UTF-8 sequence was replaced"},
		{"meta charset", `<html><head><meta charset="iso-8859-15"></head><body>` + "\xa4 caf\xe9", true, "€ café", ""},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">` + "\xf0\xd2\xc9", true, "При", ""},
		{"meta windows-1251", `<meta charset='windows-1251'>` + "\xcf\xf0\xe8", true, "При", ""},
		{"meta utf-8 invalid", `<meta charset="utf-8">a` + "\xc3\x28\xff", true, "a\uFFFD(\uFFFD", "2 invalid UTF-8 sequences"},
		{"meta latin1 but utf8", `<meta charset="iso-8859-1">Côté`, true, "Côté", "valid UTF-8"},
		{"meta unknown", `<meta charset="shift_jis">` + "\x82\xa0", true, "‚\u00a0", "shift_jis"},
		{"meta ignored for text", `<meta charset="koi8-r">` + "é", false, `<meta charset="koi8-r">é`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, notes, err := Decode([]byte(tt.data), tt.isHTML)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(got, tt.want) {
				t.Errorf("Decode = %q, want suffix %q", got, tt.want)
			}
			all := joinNotices(notes)
			if tt.notice == "" && all != "" || !strings.Contains(all, tt.notice) {
				t.Errorf("notices %q, want %q", all, tt.notice)
			}
		})
	}
}

func TestDecodeLegacyDecoder(t *testing.T) {
	defer func() { LegacyDecoder = nil }()
	LegacyDecoder = func(label string, data []byte) (string, bool) {
		if label == "shift_jis" {
			return "あ", true
		}
		return "", false
	}
	got, notes, err := Decode([]byte(`<meta charset="Shift_JIS">`+"\x82\xa0"), true)
	if err != nil || got != "あ" || !strings.Contains(joinNotices(notes), "shift_jis") {
		t.Errorf("Decode with LegacyDecoder = %q, %q, %v", got, notes, err)
	}
}

func TestDecodeBinary(t *testing.T) {
	for _, tt := range []struct{ data, what string }{
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"},
		{"%PDF-1.7\n", "PDF"},
		{"PK\x03\x04\x14\x00", "ZIP"},
		{"\x1f\x8b\x08\x00", "gzip"},
		{"\x7fELF\x02\x01", "ELF"},
		{"\x00asm\x01\x00\x00\x00", "WebAssembly"},
		{"GIF89a\x01\x00", "GIF"},
		{"\xff\xd8\xff\xe0", "JPEG"},
		{"some text\x00\x01\x02\x03 with controls", "binary"},
	} {
		_, _, err := Decode([]byte(tt.data), false)
		var be *BinaryError
		if !errors.As(err, &be) || !strings.Contains(be.What, tt.what) {
			t.Errorf("Decode(%q) error = %v, want a BinaryError about %s", tt.data, err, tt.what)
		}
	}
}

func joinNotices(ns []Notice) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(string(n))
		b.WriteByte('\n')
	}
	return b.String()
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "plain", "\xef\xbb\xbfbom", "\xff\xfea\x00", "\xfe\xff\x00a", "caf\xe9",
		`<meta charset="koi8-r">` + "\xf0", "\x89PNG\r\n\x1a\n", "a\x00b\x00c\x00", "\xed\xa0\x80"} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		s, _, err := Decode(data, isHTML)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) = %q: not valid UTF-8", data, s)
		}
	})
}
