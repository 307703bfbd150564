package ui

import (
	"errors"
	"testing"

	"gloss/app/convert"
	"gloss/app/extract/wire"
	"gloss/app/format"
	"gloss/app/text"
)

// TestConvertReply: the page's converter (a convert.Wire over the worker's
// replies) gives each failure its own message: an unreachable worker the
// plain-words ErrUnavailable, the worker's failure on the call (a panic
// there) its own; a reply is the call's answer.
func TestConvertReply(t *testing.T) {
	defer func(u convert.Converter) { convert.Use = u }(convert.Use)
	for _, c := range []struct {
		name  string
		reply wire.Reply
		err   string
	}{
		{"answered", wire.ReplyTo(1, text.Page{Text: `{"Data":"AQI="}`}, nil), ""},
		{"unreachable", wire.Reply{ID: -1, Err: "in the page: extract.wasm: 404", Unavailable: true}, convert.ErrUnavailable.Error()},
		{"failed there", wire.ReplyTo(1, text.Page{}, errors.New("the file could not be converted: runtime error: index out of range")),
			"the file could not be converted: runtime error: index out of range"},
	} {
		t.Run(c.name, func(t *testing.T) {
			convert.Use = convert.Wire(func(string) (string, error) { return convertReply(c.reply) })
			data, _, err := convert.Encode("conll", format.Doc{Text: "Ada"})
			if c.err == "" {
				if err != nil || string(data) != "\x01\x02" {
					t.Errorf("Encode: %q %v, want the answer", data, err)
				}
				return
			}
			if err == nil || err.Error() != c.err {
				t.Errorf("Encode: %v, want %q", err, c.err)
			}
		})
	}
}
