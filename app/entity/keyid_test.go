package entity

import (
	"math/rand"
	"testing"
)

// TestKeyIDMemo: keyID, which remembers the last key asked of each first
// token, answers as the normalised form of the tokens does, whatever the
// order of asking (different ends for one first token in turn included).
func TestKeyIDMemo(t *testing.T) {
	text := SampleArticle(40<<10, 5) + "\nPutin's O'Brien met http://x.y Le Drian at U.S. Steel."
	toks := tokenize(text)
	f := newFinder(text, toks)
	r := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		a := r.Intn(len(toks) - 1)
		b := a + 1 + r.Intn(min(4, len(toks)-a))
		if got, want := f.in.str(f.keyID(a, b)), Fold(f.text[toks[a].bstart:toks[b-1].bend]); got != want {
			t.Fatalf("keyID(%d, %d) = %q, want %q", a, b, got, want)
		}
	}
}
