package text

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// switchSingleByte is singleByte as a switch, as it was written before
// singleByteLabels.
func switchSingleByte(l string) encoding.Encoding {
	switch l {
	case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
		"ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100", "csisolatin1":
		return charmap.Windows1252
	case "iso-8859-2", "iso8859-2", "latin2", "l2":
		return charmap.ISO8859_2
	case "iso-8859-3", "iso8859-3", "latin3", "l3":
		return charmap.ISO8859_3
	case "iso-8859-4", "iso8859-4", "latin4", "l4":
		return charmap.ISO8859_4
	case "iso-8859-5", "iso8859-5", "cyrillic":
		return charmap.ISO8859_5
	case "iso-8859-6", "iso8859-6", "arabic":
		return charmap.ISO8859_6
	case "iso-8859-7", "iso8859-7", "greek", "greek8":
		return charmap.ISO8859_7
	case "iso-8859-8", "iso8859-8", "hebrew", "visual", "iso-8859-8-i", "logical":
		return charmap.ISO8859_8
	case "iso-8859-10", "iso8859-10", "latin6", "l6":
		return charmap.ISO8859_10
	case "iso-8859-13", "iso8859-13":
		return charmap.ISO8859_13
	case "iso-8859-14", "iso8859-14":
		return charmap.ISO8859_14
	case "iso-8859-15", "iso8859-15", "latin9", "l9":
		return charmap.ISO8859_15
	case "iso-8859-16", "iso8859-16":
		return charmap.ISO8859_16
	case "windows-1250", "cp1250", "x-cp1250":
		return charmap.Windows1250
	case "windows-1251", "cp1251", "x-cp1251":
		return charmap.Windows1251
	case "windows-1253", "cp1253", "x-cp1253":
		return charmap.Windows1253
	case "windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "iso8859-9", "latin5", "l5":
		return charmap.Windows1254
	case "windows-1255", "cp1255", "x-cp1255":
		return charmap.Windows1255
	case "windows-1256", "cp1256", "x-cp1256":
		return charmap.Windows1256
	case "windows-1257", "cp1257", "x-cp1257":
		return charmap.Windows1257
	case "windows-1258", "cp1258", "x-cp1258":
		return charmap.Windows1258
	case "windows-874", "tis-620", "iso-8859-11", "iso8859-11":
		return charmap.Windows874
	case "koi8-r", "koi8", "koi", "cskoi8r":
		return charmap.KOI8R
	case "koi8-u", "koi8-ru":
		return charmap.KOI8U
	case "macintosh", "mac", "x-mac-roman", "csmacintosh":
		return charmap.Macintosh
	case "ibm866", "cp866", "866", "csibm866":
		return charmap.CodePage866
	}
	return nil
}

// singleByte knows every label switchSingleByte knew, and nothing else.
func TestSingleByteLabels(t *testing.T) {
	labels := []string{"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso-8859-2", "iso8859-2", "latin2", "l2", "iso-8859-3", "iso8859-3", "latin3", "l3", "iso-8859-4", "iso8859-4", "latin4", "l4", "iso-8859-5", "iso8859-5", "cyrillic", "iso-8859-6", "iso8859-6", "arabic", "iso-8859-7", "iso8859-7", "greek", "greek8", "iso-8859-8", "iso8859-8", "hebrew", "visual", "iso-8859-8-i", "logical", "iso-8859-10", "iso8859-10", "latin6", "l6", "iso-8859-13", "iso8859-13", "iso-8859-14", "iso8859-14", "iso-8859-15", "iso8859-15", "latin9", "l9", "iso-8859-16", "iso8859-16", "windows-1250", "cp1250", "x-cp1250", "windows-1251", "cp1251", "x-cp1251", "windows-1253", "cp1253", "x-cp1253", "windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1255", "cp1255", "x-cp1255", "windows-1256", "cp1256", "x-cp1256", "windows-1257", "cp1257", "x-cp1257", "windows-1258", "cp1258", "x-cp1258", "windows-874", "tis-620", "iso-8859-11", "iso8859-11", "koi8-r", "koi8", "koi", "cskoi8r", "koi8-u", "koi8-ru", "macintosh", "mac", "x-mac-roman", "csmacintosh", "ibm866", "cp866", "866", "csibm866"}
	if len(labels) != 103 {
		t.Fatalf("%d labels", len(labels))
	}
	for _, l := range labels {
		want := switchSingleByte(l)
		if want == nil || singleByte(l) != want {
			t.Errorf("singleByte(%q) = %v, want %v", l, singleByte(l), want)
		}
	}
	for _, l := range []string{"", " ", "\n", "utf-8", "windows", "cp1252 ", " cp1252", "cp1252 x-cp1252", "l2\nl3", "csisolatin1\n", "866 ", "x-user-defined", "WINDOWS-1252"} {
		if got := singleByte(l); got != nil {
			t.Errorf("singleByte(%q) = %v, want nil", l, got)
		}
	}
}
