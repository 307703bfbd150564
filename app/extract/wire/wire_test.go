package wire

import (
	"errors"
	"strings"
	"testing"

	"gloss/app/text"
)

func TestRequestRoundTrip(t *testing.T) {
	for _, r := range []Request{
		{ID: 1, Kind: text.KindHTML, Src: "<!DOCTYPE html>\n<p>a &amp; b</p>\n\n\"q\" \u2028 😀 \\n"},
		{ID: 1 << 30, Kind: text.KindMarkdown, Src: ""},
		{ID: 7, Kind: text.KindMarkdown, Src: "\n\n# head\n"},
		{ID: 8, Kind: KindVisible, Src: "<h2>Copied</h2><p>from a page</p>"},
	} {
		msg := EncodeRequest(r)
		got, err := DecodeRequest(msg)
		if err != nil || got != r {
			t.Errorf("DecodeRequest(EncodeRequest(%+v)) = %+v, %v", r, got, err)
		}
		// The payload is carried as is, after one header line.
		if !strings.HasSuffix(msg, r.Src) || strings.Count(msg[:len(msg)-len(r.Src)], "\n") != 1 {
			t.Errorf("message %q does not end with the source after one line", msg)
		}
	}
}

func TestReplyRoundTrip(t *testing.T) {
	for _, r := range []Reply{
		{ID: 3, Page: text.Page{Title: "Storm <b>", Byline: "By Zoë", Published: "2024-03-05", Site: "Gazette", Text: "Para one.\n\nPara two 中文\n", Whole: true}},
		{ID: 4, Err: "no text found", NoText: true},
		{ID: 5, Err: "the module could not be fetched", Unavailable: true},
		{ID: 6, Err: "cannot parse the HTML: x"},
	} {
		got, err := DecodeReply(EncodeReply(r))
		if err != nil || got != r {
			t.Errorf("DecodeReply(EncodeReply(%+v)) = %+v, %v", r, got, err)
		}
	}
}

// What an extraction returned reads the same on the other side.
func TestReplyErrors(t *testing.T) {
	p := text.Page{Title: "T", Text: "x"}
	if r := ReplyTo(1, p, nil); r.Error() != nil || r.Page != p {
		t.Errorf("success: %+v %v", r, r.Error())
	}
	if err := ReplyTo(2, p, text.ErrNoText).Error(); !errors.Is(err, text.ErrNoText) {
		t.Errorf("no text: %v", err)
	}
	if err := ReplyTo(3, p, errors.New("boom")).Error(); err == nil || err.Error() != "boom" || errors.Is(err, text.ErrUnavailable) {
		t.Errorf("other error: %v", err)
	}
	// The worker's script writes this header itself when its module fails.
	r, err := DecodeReply(`{"id":9,"err":"Failed to fetch","unavailable":true}` + "\n")
	if err != nil || r.ID != 9 || !errors.Is(r.Error(), text.ErrUnavailable) || !strings.Contains(r.Error().Error(), "Failed to fetch") {
		t.Errorf("script's failure reply = %+v, %v (%v)", r, err, r.Error())
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, msg := range []string{"", "no header", "{\"id\":1\n", "[1]\n<p>"} {
		if _, err := DecodeReply(msg); err == nil {
			t.Errorf("DecodeReply(%q) accepted", msg)
		}
		if _, err := DecodeRequest(msg); err == nil {
			t.Errorf("DecodeRequest(%q) accepted", msg)
		}
	}
	if _, err := DecodeRequest(`{"id":1,"kind":"text"}` + "\nx"); err == nil {
		t.Error("a request of kind text was accepted")
	}
}
