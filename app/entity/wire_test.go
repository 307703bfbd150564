package entity

import (
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
			ents2, x2, err := DecodeBuild(text, msg)
			if err != nil {
				t.Fatalf("text %d, options %d: %v", ti, oi, err)
			}
			if !reflect.DeepEqual(ents2, ents) {
				t.Fatalf("text %d, options %d: entities differ", ti, oi)
			}
			if f := differentField(x2, x); f != "" {
				t.Fatalf("text %d, options %d: index field %s differs", ti, oi, f)
			}
			// Searched, both answer the same.
			for _, q := range []string{"le drian", "kori", "damscus", "un", "the"} {
				if h1, h2 := x.Search(q, 10), x2.Search(q, 10); !reflect.DeepEqual(h1, h2) {
					t.Fatalf("text %d, options %d: search %q differs", ti, oi, q)
				}
			}
		}
	}
}

// TestBuildWireRefuses: a message cut short, for another text, or of
// another layout is an error, not a wrong result.
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
