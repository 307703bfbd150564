package store

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/annot"
)

// bigDoc is an article of about size bytes with n annotations.
func bigDoc(id string, size, n int) Doc {
	word := "Ångström met ACME in Paris. "
	text := strings.Repeat(word, size/len(word)+1)
	as := make([]annot.Annotation, 0, n)
	per := len([]rune(word))
	for i := 0; i < n; i++ {
		as = append(as, annot.Annotation{ID: fmt.Sprintf("a%05d", i), Start: i * per, End: i*per + 8, Label: "PER", Text: "Ångström"})
	}
	return Doc{Meta: Meta{ID: id, Title: id, Created: 1}, Text: text, Annotations: as}
}

func BenchmarkSaveAnnotations(b *testing.B) {
	rec := &recorder{Backend: NewMemory()}
	l := mustOpen(b, rec)
	d := bigDoc("big", 1<<20, 2000)
	if _, err := l.Create(d); err != nil {
		b.Fatal(err)
	}
	rec.reset()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Annotations[i%2000].Note = fmt.Sprint(i)
		if err := l.SaveAnnotations("big", d.Annotations, int64(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rec.setBytes)/float64(b.N), "written-B/op")
}

func fullLibrary(b *testing.B) *Memory {
	m := NewMemory()
	l := mustOpen(b, m)
	for i := 0; i < 20; i++ {
		if _, err := l.Create(bigDoc(fmt.Sprint("doc", i), 50<<10, 100)); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := l.Create(bigDoc("big", 1<<20, 2000)); err != nil {
		b.Fatal(err)
	}
	return m
}

func BenchmarkOpenFullLibrary(b *testing.B) {
	m := fullLibrary(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, probs, err := Open(m); err != nil || len(probs) > 0 {
			b.Fatal(err, probs)
		}
	}
}

func BenchmarkLoad1MB(b *testing.B) {
	l := mustOpen(b, fullLibrary(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Load("big"); err != nil {
			b.Fatal(err)
		}
	}
}
