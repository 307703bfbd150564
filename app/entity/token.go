package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// join says how a token is attached to the one before it.
type join uint8

const (
	joinNone   join = iota // punctuation, a line break, or the start of the text
	joinSpace              // horizontal white space only
	joinHyphen             // a hyphen and nothing else ("Jean-Yves")
	joinApos               // an apostrophe and nothing else ("O'Brien", "Putin's")
)

// token is one word of the text: a run of letters, digits and marks.
type token struct {
	start, end   int32 // code points; int32 keeps the token list of a long article small (articles are far below 2 GB)
	bstart, bend int32 // bytes
	join         join
	initial      bool // first word of a sentence, a line or a quotation
	cap          bool // starts with an upper-case letter
	upper        bool // two or more letters, all upper-case (an acronym)
	poss         bool // followed by a possessive 's or ' (dropped)
	apostS       bool // the dropped ending is "'s": a plural or genitive in Dutch ("India's")
	plain        bool // no letter or digit between the token before and this one (plainGap)
}

// tokenize splits text into words. URLs are skipped; a possessive "'s" after
// a word is dropped and marks the word instead.
func tokenize(text string) []token {
	// Sentence starts come from the one sentence splitter (text.Sentences):
	// a token is a sentence's first word when a sentence started since the
	// token before it.
	soft := gtext.SoftBreaks(text)
	tz := tokenizer{text: text, toks: make([]token, 0, len(text)/6), sents: sentences(text, soft), soft: soft}
	// V8 runs a wasm function's call in the code it started with: one call
	// over a long text would run all of it in the baseline tier of a
	// module not warmed up (twice the optimised code's time on 5 MB in
	// node). Calls of tokenPiece bytes each let the later ones run
	// optimised.
	for limit := tokenPiece; tz.bi < len(text); limit += tokenPiece {
		tz.words(min(limit, len(text)))
	}
	return tz.toks
}

// tokenPiece is how many bytes of text one call of tokenizer.words reads
// (see tokenize).
const tokenPiece = 64 << 10

// tokenizer is tokenize's state between its calls of words.
type tokenizer struct {
	text     string
	toks     []token
	sents    []gtext.Span
	si       int   // the next sentence not yet passed
	soft     []int // byte offsets of the line breaks that wrap a paragraph (gtext.SoftBreaks), not yet passed
	bi       int   // byte offset reached
	ri       int   // code point index of position bi
	gapStart int   // byte offset where the gap before the next token starts
}

// words reads the words starting before byte limit (the last one may end
// after it).
//
//go:noinline
func (tz *tokenizer) words(limit int) {
	text, toks, sents := tz.text, tz.toks, tz.sents
	bi, ri, gapStart, si := tz.bi, tz.ri, tz.gapStart, tz.si
	for bi < limit {
		if c := text[bi]; c < utf8.RuneSelf && !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
			// ASCII between words (IsWordRune's answer, without its call).
			bi++
			ri++
			continue
		}
		r, n := rune(text[bi]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[bi:])
		}
		if !gtext.IsWordRune(r) {
			bi += n
			ri++
			continue
		}
		// A word starts here.
		step(len(toks))
		ws, wr := bi, ri
		letters, uppers := 0, 0
		first := r
		for bi < len(text) {
			if c := text[bi]; c < utf8.RuneSelf {
				// ASCII, most of a text: a letter or digit continues the word.
				if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
					break
				}
				if c > '9' {
					letters++
					if c <= 'Z' {
						uppers++
					}
				}
				bi++
				ri++
				continue
			}
			r, n = utf8.DecodeRuneInString(text[bi:])
			if !gtext.IsWordRune(r) {
				break
			}
			if r < utf8.RuneSelf && r > '9' || r >= utf8.RuneSelf && !isMark(r) {
				letters++
				if isUpper(r) {
					uppers++
				}
			}
			bi += n
			ri++
		}
		if bi-ws == 1 && isUpper(first) {
			// "U.S.", "B.C.": single capitals each followed by a full stop
			// are one word, the last stop included.
			if e := dottedAcronymEnd(text, ws); e > 0 {
				for _, r := range text[bi:e] {
					if isUpper(r) {
						letters++
						uppers++
					}
					ri++
				}
				bi = e
			}
		}
		word := text[ws:bi]
		if isURLStart(text, ws, word) {
			// Skip to the next white space.
			for bi < len(text) && !isSpaceByte(text[bi]) {
				r, n = utf8.DecodeRuneInString(text[bi:])
				bi += n
				ri++
			}
			gapStart = bi
			continue
		}
		gap := text[gapStart:ws]
		t := token{start: int32(wr), end: int32(ri), bstart: int32(ws), bend: int32(bi)}
		sentStart := false
		for si < len(sents) && sents[si].Start <= wr {
			sentStart = true
			si++
		}
		t.join, t.initial = classifyGap(gap, len(toks) == 0)
		if len(tz.soft) > 0 && t.join == joinNone && len(toks) > 0 && tz.wrapped(gapStart, ws) {
			t.join = joinSpace
		}
		t.initial = t.initial || sentStart
		t.upper = letters >= 2 && uppers == letters
		t.cap = isUpper(first) || t.upper && digitLed(word)
		if !sentStart && len(toks) > 0 && len(gap) == 2 && gap[0] == '.' && gap[1] == ' ' {
			// A title's or an initial's full stop, not a sentence's, is
			// inside a name: "Mr. Smith", "Donald J. Trump".
			pw := text[toks[len(toks)-1].bstart:toks[len(toks)-1].bend]
			if gtext.IsTitle(pw) || len(pw) == 1 && isUpper(rune(pw[0])) {
				t.join = joinSpace
			}
		}
		if len(toks) > 0 && t.join == joinSpace && sentStart {
			// "in the U.S. The president": the acronym's stop ended the sentence.
			t.join = joinNone
		}
		if t.join == joinApos && len(toks) > 0 && (word == "s" || word == "S") &&
			(bi >= len(text) || !gtext.IsWordRune(firstRune(text[bi:]))) {
			toks[len(toks)-1].poss = true
			toks[len(toks)-1].apostS = true
			gapStart = bi
			continue
		}
		if t.join != joinApos && len(toks) > 0 && (strings.HasPrefix(gap, "'") || strings.HasPrefix(gap, "’")) {
			// "Europeans’ best": a plural possessive ends the name.
			toks[len(toks)-1].poss = true
		}
		if len(toks) > 0 {
			// Read once here rather than at each name the two tokens are in.
			t.plain = wordFree(text[toks[len(toks)-1].bend:ws])
		}
		toks = append(toks, t)
		gapStart = bi
	}
	tz.toks, tz.bi, tz.ri, tz.gapStart, tz.si = toks, bi, ri, gapStart, si
}

// wrapped reports whether the gap text[from:to] between two words is white
// space around one soft line break: a wrapped paragraph's, read as a space.
func (tz *tokenizer) wrapped(from, to int) bool {
	for len(tz.soft) > 0 && tz.soft[0] < from {
		tz.soft = tz.soft[1:]
	}
	if len(tz.soft) == 0 || tz.soft[0] >= to {
		return false
	}
	for i := from; i < to; i++ {
		if c := tz.text[i]; c != ' ' && c != '\t' && c != '\r' && i != tz.soft[0] {
			return false
		}
	}
	return true
}

// wordFree reports whether gap holds no letter or digit.
func wordFree(gap string) bool {
	if len(gap) == 1 && (gap[0] == ' ' || gap[0] == '-') {
		return true
	}
	for _, r := range gap {
		if gtext.IsWordRune(r) {
			return false
		}
	}
	return true
}

func isMark(r rune) bool { return fold(r) < 0 }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isURLStart reports whether the word at byte ws begins a URL or a mail address.
func isURLStart(text string, ws int, word string) bool {
	rest := text[ws+len(word):]
	if len(word) < 3 || len(word) > 6 || rest == "" || rest[0] != ':' && rest[0] != '.' {
		return false
	}
	switch strings.ToLower(word) {
	case "http", "https", "ftp", "mailto":
		return strings.HasPrefix(rest, ":")
	case "www":
		return strings.HasPrefix(rest, ".")
	}
	return false
}

// classifyGap reads the characters between two words.
func classifyGap(gap string, first bool) (join, bool) {
	if first {
		return joinNone, true
	}
	switch gap {
	case " ":
		return joinSpace, false // most gaps: what the loop below finds
	case "-", "‐", "‑":
		return joinHyphen, false
	case "'", "’":
		return joinApos, false
	}
	initial, space, other := false, false, false
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\u00a0', '\u202f', '\u2009':
			space = true
		case '.', '!', '?', '…', '\n', '\r':
			// text.Sentences decides whether a sentence starts here.
			other = true
		case ':', '¿', '¡', '•', '|', '‘', '“', '«', '„', '"', '[':
			// A quotation, a list item or a link text starts: its first
			// word is capitalised as a sentence's is.
			initial = true
		default:
			other = true
		}
	}
	if other && !initial && dashAfterStop(gap) {
		// "Caracas, 23 may (EFE). - El Consejo…", "Mérida. - La Junta…":
		// a dash after a full stop opens the body after a dateline, or a
		// list item.
		initial = true
	}
	if initial || other || !space {
		return joinNone, initial
	}
	return joinSpace, false
}

// dashAfterStop reports whether gap holds a full stop (or ! ?) then, after
// white space, a dash and white space.
func dashAfterStop(gap string) bool {
	i := strings.LastIndexAny(gap, ".!?")
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(gap[i+1:], " )\u00a0")
	for _, d := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(rest, d) && strings.TrimSpace(rest[len(d):]) == "" {
			return true
		}
	}
	return false
}

// dottedAcronymEnd returns the byte offset after "X.Y." starting at ws (two
// or more single capitals each followed by a full stop), or 0.
func dottedAcronymEnd(text string, ws int) int {
	i, n := ws, 0
	for i+1 < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isUpper(r) || i+size >= len(text) || text[i+size] != '.' {
			break
		}
		if j := i + size + 1; j < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j:]); gtext.IsWordRune(next) && !isUpper(next) {
				break
			}
		}
		i += size + 1
		n++
	}
	if n < 2 {
		return 0
	}
	return i
}

// sentences is gtext.SentencesWith(text, soft), which a long article would
// run without a pause, and in one call (see tokenize): it splits pieces of
// about sentenceChunk bytes ending at a line break that is not soft,
// stepping between them. A sentence ends at every other line break and the
// splitter looks past none, so the pieces' sentences are the whole text's.
func sentences(text string, soft []int) []gtext.Span {
	const sentenceChunk = 32 << 10
	if len(text) <= sentenceChunk {
		return gtext.SentencesWith(text, soft)
	}
	out := make([]gtext.Span, 0, len(text)/128) // news has a sentence per 150 bytes or so: sized, not grown
	cp := 0
	for from := 0; from < len(text); {
		step(0)
		to := len(text)
		for at := from + sentenceChunk; at < len(text); {
			i := strings.IndexByte(text[at:], '\n')
			if i < 0 {
				break
			}
			if at += i; !isSoft(soft, at) {
				to = at + 1
				break
			}
			at++
		}
		// The soft breaks in text[from:to], from its start.
		lo, _ := slices.BinarySearch(soft, from)
		hi, _ := slices.BinarySearch(soft, to)
		var piece []int
		for _, o := range soft[lo:hi] {
			piece = append(piece, o-from)
		}
		for _, s := range gtext.SentencesWith(text[from:to], piece) {
			out = append(out, gtext.Span{Start: s.Start + cp, End: s.End + cp})
		}
		cp += utf8.RuneCountInString(text[from:to])
		from = to
	}
	return out
}

// isSoft reports whether byte offset at is in soft (sorted).
func isSoft(soft []int, at int) bool {
	_, ok := slices.BinarySearch(soft, at)
	return ok
}

// digitLed reports whether word is one digit and capitals, as stations and
// brands write their names ("4FM", "3FM", "2BE"), not a unit or an
// ordinal ("5KM", "4GB", "2ND").
func digitLed(word string) bool {
	if len(word) < 3 || word[0] < '1' || word[0] > '9' || word[1] >= '0' && word[1] <= '9' {
		return false
	}
	return !digitUnits.has(strings.ToLower(word[1:]))
}

// digitUnits are what follows a number without being a name.
var digitUnits = newWordSet(`km kg mb gb kb tb mm cm hz khz mhz ghz kw mw gw kwh mph kmh st nd rd th am pm cv hp bn mn`)
