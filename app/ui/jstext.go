package ui

import (
	"bytes"
	"strings"
	"unsafe"

	"gloss/app/extract/wire"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A pasted article (or a long UTF-8 file opened or dropped) comes from
// JavaScript (the box's value, the file's text) and goes back to it three
// times before it is drawn: to the build worker, to the storage
// and to the article's paragraphs. Each time syscall/js decodes the Go
// string's bytes into a new JavaScript string: on a 5 MB paste three
// decodes of 5 MB, ~20-40 ms each in the one task before the first paint.
// The JavaScript string it was read from is kept, and a value that is that
// text, or ends with it, is handed over as that string instead.

// pageTextMin is the shortest text kept: below it a decode is cheap.
const pageTextMin = 64 << 10

// pageText is the long text last read from JavaScript, and the string it
// was read from (held until the next one: the article's paragraphs hold
// slices of it once drawn anyway).
var pageText struct {
	s string
	v app.Value
}

// readText reads a JavaScript string into Go, keeping a long one for
// toJS.
func readText(v app.Value) string {
	s := v.String()
	if len(s) >= pageTextMin {
		pageText.s, pageText.v = s, v
	} else {
		pageText.s, pageText.v = "", app.Undefined()
	}
	return s
}

// readFileText keeps a file's text for toJS, as readText does a paste's:
// v is the string JavaScript decoded the file's bytes b to (gloss.js's
// readFile, only for a long UTF-8 file), and b's Go text, once decoded, is
// those bytes without a byte order mark (text.Decode). The kept Go side
// reads b in place: b is not written to after it is read.
func readFileText(b []byte, v app.Value) {
	if v.Type() != app.TypeString {
		return
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(b) < pageTextMin {
		return
	}
	pageText.s, pageText.v = unsafe.String(unsafe.SliceData(b), len(b)), v
}

// toJS returns what to hand JavaScript for s: the kept JavaScript string
// when s is the text read (the same Go string), the kept string appended
// to the rest when s ends with that text (a stored record's header, a
// request to the worker), else s itself (converted by the call).
func toJS(s string) any {
	t := pageText.s
	if t == "" || len(s) < len(t) {
		return s
	}
	if len(s) == len(t) {
		if unsafe.StringData(s) != unsafe.StringData(t) && s != t {
			return s
		}
		perfMark("gloss-page-text") // tests: the kept string was handed over
		return pageText.v
	}
	if !strings.HasSuffix(s, t) {
		return s
	}
	perfMark("gloss-page-text")
	return jsConcat().Call("call", s[:len(s)-len(t)], pageText.v)
}

// requestMessage is the postMessage arguments that send r to a worker,
// with port (a MessagePort, transferred; nil for none).
//
// When r's text is the text kept (a long article's build) the message is
// {msg, text}: EncodeRequest's header line and the kept JavaScript string,
// which the worker joins. Encoding the whole request in Go copies the 5 MB
// text into a new Go string, and joining it in the page made postMessage
// flatten the joined string before cloning it: a second copy of the text,
// fresh memory in the page's task (~30 ms of the one posting the helper's
// share after the first paint). A shared build's share (sent with its end
// of the channel between the two build workers) goes without its text:
// the build worker, posted the same text with the other end, sends it on
// over the channel, a copy made on its thread. Otherwise the message is
// the request as toJS makes it, or {msg, port}.
func requestMessage(r wire.Request, port app.Value) []any {
	m := map[string]any{}
	if r.Kind == wire.KindShare && port != nil {
		r.Src = ""
		m["msg"], m["textOnPort"] = wire.EncodeRequest(r), true
	} else if head, ok := requestHead(r, pageText.s); ok {
		perfMark("gloss-page-text")
		m["msg"], m["text"] = head, pageText.v
	} else if port == nil {
		return []any{toJS(wire.EncodeRequest(r))}
	} else {
		m["msg"] = toJS(wire.EncodeRequest(r))
	}
	if port == nil {
		return []any{m}
	}
	m["port"] = port
	return []any{m, []any{port}}
}

// requestHead returns EncodeRequest(r) without its text, when r's text is
// kept (the same string, else the same bytes): head + kept is r's message.
func requestHead(r wire.Request, kept string) (head string, ok bool) {
	if kept == "" || len(r.Src) != len(kept) || unsafe.StringData(r.Src) != unsafe.StringData(kept) && r.Src != kept {
		return "", false
	}
	r.Src = ""
	return wire.EncodeRequest(r), true
}

// jsConcat is String.prototype.concat: syscall/js calls no method of a
// string primitive.
func jsConcat() app.Value {
	return app.Window().Get("String").Get("prototype").Get("concat")
}
