package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// LegacyDecoder, when set, decodes bytes in a charset this package does not
// carry tables for (shift_jis, gbk, euc-kr, big5, …). The browser side sets it
// to use the browser's TextDecoder, so the wasm binary needs no CJK tables.
// It returns ok=false when it does not know the label.
var LegacyDecoder func(label string, data []byte) (string, bool)

// Decode turns bytes into a valid UTF-8 string: UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM, the charset declared by an HTML <meta> (when isHTML)
// or an XML declaration, else a guess (valid UTF-8 is UTF-8, otherwise
// windows-1252). Invalid UTF-8 sequences become U+FFFD and a Notice says how
// many. It fails only for data that is not text (images, archives, NULs…).
func Decode(data []byte, isHTML bool) (string, []Notice, error) {
	return decodeDeclared(data, isHTML, "")
}

// decodeDeclared is Decode with the charset the bytes came declared with
// (a saved page's part; "" for none): a byte order mark wins over it, and
// it wins over what the bytes say of themselves, as a charset in HTTP's
// Content-Type does.
func decodeDeclared(data []byte, isHTML bool, declared string) (string, []Notice, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(data[3:], nil)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:], nil)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:], nil)
	}
	if declared != "" {
		return decodeLabel(declared, data)
	}
	if what := sniffBinary(data); what != "" {
		if e := guessUTF16(data); e != nil {
			return decodeWith(e, data, []Notice{"decoded as UTF-16 (no byte order mark)"})
		}
		return "", nil, &BinaryError{What: what}
	}
	label := ""
	if isHTML {
		label = metaCharset(data)
	} else if bytes.HasPrefix(data, []byte("<?xml")) {
		label = xmlEncoding(data)
	}
	if label != "" {
		return decodeLabel(label, data)
	}
	if utf8.Valid(data) || mostlyUTF8(data) {
		return decodeUTF8(data, nil)
	}
	return decodeWith(charmap.Windows1252, data, []Notice{"the text is not UTF-8; decoded as windows-1252"})
}

// BinaryError reports data that is not text.
type BinaryError struct {
	What string // e.g. "a PNG image", "binary data"
}

// Error says what the bytes look like.
func (e *BinaryError) Error() string { return "not text (it looks like " + e.What + ")" }

// ErrNoText is wrapped by errors for input with no text in it.
var ErrNoText = errors.New("no text found")

func decodeUTF8(data []byte, notes []Notice) (string, []Notice, error) {
	if utf8.Valid(data) {
		return string(data), notes, nil
	}
	bad := 0
	var b strings.Builder
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			// One U+FFFD per maximal invalid sequence, as browsers do.
			bad++
			b.WriteRune(utf8.RuneError)
			data = data[1:]
			for len(data) > 0 && !utf8.RuneStart(data[0]) {
				data = data[1:]
			}
			continue
		}
		b.Write(data[:size])
		data = data[size:]
	}
	seq := "sequences were"
	if bad == 1 {
		seq = "sequence was"
	}
	notes = append(notes, Notice(fmt.Sprintf("%d invalid UTF-8 %s replaced with \uFFFD", bad, seq)))
	return b.String(), notes, nil
}

func decodeWith(e encoding.Encoding, data []byte, notes []Notice) (string, []Notice, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// The x/text decoders replace bad input themselves; this is unexpected.
		return "", notes, fmt.Errorf("cannot decode: %v", err)
	}
	// Decoders emit valid UTF-8, but make sure (a lone surrogate, say).
	return strings.ToValidUTF8(string(out), "\uFFFD"), notes, nil
}

// decodeLabel decodes data in the charset named by a declaration.
func decodeLabel(label string, data []byte) (string, []Notice, error) {
	label = strings.ToLower(strings.TrimSpace(label))
	if isUTF8Label(label) {
		return decodeUTF8(data, nil)
	}
	if strings.HasPrefix(label, "utf-16") || label == "unicode" || label == "ucs-2" {
		// A UTF-16 page without a BOM declared in ASCII is really ASCII-compatible.
		if e := guessUTF16(data); e != nil {
			return decodeWith(e, data, nil)
		}
		return decodeUTF8(data, nil)
	}
	if e := singleByte(label); e != nil {
		if e == charmap.Windows1252 && utf8.Valid(data) || hasMultiByteUTF8(data) && utf8.Valid(data) {
			// Pages saved from a browser keep their old meta but are UTF-8.
			if isASCII(data) {
				return string(data), nil, nil
			}
			return string(data), []Notice{Notice("the page declares " + label + " but is valid UTF-8; decoded as UTF-8")}, nil
		}
		return decodeWith(e, data, nil)
	}
	if LegacyDecoder != nil {
		if s, ok := LegacyDecoder(label, data); ok {
			return strings.ToValidUTF8(s, "\uFFFD"), []Notice{Notice("decoded as " + label)}, nil
		}
	}
	if utf8.Valid(data) {
		return string(data), []Notice{Notice("the page declares the charset " + label + ", which cannot be decoded here; it is valid UTF-8, so it was read as UTF-8")}, nil
	}
	return decodeWith(charmap.Windows1252, data, []Notice{Notice("the charset " + label + " cannot be decoded here; decoded as windows-1252, some characters may be wrong")})
}

func isUTF8Label(l string) bool {
	switch l {
	case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
		return true
	}
	return false
}

// singleByteLabels are the WHATWG labels of the single-byte encodings
// decoded here, one line per encoding in singleByteEncoding's order: a
// string scanned, where a switch of their 103 labels was 14 KB of
// app.wasm's code.
const singleByteLabels = `windows-1252 cp1252 x-cp1252 iso-8859-1 iso8859-1 iso_8859-1 latin1 l1 ascii us-ascii ansi_x3.4-1968 cp819 ibm819 iso-ir-100 csisolatin1
iso-8859-2 iso8859-2 latin2 l2
iso-8859-3 iso8859-3 latin3 l3
iso-8859-4 iso8859-4 latin4 l4
iso-8859-5 iso8859-5 cyrillic
iso-8859-6 iso8859-6 arabic
iso-8859-7 iso8859-7 greek greek8
iso-8859-8 iso8859-8 hebrew visual iso-8859-8-i logical
iso-8859-10 iso8859-10 latin6 l6
iso-8859-13 iso8859-13
iso-8859-14 iso8859-14
iso-8859-15 iso8859-15 latin9 l9
iso-8859-16 iso8859-16
windows-1250 cp1250 x-cp1250
windows-1251 cp1251 x-cp1251
windows-1253 cp1253 x-cp1253
windows-1254 cp1254 x-cp1254 iso-8859-9 iso8859-9 latin5 l5
windows-1255 cp1255 x-cp1255
windows-1256 cp1256 x-cp1256
windows-1257 cp1257 x-cp1257
windows-1258 cp1258 x-cp1258
windows-874 tis-620 iso-8859-11 iso8859-11
koi8-r koi8 koi cskoi8r
koi8-u koi8-ru
macintosh mac x-mac-roman csmacintosh
ibm866 cp866 866 csibm866`

// singleByte returns the single-byte encoding for a WHATWG label, or nil.
func singleByte(l string) encoding.Encoding {
	rest := singleByteLabels
	for i := 0; rest != ""; i++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		for line != "" {
			var label string
			label, line, _ = strings.Cut(line, " ")
			if label == l {
				return singleByteEncoding(i)
			}
		}
	}
	return nil
}

// singleByteEncoding returns the encoding of singleByteLabels' line i.
func singleByteEncoding(i int) encoding.Encoding {
	switch i {
	case 0:
		return charmap.Windows1252
	case 1:
		return charmap.ISO8859_2
	case 2:
		return charmap.ISO8859_3
	case 3:
		return charmap.ISO8859_4
	case 4:
		return charmap.ISO8859_5
	case 5:
		return charmap.ISO8859_6
	case 6:
		return charmap.ISO8859_7
	case 7:
		return charmap.ISO8859_8
	case 8:
		return charmap.ISO8859_10
	case 9:
		return charmap.ISO8859_13
	case 10:
		return charmap.ISO8859_14
	case 11:
		return charmap.ISO8859_15
	case 12:
		return charmap.ISO8859_16
	case 13:
		return charmap.Windows1250
	case 14:
		return charmap.Windows1251
	case 15:
		return charmap.Windows1253
	case 16:
		return charmap.Windows1254
	case 17:
		return charmap.Windows1255
	case 18:
		return charmap.Windows1256
	case 19:
		return charmap.Windows1257
	case 20:
		return charmap.Windows1258
	case 21:
		return charmap.Windows874
	case 22:
		return charmap.KOI8R
	case 23:
		return charmap.KOI8U
	case 24:
		return charmap.Macintosh
	case 25:
		return charmap.CodePage866
	}
	return nil
}

// metaCharset finds the charset declared by a <meta> in the first 4 KB of an
// HTML document, or "".
func metaCharset(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	low := bytes.ToLower(head)
	for {
		i := bytes.Index(low, []byte("<meta"))
		if i < 0 {
			return xmlEncoding(data)
		}
		low = low[i+5:]
		end := bytes.IndexByte(low, '>')
		if end < 0 {
			end = len(low)
		}
		tag := low[:end]
		j := bytes.Index(tag, []byte("charset"))
		if j < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[j+7:], " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		k := bytes.IndexAny(v, "\"'; \t\r\n/>")
		if k >= 0 {
			v = v[:k]
		}
		if len(v) > 0 {
			return string(v)
		}
	}
}

// xmlEncoding returns the encoding of an <?xml … encoding="…"?> declaration.
func xmlEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 || end > 200 {
		return ""
	}
	decl := bytes.ToLower(data[:end])
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(decl[i+8:], " =\"'")
	if k := bytes.IndexAny(v, "\"' "); k >= 0 {
		v = v[:k]
	}
	return string(v)
}

// mostlyUTF8 reports whether data is UTF-8 with a few damaged bytes: many
// well-formed multi-byte sequences and few invalid ones.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			bad++
		} else {
			good++
		}
		data = data[size:]
	}
	return good >= 4*bad && good >= 4
}

func hasMultiByteUTF8(data []byte) bool {
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError || size > 1 {
			return true
		}
		data = data[size:]
	}
	return false
}

func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// magic numbers of common binary formats, checked at the start of the data.
var magics = []struct {
	prefix string
	what   string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"BM", ""}, // checked below: "BM" starts ordinary words too
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
	{"\x00\x00\x01\x00", "an icon"},
	{"%PDF", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument/EPUB file)"},
	{"PK\x05\x06", "an empty ZIP archive"},
	{"\x1f\x8b", "a gzip archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"BZh", ""}, // needs a digit after: see below
	{"\xfd7zXZ\x00", "an xz archive"},
	{"\x28\xb5\x2f\xfd", "a zstd archive"},
	{"\x7fELF", "a program (ELF)"},
	{"MZ", ""}, // checked below
	{"\x00asm", "a WebAssembly module"},
	{"\xca\xfe\xba\xbe", "a Java class or Mach-O program"},
	{"\xcf\xfa\xed\xfe", "a Mach-O program"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"},
	{"OggS", "an Ogg audio/video file"},
	{"ID3", "an MP3 audio file"},
	{"fLaC", "a FLAC audio file"},
	{"wOFF", "a web font"},
	{"wOF2", "a web font"},
	{"SQLite format 3\x00", "an SQLite database"},
	{"{\\rtf", "an RTF document"},
}

// sniffBinary returns what data looks like when it is not text, or "".
func sniffBinary(data []byte) string {
	for _, m := range magics {
		if m.what != "" && bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.what
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		switch string(data[8:12]) {
		case "WEBP":
			return "a WebP image"
		case "WAVE":
			return "a WAV audio file"
		case "AVI ":
			return "an AVI video"
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "an MP4/HEIC media file"
	}
	if len(data) >= 4 && string(data[:3]) == "BZh" && data[3] >= '1' && data[3] <= '9' {
		return "a bzip2 archive"
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	nul, ctl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			ctl++
		}
	}
	if len(head) > 0 && (nul+ctl)*100 > len(head) {
		if len(data) >= 2 && (string(data[:2]) == "MZ") {
			return "a Windows program"
		}
		return "binary data"
	}
	return ""
}

// guessUTF16 recognises BOM-less UTF-16 text: NUL bytes on one side of most
// ASCII characters. It returns nil when data does not look like that.
func guessUTF16(data []byte) encoding.Encoding {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if len(head) < 4 {
		return nil
	}
	even, odd := 0, 0
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd*10 > half*7 && even*20 < half:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 > half*7 && odd*20 < half:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}
