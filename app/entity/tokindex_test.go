package entity

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
)

// TestTokIndex: tokenAt and tokenEnding answer as a plain search of the
// whole token list, for every code point of varied texts and past them.
func TestTokIndex(t *testing.T) {
	words := strings.Fields("a Bb ccc Dddd 1 22 — « » http://x.y/z Putin's Ölüdeniz ΑΘΗΝΑ 🙂 . , U.S.")
	seps := []string{" ", "  ", "\n", "", "\n\n", strings.Repeat(" ", 70), strings.Repeat("\n", 130)}
	r := rand.New(rand.NewSource(3))
	texts := []string{"", " ", "x", strings.Repeat(" ", 200) + "Paris"}
	for n := 0; n < 100; n++ {
		var b strings.Builder
		for i, k := 0, r.Intn(300); i < k; i++ {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		f := newFinder(text, tokenize(text))
		n := len([]rune(text))
		for cp := -2; cp < n+140; cp++ {
			i := sort.Search(len(f.toks), func(h int) bool { return int(f.toks[h].start) >= cp })
			j := sort.Search(len(f.toks), func(h int) bool { return int(f.toks[h].end) >= cp })
			gi, oki := f.tokenAt(cp)
			gj, okj := f.tokenEnding(cp)
			if gi != i || oki != (i < len(f.toks) && int(f.toks[i].start) == cp) ||
				gj != j || okj != (j < len(f.toks) && int(f.toks[j].end) == cp) {
				t.Fatalf("%q cp %d: tokenAt %d %v (want %d), tokenEnding %d %v (want %d)", text, cp, gi, oki, i, gj, okj, j)
			}
		}
	}
}
