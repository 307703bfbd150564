package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// abbreviations are the words a full stop follows without ending a sentence,
// as they are written: "No." (number) is one, "no." is not. A lower-case
// entry also stands capitalised ("Etc."). Titles stand before a name
// ("Dr. Smith"), so a name finder reads through their full stop. Made on
// first use, not by the package's initialiser, which the page runs at every
// start before its first render.
var abbreviations = sync.OnceValue(func() map[string]bool {
	return map[string]bool{ // true: a title
		"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "Gen": true, "Sen": true,
		"Rep": true, "Gov": true, "M": true, "Mme": true, "Mlle": true, "Pr": true,

		"Jr": false, "Sr": false, "MM": false, "Me": false, "Col": false, "Lt": false, "Sgt": false, "Capt": false,
		"Rev": false, "Hon": false, "Pres": false, "Inc": false, "Ltd": false, "Co": false, "Corp": false,
		"No": false, "Nr": false, "Mt": false, "Ave": false, "Blvd": false, "Ste": false,
		"Jan": false, "Feb": false, "Mar": false, "Apr": false, "Jun": false, "Jul": false, "Aug": false,
		"Sep": false, "Sept": false, "Oct": false, "Nov": false, "Dec": false,
		"vs": false, "etc": false, "e.g": false, "i.e": false, "cf": false, "al": false, "approx": false,
		"vol": false, "fig": false, "dept": false, "p": false, "pp": false, "av": false, "bd": false,
		"ca": false, "bzw": false, "usw": false, "Mio": false, "Mrd": false, "Hl": false, "Sra": false, "Srta": false,
	}
})

// IsAbbreviation reports whether word, followed by a full stop, is a listed
// abbreviation, so that the stop does not end a sentence. It is the one list
// the sentence splitter, the CoNLL writer and the name finder share.
func IsAbbreviation(word string) bool {
	if _, ok := abbreviations()[word]; ok {
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return false
	}
	_, ok := abbreviations()[string(unicode.ToLower(r))+word[n:]]
	return ok
}

// IsTitle reports whether word, followed by a full stop, is a title that
// stands before a name ("Mr", "Dr", "Mme").
func IsTitle(word string) bool { return abbreviations()[word] }

// openers are words that open sentences, capitalised as they would be
// there. After an abbreviation or an initial a capital is no sign of a new
// sentence ("J. Doe", "Apple Inc. Chief"), one of these is ("in the U.S.
// The president", "plan B. It"). English, French, German, Spanish,
// Italian and Portuguese articles, pronouns and conjunctions. Made on first
// use, like abbreviations.
var openers = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		The A An This That These Those There Here It Its He She His Her They Their Them We Our I You Your
		In On At For From By With After Before When While As If But And Or So Yet Since Although Though
		However Meanwhile Some Many Most All Both Each Such What Who Why How Where Which Now Then Still
		Also Only Not No Yes One
		Le La Les Un Une Des Du Il Elle Ils Elles On Nous Vous Je Ce Cette Ces Mais Et Dans Pour Selon Au Aux
		Der Die Das Ein Eine Er Sie Es Wir Ich Und Aber Im Am Auch
		El Los Las Una Pero Y Lo Ella Ellos En Con
		Il Lo Gli Uno Ma Nel Della
		O Os As Um Uma Mas Ele Ela Eles Em Na Nas Nos`) {
		m[w] = true
	}
	return m
})

// opensSentence reports whether s starts with a word that opens sentences.
func opensSentence(s string) bool {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			break
		}
		i += n
	}
	return openers()[s[:i]]
}
