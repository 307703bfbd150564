package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open code point range [Start, End).
type Span struct{ Start, End int }

// Len returns the number of code points in the span.
func (sp Span) Len() int { return sp.End - sp.Start }

// Paragraphs returns the non-empty paragraphs of s: blocks separated by one or
// more blank lines (lines holding only spaces, tabs or CR count as blank); a
// single newline inside a block stays in it. Spans exclude the surrounding
// newlines.
func Paragraphs(s string) []Span {
	var out []Span
	cp := 0     // code point offset of the current line's start
	start := -1 // start of the open block, -1 when none
	end := 0    // end of the open block's last non-blank line
	for len(s) > 0 {
		nl := strings.IndexByte(s, '\n')
		line := s
		if nl >= 0 {
			line = s[:nl]
		}
		n := RuneCount(line)
		content := n
		if strings.HasSuffix(line, "\r") {
			content--
		}
		if isBlankLine(line) {
			if start >= 0 {
				out = append(out, Span{start, end})
				start = -1
			}
		} else {
			if start < 0 {
				start = cp
			}
			end = cp + content
		}
		cp += n
		if nl < 0 {
			break
		}
		cp++ // the newline
		s = s[nl+1:]
	}
	if start >= 0 {
		out = append(out, Span{start, end})
	}
	return out
}

func isBlankLine(l string) bool {
	for i := 0; i < len(l); i++ {
		if c := l[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// isJoiner reports whether r joins two word parts: "Jean-Yves", "don't".
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '\u2019', '\u2010', '\u2011':
		return true
	}
	return false
}

// Tokens returns word tokens (letter/digit runs, with inner hyphens and
// apostrophes: "Jean-Yves", "aujourd'hui", "don't") and each other
// non-space character (punctuation, symbols) as its own token.
func Tokens(s string) []Span {
	rs := []rune(s)
	var out []Span
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case IsWordRune(r):
			j := wordEnd(rs, i)
			out = append(out, Span{i, j})
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			out = append(out, Span{i, i + 1})
			i++
		}
	}
	return out
}

// wordEnd returns the end of the word starting at rs[i].
func wordEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) {
		if IsWordRune(rs[j]) {
			j++
		} else if isJoiner(rs[j]) && j+1 < len(rs) && IsWordRune(rs[j+1]) {
			j += 2
		} else {
			break
		}
	}
	return j
}

// isLineBreak reports whether r ends a line. Every line break ends a
// sentence: headlines, bylines, captions and list items carry no stop.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// asciiAlnum reports whether c is an ASCII letter or digit.
func asciiAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// isStop reports whether r may end a sentence when what follows starts one.
func isStop(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '۔', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isFullStop reports whether r ends a sentence whatever follows: the CJK
// stops and the Devanagari danda, written without a space after them.
func isFullStop(r rune) bool {
	switch r {
	case '。', '！', '？', '．', '｡', '।', '॥':
		return true
	}
	return false
}

// sentenceCloser reports whether r closes a quotation or a bracket after a stop:
// "(He left.) Then". Straight quotes open and close; Sentences tells which
// by counting them.
func sentenceCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '\u201d', '\u2019', '\u00bb', '\u203a', '」', '』', '）', '】', '》', '〉':
		return true
	}
	return false
}

// sentenceOpener reports whether r opens a quotation or a bracket before the
// first word of a sentence.
func sentenceOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '\u201c', '\u2018', '\u00ab', '\u2039', '\u201e', '\u201a', '¿', '¡', '「', '『', '（', '【', '—', '–':
		return true
	}
	return false
}

// startsSentence reports whether a sentence may start with r: a capital
// letter, or a letter of a script without case (Chinese, Arabic, Hindi).
func startsSentence(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// Sentences splits s into sentences, in code points, spans without the
// space around them. A sentence ends
//   - at every line break but those that only wrap a paragraph's lines
//     (SoftBreaks: text copied from a PDF or a plain-text e-mail);
//   - after 。！？ and the danda ।, whatever follows;
//   - after . ! ? … (and closing quotes or brackets: `"Why?" Then`) when the
//     next word, past any opening quote or bracket, starts with a capital
//     letter, a letter of a script without case, or a digit (not in "3.5");
//   - but not after a title ("Mr. Smith", "Gen. Lee"), and after another
//     listed abbreviation ("Inc.", "Jan.") or a single letter (an initial,
//     "J. Doe", "U.S.") only when a word that opens sentences follows
//     ("in the U.S. The president").
//
// Apart from the soft breaks, the rules read the characters only, never the
// amount of space between them: text rebuilt from a CoNLL file (its tokens
// one space apart, one sentence a line) splits into the same sentences as
// the text it came from.
func Sentences(s string) []Span { return SentencesWith(s, SoftBreaks(s)) }

// SentencesWith is Sentences with s's soft line breaks given, as
// SoftBreaks returns them: a caller that splits a long text in pieces reads
// them once on the whole text (a piece's lines are too few to tell).
func SentencesWith(s string, soft []int) []Span {
	if len(soft) > 0 {
		// A wrapped paragraph's line break is a space, also to the rules
		// that look past a stop: read a copy with spaces there.
		b := []byte(s)
		for _, o := range soft {
			b[o] = ' '
		}
		s = string(b)
	}
	var out []Span
	start := -1    // code point where the open sentence starts, -1 when none
	last := 0      // code point after its last non-space character
	dq, sq := 0, 0 // straight double and single quotes in the open sentence
	low := 0       // German low quotes „ ‚ not yet closed by “ ‘ in it
	cp := 0
	for b := 0; b < len(s); {
		if asciiAlnum(s[b]) {
			// Letters and digits, most of a text, only extend the sentence.
			if start < 0 {
				start = cp
			}
			for b < len(s) && asciiAlnum(s[b]) {
				b++
				cp++
			}
			last = cp
			continue
		}
		// Spaces and punctuation that neither stops nor quotes, the rest
		// of a text, as the cases below would take them: a byte's class
		// spares their calls (wasm calls each; a third of the sentence
		// split's time on 5 MB under node).
		switch sentenceByte[s[b]] {
		case sentenceSpace:
			b++
			cp++
			continue
		case sentencePlain:
			if start < 0 {
				start = cp
			}
			b++
			cp++
			last = cp
			continue
		}
		r, n := rune(s[b]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[b:])
		}
		switch {
		case isLineBreak(r):
			if start >= 0 {
				out = append(out, Span{start, last})
				start, dq, sq, low = -1, 0, 0, 0
			}
			b += n
			cp++
			continue
		case unicode.IsSpace(r):
			b += n
			cp++
			continue
		}
		if start < 0 {
			start = cp
		}
		switch {
		case r == '"':
			dq++
		case r == '\'' && !betweenWords(s, b):
			sq++
		case r == '„' || r == '‚':
			low++
		case (r == '“' || r == '‘') && low > 0:
			low--
		}
		if !isStop(r) && !isFullStop(r) {
			b += n
			cp++
			last = cp
			continue
		}
		stopB := b
		// A stop: take the stops and closers after it (space between them
		// allowed), then look at what follows.
		endB, end := b+n, cp+1 // after the last stop or closer
		stops := 1
		next := len(s) // byte offset of what follows them
		for eb, ecp := endB, end; eb < len(s); {
			r2, n2 := utf8.DecodeRuneInString(s[eb:])
			if unicode.IsSpace(r2) && !isLineBreak(r2) {
				eb += n2
				ecp++
				continue
			}
			switch {
			case isStop(r2) || isFullStop(r2):
				stops++
			case r2 == '"' && dq%2 == 1:
				dq++
			case r2 == '\'' && sq%2 == 1:
				sq++
			case (r2 == '“' || r2 == '‘') && low > 0:
				// German quotes: „Ja.“ closes with what opens in English.
				low--
			case r2 != '"' && r2 != '\'' && sentenceCloser(r2):
			default:
				next = eb
			}
			if next < len(s) {
				break
			}
			eb += n2
			ecp++
			endB, end = eb, ecp
		}
		b, cp, last = endB, end, end
		if isFullStop(r) || endsSentence(s, stopB, r == '.' && stops == 1, next) {
			out = append(out, Span{start, end})
			start, dq, sq, low = -1, 0, 0, 0
		}
	}
	if start >= 0 {
		out = append(out, Span{start, last})
	}
	return out
}

// The classes of an ASCII byte in Sentences' loop: sentenceOther (line
// breaks, quotes, stops, and every byte from utf8.RuneSelf: the general
// case), sentenceSpace (white space inside a line), sentencePlain (any
// other: it only extends the sentence).
const (
	sentenceOther = iota
	sentenceSpace
	sentencePlain
)

// sentenceByte is each byte's class (see above).
var sentenceByte = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		r := rune(c)
		switch {
		case isLineBreak(r), r == '"', r == '\'', isStop(r), isFullStop(r):
			t[c] = sentenceOther
		case unicode.IsSpace(r):
			t[c] = sentenceSpace
		default:
			t[c] = sentencePlain
		}
	}
	return t
}()

// endsSentence decides whether the stop at byte stop ends a sentence, next
// being the byte offset of what follows it and its closers. dot is true for
// a full stop alone, which may end an abbreviation instead.
func endsSentence(s string, stop int, dot bool, next int) bool {
	// Past opening quotes and brackets, the first word.
	w := next
	for w < len(s) {
		r, n := utf8.DecodeRuneInString(s[w:])
		if isLineBreak(r) || !sentenceOpener(r) && !unicode.IsSpace(r) {
			break
		}
		w += n
	}
	if w >= len(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[w:])
	// The word before the stop.
	p := stop
	for p > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:p])
		if isLineBreak(r) || !unicode.IsSpace(r) {
			break
		}
		p -= n
	}
	q := p
	for q > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:q])
		if !IsWordRune(r) {
			break
		}
		q -= n
	}
	before := s[q:p]
	if dot && before != "" {
		if IsTitle(before) {
			return false
		}
		if n := utf8.RuneCountInString(before); n == 1 || IsAbbreviation(before) || n <= 2 && allDigits(before) {
			// An initial, an abbreviation, or an ordinal ("am 3. Oktober",
			// "im 20. Jahrhundert"):
			// a sentence starts only with a word that opens sentences ("in
			// the U.S. The president").
			return startsSentence(first) && opensSentence(s[w:])
		}
	}
	if unicode.IsDigit(first) {
		// Not between numbers: "3.5", and so "in 2023. 2024" either.
		r, _ := utf8.DecodeLastRuneInString(s[:p])
		return !unicode.IsDigit(r)
	}
	return startsSentence(first)
}

// betweenWords reports whether the apostrophe at byte b joins two words
// ("don't"), so it is not a quotation mark.
func betweenWords(s string, b int) bool {
	if b == 0 || b+1 >= len(s) {
		return false
	}
	r1, _ := utf8.DecodeLastRuneInString(s[:b])
	r2, _ := utf8.DecodeRuneInString(s[b+1:])
	return IsWordRune(r1) && IsWordRune(r2)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
