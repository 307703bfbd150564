package entity

import (
	"sort"
	"sync"
	"testing"
	"time"

	"gloss/web"
)

var (
	benchOnce sync.Once
	benchText string
	benchEnts []Entity
	benchIdx  *Index
)

func benchSetup(b *testing.B) {
	benchOnce.Do(func() {
		benchText = SampleArticle(1<<20, 1)
		benchEnts = Find(benchText, nil)
		benchIdx = NewIndex(benchText, benchEnts)
	})
	b.ResetTimer()
}

// benchQueries are typed letter by letter; none repeats the one before.
var benchQueries = []string{
	"hollande", "damscus", "putn", "charles gaulle", "jean yves", "minister", "voseanil", "against",
	"trovib", "the", "gezo", "quovai", "shamybry", "koubr", "president", "zoude", "lecuhi", "plehab",
	"gystoustan", "wajaihair",
}

func BenchmarkFind1MB(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		Find(benchText, nil)
	}
}

func BenchmarkNewIndex1MB(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(benchText, benchEnts)
	}
}

// BenchmarkSearchKeystroke types benchQueries letter by letter. Besides
// the median and worst of all keystrokes it reports them over each
// keystroke's fastest round ("-best"), which filters out the pauses a busy
// shared machine adds.
func BenchmarkSearchKeystroke(b *testing.B) {
	benchSetup(b)
	typeQueries(b, benchQueries)
	b.ReportMetric(float64(benchIdx.Len()), "targets")
}

// typeQueries types qs letter by letter on benchIdx, every round, and
// reports the median and worst keystroke, of all rounds and of each
// keystroke's fastest round.
func typeQueries(b *testing.B, qs []string) {
	b.ReportAllocs()
	var all []time.Duration
	var best []time.Duration // per keystroke position, the fastest round
	var names []string
	for b.Loop() {
		k := 0
		for _, q := range qs {
			rs := []rune(q)
			for n := 1; n <= len(rs); n++ {
				t := time.Now()
				benchIdx.Search(string(rs[:n]), 20)
				d := time.Since(t)
				all = append(all, d)
				if k == len(best) {
					best = append(best, d)
					names = append(names, string(rs[:n]))
				} else if d < best[k] {
					best[k] = d
				}
				k++
			}
		}
	}
	slowest := 0
	for i, d := range best {
		if d > best[slowest] {
			slowest = i
		}
	}
	b.Logf("%d keystrokes a round of %q; slowest at best %q: %v", len(best), qs, names[slowest], best[slowest])
	med, worst := medianWorst(all)
	b.ReportMetric(med, "ns/keystroke-median")
	b.ReportMetric(worst, "ns/keystroke-worst")
	med, worst = medianWorst(best)
	b.ReportMetric(med, "ns/keystroke-median-best")
	b.ReportMetric(worst, "ns/keystroke-worst-best")
}

func medianWorst(ds []time.Duration) (float64, float64) {
	ds = append([]time.Duration(nil), ds...)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[len(ds)/2].Nanoseconds()), float64(ds[len(ds)-1].Nanoseconds())
}

func BenchmarkMentions50(b *testing.B) {
	benchSetup(b)
	keys := make([]string, 0, 50)
	for i := 0; i < len(benchEnts) && len(keys) < 50; i += len(benchEnts) / 50 {
		keys = append(keys, benchEnts[i].Key)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchIdx.Mentions(keys)
	}
}

func BenchmarkGazetteerMatch1MB(b *testing.B) {
	benchSetup(b)
	var es []Entry
	for i := 0; i < len(benchEnts) && len(es) < 1000; i += 7 {
		es = append(es, Entry{Name: benchEnts[i].Name, Label: "PER", Aliases: []string{benchEnts[i].Key + " x"}})
	}
	g := NewGazetteer(es)
	g.Match("warm up")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.Match(benchText)
	}
}

// BenchmarkFindTyped1MB is Find with the built-in lexicon: candidates,
// grouping and typing, as the app runs it once the lexicon has arrived.
func BenchmarkFindTyped1MB(b *testing.B) {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		b.Fatal(err)
	}
	benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		FindWith(benchText, Options{Lexicon: lex})
	}
}

// BenchmarkParseLexicon is the cost of reading the built-in lexicon.
func BenchmarkParseLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseLexicon(web.Lexicon); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	benchLexOnce sync.Once
	benchLex     *Lexicon
	benchSized   = map[int]string{}
)

// benchArticle is SampleArticle(size, 1) and the built-in lexicon, made once.
func benchArticle(b testing.TB, size int) (string, *Lexicon) {
	benchLexOnce.Do(func() {
		lex, err := ParseLexicon(web.Lexicon)
		if err != nil {
			b.Fatal(err)
		}
		benchLex = lex
	})
	if _, ok := benchSized[size]; !ok {
		benchSized[size] = SampleArticle(size, 1)
	}
	return benchSized[size], benchLex
}

// BenchmarkBuild1MB and BenchmarkBuild5MB are Build as the app runs it on a
// pasted article: entities typed with the built-in lexicon, then the index.
func BenchmarkBuild1MB(b *testing.B) { benchBuild(b, 1<<20) }
func BenchmarkBuild5MB(b *testing.B) { benchBuild(b, 5<<20) }

func benchBuild(b *testing.B, size int) {
	text, lex := benchArticle(b, size)
	b.ReportAllocs()
	for b.Loop() {
		Build(text, Options{Lexicon: lex})
	}
}

func BenchmarkFind5MB(b *testing.B) {
	text, _ := benchArticle(b, 5<<20)
	b.ReportAllocs()
	for b.Loop() {
		Find(text, nil)
	}
}

func BenchmarkNewIndex5MB(b *testing.B) {
	text, _ := benchArticle(b, 5<<20)
	ents := Find(text, nil)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(text, ents)
	}
}
