package text

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Text copied from a PDF, a plain-text e-mail or a wire feed is
// hard-wrapped: its paragraphs are broken into lines of about the same
// width, and a line break there is a space, not the end of a headline, a
// list item or a sentence. Gloss keeps such text as it is (offsets and
// exports are the pasted text's) but reads those breaks as spaces, so that
// "Angela\nMerkel" is one name and "the European Central\nBank" one
// organisation.

// SoftBreaks returns the byte offsets of the line breaks of s that only
// wrap a paragraph's lines, in order (nil for text that is not wrapped).
//
// A line break inside a paragraph is forced when its line, with the next
// line's first word, would be longer than four fifths of the text's width
// (the 90th percentile of those lines' lengths, 30 to 200 characters): a
// wrap, not the writer, ended the line. The text is wrapped when at least
// three of those breaks, and half of them, are forced; then every forced
// break is soft but those before a list item. Short lines (headlines,
// bylines, the last line of a paragraph), lists of names, a paragraph or a
// sentence a line (CoNLL) keep their breaks.
func SoftBreaks(s string) []int {
	type lineBreak struct {
		nl, n, next int  // the break's offset, its line's length, the next line's first word's
		keep        bool // the next line is a list item
	}
	var breaks []lineBreak // the breaks inside paragraphs
	for start := 0; start < len(s); {
		nl := strings.IndexByte(s[start:], '\n')
		if nl < 0 {
			break
		}
		nl += start
		line := strings.TrimRight(s[start:nl], " \t\r")
		start = nl + 1
		next := s[start:]
		if i := strings.IndexByte(next, '\n'); i >= 0 {
			next = next[:i]
		}
		next = strings.TrimLeft(next, " \t")
		if line == "" || isBlankLine(next) {
			continue
		}
		keep := listItem(next)
		w := strings.IndexAny(next, " \t\r")
		if w < 0 {
			w = len(next)
		}
		breaks = append(breaks, lineBreak{nl, RuneCount(line), RuneCount(next[:w]), keep})
	}
	if len(breaks) < 3 {
		return nil
	}
	lens := make([]int, len(breaks))
	for i, b := range breaks {
		lens[i] = b.n
	}
	slices.Sort(lens)
	width := lens[len(lens)*9/10]
	if width < 30 || width > 200 {
		return nil
	}
	forced := 0
	var out []int
	for _, b := range breaks {
		if 5*(b.n+1+b.next) > 4*width {
			forced++
			if !b.keep {
				out = append(out, b.nl)
			}
		}
	}
	if forced < 3 || 2*forced < len(breaks) {
		return nil
	}
	return out
}

// listItem reports whether a line starts as a list item does: a bullet or
// a dash, or a number or letter followed by "." or ")", then a space.
func listItem(line string) bool {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '◦', '‣':
		return n < len(line) && (line[n] == ' ' || line[n] == '\t')
	}
	i := 0
	for i < len(line) && i < 3 && ('0' <= line[i] && line[i] <= '9' || i == 0 && 'a' <= line[i] && line[i] <= 'z') {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// Wrap breaks each line of s longer than width characters at its last
// space before the width, and so on, as a plain-text mailer does: a space
// becomes a line break, so the text keeps its length and every offset.
// The tests and the evaluation make hard-wrapped text with it.
func Wrap(s string, width int) string {
	b := []byte(s)
	line, lastSpace := 0, -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch r {
		case '\n':
			line, lastSpace = 0, -1
		case ' ':
			lastSpace = i
			line++
		default:
			line++
		}
		if line > width && lastSpace >= 0 {
			b[lastSpace] = '\n'
			line = utf8.RuneCount(b[lastSpace+1 : i+n])
			lastSpace = -1
		}
		i += n
	}
	return string(b)
}
