package entity

import (
	"runtime"
	"strings"
	"testing"
	"unicode"
)

// benchTypoQueries are 20 names spread over the 1 MB article's entities,
// each with one typo in the middle of its longest word — dropped, swapped,
// replaced, doubled in turn — as the browser benchmark types them.
func benchTypoQueries() []string {
	var qs []string
	step := max(1, len(benchEnts)/20)
	for i := 0; i < len(benchEnts) && len(qs) < 20; i += step {
		for j := i; j < len(benchEnts) && j < i+step; j++ {
			r := []rune(strings.ToLower(benchEnts[j].Name))
			at, n := -1, 0
			for k := 0; k < len(r); {
				if !unicode.IsLetter(r[k]) {
					k++
					continue
				}
				e := k
				for e < len(r) && unicode.IsLetter(r[e]) {
					e++
				}
				if e-k > n {
					at, n = k, e-k
				}
				k = e
			}
			if n < 5 {
				continue
			}
			p := at + n/2
			var out []rune
			switch len(qs) % 4 {
			case 0:
				out = append(append(out, r[:p]...), r[p+1:]...)
			case 1:
				out = append(out, r...)
				out[p-1], out[p] = out[p], out[p-1]
			case 2:
				out = append(append(append(out, r[:p]...), 'a'+(r[p]-'a'+1)%26), r[p+1:]...)
			case 3:
				out = append(append(append(out, r[:p]...), r[p]), r[p:]...)
			}
			qs = append(qs, string(out))
			break
		}
	}
	return qs
}

// BenchmarkSearchKeystrokeTypos types benchTypoQueries letter by letter,
// reporting as BenchmarkSearchKeystroke does.
func BenchmarkSearchKeystrokeTypos(b *testing.B) {
	benchSetup(b)
	typeQueries(b, benchTypoQueries())
}

// BenchmarkIndexMemory1MB reports the heap the search index of the 1 MB
// article keeps (after a collection), beside the text itself.
func BenchmarkIndexMemory1MB(b *testing.B) {
	benchSetup(b)
	var keep *Index
	var kept float64
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		keep = NewIndex(benchText, benchEnts)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		kept = float64(m1.HeapAlloc-m0.HeapAlloc) / (1 << 20)
	}
	runtime.KeepAlive(keep)
	b.ReportMetric(kept, "MB-kept")
}
