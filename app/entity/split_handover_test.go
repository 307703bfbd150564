package entity

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// handedOver is s after a trip through EncodeHandOver and DecodeHandOver
// (the parts joined, as the worker copies them into one buffer), beside a
// reading of its text.
func handedOver(t *testing.T, s *Split, o Options) *Split {
	t.Helper()
	parts, err := EncodeHandOver(s)
	if err != nil {
		t.Fatal(err)
	}
	h, err := DecodeHandOver(bytes.Join(parts, nil), o, ReadAhead(s.f.text, o))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHandOverTypesAsSplit: a Split handed over types every share as the
// one that read the text does, part for part, so a build shared with a
// sharer that did not read the text is Build's result, field for field.
func TestHandOverTypesAsSplit(t *testing.T) {
	texts := splitTexts(t)
	for oi, o := range splitOptions(t) {
		for ti, text := range texts {
			want, wx := Build(text, o)
			for _, at := range []float64{0, 0.2, 0.5, 1} {
				name := fmt.Sprintf("options %d, text %d, at %.2f", oi, ti, at)
				s := NewSplit(text, o)
				h := handedOver(t, s, o)
				if h.Len() != s.Len() || h.fp != s.fp {
					t.Fatalf("%s: handed over %d entities (fingerprint %x), want %d (%x)", name, h.Len(), h.fp, s.Len(), s.fp)
				}
				p := h.Type(at, 1)
				if q := NewSplit(text, o).Type(at, 1); !reflect.DeepEqual(p, q) {
					t.Fatalf("%s: the part typed from the hand-over differs", name)
				}
				s.Type(0, at)
				ents, x, err := s.Finish(wired(t, p))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !reflect.DeepEqual(ents, want) {
					t.Fatalf("%s: entities differ", name)
				}
				if f := differentField(x, wx); f != "" {
					t.Fatalf("%s: index field %s differs", name, f)
				}
			}
		}
	}
}

// TestHandOverRefuses: a hand-over cut short, of another layout or with
// bytes left over is an error; one whose entities changed on the way types a Part the original
// refuses, and the original, typing it all, still gives Build's result.
func TestHandOverRefuses(t *testing.T) {
	text := "Jean-Yves Le Drian met the UN in Paris. Le Drian said so to Reuters.\n\nKORI SCHULMAN IN DAMASCUS\n\nKori Schulman flew to Damascus."
	o := Options{}
	parts, err := EncodeHandOver(NewSplit(text, o))
	if err != nil {
		t.Fatal(err)
	}
	msg := bytes.Join(parts, nil)
	for _, n := range []int{0, 7, 8, 17, len(msg) / 3, len(msg) / 2, len(msg) - 8} {
		if _, err := DecodeHandOver(msg[:n], o, ReadAhead(text, o)); err == nil {
			t.Errorf("a message cut to %d of %d bytes was read", n, len(msg))
		}
	}
	bad := append([]byte(nil), msg...)
	bad[0] ^= 1
	if _, err := DecodeHandOver(bad, o, ReadAhead(text, o)); err == nil {
		t.Error("a message of another layout was read")
	}
	if _, err := DecodeHandOver(append(append([]byte(nil), msg...), make([]byte, 8)...), o, ReadAhead(text, o)); err == nil {
		t.Error("a message with bytes left over was read")
	}
	if _, err := DecodeHandOver(EncodePart(NewSplit(text, o).Type(0, 1)), o, ReadAhead(text, o)); err == nil {
		t.Error("a part message was read as a hand-over")
	}
	// A key changed on the way ("le drian" to "le driam").
	i := bytes.Index(msg, []byte("le drian"))
	if i < 0 {
		t.Fatal("no key in the message")
	}
	bad = append([]byte(nil), msg...)
	bad[i+7] = 'm'
	h, err := DecodeHandOver(bad, o, ReadAhead(text, o))
	if err != nil {
		t.Fatal(err)
	}
	s := NewSplit(text, o)
	if _, _, err := s.Finish(h.Type(0, 1)); err == nil {
		t.Fatal("a part typed from a changed hand-over was taken")
	}
	want, _ := Build(text, o)
	if ents, _, err := s.Finish(); err != nil || !reflect.DeepEqual(ents, want) {
		t.Fatalf("after a refused part: %v, entities equal %v", err, reflect.DeepEqual(ents, want))
	}
	// A reading of another text: another length, or the same length and
	// tokens but another word; none at all; one used up already.
	other := strings.Replace(text, "Paris", "Parus", 1)
	for _, rd := range []*Reading{ReadAhead(text+" Hi.", o), ReadAhead(other, o), nil} {
		if _, err := DecodeHandOver(msg, o, rd); err == nil {
			t.Error("a hand-over was read beside a reading of another text, or none")
		}
	}
	rd := ReadAhead(text, o)
	if _, err := DecodeHandOver(msg, o, rd); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeHandOver(msg, o, rd); err == nil {
		t.Error("a reading was used twice")
	}
	s = NewSplit(text, o)
	if _, _, err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	if _, err := EncodeHandOver(s); err == nil {
		t.Error("a finished split was handed over")
	}
}
