package entity

import (
	"strings"
	"unicode"
)

// Results tables give each player's or rider's country in parentheses,
// abbreviated: "Pete Sampras (VSt / 4) - Justin Gimelstob (VSt)", "Tatiana
// Garbin (Ita)", "Arantxa Sanchez (ESP)". Such a short word after a
// person's name, that abbreviates a country's name in some language, is
// that country (LOC), not a person and not a party or club.

// countryCode reports whether the one-word mention at tokens a..b-1 stands
// in parentheses right after a capitalised name (alone, or before " / " and
// a seed) and abbreviates a country's name.
func (f *finder) countryCode(a, b int) bool {
	if b != a+1 || a < 1 || b >= len(f.toks) || !f.toks[a-1].cap {
		return false
	}
	if f.text[f.toks[a-1].bend:f.toks[a].bstart] != " (" {
		return false
	}
	if after := f.text[f.toks[a].bend:f.toks[b].bstart]; !strings.HasPrefix(after, ")") && after != " / " {
		return false
	}
	return f.lex.countryAbbrev(f.surface(a, b)) && f.resultsTable()
}

// resultsTable reports whether the text gives at least three different
// countries' abbreviations in parentheses after names: a table of results,
// where one more is a country too, not an acronym after its expansion
// ("Organización de Estados Americanos (OEA)").
func (f *finder) resultsTable() bool {
	if f.resultsDone {
		return f.results
	}
	f.resultsDone = true
	seen := map[string]bool{}
	for i := 1; i+1 < len(f.toks) && len(seen) < 3; i++ {
		if !f.toks[i].cap || !f.toks[i-1].cap || f.text[f.toks[i-1].bend:f.toks[i].bstart] != " (" {
			continue
		}
		after := f.text[f.toks[i].bend:f.toks[i+1].bstart]
		if w := f.surface(i, i+1); (strings.HasPrefix(after, ")") || after == " / ") && !seen[w] && f.lex.countryAbbrev(w) {
			seen[w] = true
		}
	}
	f.results = len(seen) >= 3
	return f.results
}

// countryAbbrev reports whether w, of two to four letters, abbreviates a
// country's name: its start ("Ita", "Zwe"), its start and more of its
// letters in order ("Slk": Slowakije), one part a word, split at capitals
// ("VSt": Verenigde Staten, "GBr", "ZAf"); not in capitals ("ITA"), an
// acronym's shape. A word the lexicon knows as something else counts too
// ("Spa" a town, "Ned" a given name): in a table of results it is a country.
func (l *Lexicon) countryAbbrev(w string) bool {
	if l == nil || len(w) < 2 || len(w) > 4 {
		return false
	}
	var parts []string
	upper := true
	for i, r := range w {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII || i == 0 && !unicode.IsUpper(r) {
			return false
		}
		if unicode.IsUpper(r) {
			parts = append(parts, "") // a part a capital: "VSt" is "V", "St"
		} else {
			upper = false
		}
		parts[len(parts)-1] += string(unicode.ToLower(r))
	}
	if upper {
		// "ITA", "ESP", "VS": written as an acronym, which a team, a
		// federation or a party is too (CoNLL-es tags them ORG in one file
		// and LOC in the other); only a shortened word tells a country.
		return false
	}
	for _, c := range l.countries {
		words := strings.Fields(c)
		if len(parts) == 1 && len(parts[0]) >= 3 && inOrder(parts[0], words[0]) {
			return true
		}
		if len(parts) > 1 && len(parts) == len(words) {
			ok := true
			for i, p := range parts {
				ok = ok && strings.HasPrefix(words[i], p)
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// inOrder reports whether word starts with p's first letter and holds p's
// other letters in order ("slk" in "slowakije", "ita" in "italie").
func inOrder(p, word string) bool {
	if p == "" || word == "" || p[0] != word[0] {
		return false
	}
	i := 1
	for j := 1; j < len(word) && i < len(p); j++ {
		if word[j] == p[i] {
			i++
		}
	}
	return i == len(p)
}
