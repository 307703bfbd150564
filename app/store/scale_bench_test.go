package store

import (
	"fmt"
	"testing"
)

// libraryOf returns a memory backend holding n articles of about 3 KB with
// 20 annotations each.
func libraryOf(b *testing.B, n int) *Memory {
	b.Helper()
	m := NewMemory()
	l := mustOpen(b, m)
	for i := 0; i < n; i++ {
		if _, err := l.Create(bigDoc(fmt.Sprintf("d%05d", i), 3<<10, 20)); err != nil {
			b.Fatal(err)
		}
	}
	return m
}

// BenchmarkCreateInto adds one article to libraries of 10, 500 and 2,500:
// the cost per article should not grow with the library.
func BenchmarkCreateInto(b *testing.B) {
	for _, n := range []int{10, 500, 2500} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rec := &recorder{Backend: libraryOf(b, n)}
			l := mustOpen(b, rec)
			d := bigDoc("x", 3<<10, 20)
			rec.reset()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d.ID = fmt.Sprintf("new%07d", i)
				if _, err := l.Create(d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rec.setBytes)/float64(b.N), "written-B/op")
		})
	}
}

// BenchmarkLoadFrom reads one article from libraries of 10, 500 and 2,500.
func BenchmarkLoadFrom(b *testing.B) {
	for _, n := range []int{10, 500, 2500} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			l := mustOpen(b, libraryOf(b, n))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := l.Load(fmt.Sprintf("d%05d", i%n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOpen500 opens a library of 500 articles of 3 KB.
func BenchmarkOpen500(b *testing.B) {
	m := libraryOf(b, 500)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mustOpen(b, m)
	}
}
