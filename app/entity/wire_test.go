package entity

import (
	"bytes"
	"reflect"
	"testing"

	"gloss/web"
)

// TestBuildWire: what DecodeBuild reads back is field for field what Build
// returned, over several texts and option sets.
func TestBuildWire(t *testing.T) {
	texts := []string{"", "word", "Jean-Yves Le Drian met the UN in Paris. Le Drian said so.\n\nKORI SCHULMAN IN DAMASCUS\n\nKori Schulman flew to Damascus."}
	for i, a := range loadGold(t) {
		if i%7 == 0 {
			texts = append(texts, a.Text)
		}
	}
	texts = append(texts, SampleArticle(120<<10, 3))
	opts := splitOptions(t)
	for ti, text := range texts {
		for oi, o := range opts {
			ents, x := Build(text, o)
			msg, err := EncodeBuild(ents, x)
			if err != nil {
				t.Fatal(err)
			}
			// In parts (EncodeBuildParts), joined: the same message, but
			// for the order of the prefix maps' keys.
			parts, err := EncodeBuildParts(ents, x)
			if err != nil {
				t.Fatal(err)
			}
			joined := bytes.Join(parts, nil)
			if len(joined) != len(msg) {
				t.Fatalf("text %d, options %d: the message in %d parts has %d bytes, EncodeBuild's %d", ti, oi, len(parts), len(joined), len(msg))
			}
			if len(text) > 100<<10 && len(parts) < 3 {
				t.Errorf("text %d: a %d-byte message in %d parts: its large arrays were copied", ti, len(msg), len(parts))
			}
			var read []*Index
			for mi, m := range [][]byte{msg, joined} {
				ents2, x2, err := DecodeBuild(text, m)
				if err != nil {
					t.Fatalf("text %d, options %d, message %d: %v", ti, oi, mi, err)
				}
				if !reflect.DeepEqual(ents2, ents) {
					t.Fatalf("text %d, options %d, message %d: entities differ", ti, oi, mi)
				}
				if f := differentField(x2, x); f != "" {
					t.Fatalf("text %d, options %d, message %d: index field %s differs", ti, oi, mi, f)
				}
				read = append(read, x2)
			}
			// Searched, all answer the same.
			for _, q := range []string{"le drian", "kori", "damscus", "un", "the"} {
				h := x.Search(q, 10)
				for mi, x2 := range read {
					if h2 := x2.Search(q, 10); !reflect.DeepEqual(h, h2) {
						t.Fatalf("text %d, options %d, message %d: search %q differs", ti, oi, mi, q)
					}
				}
			}
		}
	}
}

// TestBuildWireRefuses: a message cut short, for another text, of another
// layout or with bytes left over is an error, not a wrong result.
func TestBuildWireRefuses(t *testing.T) {
	text := "Jean-Yves Le Drian met the UN in Paris."
	ents, x := Build(text, Options{})
	msg, err := EncodeBuild(ents, x)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := DecodeBuild(text+" ", msg); err == nil {
		t.Error("a message for another text was read")
	}
	for _, n := range []int{0, 7, 8, 17, len(msg) / 2, len(msg) - 8} {
		if _, _, err := DecodeBuild(text, msg[:n]); err == nil {
			t.Errorf("a message cut to %d of %d bytes was read", n, len(msg))
		}
	}
	bad := append([]byte(nil), msg...)
	bad[0] ^= 1
	if _, _, err := DecodeBuild(text, bad); err == nil {
		t.Error("a message of another layout was read")
	}
	if _, _, err := DecodeBuild(text, append(append([]byte(nil), msg...), make([]byte, 8)...)); err == nil {
		t.Error("a message with bytes left over was read")
	}
	x.Search("drian", 5)
	if _, err := EncodeBuild(ents, x); err == nil {
		t.Error("a searched index was encoded")
	}
	// Unaligned, it is copied first.
	odd := append(make([]byte, 1, len(msg)+1), msg...)[1:]
	if _, _, err := DecodeBuild(text, odd); err != nil {
		t.Error(err)
	}
}

// differentField names the first field of the indexes that differs, "" when
// they are deep-equal.
func differentField(a, b *Index) string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := 0; i < va.NumField(); i++ {
		fa, fb := va.Field(i), vb.Field(i)
		if !reflect.DeepEqual(reflect.NewAt(fa.Type(), fa.Addr().UnsafePointer()).Elem().Interface(),
			reflect.NewAt(fb.Type(), fb.Addr().UnsafePointer()).Elem().Interface()) {
			return va.Type().Field(i).Name
		}
	}
	if !reflect.DeepEqual(a, b) {
		return "?"
	}
	return ""
}

// BenchmarkDecodeBuild5MB: taking in a 5 MB article's build (the page's
// side of the build worker); the message's size is reported.
func BenchmarkDecodeBuild5MB(b *testing.B) {
	text := SampleArticle(5<<20, 1)
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		b.Fatal(err)
	}
	ents, x := Build(text, Options{Lexicon: lex, Memory: &Memory{}})
	msg, err := EncodeBuild(ents, x)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := DecodeBuild(text, msg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(msg))/(1<<20), "MB")
}

// BenchmarkEncodeBuild5MB: the worker's side.
func BenchmarkEncodeBuild5MB(b *testing.B) {
	text := SampleArticle(5<<20, 1)
	ents, x := Build(text, Options{})
	b.ResetTimer()
	for b.Loop() {
		if _, err := EncodeBuild(ents, x); err != nil {
			b.Fatal(err)
		}
	}
}
