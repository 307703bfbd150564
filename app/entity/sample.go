package entity

import (
	"math"
	"strings"
)

// SampleArticle returns a deterministic news-like article of about size
// bytes for benchmarks: prose over a large made-up vocabulary with people
// (some with particles, accents and titles), places, organisations and
// acronyms. The same size and seed always give the same text, so the
// native and browser benchmarks measure the same article.
func SampleArticle(size int, seed int64) string {
	g := &sampleGen{rng: uint64(seed)*0x9E3779B97F4A7C15 + 1}
	g.vocab = g.words(200000, 1, 4, false)
	g.first = g.words(4000, 2, 3, true)
	g.last = g.words(20000, 2, 4, true)
	g.places = g.words(2500, 2, 3, true)
	for i := 0; i < 400; i++ {
		n := 2 + g.intn(3)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteByte(byte('A' + g.intn(26)))
		}
		g.acronyms = append(g.acronyms, b.String())
	}
	var b strings.Builder
	b.Grow(size + 256)
	for sentence := 0; b.Len() < size; sentence++ {
		if sentence > 0 {
			if sentence%6 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		g.sentence(&b)
	}
	s := b.String()
	if len(s) > size {
		if i := strings.LastIndexByte(s[:size], ' '); i > 0 {
			s = s[:i]
		}
	}
	return s
}

type sampleGen struct {
	rng                        uint64
	vocab, first, last, places []string
	acronyms                   []string
}

// next is splitmix64: fast, and the same on every platform.
func (g *sampleGen) next() uint64 {
	g.rng += 0x9E3779B97F4A7C15
	z := g.rng
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

func (g *sampleGen) intn(n int) int { return int(g.next() % uint64(n)) }

// zipf picks an index in [0,n) with a log-uniform skew: low indexes are
// far more frequent, as in real vocabularies.
func (g *sampleGen) zipf(n int) int {
	u := float64(g.next()>>11) / (1 << 53)
	i := int(math.Exp(u*math.Log(float64(n+1)))) - 1
	if i >= n {
		i = n - 1
	}
	return i
}

var (
	sampleOnsets = []string{"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
		"ch", "sh", "th", "tr", "br", "st", "pl", "gr", "qu"}
	sampleVowels = []string{"a", "e", "i", "o", "u", "ou", "ai", "ea", "io", "y"}
	sampleAccent = []string{"é", "è", "ü", "ç", "ñ", "ø"}
	sampleCodas  = []string{"", "", "", "n", "r", "s", "l", "t", "m", "ck"}
	sampleFunc   = strings.Fields(`the of and to in a is that for on with as by at from it was were has have had
		but not which this be are his her their after over about into its more than also who would said will
		while during against between under since before new two one other some many most they he she`)
	sampleTitles = []string{"President", "Minister", "Defense Minister", "Senator", "Mr.", "General", "Mayor"}
	sampleOrgs   = []string{"Institute", "Agency", "Council", "Party", "Bank", "Group", "Ministry", "Front"}
)

// words makes n distinct made-up words of lo to hi syllables.
func (g *sampleGen) words(n, lo, hi int, capital bool) []string {
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		syl := lo + g.intn(hi-lo+1)
		for i := 0; i < syl; i++ {
			b.WriteString(sampleOnsets[g.intn(len(sampleOnsets))])
			if capital && g.intn(20) == 0 {
				b.WriteString(sampleAccent[g.intn(len(sampleAccent))])
			} else {
				b.WriteString(sampleVowels[g.intn(len(sampleVowels))])
			}
		}
		b.WriteString(sampleCodas[g.intn(len(sampleCodas))])
		w := b.String()
		if capital {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func (g *sampleGen) person(b *strings.Builder) {
	last := g.last[g.zipf(len(g.last))]
	if g.intn(2) == 0 {
		last = g.last[g.intn(len(g.last))]
	}
	switch r := g.intn(10); {
	case r < 4:
		b.WriteString(g.first[g.zipf(len(g.first))])
		b.WriteByte(' ')
		if g.intn(12) == 0 {
			b.WriteString([]string{"de ", "van ", "Le ", "bin "}[g.intn(4)])
		}
	case r < 6:
		b.WriteString(sampleTitles[g.intn(len(sampleTitles))])
		b.WriteByte(' ')
	case r < 7:
		b.WriteString(g.first[g.zipf(len(g.first))])
		b.WriteByte('-')
		b.WriteString(g.first[g.zipf(len(g.first))])
		b.WriteByte(' ')
	}
	b.WriteString(last)
	if g.intn(8) == 0 {
		b.WriteString("'s")
	}
}

func (g *sampleGen) sentence(b *strings.Builder) {
	n := 8 + g.intn(17)
	for i := 0; i < n; i++ {
		if i > 0 {
			if g.intn(12) == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		switch r := g.intn(100); {
		case r < 15:
			g.person(b)
		case r < 18:
			b.WriteString(g.places[g.zipf(len(g.places))])
		case r < 20:
			b.WriteString(g.places[g.zipf(len(g.places))])
			b.WriteByte(' ')
			b.WriteString(sampleOrgs[g.intn(len(sampleOrgs))])
		case r < 21:
			b.WriteString(g.acronyms[g.zipf(len(g.acronyms))])
		case r < 52:
			w := sampleFunc[g.intn(len(sampleFunc))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
		default:
			w := g.vocab[g.zipf(len(g.vocab))]
			if g.intn(5) != 0 {
				w = g.vocab[g.intn(len(g.vocab))] // the long tail
			}
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
		}
	}
	b.WriteByte('.')
}
