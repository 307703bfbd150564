package text

import (
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r belongs inside a word: a letter, a digit or a
// combining mark (spacing ones too: the vowel signs of Devanagari, Tamil or
// Thai are marks, and a word must not break at them). It is the one rule for
// what a word is, shared by tokens, search, CoNLL, re-anchoring and the UI.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
