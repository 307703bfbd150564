package entity

import "unicode/utf8"

// eventsAlone are events and competitions named by one capitalised word
// ("la Liga", "el Mundial", "de Spelen", "the Olympics"): MISC even alone.
var eventsAlone = newWordSet(`liga ligas mundial mundiales mundiais mondiali olympics olympiade olympiades olimpiadas
olimpiada olimpiadi olympischen eurocopa eurocopas supercopa recopa spelen giro vuelta`)

// stockIndices are the markets' indices news report on daily ("el Nasdaq",
// "the FTSE 100", "de Bel20"): MISC, not the exchange (an organisation).
var stockIndices = newWordSet(`nasdaq dow ibex dax ftse cac nikkei eurostoxx stoxx ibovespa merval bel20 aex mib
easdaq xetra hang seng kospi sensex mibtel`)

// eventClues type events and editions: a name that ends with a year
// ("Mundial 2002", "Sydney 2000", "Euro 2000") or starts with an edition's
// Roman number ("XIV Juegos Panamericanos", "X Cumbre") is an event, a one-word
// competition is one too. words are the key's, fs the name's as written
// (appendSplitFields), used unless words are one.
func eventClues(clues []clue, name string, words, fs []string) []clue {
	for _, w := range words {
		if stockIndices.has(w) {
			return append(clues, clue{TypeMISC, wWholeName, "a stock market index (“%s”)", w})
		}
	}
	if len(words) == 1 {
		if eventsAlone.has(words[0]) {
			clues = append(clues, clue{TypeMISC, wOrgWord, "an event (“%s”)", name})
		}
		return clues
	}
	if len(fs) < 2 {
		return clues
	}
	if last := fs[len(fs)-1]; isYear(last) {
		return append(clues, clue{TypeMISC, wOrgWord, "ends with the year %s (an event)", last})
	}
	if first := fs[0]; isRoman(first) || first == "X" {
		return append(clues, clue{TypeMISC, wOrgWord, "starts with the edition “%s” (an event)", first})
	}
	return clues
}

// isYear reports whether w is a year of four digits (1800–2099) or an
// abbreviated one ("'92", "’98").
func isYear(w string) bool {
	if len(w) == 4 && (w[:2] == "18" || w[:2] == "19" || w[:2] == "20") && isDigits(w[2:]) {
		return true
	}
	for _, q := range []string{"'", "’"} {
		if len(w) == len(q)+2 && w[:len(q)] == q && isDigits(w[len(q):]) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// compoundHead returns the common noun a hyphenated compound of a name ends
// with ("BSE-besmetting" → "besmetting"): the compound names a thing, or an
// organisation when that noun is an organisation's word ("Likoed-partij").
func compoundHead(name string) (string, bool) {
	i := lastHyphen(name)
	if i <= 0 || i == len(name)-1 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	w := name[i+size:] // after the hyphen
	if w == "" || !isLowerWord(w) {
		return "", false
	}
	return Fold(w), true
}

// lastHyphen is strings.LastIndexAny(name, "-‐‑") in one walk back over
// the bytes: every entity typed asks, and in wasm the rune-by-rune walk,
// or three strings.LastIndex (each hashing its needle first), cost ~8 % of
// the typing (node's profile, 5 MB sample).
func lastHyphen(name string) int {
	for i := len(name) - 1; i >= 0; i-- {
		switch c := name[i]; {
		case c == '-':
			return i
		case (c == 0x90 || c == 0x91) && i >= 2 && name[i-1] == 0x80 && name[i-2] == 0xe2: // U+2010, U+2011
			return i - 2
		}
	}
	return -1
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if isUpper(r) {
			return false
		}
	}
	return true
}

// innerAcronym returns a word in capitals inside a name that is not all
// capitals ("JC" in "Roda JC"), "" when there is none. Roman numerals and
// country abbreviations do not count ("Juan Carlos II", "Bank of the US").
func innerAcronym(name string) string {
	// strings.FieldsFunc split at ' ' and '-' without the slice: every
	// entity typed asks.
	for start := 0; start < len(name); {
		end := start
		for end < len(name) && name[end] != ' ' && name[end] != '-' {
			end++
		}
		if w := name[start:end]; w != "" && isAcronym(w) && !isRoman(w) && !knownPlaceAcronyms.has(Fold(w)) && len(w) <= 5 {
			return w
		}
		start = end + 1
	}
	return ""
}
