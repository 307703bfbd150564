package entity

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// News quotes the titles of works, campaigns and events after the noun
// that says what they are: su filme "La vida es silbar", el libro "Una
// sonrisa sin fin", bajo el lema "Iglesia. Medios de Comunicación", de
// film 'Diep in het bos'. Such a title is one name however many of its
// words are in lower case, and a work's (MISC); a quotation after any other
// word is speech, and left to the other passes.

// workNouns are nouns for a work, a campaign or an event, in the seven
// languages.
var workNouns = newWordSet(`
film films movie book novel album song songs single show series programme program exhibition campaign project
operation festival play opera musical documentary motto slogan report
livre roman chanson émission série exposition campagne projet opération pièce
película películas filme filmes largometraje cortometraje documental libro libros novela novelas poemario obra
obras canción canciones tema disco álbum programa serie telenovela espectáculo exposición muestra lema campaña
seminario congreso concurso proyecto operación festival ciclo curso jornadas trabajo artículo informe ensayo
ópera musical montaje
boek boeken roman album lied liedje nummer programma reeks voorstelling tentoonstelling campagne project
operatie festival toneelstuk documentaire musical opera
buch roman lied sendung serie ausstellung kampagne projekt operation oper
filme livro romance canção programa série exposição campanha projeto operação
libro romanzo canzone programma mostra campagna progetto operazione
`)

// quoteClose maps an opening quotation mark to its closing one.
var quoteClose = map[rune]rune{'"': '"', '“': '”', '«': '»', '\'': '\'', '‘': '’'}

// quotedTitles adds, as one candidate each, the quoted titles after a work
// noun, in place of the candidates inside them.
func (f *finder) quotedTitles(segs []segment) []segment {
	var add []segment
	titles := map[string]bool{}
	// Twice: titles after a work noun, then the same titles quoted again
	// elsewhere in the article ("Además de "La vida es silbar"").
	for pass := 0; pass < 2; pass++ {
		for i := 1; i < len(f.toks); i++ {
			step(i)
			end := f.quotedRun(i)
			if end < 0 {
				continue
			}
			_, after := f.titleQuoted(i)
			if pass == 0 && after || pass == 1 && !after && titles[f.key(i, end)] {
				titles[f.key(i, end)] = true
				add = append(add, segment{a: i, b: end})
				i = end - 1
			}
		}
		if len(titles) == 0 {
			break
		}
	}
	sort.Slice(add, func(x, y int) bool { return add[x].a < add[y].a })
	if len(add) == 0 {
		return segs
	}
	out := make([]segment, 0, len(segs)+len(add))
	for _, s := range segs {
		k := sort.Search(len(add), func(k int) bool { return add[k].b > s.a })
		if k < len(add) && add[k].a < s.b {
			continue // inside a title
		}
		out = append(out, s)
	}
	out = append(out, add...)
	sort.Slice(out, func(x, y int) bool { return out[x].a < out[y].a })
	return out
}

// quotedRun returns the end of the quotation of two to eight words, on one
// line, that opens before token i with a capitalised word, or -1.
func (f *finder) quotedRun(i int) int {
	t := f.toks[i]
	if !t.cap || t.join != joinNone {
		return -1
	}
	gap := strings.TrimRight(f.text[f.toks[i-1].bend:t.bstart], " ")
	open, n := utf8.DecodeLastRuneInString(gap)
	closing, ok := quoteClose[open]
	if !ok || strings.TrimSpace(gap[:len(gap)-n]) != "" && !strings.HasSuffix(strings.TrimRight(gap[:len(gap)-n], " "), "(") {
		return -1
	}
	for j := i; j < len(f.toks) && j < i+8; j++ {
		g := f.text[f.toks[j].bend:]
		if j+1 < len(f.toks) {
			g = f.text[f.toks[j].bend:f.toks[j+1].bstart]
		}
		if strings.ContainsRune(g, '\n') {
			return -1
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(g, " ")); r == closing && len(g) > 0 {
			if j+1-i < 2 {
				return -1 // one word is left to the other passes
			}
			return j + 1
		}
	}
	return -1
}

// titleQuoted reports whether the mention at tokens a..b-1 is a quoted
// title after a work noun.
func (f *finder) titleQuoted(a int) (string, bool) {
	if a < 1 || f.toks[a].join != joinNone {
		return "", false
	}
	gap := strings.TrimRight(f.text[f.toks[a-1].bend:f.toks[a].bstart], " ")
	open, n := utf8.DecodeLastRuneInString(gap)
	if _, ok := quoteClose[open]; !ok || strings.TrimSpace(gap[:len(gap)-n]) != "" {
		return "", false
	}
	p := f.fold(a - 1)
	return f.surface(a-1, a), workNouns.has(p) || p == "como" || p == "als" || p == "like"
}
