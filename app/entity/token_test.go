package entity

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// tokenizeIn is tokenize reading piece bytes per call of words.
func tokenizeIn(text string, piece int) []token {
	soft := gtext.SoftBreaks(text)
	tz := tokenizer{text: text, toks: make([]token, 0, len(text)/6), sents: sentences(text, soft), soft: soft}
	for limit := piece; tz.bi < len(text); limit += piece {
		tz.words(min(limit, len(text)))
	}
	return tz.toks
}

// TestTokenizePieces: the tokens are the same however the text is cut into
// the calls of words: cuts inside words, URLs, dotted acronyms, possessives,
// multi-byte letters and the gaps before them, and between a sentence's end
// and the next word.
func TestTokenizePieces(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"Mr. ", "Smith", "'s ", "said ", "it. ", "The ", "U.S. ", "B.C.", " http://example.com/a?b ", "www.x.org ",
		"Jean-Yves ", "O'Brien ", "Europeans’ ", "\n", "\r\n", "Élise ", "Ærø ", "naïve ", "4FM ", "3.5 ", "- ", " — ", "(EFE). - ", "日本 ",
		"Putin's", " ", "\u00a0", "mail@x.org ", "ÖSTERREICH ", "x", "ñ"}
	texts := []string{SampleArticle(150<<10, 2), strings.Repeat("a", 70000) + " End. http://" + strings.Repeat("b", 66000) + " Then"}
	for i := 0; i < 30; i++ {
		var b strings.Builder
		for b.Len() < 2000+rng.Intn(3000) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for i, text := range texts {
		whole := tokenizeIn(text, len(text)+1)
		if got := tokenize(text); !slices.Equal(got, whole) {
			t.Fatalf("text %d: tokenize gives %d tokens, one call %d", i, len(got), len(whole))
		}
		for _, piece := range []int{1, 2, 3, 7, 64, 1 + rng.Intn(500)} {
			if got := tokenizeIn(text, piece); !slices.Equal(got, whole) {
				t.Fatalf("text %d, pieces of %d bytes: %d tokens, one call %d", i, piece, len(got), len(whole))
			}
		}
	}
}
