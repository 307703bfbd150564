package format

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textIndex slices a text by code points and converts offsets in other
// units to code points.
type textIndex struct {
	s      string
	n      int     // length in code points
	cpByte []int32 // byte offset of each code point and of the end; nil for ASCII
	cpU16  []int32 // UTF-16 offset of each code point and of the end; nil without astral characters
}

func newTextIndex(s string) *textIndex {
	t := &textIndex{s: s}
	ascii, astral := true, false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			ascii = false
		}
		if r > 0xFFFF {
			astral = true
		}
		t.n++
	}
	if !ascii {
		t.cpByte = make([]int32, 0, t.n+1)
		for i := range s {
			t.cpByte = append(t.cpByte, int32(i))
		}
		t.cpByte = append(t.cpByte, int32(len(s)))
	}
	if astral {
		t.cpU16 = make([]int32, 0, t.n+1)
		u := int32(0)
		for _, r := range s {
			t.cpU16 = append(t.cpU16, u)
			u++
			if r > 0xFFFF {
				u++
			}
		}
		t.cpU16 = append(t.cpU16, u)
	}
	return t
}

// byteAt returns the byte offset of code point i (0 <= i <= n).
func (t *textIndex) byteAt(i int) int {
	if t.cpByte == nil {
		return i
	}
	return int(t.cpByte[i])
}

// slice returns the text between code points start and end.
func (t *textIndex) slice(start, end int) string {
	return t.s[t.byteAt(start):t.byteAt(end)]
}

// u16At returns the UTF-16 offset of code point i.
func (t *textIndex) u16At(i int) int {
	if t.cpU16 == nil {
		return i
	}
	return int(t.cpU16[i])
}

// fromUnit converts offset o in unit u to a code point index; ok is false
// when o is out of range or inside a character.
func (t *textIndex) fromUnit(u string, o int) (int, bool) {
	if o < 0 {
		return 0, false
	}
	var table []int32
	switch u {
	case UnitCodePoints:
		return o, o <= t.n
	case UnitBytes:
		table = t.cpByte
	case UnitUTF16:
		table = t.cpU16
	}
	if table == nil {
		return o, o <= t.n
	}
	i := sort.Search(len(table), func(i int) bool { return int(table[i]) >= o })
	if i == len(table) || int(table[i]) != o {
		return 0, false
	}
	return i, true
}

// toUnit converts code point index i to unit u.
func (t *textIndex) toUnit(u string, i int) int {
	switch u {
	case UnitBytes:
		return t.byteAt(i)
	case UnitUTF16:
		return t.u16At(i)
	}
	return i
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
func detectUnit(t *textIndex, spans []rawSpan) (string, [][][2]int, error) {
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
		if u == UnitUTF16 && t.cpU16 == nil || u == UnitBytes && t.cpByte == nil {
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

func convertSpans(t *textIndex, u string, spans []rawSpan) ([][][2]int, error) {
	out := make([][][2]int, len(spans))
	for k, s := range spans {
		frs := make([][2]int, len(s.frags))
		for j, f := range s.frags {
			a, ok1 := t.fromUnit(u, f[0])
			b, ok2 := t.fromUnit(u, f[1])
			if ok1 && !ok2 && u == UnitCodePoints && s.hasText && f[0] < t.n && f[1]-f[0] == utf8.RuneCountInString(s.text) {
				// Running past the end: show what the text has there.
				return nil, fmt.Errorf("%s: span %s %q does not match the text (%q)", s.where, s, s.text, t.slice(f[0], t.n))
			}
			if !ok1 || !ok2 {
				if u == UnitCodePoints && s.hasText {
					return nil, fmt.Errorf("%s: span %s %q is outside the text (%d characters)", s.where, s, s.text, t.n)
				}
				if u == UnitCodePoints {
					return nil, fmt.Errorf("%s: span %s is outside the text (%d characters)", s.where, s, t.n)
				}
				return nil, fmt.Errorf("%s: span %s does not fit the text in %s", s.where, s, u)
			}
			frs[j] = [2]int{a, b}
		}
		if s.hasText {
			parts := make([]string, len(frs))
			for j, f := range frs {
				parts[j] = t.slice(f[0], f[1])
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

func allClean(t *textIndex, spans [][][2]int) bool {
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
func cleanEdge(t *textIndex, start, end int) bool {
	word := func(i int) bool {
		if i < 0 || i >= t.n {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t.s[t.byteAt(i):])
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
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
