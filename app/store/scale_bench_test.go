package store

import (
	"fmt"
	"testing"
)

// libraries holds the libraries libraryOf built, by size.
var libraries = map[int]map[string]string{}

// libraryOf returns a memory backend holding n articles of about 3 KB with
// 20 annotations each (built once per size, then copied).
func libraryOf(b *testing.B, n int) *Memory {
	b.Helper()
	if libraries[n] == nil {
		m := NewMemory()
		l := mustOpen(b, m)
		for i := 0; i < n; i++ {
			if _, err := l.Create(bigDoc(fmt.Sprintf("d%05d", i), 3<<10, 20)); err != nil {
				b.Fatal(err)
			}
		}
		libraries[n] = snapshot(m)
	}
	m := NewMemory()
	for k, v := range libraries[n] {
		m.Set(k, v)
	}
	return m
}

// sizes are the library sizes the scale benchmarks compare.
var sizes = []int{10, 500, 2500, 5000}

// BenchmarkCreateInto adds one article to libraries of 10 to 5,000: the
// cost per article (time, bytes written and read) should not grow with the
// library.
func BenchmarkCreateInto(b *testing.B) {
	for _, n := range sizes {
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
				// Keep the library at n articles: the deletion is not measured.
				b.StopTimer()
				rec.paused = true
				if _, err := l.Delete(d.ID); err != nil {
					b.Fatal(err)
				}
				rec.paused = false
				b.StartTimer()
			}
			b.ReportMetric(float64(rec.setBytes)/float64(b.N), "written-B/op")
			b.ReportMetric(float64(rec.getBytes)/float64(b.N), "read-B/op")
		})
	}
}

// BenchmarkLoadFrom reads one article from libraries of 10 to 5,000.
func BenchmarkLoadFrom(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rec := &recorder{Backend: libraryOf(b, n)}
			l := mustOpen(b, rec)
			rec.reset()
			defer func() { b.ReportMetric(float64(rec.getBytes)/float64(b.N), "read-B/op") }()
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

// BenchmarkOpen opens libraries of 10 to 5,000 articles of 3 KB: it reads
// the listing, not the articles.
func BenchmarkOpen(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rec := &recorder{Backend: libraryOf(b, n)}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				mustOpen(b, rec)
			}
			b.ReportMetric(float64(rec.getBytes)/float64(b.N), "read-B/op")
		})
	}
}
