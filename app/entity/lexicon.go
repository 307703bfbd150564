package entity

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// LexKind says what a lexicon word or phrase is; one key may be several.
type LexKind uint16

// Kinds of lexicon entries.
const (
	LexCountry   LexKind = 1 << iota // a country or territory ("France", "Frankrijk")
	LexRegion                        // a continent, region, state or province
	LexCity                          // a city of about 100,000 people or more
	LexLanguage                      // a language or nationality word ("French", "francés")
	LexGiven                         // a given name
	LexSurname                       // a common surname
	LexTitle                         // a title or honorific ("Mr", "Sra")
	LexOrgSuffix                     // a company form ("GmbH", "S.A.")
	LexMonth                         // a month name
	LexWeekday                       // a day of the week
	LexNoun                          // a German common noun ("Jahre", "Regierung"): capitalised, yet not a name
	LexBrand                         // a company or brand ("Huawei", "Spotify")
	LexFunction                      // a German function word or adverb ("Dann", "Natürlich"): at a sentence's start, not a name
	LexTown                          // a town of 20,000 to 100,000 people ("Zaventem", "Getafe"): a weaker clue than a city
)

// LexPlace is every kind that names a place.
const LexPlace = LexCountry | LexRegion | LexCity

// lexSections are the section names of the lexicon file, by kind bit.
var lexSections = []string{"country", "region", "city", "language", "given", "surname", "title", "orgsuffix", "month", "weekday", "noun", "brand", "function", "town"}

// LexiconMagic starts every lexicon file.
const LexiconMagic = "gloss-lexicon 1"

// Lexicon is the built-in word lists that type candidates: places, given
// names, titles… generated from public data (see tools/lexgen). Keys are
// folded (Fold). A nil *Lexicon knows nothing.
type Lexicon struct {
	// The keys are substrings of text, the file read once, and found
	// through an open-addressing table of entry numbers: a map of tens of
	// thousands of strings took a long task to build in wasm and as many
	// objects and pointers for every collection to mark, for the lifetime
	// of the page.
	text  string
	off   []uint32 // entry i's key is text[off[i]:end[i]]
	end   []uint32
	kind  []LexKind // entry i's kinds
	slots []int32   // 1 + an entry, 0 when empty; a power of two, at most half full
	// stems holds the one-word countries, regions and languages, sorted,
	// for telling a nationality by its stem (demonym.go).
	stems []string
	// countries holds every country's name, sorted, for telling a
	// country's abbreviation in results ("(Ita)", "(VSt)"; countrycode.go).
	countries []string
}

// Kind returns what the normalised key is, 0 if the lexicon does not know it.
func (l *Lexicon) Kind(key string) LexKind {
	if l == nil || len(l.slots) == 0 {
		return 0
	}
	if e := l.find(key); e >= 0 {
		return l.kind[e]
	}
	return 0
}

// Len is the number of distinct keys.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.kind)
}

// key is entry e's key.
func (l *Lexicon) key(e int32) string {
	return l.text[l.off[e]:l.end[e]]
}

// find returns the entry of key, or -1.
func (l *Lexicon) find(key string) int32 {
	n := len(l.slots)
	for i := slot(hashString(key), n); l.slots[i] != 0; i = (i + 1) & (n - 1) {
		if e := l.slots[i] - 1; l.key(e) == key {
			return e
		}
	}
	return -1
}

// add gives key, text[off:off+len(key)], the kind k besides those it has.
func (l *Lexicon) add(key string, off int, k LexKind) {
	n := len(l.slots)
	i := slot(hashString(key), n)
	for ; l.slots[i] != 0; i = (i + 1) & (n - 1) {
		if e := l.slots[i] - 1; l.key(e) == key {
			l.kind[e] |= k
			return
		}
	}
	l.slots[i] = int32(len(l.kind)) + 1
	l.off = append(l.off, uint32(off))
	l.end = append(l.end, uint32(off+len(key)))
	l.kind = append(l.kind, k)
}

// ParseLexicon reads a lexicon file: the line LexiconMagic, then sections
// that each start with a line "@kind" followed by one normalised key a line.
// Lines starting with "#" are comments.
func ParseLexicon(data []byte) (*Lexicon, error) {
	return ParseLexiconPaced(data, nil)
}

// ParseLexiconPaced is ParseLexicon calling pause, when not nil, every
// thousand lines: in wasm the whole file takes a long task, and the app
// parses it while an article is being read.
func ParseLexiconPaced(data []byte, pause func()) (*Lexicon, error) {
	text := string(data) // once: every key is a piece of it
	line, rest, _ := strings.Cut(text, "\n")
	if strings.TrimSpace(line) != LexiconMagic {
		return nil, errors.New("lexicon: not a Gloss lexicon file (first line is not " + LexiconMagic + ")")
	}
	lines := strings.Count(rest, "\n") + 1
	size := 64
	for size < 2*lines {
		size *= 2
	}
	l := &Lexicon{text: text, slots: make([]int32, size),
		off: make([]uint32, 0, lines), end: make([]uint32, 0, lines), kind: make([]LexKind, 0, lines)}
	var kind LexKind
	for n := 2; len(rest) > 0; n++ {
		if pause != nil && n%1024 == 0 {
			pause()
		}
		at := len(text) - len(rest)
		line, rest, _ = strings.Cut(rest, "\n")
		s := strings.TrimSpace(line)
		switch {
		case s == "" || s[0] == '#':
		case s[0] == '@':
			kind = 0
			for i, name := range lexSections {
				if s[1:] == name {
					kind = 1 << i
				}
			}
			if kind == 0 {
				return nil, fmt.Errorf("lexicon: line %d: unknown section %q", n, s)
			}
		case kind == 0:
			return nil, fmt.Errorf("lexicon: line %d: a word before any section", n)
		default:
			l.add(s, at+strings.Index(line, s), kind)
		}
	}
	for e := range l.kind {
		k, kind := l.key(int32(e)), l.kind[e]
		if kind&(LexCountry|LexRegion|LexLanguage) != 0 && !strings.Contains(k, " ") {
			l.stems = append(l.stems, k)
		}
		if kind&LexCountry != 0 {
			l.countries = append(l.countries, k)
		}
	}
	sort.Strings(l.stems)
	sort.Strings(l.countries)
	return l, nil
}

// FormatLexicon writes words (kind → normalised keys, sorted) as a lexicon
// file, after the given comment lines.
func FormatLexicon(comments []string, words map[LexKind][]string) []byte {
	var b bytes.Buffer
	b.WriteString(LexiconMagic + "\n")
	for _, c := range comments {
		b.WriteString("# " + c + "\n")
	}
	for i, name := range lexSections {
		ws := words[1<<i]
		if len(ws) == 0 {
			continue
		}
		b.WriteString("@" + name + "\n")
		for _, w := range ws {
			b.WriteString(w + "\n")
		}
	}
	return b.Bytes()
}
