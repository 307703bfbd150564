package ui

import (
	"unicode/utf8"

	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// In the browser, charsets app/text carries no tables for (shift_jis, gbk,
// euc-kr, big5, …) are decoded by the browser's own TextDecoder, so the wasm
// binary ships no CJK tables. Set at init: it needs JavaScript only when
// called, and a file can be dropped before the App has mounted.
func init() {
	if app.IsClient {
		text.LegacyDecoder = browserDecode
	}
}

// browserDecode decodes data in the WHATWG charset label with TextDecoder.
// It returns ok=false for a label the browser does not know (TextDecoder
// throws a RangeError; syscall/js panics) and for data that is not valid in
// that charset but is valid UTF-8 (a page saved as UTF-8 that kept its old
// meta), so app/text reads it as UTF-8. Otherwise-invalid bytes become
// U+FFFD, as the browser would show the page.
func browserDecode(label string, data []byte) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	buf := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(buf, data)
	if s, ok := textDecode(label, buf, true); ok {
		return s, true
	}
	if utf8.Valid(data) {
		return "", false
	}
	return textDecode(label, buf, false)
}

// textDecode runs TextDecoder once; fatal makes invalid input fail instead
// of becoming U+FFFD.
func textDecode(label string, buf app.Value, fatal bool) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	opts := app.Window().Get("Object").New()
	opts.Set("fatal", fatal)
	dec := app.Window().Get("TextDecoder").New(label, opts)
	return dec.Call("decode", buf).String(), true
}
