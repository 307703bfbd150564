// Package entity finds the people, organisations and places of an article:
// candidate names (capitalised words, acronyms, their variants grouped), a
// gazetteer of known names with labels and aliases matched exactly, and a
// typo-tolerant search index over the article's entities and words.
//
// Offsets are code point indexes into the article text, start included, end
// excluded. The package never touches the DOM, storage or the clock.
package entity

import (
	"unicode"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// foldTable maps Latin-1 and Latin Extended-A letters to their lower-case
// base letter; 0 means "no entry, use unicode.ToLower". It is built by a
// variable initialiser, not init, so the word lists of words.go, built the
// same way, can fold with it.
var foldTable = buildFoldTable()

func buildFoldTable() *[0x250]rune {
	var t [0x250]rune
	for base, letters := range map[rune]string{
		'a': "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ",
		'c': "ÇçĆćĈĉĊċČč",
		'd': "ÐðĎďĐđ",
		'e': "ÈÉÊËèéêëĒēĔĕĖėĘęĚě",
		'g': "ĜĝĞğĠġĢģ",
		'h': "ĤĥĦħ",
		'i': "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı",
		'j': "Ĵĵ",
		'k': "Ķķĸ",
		'l': "ĹĺĻļĽľĿŀŁł",
		'n': "ÑñŃńŅņŇňŉ",
		'o': "ÒÓÔÕÖØòóôõöøŌōŎŏŐő",
		'r': "ŔŕŖŗŘř",
		's': "ŚśŜŝŞşŠšſȘș",
		't': "ŢţŤťŦŧȚț",
		'u': "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų",
		'w': "Ŵŵ",
		'y': "ÝýÿŶŷŸ",
		'z': "ŹźŻżŽž",
	} {
		for _, r := range letters {
			t[r] = base
		}
	}
	return &t
}

// fold returns r lower-cased with its accent removed, or -1 for a combining
// mark, which normalised forms drop (so "é" and "e\u0301" compare equal).
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r < rune(len(foldTable)) && foldTable[r] != 0 {
		return foldTable[r]
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// isUpper reports whether r is an upper-case letter.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// Fold returns s lower-cased, accents folded, every run of characters
// that are not letters or digits turned into one space, trimmed. It is the
// form entity keys and gazetteer names are compared in.
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	return string(appendNorm(make([]byte, 0, len(s)), s))
}

// foldBytes appends Fold(s) to b: the same bytes, in b's storage.
func foldBytes(b []byte, s string) []byte {
	if isLowerASCII(s) {
		return append(b, s...)
	}
	return appendNorm(b, s)
}

// appendNorm appends the Fold form of s to b.
func appendNorm(b []byte, s string) []byte {
	start, space := len(b), false
	for _, r := range s {
		if !gtext.IsWordRune(r) {
			space = len(b) > start
			continue
		}
		f := fold(r)
		if f < 0 {
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, f)
	}
	return b
}
