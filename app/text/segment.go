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
		n := utf8.RuneCountInString(line)
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

// isAbbrevBefore reports whether the dot at rs[dot] ends an abbreviation:
// a listed word, a single capital ("J."), or a dotted acronym ("U.S.").
func isAbbrevBefore(rs []rune, dot int) bool {
	i := dot
	for i > 0 && (IsWordRune(rs[i-1]) || rs[i-1] == '.' && i-2 >= 0 && IsWordRune(rs[i-2])) {
		i--
	}
	w := string(rs[i:dot])
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, e.g, Ph.D
		return true
	}
	if n := utf8.RuneCountInString(w); n == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	return IsAbbreviation(w)
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '\u201d', '\u2019', '\u00bb', '\u203a':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '\u201c', '\u2018', '\u00ab', '\u2039', '\u201e':
		return true
	}
	return false
}

// Sentences splits s into sentences: on . ! ? (and … 。！？) followed by
// space and a capital letter (not after abbreviations such as "Mr." or single
// capitals "J."), and on paragraph breaks. Spans exclude surrounding space.
func Sentences(s string) []Span {
	var out []Span
	rs := []rune(s)
	for _, p := range Paragraphs(s) {
		start := p.Start
		for i := p.Start; i < p.End; i++ {
			r := rs[i]
			var cut int
			switch r {
			case '。', '！', '？':
				cut = i + 1
				for cut < p.End && isCloser(rs[cut]) {
					cut++
				}
			case '.', '!', '?', '…':
				if r == '.' && isAbbrevBefore(rs, i) {
					continue
				}
				j := i + 1
				for j < p.End && (rs[j] == '.' || rs[j] == '!' || rs[j] == '?' || isCloser(rs[j])) {
					j++
				}
				k := j
				for k < p.End && unicode.IsSpace(rs[k]) {
					k++
				}
				if k == j || k >= p.End {
					continue
				}
				next := rs[k]
				if isOpener(next) && k+1 < p.End {
					next = rs[k+1]
				}
				if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !unicode.Is(unicode.Lo, next) {
					continue
				}
				cut = j
			default:
				continue
			}
			if sp, ok := trimSpan(rs, start, cut); ok {
				out = append(out, sp)
			}
			start = cut
			i = cut - 1
		}
		if sp, ok := trimSpan(rs, start, p.End); ok {
			out = append(out, sp)
		}
	}
	return out
}

func trimSpan(rs []rune, a, b int) (Span, bool) {
	for a < b && unicode.IsSpace(rs[a]) {
		a++
	}
	for b > a && unicode.IsSpace(rs[b-1]) {
		b--
	}
	return Span{a, b}, a < b
}
