package ui

import (
	"runtime"
	"strings"
	"testing"

	"gloss/app/extract/wire"
)

// TestRequestHead: a request whose text is the kept one is posted as its
// header line and that text, which joined are EncodeRequest's message,
// and the header is made without copying the text; any other text is not.
func TestRequestHead(t *testing.T) {
	kept := strings.Repeat("Jean-Yves Le Drian met Sergueï Lavrov in Moscow. ", 1<<15) // ~1.6 MB
	r := wire.Request{ID: 7, Kind: wire.KindBuild, Src: kept, Lexicon: true, Share: 0.2, Gazetteer: `{"names":[]}`}
	for name, src := range map[string]string{"same string": kept, "same bytes": strings.Clone(kept)} {
		r.Src = src
		head, ok := requestHead(r, kept)
		if !ok {
			t.Errorf("%s: not posted as the kept text", name)
			continue
		}
		if head+kept != wire.EncodeRequest(r) {
			t.Errorf("%s: header + kept text is not the request's message", name)
		}
		got, err := wire.DecodeRequest(head + kept)
		if err != nil || got.Src != kept || got.ID != 7 || got.Kind != wire.KindBuild || !got.Lexicon || got.Share != 0.2 || got.Gazetteer != `{"names":[]}` {
			t.Errorf("%s: decodes to %+v (%v)", name, got, err)
		}
	}
	r.Src = kept
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, ok := requestHead(r, kept); !ok {
		t.Fatal("not posted as the kept text")
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("the header took %d bytes: the text was copied", n)
	}
	other := []byte(kept)
	other[len(other)/2] = 'X'
	for name, c := range map[string]struct{ src, kept string }{
		"another text":   {string(other), kept},
		"a longer text":  {kept + "!", kept},
		"a shorter text": {kept[1:], kept},
		"nothing kept":   {kept, ""},
	} {
		r.Src = c.src
		if _, ok := requestHead(r, c.kept); ok {
			t.Errorf("%s: posted as the kept text", name)
		}
	}
}
