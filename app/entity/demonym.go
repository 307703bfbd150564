package entity

import (
	"sort"
	"strings"
)

// demonymEndings end the words for a nation's people and its adjective in
// the lexicon's languages, after the stem its country shares ("Palestijn-en",
// "Hongaar-se", "Brazil-ians", "Japan-ese", "Nederland-ers", "Span-jaarden").
var demonymEndings = newWordSet(`
s en se ns nse an ans anen aan aans aanse ian ians iaan iaanse ianen ean eans eanen er ers
aar aars aarse aarden ees ese ezen i is i's ijn ijnen ijnse ier iers isch ische ischen
ais aise aises ain aine ains ois oise ano anos ana anas ense enses esa eses
ish ern ner ners jaarden jaard`)

// inflections end a place's own name in German, Dutch and English
// ("Chinas", "Albaniens", "Niederlanden", "Europe's").
var inflections = newWordSet(`s 's es`)

// demonymOf reports the country, region or language a one-word name is the
// people or the adjective of ("Palestijnen" → "palestina", "Brusselse" →
// "brussel", "Fransen" → "frans"), or "" when it is none; place is true when
// the name is rather the place itself, inflected ("Chinas", "Albaniens").
// Names the lexicon knows as places, given names or surnames are never
// demonyms ("Romano").
func demonymOf(key string, lex *Lexicon) (stem string, place bool) {
	if lex == nil || strings.ContainsAny(key, " -") || lex.Kind(key)&(LexPlace|LexGiven|LexSurname) != 0 {
		return "", false
	}
	// A place's adjective in Dutch or German: the place and "-se", "-sche"
	// ("Brusselse", "Limburgse").
	for _, suf := range []string{"se", "sche"} {
		if b, ok := strings.CutSuffix(key, suf); ok && len(b) >= 4 && lex.Kind(b)&LexPlace != 0 {
			return b, false
		}
	}
	// A country whose name ends in "-e" takes "-n" in the German dative
	// plural ("in den Niederlanden"): the place, not its people, though
	// "-en" ends demonyms too.
	if b, ok := strings.CutSuffix(key, "n"); ok && strings.HasSuffix(b, "e") && lex.Kind(b)&(LexCountry|LexRegion) != 0 {
		return b, true
	}
	// A nation's people or adjective: the stem of a country or region,
	// then a demonym ending. The stem is at least five letters, or four of
	// a short name ("Belg-en", "Belgie"); the country's name goes on at most
	// four letters past it and is no longer than the name ("Veneza" is no
	// Venezuelan, "Romans" no Romanians). A language's name is a nationality
	// itself and counts whole ("Frans-en", "German-s", "Duits-ers").
	for k := len(key) - 1; k >= 4; k-- {
		if !demonymEndings.has(key[k:]) {
			continue
		}
		p := key[:k]
		i := sort.SearchStrings(lex.stems, p)
		for ; i < len(lex.stems) && strings.HasPrefix(lex.stems[i], p); i++ {
			s := lex.stems[i]
			kind := lex.Kind(s)
			switch {
			case s == p && kind&(LexCountry|LexRegion) != 0 && inflections.has(key[k:]):
				return s, true
			case kind&(LexCountry|LexRegion) == 0 && !strings.HasPrefix(key, s),
				len(s)-k > 4 || len(s) > len(key) || k == 4 && len(s) > 6:
				continue
			}
			return s, false
		}
	}
	return "", false
}
