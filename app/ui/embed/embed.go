// Package embed is Gloss's postMessage protocol (version 1) for pages that
// embed it in an iframe: decoding and checking the host's requests, the
// origin allowlist taken from the page URL, and the replies as JSON.
//
// It is plain Go (no DOM, no go-app) so it is tested natively; the bridge
// in app/ui passes it event.origin and JSON.stringify(event.data), and posts
// the bytes it returns to event.source with the sender's origin as
// targetOrigin.
package embed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"gloss/app/jsonguard"
)

// Protocol is the protocol version sent in gloss:ready.
const Protocol = 1

// Message types, host to Gloss and Gloss to host.
const (
	TypeReady       = "gloss:ready"
	TypeLoad        = "gloss:load"
	TypeLoaded      = "gloss:loaded"
	TypeError       = "gloss:error"
	TypeAnnotations = "gloss:annotations" // both a request and its reply
	TypeSearch      = "gloss:search"
	TypeResults     = "gloss:results"
	TypeEntities    = "gloss:entities" // both a request and its reply
	TypeExport      = "gloss:export"
	TypeExported    = "gloss:exported"
	TypeChanged     = "gloss:changed"
)

// Limits on a host's message, checked before anything is decoded.
const (
	MaxMessageBytes = 25 << 20 // JSON text of one message
	MaxDepth        = 32       // nesting of objects and arrays
)

// requests lists the types a host may send and their fields (all strings).
var requests = map[string][]string{
	TypeLoad:        {"id", "title", "text", "html", "markdown"},
	TypeAnnotations: {"id"},
	TypeSearch:      {"id", "query"},
	TypeEntities:    {"id"},
	TypeExport:      {"id", "format"},
}

// Request is a host's message, decoded and checked. Type is one of
// TypeLoad, TypeAnnotations, TypeSearch, TypeEntities and TypeExport; the
// other fields are those the type carries ("" when absent).
type Request struct {
	Type     string
	ID       string
	Title    string
	Text     string
	HTML     string
	Markdown string
	Query    string
	Format   string
}

// Decode parses and checks a host's message (the JSON text of event.data).
// It refuses messages over MaxMessageBytes, nested deeper than MaxDepth,
// with a __proto__, constructor or prototype key anywhere, of an unknown
// type, or with a known field that is not a string. When the message was
// an object with a string id, the returned Request carries Type and ID even
// with an error, so the caller can answer with Error.
// Unknown fields are ignored, so hosts can send newer messages.
func Decode(data []byte) (Request, error) {
	if len(data) > MaxMessageBytes {
		return Request{}, fmt.Errorf("embed: message is %d bytes, over the %d MB limit; ignored", len(data), MaxMessageBytes>>20)
	}
	if err := checkShape(data); err != nil {
		return Request{}, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil || fields == nil {
		return Request{}, errors.New("embed: message is not a JSON object; ignored")
	}
	str := func(name string) (string, bool, error) {
		raw, ok := fields[name]
		if !ok || string(raw) == "null" {
			return "", false, nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", true, fmt.Errorf("embed: field %q must be a string, got %s", name, kind(raw))
		}
		return s, true, nil
	}
	var r Request
	// The id first, so later errors can be answered.
	if id, _, err := str("id"); err == nil {
		r.ID = id
	}
	typ, ok, err := str("type")
	if err != nil {
		return r, err
	}
	if !ok {
		return r, errors.New(`embed: message has no "type"; ignored`)
	}
	names, known := requests[typ]
	if !known {
		return r, fmt.Errorf("embed: unknown message type %q; ignored", clip(typ))
	}
	r.Type = typ
	dst := map[string]*string{
		"id": &r.ID, "title": &r.Title, "text": &r.Text, "html": &r.HTML,
		"markdown": &r.Markdown, "query": &r.Query, "format": &r.Format,
	}
	for _, n := range names {
		s, _, err := str(n)
		if err != nil {
			return r, fmt.Errorf("%v; %s ignored", err, typ)
		}
		*dst[n] = s
	}
	switch typ {
	case TypeLoad:
		n := 0
		for _, has := range []bool{fields["text"] != nil && r.Text != "", fields["html"] != nil && r.HTML != "", fields["markdown"] != nil && r.Markdown != ""} {
			if has {
				n++
			}
		}
		if n == 0 {
			return r, errors.New("embed: gloss:load needs a non-empty text, html or markdown; nothing loaded")
		}
		if n > 1 {
			return r, errors.New("embed: gloss:load takes one of text, html and markdown, got several; nothing loaded")
		}
	case TypeSearch:
		if strings.TrimSpace(r.Query) == "" {
			return r, errors.New("embed: gloss:search needs a non-empty query")
		}
	case TypeExport:
		if r.Format == "" {
			return r, errors.New("embed: gloss:export needs a format")
		}
	}
	return r, nil
}

// checkShape runs the one JSON guard: valid JSON, one value, nesting at
// most MaxDepth, no key that could reach a JavaScript prototype if a
// message were ever merged into an object (no message of ours uses them).
func checkShape(data []byte) error {
	err := jsonguard.Check(data, jsonguard.Limits{MaxDepth: MaxDepth})
	var e *jsonguard.Error
	if errors.As(err, &e) {
		return fmt.Errorf("embed: message %s; ignored", e.What)
	}
	return err
}

// kind names a JSON value's type for error messages.
func kind(raw json.RawMessage) string {
	b := bytes.TrimSpace(raw)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// clip shortens a host-provided string quoted in an error message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// IsEmbed reports whether the page was opened as an embed: "embed" in the
// fragment (#embed, #embed&origin=…, #embed=1) or embed=1 in the query.
// fragment and query may keep their leading '#' or '?'.
func IsEmbed(fragment, query string) bool {
	on := func(s string) bool {
		v, ok := params(s)["embed"]
		if !ok {
			return false
		}
		last := strings.ToLower(v[len(v)-1])
		return last != "0" && last != "false" && last != "no"
	}
	return on(fragment) || on(query)
}

// params splits "a&b=1&c=x,y" (with an optional leading '#' or '?') into
// unescaped values; a key without '=' has the value "".
func params(s string) map[string][]string {
	s = strings.TrimLeft(s, "#?")
	m := map[string][]string{}
	for _, part := range strings.Split(s, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		m[k] = append(m[k], v)
	}
	return m
}
