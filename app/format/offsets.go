package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// fromUnit converts offset o in unit u to a code point index; ok is false
// when o is out of range or inside a character (text.Offsets rounds down,
// a file's span must fall on a character).
func fromUnit(t *gtext.Offsets, u string, o int) (int, bool) {
	if o < 0 {
		return 0, false
	}
	switch u {
	case UnitBytes:
		i := t.FromByte(o)
		return i, t.Byte(i) == o
	case UnitUTF16:
		i := t.FromUTF16(o)
		return i, t.UTF16(i) == o
	}
	return o, o <= t.Len()
}

// toUnit converts code point index i to unit u.
func toUnit(t *gtext.Offsets, u string, i int) int {
	switch u {
	case UnitBytes:
		return t.Byte(i)
	case UnitUTF16:
		return t.UTF16(i)
	}
	return i
}

// sameAsCodePoints reports whether offsets in unit u are code points for
// this text (bytes for ASCII, UTF-16 without astral characters).
func sameAsCodePoints(t *gtext.Offsets, u string) bool {
	return toUnit(t, u, t.Len()) == t.Len()
}

// rawSpan is a span as a file states it, before its unit is known.
type rawSpan struct {
	frags   [][2]int // one or more start-end pairs in the file's unit
	text    string   // the text the file quotes for the span
	hasText bool
	where   string // "line 3", "item 2": where the span is in the file
	// lf is set where the file cannot carry "\r\n" in a quote (CSV
	// readers turn it into "\n"): the comparison then does the same.
	lf bool
}

func (s rawSpan) String() string {
	var b strings.Builder
	for i, f := range s.frags {
		if i > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "%d-%d", f[0], f[1])
	}
	return b.String()
}

// units in order of preference.
var units = []string{UnitCodePoints, UnitUTF16, UnitBytes}

// detectUnit finds the offset unit under which every span lies inside the
// text and quotes it correctly, and returns the spans in code points. The
// error names the first span that fits no unit, judged in code points.
func detectUnit(t *gtext.Offsets, spans []rawSpan) (string, [][][2]int, error) {
	if err := checkSpans(spans); err != nil {
		return "", nil, err
	}
	type fit struct {
		unit  string
		spans [][][2]int
	}
	var fits []fit
	var firstErr error
	for _, u := range units {
		if u != UnitCodePoints && sameAsCodePoints(t, u) {
			continue // the same as code points for this text
		}
		out, err := convertSpans(t, u, spans)
		if err == nil {
			fits = append(fits, fit{u, out})
		} else if firstErr == nil {
			firstErr = err
		}
	}
	if len(fits) == 0 {
		return "", nil, firstErr
	}
	best := 0
	quoted := false
	for _, s := range spans {
		quoted = quoted || s.hasText
	}
	if len(fits) > 1 && !quoted && !allClean(t, fits[0].spans) {
		// Several units fit and no span quotes its text (when quotes
		// fit under several units, code points win). Code points win unless they cut words and another unit's
		// spans all sit on word boundaries.
		for i := 1; i < len(fits); i++ {
			if allClean(t, fits[i].spans) {
				best = i
				break
			}
		}
	}
	return fits[best].unit, fits[best].spans, nil
}

func convertSpans(t *gtext.Offsets, u string, spans []rawSpan) ([][][2]int, error) {
	out := make([][][2]int, len(spans))
	for k, s := range spans {
		frs := make([][2]int, len(s.frags))
		for j, f := range s.frags {
			a, ok1 := fromUnit(t, u, f[0])
			b, ok2 := fromUnit(t, u, f[1])
			if ok1 && !ok2 && u == UnitCodePoints && s.hasText && f[0] < t.Len() && f[1]-f[0] == utf8.RuneCountInString(s.text) {
				// Running past the end: show what the text has there.
				return nil, fmt.Errorf("%s: span %s %q does not match the text (%q)", s.where, s, s.text, t.Slice(f[0], t.Len()))
			}
			if !ok1 || !ok2 {
				if u == UnitCodePoints && s.hasText {
					return nil, fmt.Errorf("%s: span %s %q is outside the text (%d characters)", s.where, s, s.text, t.Len())
				}
				if u == UnitCodePoints {
					return nil, fmt.Errorf("%s: span %s is outside the text (%d characters)", s.where, s, t.Len())
				}
				return nil, fmt.Errorf("%s: span %s does not fit the text in %s", s.where, s, u)
			}
			frs[j] = [2]int{a, b}
		}
		if s.hasText {
			parts := make([]string, len(frs))
			for j, f := range frs {
				parts[j] = t.Slice(f[0], f[1])
			}
			got := strings.Join(parts, " ")
			if s.lf {
				got = strings.ReplaceAll(got, "\r\n", "\n")
			}
			if !sameText(got, s.text) && !quotesFragments(s.text, parts) {
				return nil, fmt.Errorf("%s: span %s %q does not match the text (%q)", s.where, s, s.text, got)
			}
		}
		out[k] = frs
	}
	return out, nil
}

// quotesFragments reports whether quote is the text of a span's fragments:
// brat joins them with a space when it checks a quote, files written by
// other tools join them with nothing; both are accepted.
func quotesFragments(quote string, parts []string) bool {
	return sameText(quote, strings.Join(parts, " ")) || len(parts) > 1 && sameText(quote, strings.Join(parts, ""))
}

// sameText compares a quoted span with the text, taking any whitespace
// character as equal to any other (brat writes line breaks as spaces).
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && !(unicode.IsSpace(ra) && unicode.IsSpace(rb)) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func allClean(t *gtext.Offsets, spans [][][2]int) bool {
	for _, fr := range spans {
		for _, f := range fr {
			if !cleanEdge(t, f[0], f[1]) {
				return false
			}
		}
	}
	return true
}

// cleanEdge reports whether span start-end begins and ends at word
// boundaries without cutting a word.
func cleanEdge(t *gtext.Offsets, start, end int) bool {
	word := func(i int) bool {
		if i < 0 || i >= t.Len() {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t.String()[t.Byte(i):])
		return gtext.IsWordRune(r)
	}
	return !(word(start-1) && word(start)) && !(word(end-1) && word(end))
}

// checkSpans names the first span whose offsets are reversed or empty,
// whatever the text.
func checkSpans(spans []rawSpan) error {
	for _, s := range spans {
		for _, f := range s.frags {
			if f[0] > f[1] {
				return fmt.Errorf("%s: offsets %d-%d reversed", s.where, f[0], f[1])
			}
			if f[0] == f[1] {
				return fmt.Errorf("%s: span %d-%d is empty", s.where, f[0], f[1])
			}
		}
	}
	return nil
}
